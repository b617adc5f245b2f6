-- Yearly acquisition targets (年度入藏目标): new volumes for the year, and
-- per local category. A year without a row has the default of 500
-- (文章：书刊每年更新500册以上).
CREATE TABLE acq_targets (
    year       INTEGER PRIMARY KEY,
    volumes    INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE acq_category_targets (
    year        INTEGER NOT NULL,
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    volumes     INTEGER NOT NULL,
    PRIMARY KEY (year, category_id)
);

