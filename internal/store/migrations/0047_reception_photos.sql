-- Photos of leader and guest visits (接待记录): the files are kept in the
-- data directory (photos/receptions), with a thumbnail, like activities'.
CREATE TABLE reception_photos (
    id           INTEGER PRIMARY KEY,
    reception_id INTEGER NOT NULL REFERENCES receptions(id),
    file         TEXT NOT NULL,
    thumb        TEXT NOT NULL,
    mime         TEXT NOT NULL,
    caption      TEXT NOT NULL DEFAULT '',
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    bytes        INTEGER NOT NULL,
    uploaded_by  TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL
);
CREATE INDEX reception_photos_reception ON reception_photos(reception_id);
