-- A deleted record leaves a tombstone, so that harvesters (OAI-PMH) learn
-- of the deletion and the catalogue can say "no longer held" rather than
-- "never existed". Sets are the record's category at deletion.
CREATE TABLE record_tombstones (
    record_id   INTEGER PRIMARY KEY,
    deleted_at  INTEGER NOT NULL,
    category_id INTEGER,
    title       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX record_tombstones_deleted ON record_tombstones(deleted_at, record_id);

-- SQLite may give a new record the id of the last deleted one; then the
-- identifier lives again and its tombstone goes.
CREATE TRIGGER records_revive AFTER INSERT ON records
BEGIN
    DELETE FROM record_tombstones WHERE record_id = NEW.id;
END;

-- Harvesting lists records by datestamp.
CREATE INDEX records_updated ON records(updated_at, id);
