-- PostgreSQL twin of ../0018_yearly_targets.sql: yearly acquisition
-- targets, overall and per category.
CREATE TABLE acq_targets (
    year       BIGINT PRIMARY KEY,
    volumes    BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE acq_category_targets (
    year        BIGINT NOT NULL,
    category_id BIGINT NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    volumes     BIGINT NOT NULL,
    PRIMARY KEY (year, category_id)
);
