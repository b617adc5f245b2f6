-- shuwu schema, version 1. Times are INTEGER milliseconds since the Unix
-- epoch (UTC); calendar dates are TEXT 'YYYY-MM-DD' in the library's time
-- zone. Money is INTEGER fen. Both forms mean the same on every engine.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- An imported full CLC tree. Empty means the built-in tree is used.
CREATE TABLE clc_classes (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    parent TEXT NOT NULL DEFAULT '',
    depth  INTEGER NOT NULL,
    flags  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE categories (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE,
    name_en    TEXT NOT NULL DEFAULT '',
    clc_ranges TEXT NOT NULL DEFAULT '',
    sort       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE locations (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL UNIQUE,
    name_en  TEXT NOT NULL DEFAULT '',
    lendable INTEGER NOT NULL DEFAULT 1,
    sort     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE records (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    other_title    TEXT NOT NULL DEFAULT '',
    parallel_title TEXT NOT NULL DEFAULT '',
    responsibility TEXT NOT NULL DEFAULT '',
    publisher      TEXT NOT NULL DEFAULT '',
    place          TEXT NOT NULL DEFAULT '',
    year           INTEGER NOT NULL DEFAULT 0,
    edition        TEXT NOT NULL DEFAULT '',
    pages          TEXT NOT NULL DEFAULT '',
    size           TEXT NOT NULL DEFAULT '',
    price_fen      INTEGER NOT NULL DEFAULT 0,
    isbn           TEXT NOT NULL DEFAULT '',
    series         TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL DEFAULT 'chi',
    summary        TEXT NOT NULL DEFAULT '',
    subjects       TEXT NOT NULL DEFAULT '',
    clc            TEXT NOT NULL DEFAULT '',
    category_id    INTEGER REFERENCES categories(id),
    notes          TEXT NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX records_isbn ON records(isbn) WHERE isbn <> '';
CREATE INDEX records_clc ON records(clc);
CREATE INDEX records_category ON records(category_id);
CREATE INDEX records_created ON records(created_at);

CREATE TABLE record_authors (
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    pos       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    role      TEXT NOT NULL DEFAULT '著',
    PRIMARY KEY (record_id, pos)
);
CREATE INDEX record_authors_name ON record_authors(name);

-- Named counters: "zch:<class>" is the last 种次号 handed out in a class,
-- "barcode" the last generated item barcode, "card" the last card number.
CREATE TABLE sequences (
    name TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE items (
    id          INTEGER PRIMARY KEY,
    record_id   INTEGER NOT NULL REFERENCES records(id),
    barcode     TEXT NOT NULL UNIQUE,
    call_number TEXT NOT NULL DEFAULT '',
    call_sort   TEXT NOT NULL DEFAULT '',
    location_id INTEGER NOT NULL REFERENCES locations(id),
    status      TEXT NOT NULL,
    source      TEXT NOT NULL,
    donor       TEXT NOT NULL DEFAULT '',
    price_fen   INTEGER NOT NULL DEFAULT 0,
    added_date  TEXT NOT NULL,
    lendable    INTEGER NOT NULL DEFAULT 1,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX items_record ON items(record_id);
CREATE INDEX items_call_sort ON items(call_sort);
CREATE INDEX items_added ON items(added_date);

CREATE TABLE reading_lists (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
CREATE TABLE reading_list_records (
    list_id   INTEGER NOT NULL REFERENCES reading_lists(id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    pos       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (list_id, record_id)
);
CREATE INDEX reading_list_records_record ON reading_list_records(record_id);

CREATE TABLE reader_types (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL DEFAULT '',
    sort    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE readers (
    id              INTEGER PRIMARY KEY,
    card            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    gender          TEXT NOT NULL DEFAULT '',
    unit            TEXT NOT NULL DEFAULT '',
    position        TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    type_id         INTEGER NOT NULL REFERENCES reader_types(id),
    status          TEXT NOT NULL,
    expiry_date     TEXT NOT NULL,
    suspended_until TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    password_hash   TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX readers_name ON readers(name);
CREATE INDEX readers_phone ON readers(phone);

CREATE TABLE classes (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL,
    head_teacher TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL
);

CREATE TABLE class_members (
    class_id   INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    reader_id  INTEGER NOT NULL REFERENCES readers(id),
    joined_at  INTEGER NOT NULL,
    cleared_at INTEGER,
    PRIMARY KEY (class_id, reader_id)
);
CREATE INDEX class_members_reader ON class_members(reader_id);

CREATE TABLE reading_list_classes (
    list_id  INTEGER NOT NULL REFERENCES reading_lists(id) ON DELETE CASCADE,
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    PRIMARY KEY (list_id, class_id)
);

-- The policy matrix. A NULL column matches any value; the most specific
-- row wins (both set > reader type only > category only > neither).
CREATE TABLE policies (
    id             INTEGER PRIMARY KEY,
    reader_type_id INTEGER REFERENCES reader_types(id) ON DELETE CASCADE,
    category_id    INTEGER REFERENCES categories(id) ON DELETE CASCADE,
    loan_days      INTEGER NOT NULL,
    max_loans      INTEGER NOT NULL,
    renewals       INTEGER NOT NULL,
    renewal_days   INTEGER NOT NULL,
    holds_allowed  INTEGER NOT NULL DEFAULT 1,
    max_holds      INTEGER NOT NULL DEFAULT 5
);
CREATE UNIQUE INDEX policies_cell ON policies(COALESCE(reader_type_id, 0), COALESCE(category_id, 0));

CREATE TABLE closed_days (
    date   TEXT PRIMARY KEY,
    reason TEXT NOT NULL DEFAULT ''
);

-- Current loans only, one row per item: the UNIQUE constraint is what makes
-- two desks lending the same copy at once impossible. History is in events.
CREATE TABLE loans (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL UNIQUE REFERENCES items(id),
    reader_id  INTEGER NOT NULL REFERENCES readers(id),
    class_id   INTEGER REFERENCES classes(id),
    loaned_at  INTEGER NOT NULL,
    due_date   TEXT NOT NULL,
    renewals   INTEGER NOT NULL DEFAULT 0,
    staff_id   INTEGER
);
CREATE INDEX loans_reader ON loans(reader_id);
CREATE INDEX loans_due ON loans(due_date);

-- Open holds (waiting or trapped). Fulfilled, cancelled and expired holds
-- leave this table and live on in events.
CREATE TABLE holds (
    id              INTEGER PRIMARY KEY,
    record_id       INTEGER NOT NULL REFERENCES records(id),
    reader_id       INTEGER NOT NULL REFERENCES readers(id),
    placed_at       INTEGER NOT NULL,
    status          TEXT NOT NULL,
    item_id         INTEGER UNIQUE REFERENCES items(id),
    trapped_at      INTEGER,
    pickup_deadline TEXT NOT NULL DEFAULT '',
    UNIQUE (record_id, reader_id)
);
CREATE INDEX holds_queue ON holds(record_id, placed_at);
CREATE INDEX holds_reader ON holds(reader_id);

-- The one event ledger: every loan, return, renewal, hold and in-room use.
CREATE TABLE events (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    at        INTEGER NOT NULL,
    reader_id INTEGER,
    class_id  INTEGER,
    item_id   INTEGER,
    record_id INTEGER,
    staff_id  INTEGER,
    due_date  TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_at ON events(at);
CREATE INDEX events_reader ON events(reader_id, at);
CREATE INDEX events_item ON events(item_id, at);
CREATE INDEX events_kind_at ON events(kind, at);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

-- Login sessions and API tokens; only a hash of the secret is kept.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER REFERENCES users(id) ON DELETE CASCADE,
    reader_id  INTEGER REFERENCES readers(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    user_id   INTEGER,
    username  TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    summary   TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
