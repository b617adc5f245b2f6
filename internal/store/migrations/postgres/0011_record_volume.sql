-- PostgreSQL twin of ../0011_record_volume.sql.
-- The volume (卷次/分册) of a multi-part work: the four volumes of one
-- title are four records. part_sort is computed by shuwu
-- (catalog.PartSortKey) so that 第二卷 sorts before 第十卷.
ALTER TABLE records ADD COLUMN part_number TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN part_name TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN part_sort TEXT NOT NULL DEFAULT '';
CREATE INDEX records_title_part ON records(title, part_sort);
