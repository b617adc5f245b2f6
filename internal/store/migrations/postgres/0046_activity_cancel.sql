-- PostgreSQL twin of ../0046_activity_cancel.sql: why, by whom and when a
-- cancelled activity was cancelled.
ALTER TABLE activities ADD COLUMN cancel_note TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN cancelled_by TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN cancelled_at BIGINT;
