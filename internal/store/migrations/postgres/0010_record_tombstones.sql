-- PostgreSQL twin of ../0010_record_tombstones.sql.
-- A deleted record leaves a tombstone, so that harvesters (OAI-PMH) learn
-- of the deletion and the catalogue can say "no longer held" rather than
-- "never existed". Sets are the record's category at deletion.
CREATE TABLE record_tombstones (
    record_id   BIGINT PRIMARY KEY,
    deleted_at  BIGINT NOT NULL,
    category_id BIGINT,
    title       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX record_tombstones_deleted ON record_tombstones(deleted_at, record_id);

-- PostgreSQL's identity never hands out a deleted id again, but a record
-- inserted with its id (shuwu migrate-data) may bring one back: then the
-- identifier lives again and its tombstone goes, as on SQLite.
CREATE FUNCTION records_revive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM record_tombstones WHERE record_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER records_revive AFTER INSERT ON records
    FOR EACH ROW EXECUTE FUNCTION records_revive();

-- Harvesting lists records by datestamp.
CREATE INDEX records_updated ON records(updated_at, id);
