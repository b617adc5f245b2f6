// Package transfer moves data in and out of shuwu in bulk: MARC records
// (ISO 2709, MARCXML, MARC-in-JSON; MARC21 and CNMARC), Excel and CSV
// book lists, class rosters, and Excel exports of the catalogue, readers,
// classes and the loan ledger.
//
// Imports run in batches, each batch one transaction with every record in
// its own savepoint: a record that fails is rolled back alone and
// reported, and a crash loses at most the batch in flight, never half a
// record.
package transfer
