-- PostgreSQL twin of ../0012_ledger.sql (ids are BIGINT here).
-- The events table has become the one ledger of everything the room does
-- for readers (loans and holds, and now visits and bookings); it takes
-- that name so that 主题活动 (activities) are not confused with it.
-- space_id: the room's area a visit or booking line is about; ref_id: the
-- booking a booking line is about.
ALTER TABLE events RENAME TO ledger;
ALTER TABLE ledger ADD COLUMN space_id BIGINT;
ALTER TABLE ledger ADD COLUMN ref_id BIGINT;
DROP INDEX events_at;
DROP INDEX events_reader;
DROP INDEX events_item;
DROP INDEX events_kind_at;
CREATE INDEX ledger_at ON ledger(at);
CREATE INDEX ledger_reader ON ledger(reader_id, at);
CREATE INDEX ledger_item ON ledger(item_id, at);
CREATE INDEX ledger_kind_at ON ledger(kind, at);
