-- 主题活动 (activities): the room's themed events — a class session,
-- a training, a reading-sharing meeting, a themed Party day, a lecture —
-- run by an organiser (a Party branch, a class's temporary branch, a study
-- group, an office) in a space of the room or on one of its bookings,
-- for everyone, one class or the staff, with a required-reading list.
-- Named activities so that the ledger (once events) and the loan rules
-- keep their own names. Times are milliseconds. class_id and list_id have
-- no foreign key: a class or list deleted later leaves the activity's
-- record standing, named "deleted".
CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    form        TEXT NOT NULL,              -- class | activity | training | sharing | party_day | lecture | other
    organiser   TEXT NOT NULL,              -- the unit that runs it: 校机关一支部
    user_id     INTEGER REFERENCES users(id), -- the organiser account it belongs to
    host        TEXT NOT NULL DEFAULT '',   -- 主讲人 / 主持人
    starts_at   INTEGER NOT NULL,
    ends_at     INTEGER NOT NULL,
    space_id    INTEGER REFERENCES spaces(id),
    booking_id  INTEGER REFERENCES bookings(id),
    capacity    INTEGER NOT NULL,
    audience    TEXT NOT NULL,              -- open | class | staff
    class_id    INTEGER,
    description TEXT NOT NULL DEFAULT '',
    list_id     INTEGER,
    status      TEXT NOT NULL DEFAULT 'planned', -- planned | cancelled
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX activities_time ON activities(starts_at);
CREATE INDEX activities_user ON activities(user_id, starts_at);
