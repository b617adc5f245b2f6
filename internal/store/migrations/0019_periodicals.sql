-- Periodicals (报刊): a title subscribed for a year, its expected issues
-- (generated from the frequency), their check-in (记到), claims for late
-- issues (催缺) and the bound volume (合订本) an issue went into.
CREATE TABLE subscriptions (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    issn       TEXT NOT NULL DEFAULT '',   -- 1002-4980
    cn         TEXT NOT NULL DEFAULT '',   -- 国内统一刊号 CN11-1000/D
    frequency  TEXT NOT NULL,              -- daily | weekly | dekad | semimonthly | monthly | bimonthly | quarterly
    copies     INTEGER NOT NULL,
    year       INTEGER NOT NULL,
    source     TEXT NOT NULL,              -- 邮局订阅 …
    price_fen  INTEGER NOT NULL DEFAULT 0, -- the year's subscription price, all copies
    clc        TEXT NOT NULL DEFAULT '',   -- for the bound volumes' call numbers
    start_date TEXT NOT NULL,              -- 起订日期: no issue before it is expected
    notes      TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (title, year)
);
CREATE INDEX subscriptions_issn ON subscriptions(issn);

CREATE TABLE issues (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
    seq             INTEGER NOT NULL,          -- 1.. within the year
    label           TEXT NOT NULL,             -- 第3期 / 3月5日
    expected_date   TEXT NOT NULL,
    received_date   TEXT NOT NULL DEFAULT '',
    received_copies INTEGER NOT NULL DEFAULT 0,
    claimed_date    TEXT NOT NULL DEFAULT '',
    bound_item_id   INTEGER REFERENCES items(id),
    UNIQUE (subscription_id, seq)
);
CREATE INDEX issues_expected ON issues(expected_date);
