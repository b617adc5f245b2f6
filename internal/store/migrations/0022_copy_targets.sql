-- Catalogues the library copies records from (套录): national and union
-- catalogues or other libraries, over Z39.50 or SRU.
CREATE TABLE copy_targets (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    address    TEXT NOT NULL,
    flavor     TEXT NOT NULL,
    charset    TEXT NOT NULL DEFAULT 'auto',
    created_at INTEGER NOT NULL
);
