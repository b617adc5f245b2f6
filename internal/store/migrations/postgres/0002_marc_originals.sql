-- PostgreSQL twin of ../0002_marc_originals.sql: the same tables and columns, in PostgreSQL's
-- types (BIGINT for SQLite's 64-bit INTEGER, identity ids, BYTEA).
-- The MARC record each imported catalogue record came from, as ISO 2709
-- in UTF-8. It is kept as imported: an export starts from it and writes
-- over it only the parts the catalogue models that have since changed,
-- so fields shuwu does not model survive a round trip. An overlay import
-- replaces it.
CREATE TABLE marc_originals (
    record_id      BIGINT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    flavor         TEXT NOT NULL,
    control_number TEXT NOT NULL DEFAULT '',
    data           BYTEA NOT NULL,
    imported_at    BIGINT NOT NULL
);
CREATE INDEX marc_originals_control ON marc_originals(control_number) WHERE control_number <> '';
CREATE INDEX records_title ON records(title);
