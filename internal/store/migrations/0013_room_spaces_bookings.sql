-- The reading room as a place: its areas (spaces) with seats and hours,
-- and the bookings organisers make of them. The areas are the article's
-- (150 m², 4 reading tables, 40 chairs, near 50 people at once); the
-- librarian changes seats and hours on the settings page.
CREATE TABLE spaces (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    capacity   INTEGER NOT NULL DEFAULT 0,
    opens      TEXT NOT NULL DEFAULT '08:30',
    closes     TEXT NOT NULL DEFAULT '21:30',
    bookable   INTEGER NOT NULL DEFAULT 1,
    whole_room INTEGER NOT NULL DEFAULT 0,
    position   INTEGER NOT NULL DEFAULT 0
);
INSERT INTO spaces (id, code, name, capacity, opens, closes, bookable, whole_room, position) VALUES
    (1, 'room',      '书屋（全室）',   50, '08:30', '21:30', 1, 1, 0),
    (2, 'stacks',    '藏书室',         10, '08:30', '21:30', 0, 0, 1),
    (3, 'reading',   '阅览室',         24, '08:30', '21:30', 1, 0, 2),
    (4, 'discussion','休闲讨论区',     12, '08:30', '21:30', 1, 0, 3),
    (5, 'e-reading', '电子资料查阅台',  4, '08:30', '21:30', 1, 0, 4),
    (6, 'service',   '管理服务台',      2, '08:30', '21:30', 0, 0, 5),
    (7, 'tea',       '茶水台',          0, '08:30', '21:30', 0, 0, 6)
ON CONFLICT (id) DO NOTHING;

-- A booking holds its time while pending or approved. A weekly series
-- shares series_id, the first booking's id. Times are milliseconds.
CREATE TABLE bookings (
    id         INTEGER PRIMARY KEY,
    space_id   INTEGER NOT NULL REFERENCES spaces(id),
    series_id  INTEGER,
    organiser  TEXT NOT NULL,
    user_id    INTEGER REFERENCES users(id),
    booked_by  TEXT NOT NULL DEFAULT '',
    starts_at  INTEGER NOT NULL,
    ends_at    INTEGER NOT NULL,
    purpose    TEXT NOT NULL,
    expected   INTEGER NOT NULL,
    status     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX bookings_time ON bookings(starts_at, ends_at);
CREATE INDEX bookings_user ON bookings(user_id, starts_at);
