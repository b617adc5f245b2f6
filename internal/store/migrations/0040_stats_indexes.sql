-- The statistics (internal/stats) count the ledger by kind and time with
-- the reader, class and record of each line: this index holds all five,
-- so a year's counts are read from the index alone, never the table.
-- ledger_record finds whether a title was ever lent (never-lent books), and
-- whether a reader borrowed or read it (required reading), in one probe.
CREATE INDEX ledger_stats ON ledger(kind, at, reader_id, class_id, record_id);
CREATE INDEX ledger_record ON ledger(record_id, kind, reader_id);
