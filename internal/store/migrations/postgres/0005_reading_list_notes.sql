-- PostgreSQL twin of ../0005_reading_list_notes.sql.
-- Required-reading lists (必读书目) say who they are for, and each book on
-- a list may carry the librarian's note (why it is there, which chapters).
ALTER TABLE reading_lists ADD COLUMN audience TEXT NOT NULL DEFAULT '';
ALTER TABLE reading_list_records ADD COLUMN note TEXT NOT NULL DEFAULT '';
