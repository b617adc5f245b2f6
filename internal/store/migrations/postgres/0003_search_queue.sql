-- PostgreSQL twin of ../0003_search_queue.sql: the same tables and columns, in PostgreSQL's
-- types (BIGINT for SQLite's 64-bit INTEGER, identity ids, BYTEA).
-- Records changed by another process (a command-line import while the
-- server runs) wait here until the server's search indexer takes them.
CREATE TABLE search_queue (
    record_id BIGINT PRIMARY KEY
);
