-- shuwu upgrade fixture: the database of release 72dcead (2026-12-04) with a small library in it.
-- Written by that release's code; the test loads it under that schema and upgrades it.
INSERT INTO schema_migrations (version, applied_at) VALUES (1, 1796421658873);
INSERT INTO schema_migrations (version, applied_at) VALUES (2, 1796421658876);
INSERT INTO schema_migrations (version, applied_at) VALUES (3, 1796421658878);
INSERT INTO schema_migrations (version, applied_at) VALUES (5, 1796421658881);
INSERT INTO schema_migrations (version, applied_at) VALUES (7, 1796421658883);
INSERT INTO schema_migrations (version, applied_at) VALUES (9, 1796421658884);
INSERT INTO schema_migrations (version, applied_at) VALUES (10, 1796421658885);
INSERT INTO schema_migrations (version, applied_at) VALUES (11, 1796421658891);
INSERT INTO schema_migrations (version, applied_at) VALUES (12, 1796421658896);
INSERT INTO schema_migrations (version, applied_at) VALUES (13, 1796421658900);
INSERT INTO schema_migrations (version, applied_at) VALUES (17, 1796421658905);
INSERT INTO schema_migrations (version, applied_at) VALUES (18, 1796421658907);
INSERT INTO schema_migrations (version, applied_at) VALUES (19, 1796421658910);
INSERT INTO schema_migrations (version, applied_at) VALUES (22, 1796421658912);
INSERT INTO schema_migrations (version, applied_at) VALUES (23, 1796421658913);
INSERT INTO schema_migrations (version, applied_at) VALUES (24, 1796421658920);
INSERT INTO schema_migrations (version, applied_at) VALUES (25, 1796421658929);
INSERT INTO schema_migrations (version, applied_at) VALUES (27, 1796421658930);
INSERT INTO schema_migrations (version, applied_at) VALUES (28, 1796421658933);
INSERT INTO schema_migrations (version, applied_at) VALUES (35, 1796421658936);
INSERT INTO schema_migrations (version, applied_at) VALUES (39, 1796421658937);
INSERT INTO settings (key, value) VALUES ('rules', '{"card_grace_days":7,"hold_pickup_days":7,"suspend_days_per_overdue_day":0,"hold_on_available":false,"closed_weekdays":[6,0],"staff_expiry_years":3,"initial_password":"phone6"}');
INSERT INTO categories (id, code, name, name_en, clc_ranges, sort) VALUES (1, 'mllt', '马列理论', 'Marxist theory', 'A,B0,D0', 1);
INSERT INTO categories (id, code, name, name_en, clc_ranges, sort) VALUES (2, 'dsdj', '党史党建', 'Party history and building', 'D2', 2);
INSERT INTO categories (id, code, name, name_en, clc_ranges, sort) VALUES (3, 'zzdw', '政治读物', 'Politics', 'D,D6,D8,D9,E', 3);
INSERT INTO categories (id, code, name, name_en, clc_ranges, sort) VALUES (4, 'zhdw', '综合读物', 'General', 'Z,N,O,P,Q,R,S,T,U,V,X,F', 4);
INSERT INTO categories (id, code, name, name_en, clc_ranges, sort) VALUES (5, 'ljjs', '廉政建设', 'Integrity', 'D262.6,D630.9', 5);
INSERT INTO categories (id, code, name, name_en, clc_ranges, sort) VALUES (6, 'rwsk', '人文社科', 'Humanities and social sciences', 'B,C,G,H,K', 6);
INSERT INTO categories (id, code, name, name_en, clc_ranges, sort) VALUES (7, 'wxys', '文学艺术', 'Literature and art', 'I,J', 7);
INSERT INTO categories (id, code, name, name_en, clc_ranges, sort) VALUES (8, 'mzwh', '民族文化', 'Ethnic culture', 'D633,K28,G127,J6,I29', 8);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (1, 'shelf1', '藏书室书架第一组', 'Stacks, shelf group 1', 1, 1);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (2, 'shelf2', '藏书室书架第二组', 'Stacks, shelf group 2', 1, 2);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (3, 'shelf3', '藏书室书架第三组', 'Stacks, shelf group 3', 1, 3);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (4, 'shelf4', '藏书室书架第四组', 'Stacks, shelf group 4', 1, 4);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (5, 'shelf5', '藏书室书架第五组', 'Stacks, shelf group 5', 1, 5);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (6, 'shelf6', '藏书室书架第六组', 'Stacks, shelf group 6', 1, 6);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (7, 'shelf7', '藏书室书架第七组', 'Stacks, shelf group 7', 1, 7);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (8, 'shelf8', '藏书室书架第八组', 'Stacks, shelf group 8', 1, 8);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (9, 'shelf9', '藏书室书架第九组', 'Stacks, shelf group 9', 1, 9);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (10, 'shelf10', '藏书室书架第十组', 'Stacks, shelf group 10', 1, 10);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (11, 'reading', '阅览室', 'Reading room', 0, 11);
INSERT INTO locations (id, code, name, name_en, lendable, sort) VALUES (12, 'display', '展架', 'Display rack', 1, 12);
INSERT INTO records (id, title, other_title, parallel_title, responsibility, publisher, place, year, edition, pages, size, price_fen, isbn, series, language, summary, subjects, clc, category_id, notes, created_at, updated_at, part_number, part_name, part_sort) VALUES (1, '习近平谈治国理政（第四卷）', '', '', '', '人民出版社', '北京', 2020, '', '', '', 4500, '9787010000015', '', 'chi', '', '', 'D2', 2, '', 1796421660631, 1796421660631, '', '', '');
INSERT INTO records (id, title, other_title, parallel_title, responsibility, publisher, place, year, edition, pages, size, price_fen, isbn, series, language, summary, subjects, clc, category_id, notes, created_at, updated_at, part_number, part_name, part_sort) VALUES (2, '中国共产党简史', '', '', '', '人民出版社', '北京', 2021, '', '', '', 4500, '9787010000022', '', 'chi', '', '', 'D2', 2, '', 1796421660639, 1796421660639, '', '', '');
INSERT INTO records (id, title, other_title, parallel_title, responsibility, publisher, place, year, edition, pages, size, price_fen, isbn, series, language, summary, subjects, clc, category_id, notes, created_at, updated_at, part_number, part_name, part_sort) VALUES (3, '共产党宣言', '', '', '', '人民出版社', '北京', 2022, '', '', '', 4500, '9787010000039', '', 'chi', '', '', 'A1', 1, '', 1796421660642, 1796421660642, '', '', '');
INSERT INTO records (id, title, other_title, parallel_title, responsibility, publisher, place, year, edition, pages, size, price_fen, isbn, series, language, summary, subjects, clc, category_id, notes, created_at, updated_at, part_number, part_name, part_sort) VALUES (4, '平凡的世界', '', '', '', '人民出版社', '北京', 2023, '', '', '', 4500, '9787010000046', '', 'chi', '', '', 'I2', 7, '', 1796421660644, 1796421660644, '', '', '');
INSERT INTO records (id, title, other_title, parallel_title, responsibility, publisher, place, year, edition, pages, size, price_fen, isbn, series, language, summary, subjects, clc, category_id, notes, created_at, updated_at, part_number, part_name, part_sort) VALUES (5, '红岩', '', '', '', '人民出版社', '北京', 2020, '', '', '', 4500, '9787010000053', '', 'chi', '', '', 'I2', 7, '', 1796421660646, 1796421660646, '', '', '');
INSERT INTO records (id, title, other_title, parallel_title, responsibility, publisher, place, year, edition, pages, size, price_fen, isbn, series, language, summary, subjects, clc, category_id, notes, created_at, updated_at, part_number, part_name, part_sort) VALUES (6, '中华人民共和国史', '', '', '', '人民出版社', '北京', 2021, '', '', '', 4500, '9787010000060', '', 'chi', '', '', 'K2', 6, '', 1796421660649, 1796421660649, '', '', '');
INSERT INTO record_authors (record_id, pos, name, role) VALUES (1, 0, '习近平', '著');
INSERT INTO record_authors (record_id, pos, name, role) VALUES (2, 0, '本书编写组', '著');
INSERT INTO record_authors (record_id, pos, name, role) VALUES (3, 0, '马克思', '著');
INSERT INTO record_authors (record_id, pos, name, role) VALUES (4, 0, '路遥', '著');
INSERT INTO record_authors (record_id, pos, name, role) VALUES (5, 0, '罗广斌', '著');
INSERT INTO record_authors (record_id, pos, name, role) VALUES (6, 0, '当代中国研究所', '著');
INSERT INTO sequences (name, last) VALUES ('zch:D2', 2);
INSERT INTO sequences (name, last) VALUES ('barcode', 10);
INSERT INTO sequences (name, last) VALUES ('zch:A1', 1);
INSERT INTO sequences (name, last) VALUES ('zch:I2', 2);
INSERT INTO sequences (name, last) VALUES ('zch:K2', 1);
INSERT INTO sequences (name, last) VALUES ('card', 2);
INSERT INTO items (id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, price_fen, added_date, lendable, notes, created_at, updated_at, donor_id, batch_id) VALUES (1, 1, '00000001', 'D2/1', 'BA', 1, 'on_loan', 'purchase', '', 4500, '2026-12-05', 1, '', 1796421660637, 1796421661111, NULL, NULL);
INSERT INTO items (id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, price_fen, added_date, lendable, notes, created_at, updated_at, donor_id, batch_id) VALUES (2, 2, '00000002', 'D2/2', 'BB', 2, 'available', 'purchase', '', 4500, '2026-12-05', 1, '', 1796421660641, 1796421661113, NULL, NULL);
INSERT INTO items (id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, price_fen, added_date, lendable, notes, created_at, updated_at, donor_id, batch_id) VALUES (3, 2, '00000003', 'D2/2', 'BB', 2, 'available', 'purchase', '', 4500, '2026-12-05', 1, '', 1796421660641, 1796421660641, NULL, NULL);
INSERT INTO items (id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, price_fen, added_date, lendable, notes, created_at, updated_at, donor_id, batch_id) VALUES (4, 3, '00000004', 'A1/1', 'AA', 3, 'available', 'purchase', '', 4500, '2026-12-05', 1, '', 1796421660643, 1796421660643, NULL, NULL);
INSERT INTO items (id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, price_fen, added_date, lendable, notes, created_at, updated_at, donor_id, batch_id) VALUES (5, 3, '00000005', 'A1/1', 'AA', 3, 'available', 'purchase', '', 4500, '2026-12-05', 1, '', 1796421660643, 1796421660643, NULL, NULL);
INSERT INTO items (id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, price_fen, added_date, lendable, notes, created_at, updated_at, donor_id, batch_id) VALUES (6, 4, '00000006', 'I2/1', 'BA', 4, 'available', 'purchase', '', 4500, '2026-12-05', 1, '', 1796421660645, 1796421660645, NULL, NULL);
INSERT INTO items (id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, price_fen, added_date, lendable, notes, created_at, updated_at, donor_id, batch_id) VALUES (7, 5, '00000007', 'I2/2', 'BB', 5, 'available', 'purchase', '', 4500, '2026-12-05', 1, '', 1796421660648, 1796421660648, NULL, NULL);
INSERT INTO items (id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, price_fen, added_date, lendable, notes, created_at, updated_at, donor_id, batch_id) VALUES (8, 6, '00000008', 'K2/1', 'BA', 6, 'available', 'purchase', '', 4500, '2026-12-05', 1, '', 1796421660649, 1796421660649, NULL, NULL);
INSERT INTO items (id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, price_fen, added_date, lendable, notes, created_at, updated_at, donor_id, batch_id) VALUES (9, 6, '00000009', 'K2/1', 'BA', 6, 'available', 'purchase', '', 4500, '2026-12-05', 1, '', 1796421660649, 1796421660649, NULL, NULL);
INSERT INTO items (id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, price_fen, added_date, lendable, notes, created_at, updated_at, donor_id, batch_id) VALUES (10, 6, '00000010', 'K2/1', 'BA', 6, 'available', 'purchase', '', 4500, '2026-12-05', 1, '', 1796421660649, 1796421660649, NULL, NULL);
INSERT INTO reader_types (id, code, name, name_en, sort) VALUES (1, 'trainee', '学员', 'Trainee', 1);
INSERT INTO reader_types (id, code, name, name_en, sort) VALUES (2, 'staff', '教职工', 'Staff', 2);
INSERT INTO reader_types (id, code, name, name_en, sort) VALUES (3, 'visitor', '访客', 'Visitor', 3);
INSERT INTO readers (id, card, name, gender, unit, position, phone, type_id, status, expiry_date, suspended_until, notes, password_hash, created_at, updated_at) VALUES (1, 'R0000001', '张三', '', '某县委组织部', '', '13800138000', 1, 'active', '2027-02-03', '', '', '$argon2id$v=19$m=19456,t=2,p=1$6sJiz0j+TZXLI/ksdJY0sQ$l9ZsQis6HuWeCOcWQ8X1hV/V/iDzTVOGVmSHoWxVhpE', 1796421660652, 1796421661024);
INSERT INTO readers (id, card, name, gender, unit, position, phone, type_id, status, expiry_date, suspended_until, notes, password_hash, created_at, updated_at) VALUES (2, 'R0000002', '李四', '', '某县委宣传部', '', '13900139000', 1, 'active', '2027-02-03', '', '', '$argon2id$v=19$m=19456,t=2,p=1$0RYvEKKlfG2rFbttWA4CYg$li7c32YmstBnPC2+GddzP1T5Dgdp4lbUoltuvLp8yJc', 1796421661038, 1796421661104);
INSERT INTO classes (id, name, kind, start_date, end_date, head_teacher, notes, created_at) VALUES (1, '2024年春季县干班', '主体班', '2026-11-05', '2026-12-15', '', '', 1796421660650);
INSERT INTO class_members (class_id, reader_id, joined_at, cleared_at) VALUES (1, 1, 1796421661036, NULL);
INSERT INTO class_members (class_id, reader_id, joined_at, cleared_at) VALUES (1, 2, 1796421661106, NULL);
INSERT INTO policies (id, reader_type_id, category_id, loan_days, max_loans, renewals, renewal_days, holds_allowed, max_holds) VALUES (1, NULL, NULL, 30, 10, 1, 15, 1, 5);
INSERT INTO policies (id, reader_type_id, category_id, loan_days, max_loans, renewals, renewal_days, holds_allowed, max_holds) VALUES (2, 3, NULL, 14, 2, 0, 0, 0, 0);
INSERT INTO loans (id, item_id, reader_id, class_id, loaned_at, due_date, renewals, staff_id) VALUES (1, 1, 1, 1, 1796421661110, '2027-01-04', 0, NULL);
INSERT INTO holds (id, record_id, reader_id, placed_at, status, item_id, trapped_at, pickup_deadline) VALUES (1, 1, 2, 1796421661115, 'waiting', NULL, NULL, '');
INSERT INTO ledger (id, kind, at, reader_id, class_id, item_id, record_id, staff_id, due_date, detail, space_id, ref_id) VALUES (1, 'loan', 1796421661111, 1, 1, 1, 1, NULL, '2027-01-04', '', NULL, NULL);
INSERT INTO ledger (id, kind, at, reader_id, class_id, item_id, record_id, staff_id, due_date, detail, space_id, ref_id) VALUES (2, 'loan', 1796421661112, 2, 1, 2, 2, NULL, '2027-01-04', '', NULL, NULL);
INSERT INTO ledger (id, kind, at, reader_id, class_id, item_id, record_id, staff_id, due_date, detail, space_id, ref_id) VALUES (3, 'return', 1796421661113, 2, 1, 2, 2, NULL, '2027-01-04', '{"overdue_days":0}', NULL, NULL);
INSERT INTO ledger (id, kind, at, reader_id, class_id, item_id, record_id, staff_id, due_date, detail, space_id, ref_id) VALUES (4, 'hold', 1796421661115, 2, NULL, NULL, 1, NULL, '', '{"hold_id":1}', NULL, NULL);
INSERT INTO ledger (id, kind, at, reader_id, class_id, item_id, record_id, staff_id, due_date, detail, space_id, ref_id) VALUES (5, 'activity_register', 1796421661121, 1, 1, NULL, NULL, NULL, '', '{"status":"registered"}', 3, 1);
INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (1, 'admin', '系统管理员', 'admin', '$argon2id$v=19$m=19456,t=2,p=1$HsCTJGNQsXnRWkqUM/IehQ$z4XTgesVqFA9jKcF/SuHGE/U5ejECMTWiFKLkNI+6kc', 0, 1796421659783);
INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (2, 'librarian', '王馆员', 'librarian', '$argon2id$v=19$m=19456,t=2,p=1$/LPMYbP+f89HZ7DqopNJ1Q$1rEc+B+tyWkk1EvgGk6xNEk5JrZRbwzsju1TaO353os', 0, 1796421660030);
INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (3, 'duty1', '值班员李明', 'duty', '$argon2id$v=19$m=19456,t=2,p=1$uV6cXFVK83ol2d6bYSji3A$ojCYIiytCalQOsEWEB1PK/G0PmRM90DbcNvirxWXPpQ', 0, 1796421660100);
INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (4, 'duty2', '值班员张华', 'duty', '$argon2id$v=19$m=19456,t=2,p=1$csd51Y/YWhgzsLZNAXOGWA$mv/c/Bg9HpM4nZRHv6QXJzQAzgOKAH9IbsjCJm2Q0os', 0, 1796421660202);
INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (5, 'leader', '分管校领导', 'leadership', '$argon2id$v=19$m=19456,t=2,p=1$59qE0GVjSoOHIfCU4UgPiA$GACiQe4aHwyE9V/c9COYwZituMFneMKjW+U33uk4aIk', 0, 1796421660456);
INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (6, 'branch1', '校机关一支部', 'organiser', '$argon2id$v=19$m=19456,t=2,p=1$UJ5CLORiwUM0NnxIY6C2uw$kZy0aFI8CZQL35iG4xSEmfmDuQ2Ywxvk04KIbwCQyWo', 0, 1796421660518);
INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (7, 'youth', '青年理论学习小组', 'organiser', '$argon2id$v=19$m=19456,t=2,p=1$Lr74/eqemvoODS8a2hYNog$niG9szJ747H1/kFwFXnkVSRQ7YKaPKAa1vMiM3lP19w', 0, 1796421660578);
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (1, 1796421659786, NULL, 'system', 'create', 'user', 'admin', '新建账号 admin（系统管理员）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (2, 1796421660030, NULL, 'system', 'create', 'user', 'librarian', '新建账号 librarian（馆员）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (3, 1796421660100, NULL, 'system', 'create', 'user', 'duty1', '新建账号 duty1（值班员）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (4, 1796421660203, NULL, 'system', 'create', 'user', 'duty2', '新建账号 duty2（值班员）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (5, 1796421660457, NULL, 'system', 'create', 'user', 'leader', '新建账号 leader（领导）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (6, 1796421660519, NULL, 'system', 'create', 'user', 'branch1', '新建账号 branch1（组织者）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (7, 1796421660578, NULL, 'system', 'create', 'user', 'youth', '新建账号 youth（组织者）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (8, 1796421660632, NULL, 'system', 'create', 'record', '1', '新建书目《习近平谈治国理政（第四卷）》', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (9, 1796421660638, NULL, 'system', 'create', 'item', '1', '为《习近平谈治国理政（第四卷）》新增 1 册复本（D2/1）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (10, 1796421660639, NULL, 'system', 'create', 'record', '2', '新建书目《中国共产党简史》', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (11, 1796421660641, NULL, 'system', 'create', 'item', '2', '为《中国共产党简史》新增 2 册复本（D2/2）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (12, 1796421660642, NULL, 'system', 'create', 'record', '3', '新建书目《共产党宣言》', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (13, 1796421660643, NULL, 'system', 'create', 'item', '3', '为《共产党宣言》新增 2 册复本（A1/1）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (14, 1796421660644, NULL, 'system', 'create', 'record', '4', '新建书目《平凡的世界》', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (15, 1796421660645, NULL, 'system', 'create', 'item', '4', '为《平凡的世界》新增 1 册复本（I2/1）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (16, 1796421660646, NULL, 'system', 'create', 'record', '5', '新建书目《红岩》', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (17, 1796421660648, NULL, 'system', 'create', 'item', '5', '为《红岩》新增 1 册复本（I2/2）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (18, 1796421660649, NULL, 'system', 'create', 'record', '6', '新建书目《中华人民共和国史》', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (19, 1796421660649, NULL, 'system', 'create', 'item', '6', '为《中华人民共和国史》新增 3 册复本（K2/1）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (20, 1796421660650, NULL, 'system', 'create', 'class', '1', '新建班次 2024年春季县干班', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (21, 1796421660652, NULL, 'system', 'create', 'reader', 'R0000001', '新建读者 张三（R0000001）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (22, 1796421661025, NULL, 'system', 'password', 'reader', 'R0000001', '设置读者密码 张三', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (23, 1796421661036, NULL, 'system', 'members', 'class', '1', '班次 2024年春季县干班 加入学员 1 人', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (24, 1796421661038, NULL, 'system', 'create', 'reader', 'R0000002', '新建读者 李四（R0000002）', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (25, 1796421661104, NULL, 'system', 'password', 'reader', 'R0000002', '设置读者密码 李四', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (26, 1796421661106, NULL, 'system', 'members', 'class', '1', '班次 2024年春季县干班 加入学员 1 人', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (27, 1796421661116, NULL, 'system', 'update', 'space', '3', '修改场地 阅览室：24 座，00:00–23:59', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (28, 1796421661117, NULL, 'system', 'create', 'activity', '1', '安排活动「学习党的二十大精神读书分享会」（读书分享会）12月5日 06:11–07:41 阅览室 · 校机关一支部', '');
INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, detail) VALUES (29, 1796421661124, NULL, 'system', 'create', 'reception', '1', '接待记录：2026-12-05 李明（州委副书记） 等 1 人来访（州级领导）', '');
INSERT INTO spaces (id, code, name, capacity, opens, closes, bookable, whole_room, position) VALUES (1, 'room', '书屋（全室）', 50, '08:30', '21:30', 1, 1, 0);
INSERT INTO spaces (id, code, name, capacity, opens, closes, bookable, whole_room, position) VALUES (2, 'stacks', '藏书室', 10, '08:30', '21:30', 0, 0, 1);
INSERT INTO spaces (id, code, name, capacity, opens, closes, bookable, whole_room, position) VALUES (3, 'reading', '阅览室', 24, '00:00', '23:59', 1, 0, 2);
INSERT INTO spaces (id, code, name, capacity, opens, closes, bookable, whole_room, position) VALUES (4, 'discussion', '休闲讨论区', 12, '08:30', '21:30', 1, 0, 3);
INSERT INTO spaces (id, code, name, capacity, opens, closes, bookable, whole_room, position) VALUES (5, 'e-reading', '电子资料查阅台', 4, '08:30', '21:30', 1, 0, 4);
INSERT INTO spaces (id, code, name, capacity, opens, closes, bookable, whole_room, position) VALUES (6, 'service', '管理服务台', 2, '08:30', '21:30', 0, 0, 5);
INSERT INTO spaces (id, code, name, capacity, opens, closes, bookable, whole_room, position) VALUES (7, 'tea', '茶水台', 0, '08:30', '21:30', 0, 0, 6);
INSERT INTO activities (id, title, form, organiser, user_id, host, starts_at, ends_at, space_id, booking_id, capacity, audience, class_id, description, list_id, status, created_by, created_at, updated_at, late_minutes, signin_key, summary, summary_by) VALUES (1, '学习党的二十大精神读书分享会', 'sharing', '校机关一支部', NULL, '李老师', 1796422260000, 1796427660000, 3, NULL, 20, 'open', NULL, '', NULL, 'planned', 'system', 1796421661116, 1796421661116, 30, 'ff3e4e2aa438146c7e40eee64fc241a4', '', '');
INSERT INTO activity_registrations (id, activity_id, reader_id, class_id, status, registered_at, changed_at) VALUES (1, 1, 1, 1, 'registered', 1796421661121, 1796421661121);
INSERT INTO receptions (id, day, level, guests, accompanying, shown, remarks, created_by, created_at, updated_at) VALUES (1, '2026-12-05', 'prefecture', '[{"name":"李明","title":"州委副书记"}]', '', '书屋藏书与主题活动', '肯定了一室多用', 'system', 1796421661123, 1796421661123);
INSERT INTO duty_shifts (id, name, starts, ends, tasks, position) VALUES (1, '上午班', '08:30', '12:00', '开门开灯，检查设备设施
借阅登记与还书上架
报刊更新（记到、上架）
整理书架、归档', 1);
INSERT INTO duty_shifts (id, name, starts, ends, tasks, position) VALUES (2, '下午班', '14:00', '17:30', '借阅登记与还书上架
整理书架、归档
阅览区桌椅整理
填写交接班记录', 2);
INSERT INTO duty_shifts (id, name, starts, ends, tasks, position) VALUES (3, '晚班', '19:00', '21:30', '借阅登记与还书上架
巡查阅览区
关闭电脑、空调、除湿机
关灯锁门，填写交接班记录', 3);
INSERT INTO regulations (id, title, body, position, updated_by, updated_at) VALUES (1, '集中学习交流讨论制度', '一、党建书屋是学员和教职工开展理论学习、阅读分享、交流研讨的阵地，各党支部、班级临时党支部、学习小组可预约使用。
二、集中学习应提前在书屋系统中预约场地，写明时间、人数和学习主题，经书屋管理员确认后使用。
三、集中学习以原原本本学习党的创新理论为主，结合主体班、科干班、县干班教学安排，围绕专题开展交流讨论。
四、组织者负责学习活动的组织和签到，活动结束后填写活动小结，书屋据此记入年度工作台账。
五、参加学习交流人员应自觉遵守书屋秩序，爱护图书和设施设备，保持室内安静整洁。
六、学习交流结束后，组织者应整理桌椅、归还所用图书资料，关闭所用电器。', 1, '', 0);
INSERT INTO regulations (id, title, body, position, updated_by, updated_at) VALUES (2, '图书借阅管理制度', '一、本书屋面向党校学员和教职工开放，凭读者证（或校园卡）借阅，读者证限本人使用，不得转借。
二、学员每人可借图书若干册，借期以系统所定借阅规则为准，到期可续借一次；有预约的图书不能续借。
三、借阅图书应妥善保管，不得涂写、圈点、折页、撕毁；遗失或损坏图书须按规定赔偿或购买同版本图书归还。
四、报刊和工具书、珍藏本限在书屋内阅览，不外借。
五、学员结业前须归还所借全部图书，办理结业清还手续；逾期未还者，班主任协助催还。
六、读者应按时归还图书，逾期未还暂停借阅资格，直至归还为止。
七、在书屋内阅览完毕的图书请放在指定位置，由值班人员统一归架。', 2, '', 0);
INSERT INTO regulations (id, title, body, position, updated_by, updated_at) VALUES (3, '图书管理员工作制度', '一、书屋配备专职图书管理员1名，安排工作人员2名轮流值班，按值班表准时到岗，不得擅离职守。
二、管理员负责图书的采购验收、分类编目、加工上架和统计工作，做到账物相符。
三、值班人员负责日常图书的整理、归档、借阅登记及报刊、杂志的更新，保持图书排列有序。
四、值班人员应认真填写交接班记录，写明当班借还情况、读者意见、待办事项和报刊到馆情况，由接班人员确认。
五、定期开展图书清点和剔旧工作，做好防火、防潮、防盗、防虫工作，闭馆前检查电器和门窗。
六、热情为读者服务，主动宣传推荐新书和必读书目，配合各类主题活动做好场地和图书准备。
七、每年年底汇总借阅、阅览、活动和藏书增长情况，形成书屋年度工作报告。', 3, '', 0);
