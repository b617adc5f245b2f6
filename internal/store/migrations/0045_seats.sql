-- Seat reservations (座位预约, for exam seasons): the reading tables of a
-- space laid out on a grid, their numbered seats (A1–A10 …) each with the
-- code in the QR sticker on it, and readers' reservations of a seat for a
-- slot of a day. A table or seat taken off the map is retired, not
-- deleted, so its reservations stay in the record. Times are milliseconds.
CREATE TABLE seat_tables (
    id       INTEGER PRIMARY KEY,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    name     TEXT NOT NULL,
    grid_row INTEGER NOT NULL,
    grid_col INTEGER NOT NULL,
    retired  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX seat_tables_space ON seat_tables(space_id);

CREATE TABLE seats (
    id       INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES seat_tables(id),
    number   INTEGER NOT NULL,
    code     TEXT NOT NULL,
    retired  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (table_id, number)
);

-- A reservation holds its seat while reserved or checked in.
CREATE TABLE seat_reservations (
    id            INTEGER PRIMARY KEY,
    seat_id       INTEGER NOT NULL REFERENCES seats(id),
    reader_id     INTEGER NOT NULL REFERENCES readers(id),
    class_id      INTEGER,
    starts_at     INTEGER NOT NULL,
    ends_at       INTEGER NOT NULL,
    status        TEXT NOT NULL,
    checked_in_at INTEGER,
    ended_at      INTEGER,
    created_at    INTEGER NOT NULL
);
CREATE INDEX seat_reservations_time ON seat_reservations(starts_at, ends_at);
CREATE INDEX seat_reservations_seat ON seat_reservations(seat_id, ends_at);
CREATE INDEX seat_reservations_reader ON seat_reservations(reader_id, ends_at);
