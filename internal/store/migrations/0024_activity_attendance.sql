-- Registration and sign-in for activities. A registration is one reader's
-- place (registered, or waitlisted in the order they asked; cancelled
-- keeps the row so a reader can register again). A sign-in is one
-- reader's attendance, by the QR code on the room's screen or at the desk
-- by card, late when after the start. Both lines also go into the ledger,
-- tied to reader and class. late_minutes: how long after the start a
-- sign-in is still taken; signin_key: the secret the screen's rotating QR
-- codes are made from.
ALTER TABLE activities ADD COLUMN late_minutes INTEGER NOT NULL DEFAULT 30;
ALTER TABLE activities ADD COLUMN signin_key TEXT NOT NULL DEFAULT '';
UPDATE activities SET signin_key = lower(hex(randomblob(16))) WHERE signin_key = '';

CREATE TABLE activity_registrations (
    id            INTEGER PRIMARY KEY,
    activity_id   INTEGER NOT NULL REFERENCES activities(id),
    reader_id     INTEGER NOT NULL REFERENCES readers(id),
    class_id      INTEGER,
    status        TEXT NOT NULL,     -- registered | waitlisted | cancelled
    registered_at INTEGER NOT NULL,  -- when asked (the waitlist's order)
    changed_at    INTEGER NOT NULL,  -- last promoted or cancelled
    UNIQUE (activity_id, reader_id)
);
CREATE INDEX activity_registrations_reader ON activity_registrations(reader_id);
CREATE INDEX activity_registrations_queue ON activity_registrations(activity_id, status, registered_at);

CREATE TABLE activity_signins (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    reader_id   INTEGER NOT NULL REFERENCES readers(id),
    class_id    INTEGER,
    at          INTEGER NOT NULL,
    how         TEXT NOT NULL,          -- qr | desk
    late        INTEGER NOT NULL DEFAULT 0,
    staff_id    INTEGER,
    UNIQUE (activity_id, reader_id)
);
CREATE INDEX activity_signins_reader ON activity_signins(reader_id);
