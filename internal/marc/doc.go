// Package marc reads and writes bibliographic records in ISO 2709 and
// MARCXML, for both MARC21 and CNMARC/UNIMARC.
//
// Text is always held as Unicode NFC inside a Record; the byte encoding of
// a file (UTF-8, GBK/GB18030, MARC-8, windows-1251, cp866) is decoded per
// subfield on the way in and chosen again on the way out, so a broken
// subfield never spoils its neighbours. Readers stream one record at a time
// in constant memory and report a damaged record as a *RecordError without
// stopping, because real exchange files from vendors and union catalogues
// are rarely clean.
//
// The package depends only on the standard library and golang.org/x/text.
package marc
