-- The audit log records the client's address and is chained: each entry's
-- hash covers the entry and the hash of the one before it (seq - 1), and
-- audit_chain keeps the last place and hash, so an edited, inserted or
-- removed line breaks the chain (shuwu audit verify). Entries written
-- before this migration are chained when the store next opens.
ALTER TABLE audit_log ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX audit_log_seq ON audit_log(seq);

CREATE TABLE audit_chain (
    id   BIGINT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_chain (id, seq, hash) VALUES (1, 0, '');
