-- Self-service machines (自助借还机, RFID gates) that speak SIP2: one
-- account per machine, logged in with SIP2 message 93.
CREATE TABLE sip_terminals (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    institution   TEXT NOT NULL,
    location      TEXT NOT NULL DEFAULT '',
    encoding      TEXT NOT NULL DEFAULT 'utf-8',
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    last_login_at INTEGER
);

-- Item properties a machine stores with SIP2 message 19 (item status
-- update) and reads back in 18: the vendor's own string, kept as sent.
CREATE TABLE sip_item_properties (
    item_id    INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    properties TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
