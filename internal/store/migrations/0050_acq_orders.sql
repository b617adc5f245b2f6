-- Acquisitions (采访): suppliers (书商), the year's funds (经费), orders
-- with their lines, and the copies received against a line
-- (items.order_line_id). What a fund has spent, has committed and has
-- left is counted from these, never stored.
CREATE TABLE acq_suppliers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    contact    TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE acq_funds (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    year       INTEGER NOT NULL,
    amount_fen INTEGER NOT NULL,          -- the budget, in fen
    notes      TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (year, name)
);

CREATE TABLE acq_orders (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,   -- 采字〔2026〕第001号
    supplier_id   INTEGER NOT NULL REFERENCES acq_suppliers(id),
    status        TEXT NOT NULL,          -- draft | sent | cancelled (partly received / received are counted)
    order_date    TEXT NOT NULL,          -- YYYY-MM-DD
    due_date      TEXT NOT NULL DEFAULT '', -- 到货期限; lines not in by then are late
    sent_date     TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX acq_orders_supplier ON acq_orders(supplier_id);

CREATE TABLE acq_order_lines (
    id             INTEGER PRIMARY KEY,
    order_id       INTEGER NOT NULL REFERENCES acq_orders(id) ON DELETE CASCADE,
    record_id      INTEGER REFERENCES records(id),
    isbn           TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL,
    author         TEXT NOT NULL DEFAULT '',
    publisher      TEXT NOT NULL DEFAULT '',
    clc            TEXT NOT NULL DEFAULT '',
    copies         INTEGER NOT NULL,       -- 0: the supplier cannot supply it (缺货)
    list_price_fen INTEGER NOT NULL,       -- 定价 of one copy
    discount       INTEGER NOT NULL,       -- per mille of the list price: 780 is 7.8 折
    fund_id        INTEGER REFERENCES acq_funds(id),
    origin         TEXT NOT NULL DEFAULT '', -- '' | list | suggestion
    origin_id      INTEGER NOT NULL DEFAULT 0,
    supplier_note  TEXT NOT NULL DEFAULT '',
    claims         INTEGER NOT NULL DEFAULT 0, -- times claimed (催缺)
    claimed_date   TEXT NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX acq_order_lines_order ON acq_order_lines(order_id);
CREATE INDEX acq_order_lines_fund ON acq_order_lines(fund_id);

ALTER TABLE items ADD COLUMN order_line_id INTEGER REFERENCES acq_order_lines(id);
CREATE INDEX items_order_line ON items(order_line_id);
