-- After an activity: the organiser's or librarian's summary (活动总结) and
-- the photos taken, so the activity's page becomes its record for the
-- annual report. The photos' files live on disk in the data directory
-- (photos/activities/); a row names its file, its thumbnail and its size.
ALTER TABLE activities ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN summary_by TEXT NOT NULL DEFAULT '';

CREATE TABLE activity_photos (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    file        TEXT NOT NULL,              -- the picture as uploaded, under the photos directory
    thumb       TEXT NOT NULL,              -- its thumbnail (JPEG, at most 480 px wide)
    mime        TEXT NOT NULL,              -- image/jpeg | image/png | image/gif
    caption     TEXT NOT NULL DEFAULT '',
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    bytes       INTEGER NOT NULL,
    uploaded_by TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
CREATE INDEX activity_photos_activity ON activity_photos(activity_id, id);
