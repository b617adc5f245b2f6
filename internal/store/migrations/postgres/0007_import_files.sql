-- PostgreSQL twin of ../0007_import_files.sql.
-- Book lists and rosters imported, by the SHA-256 of the file, so that
-- uploading the same file again warns before its copies or trainees are
-- added a second time. One row per kind and content: the latest import.
CREATE TABLE import_files (
    kind        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    file        TEXT NOT NULL DEFAULT '',
    imported_at BIGINT NOT NULL,
    rows        BIGINT NOT NULL DEFAULT 0,
    stored      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, hash)
);
