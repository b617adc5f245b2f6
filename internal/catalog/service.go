package catalog

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/catalog/callno"
	"shuwu/internal/catalog/clc"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/errs"
)

// Service is the catalogue's use cases.
type Service struct {
	store Store
	tree  atomic.Pointer[clc.Tree]
	now   func() time.Time
	tz    *time.Location

	mu        sync.Mutex
	listeners []func(ctx context.Context, recordIDs []int64)
}

// NewService builds the catalogue service. tz is the library's time zone,
// used for dates such as the date a copy was added.
func NewService(store Store, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	// The shipped schedule is built on first use (CLC), not here.
	return &Service{store: store, now: now, tz: tz}
}

// OnChange registers fn to be told, after commit, which records changed
// (their data or their copies). The search index listens here.
func (s *Service) OnChange(fn func(ctx context.Context, recordIDs []int64)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listeners = append(s.listeners, fn)
}

// Changed tells the listeners that records changed; other services call it
// when circulation changes a copy's availability.
func (s *Service) Changed(ctx context.Context, ids ...int64) {
	if len(ids) == 0 {
		return
	}
	s.mu.Lock()
	ls := append([]func(context.Context, []int64){}, s.listeners...)
	s.mu.Unlock()
	for _, fn := range ls {
		fn(ctx, ids)
	}
}

// Today is the library's current calendar date.
func (s *Service) Today() string { return s.now().In(s.tz).Format(time.DateOnly) }

// LoadCLC puts in force the shipped schedule extended by the local table the
// database holds, if any. Call it at start.
func (s *Service) LoadCLC(ctx context.Context) error {
	return s.store.View(ctx, func(tx Tx) error {
		classes, err := tx.CLCClasses()
		if err != nil || len(classes) == 0 {
			return err
		}
		s.tree.Store(clc.Extend(clc.Builtin(), classes))
		return nil
	})
}

// CLC returns the class tree in force: the shipped schedule, extended by an
// imported local table.
func (s *Service) CLC() *clc.Tree {
	if t := s.tree.Load(); t != nil {
		return t
	}
	return clc.Builtin()
}

// ImportCLC stores a local class table and puts the shipped schedule
// extended by it in force. The stored table replaces an earlier import.
func (s *Service) ImportCLC(ctx context.Context, t *clc.Tree) error {
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := tx.ReplaceCLCClasses(t.All()); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "import", "clc", "", fmt.Sprintf("导入中图法类表，共 %d 个类目", t.Len())))
	})
	if err == nil {
		s.tree.Store(clc.Extend(clc.Builtin(), t.All()))
	}
	return err
}

// validateRecord normalises r in place and checks every field a person
// typed. The first problem found is returned, naming its field.
func (s *Service) validateRecord(r *Record, cats []Category) error {
	CleanText(r)
	if r.Title == "" {
		return errs.Invalid(CodeTitleRequired, "title", "题名不能为空", "title is required")
	}
	r.PartNumber, r.PartName = strings.TrimSpace(r.PartNumber), strings.TrimSpace(r.PartName)
	if utf8.RuneCountInString(r.PartNumber) > 100 || utf8.RuneCountInString(r.PartName) > 100 {
		return errs.Invalid(CodeVolumeTooLong, "part_number", "卷次或分册名过长（最多 100 字）", "volume number or part name is too long (100 characters at most)")
	}
	if strings.TrimSpace(r.ISBN) != "" {
		n, err := isbn.Normalize(r.ISBN)
		if err != nil {
			return err
		}
		r.ISBN = n
	} else {
		r.ISBN = ""
	}
	r.CLC = strings.TrimSpace(r.CLC)
	if r.CLC != "" {
		code, err := s.CLC().Validate(r.CLC)
		if err != nil {
			return err
		}
		r.CLC = code
	}
	if r.Year != 0 && (r.Year < 1000 || r.Year > s.now().Year()+1) {
		return errs.Invalid(CodeYearInvalid, "year", fmt.Sprintf("出版年 %d 不合理", r.Year), fmt.Sprintf("publication year %d is not plausible", r.Year))
	}
	if r.PriceFen < 0 {
		return errs.Invalid(CodePriceNegative, "price", "价格不能为负数", "price cannot be negative")
	}
	if r.Language == "" {
		r.Language = "chi"
	}
	var authors []Author
	for _, a := range r.Authors {
		a.Name = strings.TrimSpace(a.Name)
		a.Role = strings.TrimSpace(a.Role)
		if a.Name == "" {
			continue
		}
		if a.Role == "" {
			a.Role = "著"
		}
		authors = append(authors, a)
	}
	r.Authors = authors
	var subjects []string
	for _, sub := range r.Subjects {
		if sub = strings.TrimSpace(sub); sub != "" {
			subjects = append(subjects, sub)
		}
	}
	r.Subjects = subjects
	if err := CheckLimits(r); err != nil {
		return err
	}
	if r.CategoryID != 0 {
		found := false
		for _, c := range cats {
			found = found || c.ID == r.CategoryID
		}
		if !found {
			return errs.Invalid(CodeCategoryUnknown, "category_id", "所选分类不存在", "unknown category")
		}
	} else if r.CLC != "" {
		r.CategoryID = CategoryFor(cats, r.CLC)
	}
	return nil
}

