// Package copycat is copy cataloguing (套录): the librarian searches a
// national or union catalogue (国家图书馆, CALIS) or another library over
// Z39.50 or SRU, compares the candidate records side by side with what
// the library already holds, and takes one into the record editor instead
// of typing it. The protocol clients are adapters (internal/protocol); the
// sources are kept by package targets; this package turns fetched MARC into
// catalogue records with the same mapping as a MARC import.
package copycat

import (
	"bytes"
	"context"
	"strings"
	"unicode/utf8"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/copycat/targets"
	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/marcmap"
)

// Field is what a search looks in.
type Field string

// Search fields.
const (
	FieldISBN   Field = "isbn"
	FieldTitle  Field = "title"
	FieldAuthor Field = "author"
	FieldAny    Field = "any"
)

// Query is one copy-cataloguing search.
type Query struct {
	Field Field
	Term  string
}

// Fetcher asks a source: the protocol adapters implement it.
type Fetcher interface {
	// Fetch returns the number of hits and up to max records.
	Fetch(ctx context.Context, t targets.Target, q Query, max int) (int, []*marc.Record, error)
}

// Service is copy cataloguing's use cases.
type Service struct {
	targets *targets.Service
	fetch   Fetcher
	catalog *catalog.Service
}

// NewService builds the service.
func NewService(ts *targets.Service, fetch Fetcher, cat *catalog.Service) *Service {
	return &Service{targets: ts, fetch: fetch, catalog: cat}
}

// MaxCandidates is how many records one search shows.
const MaxCandidates = 10

// Candidate is one record a source offered.
type Candidate struct {
	Record   catalog.Record
	Warnings []marcmap.Warning
	// MARC is the record as fetched, in ISO 2709 (UTF-8): what the record
	// editor takes when the librarian chooses it.
	MARC []byte
	// Held are the library's records with the same ISBN.
	Held []catalog.Record
}

// Result is a search's answer.
type Result struct {
	Target     targets.Target
	Total      int // hits at the source
	Candidates []Candidate
	Unusable   int // fetched records without a title
}

// Search asks a source. A source that cannot be reached or answers with
// an error is COPY_TARGET_FAILED, naming the source and the reason.
func (s *Service) Search(ctx context.Context, targetID int64, q Query) (Result, error) {
	q.Term = strings.TrimSpace(q.Term)
	switch q.Field {
	case FieldISBN, FieldTitle, FieldAuthor, FieldAny:
	default:
		return Result{}, errs.Invalid(CodeQueryInvalid, "field", "检索途径只能是 ISBN、题名、责任者或任意字段", "search by ISBN, title, author or any field")
	}
	if q.Term == "" || utf8.RuneCountInString(q.Term) > 200 {
		return Result{}, errs.Invalid(CodeQueryInvalid, "term", "请输入 1 到 200 个字符的检索词", "type a search term of 1 to 200 characters")
	}
	if q.Field == FieldISBN {
		if n, err := isbn.Normalize(q.Term); err == nil {
			q.Term = n
		}
	}
	t, err := s.targets.Target(ctx, targetID)
	if err != nil {
		return Result{}, err
	}
	total, recs, err := s.fetch.Fetch(ctx, t, q, MaxCandidates)
	if err != nil {
		if ctx.Err() != nil {
			return Result{}, ctx.Err()
		}
		return Result{}, errs.New(errs.KindUnavailable, CodeTargetFailed, "书目来源“"+t.Name+"”无法检索："+err.Error(),
			"the source “"+t.Name+"” could not be searched: "+err.Error()).Wrap(err)
	}
	res := Result{Target: t, Total: total}
	for _, r := range recs {
		c, ok := s.candidate(r)
		if !ok {
			res.Unusable++
			continue
		}
		if c.Record.ISBN != "" {
			if c.Held, err = s.held(ctx, c.Record.ISBN); err != nil {
				return Result{}, err
			}
		}
		res.Candidates = append(res.Candidates, c)
	}
	return res, nil
}

func (s *Service) candidate(r *marc.Record) (Candidate, bool) {
	dec, err := marcmap.Decode(r, marcmap.Options{})
	if err != nil {
		return Candidate{}, false
	}
	var buf bytes.Buffer
	w, err := marc.NewWriter(&buf, marc.WriterOptions{Charset: marc.CharsetUTF8})
	if err != nil || w.Write(r) != nil || w.Flush() != nil {
		return Candidate{}, false
	}
	return Candidate{Record: dec.Record, Warnings: dec.Warnings, MARC: buf.Bytes()}, true
}

// held returns the library's records with this ISBN.
func (s *Service) held(ctx context.Context, code string) ([]catalog.Record, error) {
	recs, _, err := s.catalog.Records(ctx, catalog.RecordFilter{Query: code, Page: catalog.Page{Number: 1, Size: 5}})
	var out []catalog.Record
	for _, r := range recs {
		if r.ISBN == code {
			out = append(out, r)
		}
	}
	return out, err
}

// maxRecordBytes is ISO 2709's own limit on one record.
const maxRecordBytes = 99999

// Decode turns a chosen candidate's MARC back into a catalogue record
// for the editor.
func Decode(iso []byte) (catalog.Record, []marcmap.Warning, error) {
	bad := errs.Invalid(CodeCandidateInvalid, "marc", "候选记录已损坏，请重新检索", "the candidate record is damaged; search again")
	if len(iso) == 0 || len(iso) > maxRecordBytes {
		return catalog.Record{}, nil, bad
	}
	r, err := marc.NewReader(bytes.NewReader(iso), marc.ReaderOptions{Charset: marc.CharsetUTF8}).Read()
	if err != nil {
		return catalog.Record{}, nil, bad
	}
	dec, err := marcmap.Decode(r, marcmap.Options{})
	if err != nil {
		return catalog.Record{}, nil, err
	}
	return dec.Record, dec.Warnings, nil
}
