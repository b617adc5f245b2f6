-- Retention of loan history (借阅历史保留年限): ledger lines older than
-- the years kept stop naming their reader. Each reader of such a year
-- becomes one pseudonym of that year (a negative id in ledger.reader_id,
-- which never collides with a reader's), keeping the reader type so the
-- statistics of old years stay exact; nothing links a pseudonym to the
-- reader it replaced.
CREATE TABLE reader_pseudonyms (
    id      INTEGER PRIMARY KEY,
    type_id INTEGER NOT NULL,
    year    INTEGER NOT NULL
);