// CreateRecord validates and stores a new record.
func (s *Service) CreateRecord(ctx context.Context, r Record) (Record, error) {
	err := s.store.Update(ctx, func(tx Tx) error {
		cats, err := tx.Categories()
		if err != nil {
			return err
		}
		if err := s.validateRecord(&r, cats); err != nil {
			return err
		}
		r.CreatedAt, r.UpdatedAt = s.now(), s.now()
		if err := tx.InsertRecord(&r); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "record", fmt.Sprint(r.ID), "新建书目《"+r.Title+"》"))
	})
	if err != nil {
		return Record{}, err
	}
	s.Changed(ctx, r.ID)
	return r, nil
}

// UpdateRecord validates and saves changes to a record.
func (s *Service) UpdateRecord(ctx context.Context, r Record) (Record, error) {
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.Record(r.ID)
		if err != nil {
			return err
		}
		cats, err := tx.Categories()
		if err != nil {
			return err
		}
		if err := s.validateRecord(&r, cats); err != nil {
			return err
		}
		r.CreatedAt, r.UpdatedAt = old.CreatedAt, s.now()
		if err := tx.UpdateRecord(&r); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "record", fmt.Sprint(r.ID), "修改书目《"+r.Title+"》"))
	})
	if err != nil {
		return Record{}, err
	}
	s.Changed(ctx, r.ID)
	return r, nil
}

// DeleteRecord removes a record that has no copies left.
func (s *Service) DeleteRecord(ctx context.Context, id int64) error {
	err := s.store.Update(ctx, func(tx Tx) error {
		r, err := tx.Record(id)
		if err != nil {
			return err
		}
		items, err := tx.ItemsOfRecord(id)
		if err != nil {
			return err
		}
		if len(items) > 0 {
			return errs.Conflict(CodeRecordHasItems, fmt.Sprintf("书目《%s》还有 %d 册复本，不能删除", r.Title, len(items)), "the record still has copies")
		}
		if err := tx.BuryRecord(id, s.now()); err != nil {
			return err
		}
		if err := tx.DeleteRecord(id); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "record", fmt.Sprint(id), "删除书目《"+r.Title+"》"))
	})
	if err == nil {
		s.Changed(ctx, id)
	}
	return err
}

// RecordDetail is a record with its copies.
type RecordDetail struct {
	Record
	Items []Item `json:"items"`
}

// Record returns a record with its copies.
func (s *Service) Record(ctx context.Context, id int64) (RecordDetail, error) {
	var d RecordDetail
	err := s.store.View(ctx, func(tx Tx) error {
		r, err := tx.Record(id)
		if err != nil {
			return err
		}
		items, err := tx.ItemsOfRecord(id)
		d = RecordDetail{Record: r, Items: items}
		return err
	})
	return d, err
}

// Records lists records matching f, with the total count.
func (s *Service) Records(ctx context.Context, f RecordFilter) ([]Record, int, error) {
	f.Page = f.Page.Normalize()
	if q := strings.TrimSpace(f.Query); q != "" {
		if n, err := isbn.Normalize(q); err == nil {
			f.Query = n
		}
	}
	var out []Record
	var total int
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, total, err = tx.Records(f)
		return err
	})
	return out, total, err
}

// RecordsByIDs returns the records with the given ids, in that order,
// skipping ids that no longer exist.
func (s *Service) RecordsByIDs(ctx context.Context, ids []int64) ([]Record, error) {
	var out []Record
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.RecordsByIDs(ids)
		return err
	})
	return out, err
}

// ItemsOfRecords returns the copies of each record.
func (s *Service) ItemsOfRecords(ctx context.Context, ids []int64) (map[int64][]Item, error) {
	var out map[int64][]Item
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.ItemsOfRecords(ids)
		return err
	})
	return out, err
}

// RecordsOnShelf returns which of the records (all, when ids is nil) have
// a copy on the shelf now: what the search index's 在架 facet shows.
func (s *Service) RecordsOnShelf(ctx context.Context, ids []int64) ([]int64, error) {
	var out []int64
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.RecordsOnShelf(ids)
		return err
	})
	return out, err
}

// EachRecord streams every record with its copies, in id order, for
// reindexing and export.
func (s *Service) EachRecord(ctx context.Context, fn func(RecordDetail) error) error {
	var after int64
	for {
		var batch []Record
		var items map[int64][]Item
		err := s.store.View(ctx, func(tx Tx) error {
			var err error
			if batch, err = tx.RecordsAfter(after, 1000); err != nil || len(batch) == 0 {
				return err
			}
			ids := make([]int64, len(batch))
			for i, r := range batch {
				ids[i] = r.ID
			}
			items, err = tx.ItemsOfRecords(ids)
			return err
		})
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, r := range batch {
			if err := fn(RecordDetail{Record: r, Items: items[r.ID]}); err != nil {
				return err
			}
		}
		after = batch[len(batch)-1].ID
	}
}

// ReadingListsOfRecord returns the ids of the required-reading lists a
// record is on.
func (s *Service) ReadingListsOfRecord(ctx context.Context, id int64) ([]int64, error) {
	var out []int64
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.ReadingListsOfRecord(id)
		return err
	})
	return out, err
}

// callNumberFor returns the call number new copies of r get: the one its
// existing copies share, or the class number with the next 种次号.
func callNumberFor(tx Tx, r Record, existing []Item) (string, error) {
	for _, it := range existing {
		if it.CallNumber != "" {
			return it.CallNumber, nil
		}
	}
	if r.CLC == "" {
		return "", errs.Invalid(CodeCLCRequiredForCallNumber, "clc", "书目没有中图法分类号，无法生成索书号：请先填写分类号或手工输入索书号", "the record has no CLC class, so no call number can be generated")
	}
	seq, err := tx.NextSequence("zch:" + r.CLC)
	if err != nil {
		return "", err
	}
	return callno.Format(r.CLC, int(seq)), nil
}
