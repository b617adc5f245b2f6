package catalog

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// SetKind tells a multi-volume work (多卷书: 《毛泽东选集》 1–4) from a
// series (丛编: volumes with titles of their own under one series title).
type SetKind string

// The kinds of set.
const (
	SetMultiVolume SetKind = "multivolume" // 多卷书
	SetSeries      SetKind = "series"      // 丛编
)

// Label names the kind in lang ("en" or Chinese).
func (k SetKind) Label(lang string) string {
	if lang == "en" {
		if k == SetSeries {
			return "series"
		}
		return "multi-volume work"
	}
	if k == SetSeries {
		return "丛编"
	}
	return "多卷书"
}

// Bounds of a set.
const (
	maxSetTitleRunes = 200
	maxSetNoteRunes  = 1000
	// MaxSetMembers is the most records one set links.
	MaxSetMembers = 200
)

// Set is a multi-volume work or a series: one title over several
// records, each a volume (卷次/分册) of its own with its own copies.
// A record belongs to one set at most. Members are kept in the order the
// librarian gave, which starts as the volumes' PartSortKey order.
type Set struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	ISBN      string    `json:"isbn,omitempty"` // ISBN of the whole set (总ISBN), 13 digits
	Kind      SetKind   `json:"kind"`
	Note      string    `json:"note,omitempty"`
	RecordIDs []int64   `json:"record_ids"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// SetVolume is one member of a set with what its copies do now.
type SetVolume struct {
	Record    Record `json:"record"`
	Position  int    `json:"position"`  // 1-based place in the set
	Copies    int    `json:"copies"`    // held: lost and withdrawn copies not counted
	Available int    `json:"available"` // on the shelf
	OnLoan    int    `json:"on_loan"`
}

// SetDetail is a set with its volumes in order.
type SetDetail struct {
	Set
	Volumes []SetVolume `json:"volumes"`
}

// SetOfRecord is the set a record belongs to, where it stands in it and
// its siblings (the whole set, the record itself included, in order).
type SetOfRecord struct {
	Set      Set      `json:"set"`
	Position int      `json:"position"`
	Volumes  []Record `json:"volumes"`
}

func errSetTitleRequired() *errs.Error {
	return errs.Invalid(CodeSetTitleRequired, "title", "丛编/多卷书的题名不能为空", "the set needs a title")
}

// normalizeSet trims what a person typed and checks the bounds. Repeated
// members are an error, not silently dropped: the librarian meant
// something else.
func normalizeSet(s *Set) error {
	s.Title, s.Note = plaintext.Line(s.Title), plaintext.Text(s.Note)
	s.ISBN = strings.TrimSpace(s.ISBN)
	if s.Kind == "" {
		s.Kind = SetMultiVolume
	}
	switch {
	case s.Title == "":
		return errSetTitleRequired()
	case utf8.RuneCountInString(s.Title) > maxSetTitleRunes:
		return errs.Invalid(CodeSetTooLong, "title", fmt.Sprintf("题名不能超过 %d 个字", maxSetTitleRunes), fmt.Sprintf("the title may have at most %d characters", maxSetTitleRunes))
	case utf8.RuneCountInString(s.Note) > maxSetNoteRunes:
		return errs.Invalid(CodeSetTooLong, "note", fmt.Sprintf("附注不能超过 %d 个字", maxSetNoteRunes), fmt.Sprintf("the note may have at most %d characters", maxSetNoteRunes))
	case s.Kind != SetMultiVolume && s.Kind != SetSeries:
		return errs.Invalid(CodeSetKindUnknown, "kind", "类型只能是多卷书或丛编", "the kind is a multi-volume work or a series")
	case len(s.RecordIDs) > MaxSetMembers:
		return errs.Invalid(CodeSetTooLong, "record_ids", fmt.Sprintf("一套书最多 %d 卷", MaxSetMembers), fmt.Sprintf("a set links at most %d records", MaxSetMembers))
	}
	if s.ISBN != "" {
		n, err := isbn.Normalize(s.ISBN)
		if err != nil {
			return err
		}
		s.ISBN = n
	}
	if s.RecordIDs == nil {
		s.RecordIDs = []int64{}
	}
	return nil
}

// checkMembers makes sure every member exists, is named once and belongs
// to no other set. It returns the members' records by id.
func checkMembers(tx Tx, s Set) (map[int64]Record, error) {
	recs, err := tx.RecordsByIDs(s.RecordIDs)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]Record, len(recs))
	for _, r := range recs {
		byID[r.ID] = r
	}
	seen := map[int64]bool{}
	for _, id := range s.RecordIDs {
		r, ok := byID[id]
		if !ok {
			return nil, errs.Invalid(CodeRecordNotFound, "record_ids", fmt.Sprintf("书目 %d 不存在", id), fmt.Sprintf("record %d does not exist", id))
		}
		if seen[id] {
			return nil, errs.Invalid(CodeSetMemberDuplicate, "record_ids", fmt.Sprintf("《%s》已在本套书中，不能重复加入", r.DisplayTitle()), "the record is already in this set")
		}
		seen[id] = true
		other, err := tx.SetOfRecord(id)
		if err == nil && other.ID != s.ID {
			return nil, errs.Invalid(CodeSetMemberElsewhere, "record_ids", fmt.Sprintf("《%s》已属于《%s》，一种书只能属于一套书", r.DisplayTitle(), other.Title), "the record already belongs to another set")
		} else if err != nil && !errs.Is(err, CodeSetNotFound) {
			return nil, err
		}
	}
	return byID, nil
}

// SortByVolume orders records the way a reader counts volumes
// (PartSortKey), ties by id.
func SortByVolume(recs []Record) {
	sort.SliceStable(recs, func(i, j int) bool {
		ki, kj := PartSortKey(recs[i].PartNumber, recs[i].PartName), PartSortKey(recs[j].PartNumber, recs[j].PartName)
		if ki != kj {
			return ki < kj
		}
		return recs[i].ID < recs[j].ID
	})
}

// Sets lists the sets, by title; q, when not empty, keeps those whose
// title contains it.
func (s *Service) Sets(ctx context.Context, q string) ([]Set, error) {
	var out []Set
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Sets(strings.TrimSpace(q))
		return err
	})
	return out, err
}

// Set returns a set with its volumes and their copies.
func (s *Service) Set(ctx context.Context, id int64) (SetDetail, error) {
	var d SetDetail
	err := s.store.View(ctx, func(tx Tx) error {
		set, err := tx.Set(id)
		if err != nil {
			return err
		}
		d.Set = set
		recs, err := tx.RecordsByIDs(set.RecordIDs)
		if err != nil {
			return err
		}
		byID := map[int64]Record{}
		for _, r := range recs {
			byID[r.ID] = r
		}
		items, err := tx.ItemsOfRecords(set.RecordIDs)
		if err != nil {
			return err
		}
		d.Volumes = make([]SetVolume, 0, len(set.RecordIDs))
		for i, rid := range set.RecordIDs {
			v := SetVolume{Record: byID[rid], Position: i + 1}
			for _, it := range items[rid] {
				switch it.Status {
				case StatusLost, StatusWithdrawn:
					continue
				case StatusAvailable:
					v.Available++
				case StatusOnLoan:
					v.OnLoan++
				}
				v.Copies++
			}
			d.Volumes = append(d.Volumes, v)
		}
		return nil
	})
	return d, err
}

// SetIDsOf maps those of the records that belong to a set to its id.
func (s *Service) SetIDsOf(ctx context.Context, recordIDs []int64) (map[int64]int64, error) {
	var out map[int64]int64
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.SetIDsOfRecords(recordIDs)
		return err
	})
	return out, err
}

// SetOf returns the set a record belongs to; ok is false when it belongs
// to none.
func (s *Service) SetOf(ctx context.Context, recordID int64) (out SetOfRecord, ok bool, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		set, err := tx.SetOfRecord(recordID)
		if errs.Is(err, CodeSetNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		recs, err := tx.RecordsByIDs(set.RecordIDs)
		if err != nil {
			return err
		}
		byID := map[int64]Record{}
		for _, r := range recs {
			byID[r.ID] = r
		}
		out = SetOfRecord{Set: set, Volumes: make([]Record, 0, len(set.RecordIDs))}
		for i, rid := range set.RecordIDs {
			if rid == recordID {
				out.Position = i + 1
			}
			out.Volumes = append(out.Volumes, byID[rid])
		}
		ok = true
		return nil
	})
	return out, ok, err
}

// CheckSet reports whether SaveSet would take set, changing nothing.
func (s *Service) CheckSet(ctx context.Context, set Set) error {
	if err := normalizeSet(&set); err != nil {
		return err
	}
	return s.store.View(ctx, func(tx Tx) error {
		_, err := checkMembers(tx, set)
		return err
	})
}

// SaveSet creates (ID 0) or replaces a set: its title, ISBN, kind, note
// and members in the order given. Bad input changes nothing.
func (s *Service) SaveSet(ctx context.Context, set Set) (Set, error) {
	if err := normalizeSet(&set); err != nil {
		return set, err
	}
	var changed []int64
	err := s.store.Update(ctx, func(tx Tx) error {
		changed = nil
		var before Set
		if set.ID != 0 {
			var err error
			if before, err = tx.Set(set.ID); err != nil {
				return err
			}
			set.CreatedAt = before.CreatedAt
		} else {
			set.CreatedAt = s.now()
		}
		if _, err := checkMembers(tx, set); err != nil {
			return err
		}
		if len(set.RecordIDs) == 0 && set.ID != 0 {
			if n, err := tx.SetHoldCount(set.ID); err != nil {
				return err
			} else if n > 0 {
				return errs.Conflict(CodeSetHasHolds, fmt.Sprintf("《%s》还有 %d 个“任一卷”预约，不能移走全部各卷", before.Title, n), "any-volume holds wait on the set: it cannot lose all its volumes")
			}
		}
		set.UpdatedAt = s.now()
		if err := tx.SaveSet(&set); err != nil {
			return err
		}
		changed = unionIDs(before.RecordIDs, set.RecordIDs)
		verb := "create"
		summary := fmt.Sprintf("新建%s《%s》，共 %d 卷", set.Kind.Label("zh"), set.Title, len(set.RecordIDs))
		if before.ID != 0 {
			verb = "update"
			summary = fmt.Sprintf("修改%s《%s》，共 %d 卷", set.Kind.Label("zh"), set.Title, len(set.RecordIDs))
		}
		return tx.Audit(audit.New(ctx, s.now(), verb, "set", fmt.Sprint(set.ID), summary))
	})
	if err == nil {
		s.Changed(ctx, changed...)
	}
	return set, err
}

// AddToSet adds a record to a set, placed among the volumes by its volume
// number (PartSortKey) when the set is in that order, else at the end.
func (s *Service) AddToSet(ctx context.Context, setID, recordID int64) (Set, error) {
	var out Set
	err := s.store.Update(ctx, func(tx Tx) error {
		set, err := tx.Set(setID)
		if err != nil {
			return err
		}
		for _, id := range set.RecordIDs {
			if id == recordID {
				r, err := tx.Record(recordID)
				if err != nil {
					return err
				}
				return errs.Invalid(CodeSetMemberDuplicate, "record_id", fmt.Sprintf("《%s》已在本套书中，不能重复加入", r.DisplayTitle()), "the record is already in this set")
			}
		}
		if len(set.RecordIDs) >= MaxSetMembers {
			return errs.Invalid(CodeSetTooLong, "record_id", fmt.Sprintf("一套书最多 %d 卷", MaxSetMembers), fmt.Sprintf("a set links at most %d records", MaxSetMembers))
		}
		next := set
		next.RecordIDs = append(append([]int64{}, set.RecordIDs...), recordID)
		byID, err := checkMembers(tx, next)
		if err != nil {
			return err
		}
		if inVolumeOrder(set.RecordIDs, byID) {
			recs := make([]Record, 0, len(next.RecordIDs))
			for _, id := range next.RecordIDs {
				recs = append(recs, byID[id])
			}
			SortByVolume(recs)
			for i, r := range recs {
				next.RecordIDs[i] = r.ID
			}
		}
		next.UpdatedAt = s.now()
		if err := tx.SaveSet(&next); err != nil {
			return err
		}
		out = next
		return tx.Audit(audit.New(ctx, s.now(), "update", "set", fmt.Sprint(set.ID), fmt.Sprintf("《%s》加入《%s》", byID[recordID].DisplayTitle(), set.Title)))
	})
	if err == nil {
		s.Changed(ctx, recordID)
	}
	return out, err
}

// inVolumeOrder reports whether ids stand in PartSortKey order.
func inVolumeOrder(ids []int64, byID map[int64]Record) bool {
	recs := make([]Record, 0, len(ids))
	for _, id := range ids {
		recs = append(recs, byID[id])
	}
	return sort.SliceIsSorted(recs, func(i, j int) bool {
		ki, kj := PartSortKey(recs[i].PartNumber, recs[i].PartName), PartSortKey(recs[j].PartNumber, recs[j].PartName)
		if ki != kj {
			return ki < kj
		}
		return recs[i].ID < recs[j].ID
	})
}

// RemoveFromSet takes a record out of a set; the record itself stays.
func (s *Service) RemoveFromSet(ctx context.Context, setID, recordID int64) (Set, error) {
	var out Set
	err := s.store.Update(ctx, func(tx Tx) error {
		set, err := tx.Set(setID)
		if err != nil {
			return err
		}
		keep := make([]int64, 0, len(set.RecordIDs))
		for _, id := range set.RecordIDs {
			if id != recordID {
				keep = append(keep, id)
			}
		}
		if len(keep) == len(set.RecordIDs) {
			return errs.Invalid(CodeSetMemberMissing, "record_id", fmt.Sprintf("书目 %d 不在《%s》中", recordID, set.Title), "the record is not in this set")
		}
		if len(keep) == 0 {
			if n, err := tx.SetHoldCount(set.ID); err != nil {
				return err
			} else if n > 0 {
				return errs.Conflict(CodeSetHasHolds, fmt.Sprintf("《%s》还有 %d 个“任一卷”预约，不能移走最后一卷", set.Title, n), "any-volume holds wait on the set: its last volume cannot go")
			}
		}
		r, err := tx.Record(recordID)
		if err != nil {
			return err
		}
		set.RecordIDs, set.UpdatedAt = keep, s.now()
		if err := tx.SaveSet(&set); err != nil {
			return err
		}
		out = set
		return tx.Audit(audit.New(ctx, s.now(), "update", "set", fmt.Sprint(set.ID), fmt.Sprintf("《%s》移出《%s》", r.DisplayTitle(), set.Title)))
	})
	if err == nil {
		s.Changed(ctx, recordID)
	}
	return out, err
}

// MoveInSet moves a member one place up (delta -1) or down (+1); at either
// end it stays where it is.
func (s *Service) MoveInSet(ctx context.Context, setID, recordID int64, delta int) (Set, error) {
	var out Set
	err := s.store.Update(ctx, func(tx Tx) error {
		set, err := tx.Set(setID)
		if err != nil {
			return err
		}
		at := -1
		for i, id := range set.RecordIDs {
			if id == recordID {
				at = i
			}
		}
		if at < 0 {
			return errs.Invalid(CodeSetMemberMissing, "record_id", fmt.Sprintf("书目 %d 不在《%s》中", recordID, set.Title), "the record is not in this set")
		}
		to := at + delta
		out = set
		if delta == 0 || to < 0 || to >= len(set.RecordIDs) {
			return nil
		}
		set.RecordIDs[at], set.RecordIDs[to] = set.RecordIDs[to], set.RecordIDs[at]
		set.UpdatedAt = s.now()
		if err := tx.SaveSet(&set); err != nil {
			return err
		}
		out = set
		return tx.Audit(audit.New(ctx, s.now(), "update", "set", fmt.Sprint(set.ID), fmt.Sprintf("调整《%s》各卷的顺序", set.Title)))
	})
	return out, err
}

// SortSet puts a set's members back in volume order (PartSortKey).
func (s *Service) SortSet(ctx context.Context, setID int64) (Set, error) {
	var out Set
	err := s.store.Update(ctx, func(tx Tx) error {
		set, err := tx.Set(setID)
		if err != nil {
			return err
		}
		recs, err := tx.RecordsByIDs(set.RecordIDs)
		if err != nil {
			return err
		}
		SortByVolume(recs)
		set.RecordIDs = set.RecordIDs[:0]
		for _, r := range recs {
			set.RecordIDs = append(set.RecordIDs, r.ID)
		}
		set.UpdatedAt = s.now()
		if err := tx.SaveSet(&set); err != nil {
			return err
		}
		out = set
		return tx.Audit(audit.New(ctx, s.now(), "update", "set", fmt.Sprint(set.ID), fmt.Sprintf("《%s》各卷按卷次排序", set.Title)))
	})
	return out, err
}

// DeleteSet removes a set; its records stay. A set that any-volume holds
// wait on is kept until they are fulfilled or cancelled.
func (s *Service) DeleteSet(ctx context.Context, id int64) error {
	var members []int64
	err := s.store.Update(ctx, func(tx Tx) error {
		set, err := tx.Set(id)
		if err != nil {
			return err
		}
		n, err := tx.SetHoldCount(id)
		if err != nil {
			return err
		}
		if n > 0 {
			return errs.Conflict(CodeSetHasHolds, fmt.Sprintf("《%s》还有 %d 个“任一卷”预约，不能删除", set.Title, n), "any-volume holds wait on the set")
		}
		if err := tx.DeleteSet(id); err != nil {
			return err
		}
		members = set.RecordIDs
		return tx.Audit(audit.New(ctx, s.now(), "delete", "set", fmt.Sprint(id), fmt.Sprintf("删除%s《%s》（各卷书目保留）", set.Kind.Label("zh"), set.Title)))
	})
	if err == nil {
		s.Changed(ctx, members...)
	}
	return err
}

// SetProposal is what grouping a record's namesakes into a set would
// make: the records with the same title that carry a volume and belong to
// no set yet, in volume order. SameVolume names volumes that two of them
// share (a second edition, a duplicate record): the librarian decides.
type SetProposal struct {
	Title      string   `json:"title"`
	ISBN       string   `json:"isbn,omitempty"`
	Records    []Record `json:"records"`
	SameVolume []string `json:"same_volume,omitempty"`
}

// ProposeSet finds the records titled like the record (same title, any
// volume) that are in no set, to group them into one. The record must
// carry a volume itself.
func (s *Service) ProposeSet(ctx context.Context, recordID int64) (SetProposal, error) {
	var p SetProposal
	err := s.store.View(ctx, func(tx Tx) error {
		r, err := tx.Record(recordID)
		if err != nil {
			return err
		}
		if other, err := tx.SetOfRecord(recordID); err == nil {
			return errs.Conflict(CodeSetMemberElsewhere, fmt.Sprintf("《%s》已属于《%s》", r.DisplayTitle(), other.Title), "the record already belongs to a set")
		} else if !errs.Is(err, CodeSetNotFound) {
			return err
		}
		if r.Volume() == "" {
			return errs.Conflict(CodeSetNoVolumes, fmt.Sprintf("《%s》没有卷次或分册名，请先在书目中填写卷次", r.Title), "the record has no volume number: fill it in first")
		}
		recs, err := tx.RecordsTitled(r.Title, MaxSetMembers+1)
		if err != nil {
			return err
		}
		p.Title = r.Title
		seen := map[string]int{}
		for _, c := range recs {
			if c.Volume() == "" {
				continue
			}
			if _, err := tx.SetOfRecord(c.ID); err == nil {
				continue
			} else if !errs.Is(err, CodeSetNotFound) {
				return err
			}
			p.Records = append(p.Records, c)
			seen[c.Volume()]++
		}
		SortByVolume(p.Records)
		if len(p.Records) > MaxSetMembers {
			p.Records = p.Records[:MaxSetMembers]
		}
		for _, c := range p.Records {
			if seen[c.Volume()] > 1 {
				p.SameVolume = append(p.SameVolume, c.Volume())
				seen[c.Volume()] = 0
			}
		}
		return nil
	})
	return p, err
}

// unionIDs is a and b without repeats.
func unionIDs(a, b []int64) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, l := range [][]int64{a, b} {
		for _, id := range l {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}
