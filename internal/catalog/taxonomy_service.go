package catalog

import (
	"context"
	"fmt"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
	"shuwu/internal/readers"
)

// Categories lists the local categories in display order.
func (s *Service) Categories(ctx context.Context) ([]Category, error) {
	var out []Category
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Categories()
		return err
	})
	return out, err
}

// SaveCategory creates (ID 0) or updates a category.
func (s *Service) SaveCategory(ctx context.Context, c Category) (Category, error) {
	c.Name, c.Code = plaintext.Line(c.Name), plaintext.Line(c.Code)
	if c.Name == "" {
		return c, errs.Invalid(errs.CodeNameRequired, "name", "分类名称不能为空", "name is required")
	}
	if c.Code == "" {
		c.Code = c.Name
	}
	for _, p := range c.Prefixes() {
		if _, err := s.CLC().Validate(p); err != nil {
			return c, errs.Invalid(CodeCLCRangeInvalid, "clc_ranges", fmt.Sprintf("分类号范围中的“%s”不是有效的中图法分类号", p), fmt.Sprintf("%q in the CLC ranges is not a valid class", p))
		}
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SaveCategory(&c); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Invalid(CodeCategoryDuplicate, "name", "已有同名或同代码的分类", "a category with that name or code exists")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "category", fmt.Sprint(c.ID), "保存分类“"+c.Name+"”"))
	})
	return c, err
}

// DeleteCategory removes a category no record uses.
func (s *Service) DeleteCategory(ctx context.Context, id int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.DeleteCategory(id); err != nil {
			if errs.Is(err, errs.CodeInUse) {
				return errs.Conflict(CodeCategoryInUse, "仍有书目属于该分类，不能删除", "records still use this category")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "category", fmt.Sprint(id), "删除分类"))
	})
}

// Locations lists the locations in display order.
func (s *Service) Locations(ctx context.Context) ([]Location, error) {
	var out []Location
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Locations()
		return err
	})
	return out, err
}

// SaveLocation creates (ID 0) or updates a location.
func (s *Service) SaveLocation(ctx context.Context, l Location) (Location, error) {
	l.Name, l.Code = plaintext.Line(l.Name), plaintext.Line(l.Code)
	if l.Name == "" {
		return l, errs.Invalid(errs.CodeNameRequired, "name", "位置名称不能为空", "name is required")
	}
	if l.Code == "" {
		l.Code = l.Name
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SaveLocation(&l); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Invalid(CodeLocationDuplicate, "name", "已有同名或同代码的馆藏位置", "a location with that name or code exists")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "location", fmt.Sprint(l.ID), "保存馆藏位置“"+l.Name+"”"))
	})
	return l, err
}

// DeleteLocation removes a location no copy stands at.
func (s *Service) DeleteLocation(ctx context.Context, id int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.DeleteLocation(id); err != nil {
			if errs.Is(err, errs.CodeInUse) {
				return errs.Conflict(CodeLocationInUse, "仍有复本在该位置，不能删除", "copies still stand at this location")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "location", fmt.Sprint(id), "删除馆藏位置"))
	})
}

// ReadingLists lists the required-reading lists.
func (s *Service) ReadingLists(ctx context.Context) ([]ReadingList, error) {
	var out []ReadingList
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.ReadingLists()
		return err
	})
	return out, err
}

// ReadingList returns one list with its records.
func (s *Service) ReadingList(ctx context.Context, id int64) (ReadingList, []Record, error) {
	var l ReadingList
	var recs []Record
	err := s.store.View(ctx, func(tx Tx) (err error) {
		if l, err = tx.ReadingList(id); err != nil {
			return err
		}
		recs, err = tx.RecordsByIDs(l.RecordIDs)
		return err
	})
	return l, recs, err
}

// SaveReadingList creates (ID 0) or replaces a list.
func (s *Service) SaveReadingList(ctx context.Context, l ReadingList) (ReadingList, error) {
	if err := normalizeReadingList(&l); err != nil {
		return l, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		for _, id := range l.RecordIDs {
			if _, err := tx.Record(id); err != nil {
				return errs.Invalid(CodeRecordNotFound, "record_ids", fmt.Sprintf("书目 %d 不存在", id), fmt.Sprintf("record %d does not exist", id))
			}
		}
		if err := tx.SaveReadingList(&l); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Invalid(CodeReadingListDuplicate, "name", "已有同名的必读书目", "a list with that name exists")
			}
			if errs.Is(err, errs.CodeInUse) {
				return errs.Invalid(readers.CodeClassNotFound, "class_ids", "指定的班次不存在", "a class does not exist")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "reading_list", fmt.Sprint(l.ID), "保存必读书目“"+l.Name+"”"))
	})
	return l, err
}

// DeleteReadingList removes a list.
func (s *Service) DeleteReadingList(ctx context.Context, id int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.DeleteReadingList(id); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "reading_list", fmt.Sprint(id), "删除必读书目"))
	})
}
