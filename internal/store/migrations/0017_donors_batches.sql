-- The donor register (捐赠人) and accession batches (入藏批次: donations and
-- transfers from the main library). A copy's donor used to be free text on
-- the copy; every distinct name becomes a donor here, and the copies point
-- at it, so no name is lost. items.donor keeps the name as shown.
CREATE TABLE donors (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,              -- person | institution
    reader_id  INTEGER REFERENCES readers(id),
    unit       TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    honour     INTEGER NOT NULL DEFAULT 0, -- agrees to be named in the portal's 捐赠芳名录
    notes      TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX donors_name ON donors(name);

CREATE TABLE acq_batches (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,           -- gift | transfer
    number        TEXT NOT NULL UNIQUE,    -- 捐字〔2026〕第001号 / 调字〔2026〕第001号
    donor_id      INTEGER REFERENCES donors(id),
    from_name     TEXT NOT NULL DEFAULT '', -- a transfer's sending library
    received_date TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX acq_batches_donor ON acq_batches(donor_id);

ALTER TABLE items ADD COLUMN donor_id INTEGER REFERENCES donors(id);
ALTER TABLE items ADD COLUMN batch_id INTEGER REFERENCES acq_batches(id);
CREATE INDEX items_donor ON items(donor_id);
CREATE INDEX items_batch ON items(batch_id);

-- A name on copies given by supporting bodies is an institution's.
INSERT INTO donors (name, kind, created_at, updated_at)
SELECT donor,
       CASE WHEN MAX(CASE WHEN source = 'institution' THEN 1 ELSE 0 END) = 1 THEN 'institution' ELSE 'person' END,
       MIN(created_at), MIN(created_at)
FROM items WHERE donor <> '' GROUP BY donor;

UPDATE items SET donor_id = (SELECT MIN(d.id) FROM donors d WHERE d.name = items.donor) WHERE donor <> '';
