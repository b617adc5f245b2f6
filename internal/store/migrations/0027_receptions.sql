-- Leader and guest visits (接待记录): the date, the principal guest's
-- level (province, prefecture, county, peer, other), the visitors with
-- their titles as JSON ([{"name":…,"title":…}], the principal first),
-- the accompanying officials, what was shown and remarks.
CREATE TABLE receptions (
    id           INTEGER PRIMARY KEY,
    day          TEXT NOT NULL,
    level        TEXT NOT NULL,
    guests       TEXT NOT NULL,
    accompanying TEXT NOT NULL DEFAULT '',
    shown        TEXT NOT NULL DEFAULT '',
    remarks      TEXT NOT NULL DEFAULT '',
    created_by   TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX receptions_day ON receptions(day);
