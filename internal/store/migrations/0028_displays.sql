-- Themed displays (专题书展): a dated, themed selection of copies on the
-- display rack or a table, linked to an activity when there is one.
-- starts and ends are days (YYYY-MM-DD, both included). A copy's time on a
-- display is a display_items row: removed_at is NULL while it is on it;
-- the loans counted for a display are the ledger's loans of its copies
-- between added_at and removed_at (milliseconds).
CREATE TABLE displays (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    starts      TEXT NOT NULL,
    ends        TEXT NOT NULL,
    activity_id INTEGER REFERENCES activities(id),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX displays_dates ON displays(starts, ends);

CREATE TABLE display_items (
    id         INTEGER PRIMARY KEY,
    display_id INTEGER NOT NULL REFERENCES displays(id),
    item_id    INTEGER NOT NULL REFERENCES items(id),
    added_at   INTEGER NOT NULL,
    removed_at INTEGER
);
CREATE INDEX display_items_display ON display_items(display_id, removed_at);
CREATE INDEX display_items_item ON display_items(item_id, removed_at);
