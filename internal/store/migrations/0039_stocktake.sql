-- Stocktakes (盘点): a session over part of the collection (all of it, a
-- shelf group, a CLC range), the barcodes scanned shelf by shelf, and the
-- result computed from them against the catalogue.
CREATE TABLE stocktakes (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    location_id INTEGER REFERENCES locations(id), -- NULL: every shelf group
    clc_from    TEXT NOT NULL DEFAULT '',
    clc_to      TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,                    -- open, closed
    started_by  TEXT NOT NULL,
    started_at  INTEGER NOT NULL,
    closed_at   INTEGER NOT NULL DEFAULT 0,
    lost_marked INTEGER NOT NULL DEFAULT 0        -- copies marked 遗失 from it
);

-- One barcode seen on one shelf; scanning it again elsewhere moves it.
CREATE TABLE stocktake_scans (
    stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id) ON DELETE CASCADE,
    barcode      TEXT NOT NULL,
    location_id  INTEGER NOT NULL REFERENCES locations(id),
    seq          INTEGER NOT NULL,
    scanned_at   INTEGER NOT NULL,
    PRIMARY KEY (stocktake_id, barcode)
);
CREATE INDEX stocktake_scans_seq ON stocktake_scans(stocktake_id, location_id, seq);
