-- Notices to readers (到期、超期、预约到书、结业还书提醒): the reader's email
-- address, the head teacher's contact on a class, the reader's choices
-- (a channel switched off, the language of the messages), and the log of
-- every notice made. The log's unique key (kind, subject, due date,
-- recipient, channel) is what sends a notice once, across restarts and
-- two servers on one database: a notice is claimed by inserting its row
-- before it is sent. reader_id is 0 for a class's head teacher. Times are
-- milliseconds.
ALTER TABLE readers ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE classes ADD COLUMN head_teacher_email TEXT NOT NULL DEFAULT '';
ALTER TABLE classes ADD COLUMN head_teacher_phone TEXT NOT NULL DEFAULT '';

CREATE TABLE notice_prefs (
    reader_id  INTEGER PRIMARY KEY REFERENCES readers(id),
    mail_off   INTEGER NOT NULL DEFAULT 0,
    sms_off    INTEGER NOT NULL DEFAULT 0,
    lang       TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
);

CREATE TABLE notice_log (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    due_date   TEXT NOT NULL,
    reader_id  INTEGER NOT NULL DEFAULT 0,
    class_id   INTEGER NOT NULL DEFAULT 0,
    channel    TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    status     TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT NOT NULL DEFAULT '',
    answer     TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    sent_at    INTEGER NOT NULL DEFAULT 0,
    next_try   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, subject_id, due_date, reader_id, channel)
);
CREATE INDEX notice_log_created ON notice_log(created_at);
CREATE INDEX notice_log_reader ON notice_log(reader_id, created_at);
CREATE INDEX notice_log_retry ON notice_log(status, next_try);
