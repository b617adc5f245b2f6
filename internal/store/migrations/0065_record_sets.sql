-- Multi-volume works and series (多卷书/丛编): one title over several
-- records, each a volume with copies of its own. A record belongs to one
-- set at most; pos is its place in the set as the librarian ordered it.
-- An any-volume hold (任一卷) names its set in holds.set_id: any copy of
-- any member fulfils it. Its record_id is the volume trapped for it, or
-- the set's first volume while it waits.
CREATE TABLE record_sets (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    isbn        TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT 'multivolume', -- multivolume | series
    note        TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX record_sets_title ON record_sets(title);
CREATE TABLE record_set_members (
    set_id    INTEGER NOT NULL REFERENCES record_sets(id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL UNIQUE REFERENCES records(id) ON DELETE CASCADE,
    pos       INTEGER NOT NULL,
    PRIMARY KEY (set_id, record_id)
);
ALTER TABLE holds ADD COLUMN set_id INTEGER REFERENCES record_sets(id);
CREATE INDEX holds_set ON holds(set_id, placed_at) WHERE set_id IS NOT NULL;
