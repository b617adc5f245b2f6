-- The staff's day: the shifts of an open day and the checklist of each,
-- the monthly duty roster (1 librarian + rotating duty staff), swaps
-- asked and decided, the handover log (交接班记录) and the room's
-- regulations (三项制度) shown in the portal and printed for the wall.
CREATE TABLE duty_shifts (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    starts   TEXT NOT NULL,
    ends     TEXT NOT NULL,
    tasks    TEXT NOT NULL DEFAULT '', -- the checklist, one task per line
    position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO duty_shifts (id, name, starts, ends, tasks, position) VALUES
    (1, '上午班', '08:30', '12:00', '开门开灯，检查设备设施
借阅登记与还书上架
报刊更新（记到、上架）
整理书架、归档', 1),
    (2, '下午班', '14:00', '17:30', '借阅登记与还书上架
整理书架、归档
阅览区桌椅整理
填写交接班记录', 2),
    (3, '晚班', '19:00', '21:30', '借阅登记与还书上架
巡查阅览区
关闭电脑、空调、除湿机
关灯锁门，填写交接班记录', 3)
ON CONFLICT (id) DO NOTHING;

-- One person on one shift of one day. A swap changes user_id.
CREATE TABLE duty_slots (
    id       INTEGER PRIMARY KEY,
    day      TEXT NOT NULL,
    shift_id INTEGER NOT NULL REFERENCES duty_shifts(id),
    user_id  INTEGER NOT NULL REFERENCES users(id),
    lead     INTEGER NOT NULL DEFAULT 0, -- the librarian in charge of the shift
    UNIQUE (day, shift_id, user_id)
);
CREATE INDEX duty_slots_user ON duty_slots(user_id, day);

CREATE TABLE duty_swaps (
    id         INTEGER PRIMARY KEY,
    slot_id    INTEGER NOT NULL REFERENCES duty_slots(id) ON DELETE CASCADE,
    from_user  INTEGER NOT NULL REFERENCES users(id),
    to_user    INTEGER NOT NULL REFERENCES users(id),
    reason     TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX duty_swaps_status ON duty_swaps(status, created_at);

-- The tasks ticked on a shift of a day.
CREATE TABLE duty_checks (
    day      TEXT NOT NULL,
    shift_id INTEGER NOT NULL REFERENCES duty_shifts(id),
    task     TEXT NOT NULL,
    user_id  INTEGER REFERENCES users(id),
    done_at  INTEGER NOT NULL,
    PRIMARY KEY (day, shift_id, task)
);

CREATE TABLE duty_handovers (
    id          INTEGER PRIMARY KEY,
    day         TEXT NOT NULL,
    shift_id    INTEGER NOT NULL REFERENCES duty_shifts(id),
    user_id     INTEGER REFERENCES users(id),
    written_by  TEXT NOT NULL,
    happened    TEXT NOT NULL,
    follow_up   TEXT NOT NULL DEFAULT '',
    periodicals TEXT NOT NULL DEFAULT '',
    cash        TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    acked_by    TEXT NOT NULL DEFAULT '',
    acked_at    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (day, shift_id)
);

CREATE TABLE regulations (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL UNIQUE,
    body       TEXT NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    updated_by TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL DEFAULT 0
);
INSERT INTO regulations (id, title, body, position) VALUES
    (1, '集中学习交流讨论制度', '一、党建书屋是学员和教职工开展理论学习、阅读分享、交流研讨的阵地，各党支部、班级临时党支部、学习小组可预约使用。
二、集中学习应提前在书屋系统中预约场地，写明时间、人数和学习主题，经书屋管理员确认后使用。
三、集中学习以原原本本学习党的创新理论为主，结合主体班、科干班、县干班教学安排，围绕专题开展交流讨论。
四、组织者负责学习活动的组织和签到，活动结束后填写活动小结，书屋据此记入年度工作台账。
五、参加学习交流人员应自觉遵守书屋秩序，爱护图书和设施设备，保持室内安静整洁。
六、学习交流结束后，组织者应整理桌椅、归还所用图书资料，关闭所用电器。', 1),
    (2, '图书借阅管理制度', '一、本书屋面向党校学员和教职工开放，凭读者证（或校园卡）借阅，读者证限本人使用，不得转借。
二、学员每人可借图书若干册，借期以系统所定借阅规则为准，到期可续借一次；有预约的图书不能续借。
三、借阅图书应妥善保管，不得涂写、圈点、折页、撕毁；遗失或损坏图书须按规定赔偿或购买同版本图书归还。
四、报刊和工具书、珍藏本限在书屋内阅览，不外借。
五、学员结业前须归还所借全部图书，办理结业清还手续；逾期未还者，班主任协助催还。
六、读者应按时归还图书，逾期未还暂停借阅资格，直至归还为止。
七、在书屋内阅览完毕的图书请放在指定位置，由值班人员统一归架。', 2),
    (3, '图书管理员工作制度', '一、书屋配备专职图书管理员1名，安排工作人员2名轮流值班，按值班表准时到岗，不得擅离职守。
二、管理员负责图书的采购验收、分类编目、加工上架和统计工作，做到账物相符。
三、值班人员负责日常图书的整理、归档、借阅登记及报刊、杂志的更新，保持图书排列有序。
四、值班人员应认真填写交接班记录，写明当班借还情况、读者意见、待办事项和报刊到馆情况，由接班人员确认。
五、定期开展图书清点和剔旧工作，做好防火、防潮、防盗、防虫工作，闭馆前检查电器和门窗。
六、热情为读者服务，主动宣传推荐新书和必读书目，配合各类主题活动做好场地和图书准备。
七、每年年底汇总借阅、阅览、活动和藏书增长情况，形成书屋年度工作报告。', 3)
ON CONFLICT (id) DO NOTHING;
