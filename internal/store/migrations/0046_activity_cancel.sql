-- A cancelled activity (主题活动) keeps why it was cancelled, who
-- cancelled it and when (milliseconds), for the portal and the record.
-- Its registrations and sign-ins stay as they happened.
ALTER TABLE activities ADD COLUMN cancel_note TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN cancelled_by TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN cancelled_at INTEGER;
