-- Readers' purchase suggestions (荐购) from the portal, and the
-- librarian's decision: accepted onto an order line, or rejected with a
-- reason the reader sees.
CREATE TABLE acq_suggestions (
    id          INTEGER PRIMARY KEY,
    reader_id   INTEGER NOT NULL REFERENCES readers(id),
    title       TEXT NOT NULL,
    author      TEXT NOT NULL DEFAULT '',
    isbn        TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,            -- pending | accepted | rejected
    answer      TEXT NOT NULL DEFAULT '', -- the reason of a rejection, a note on an acceptance
    line_id     INTEGER REFERENCES acq_order_lines(id),
    decided_at  INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX acq_suggestions_reader ON acq_suggestions(reader_id);
CREATE INDEX acq_suggestions_status ON acq_suggestions(status);
