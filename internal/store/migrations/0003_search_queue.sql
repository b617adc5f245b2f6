-- Records changed by another process (a command-line import while the
-- server runs) wait here until the server's search indexer takes them.
CREATE TABLE search_queue (
    record_id INTEGER PRIMARY KEY
);
