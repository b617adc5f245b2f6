-- The room's equipment register (设备资产登记): shelves, reading tables,
-- chairs, computers, air conditioning … one line per kind of thing bought
-- together, with its quantity and value (原值, in fen), where it stands
-- and its state. A retired line (报废) stays, with the day and reason; the
-- asset ledger counts the lines not retired beside the collection's value.
CREATE TABLE assets (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    category      TEXT NOT NULL,
    model         TEXT NOT NULL DEFAULT '',
    quantity      INTEGER NOT NULL,
    value_fen     INTEGER NOT NULL,
    acquired      TEXT NOT NULL,          -- YYYY-MM-DD
    location      TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL,          -- in_use | repair | idle | retired
    notes         TEXT NOT NULL DEFAULT '',
    retired_on    TEXT NOT NULL DEFAULT '',
    retire_reason TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX assets_state ON assets(state);
