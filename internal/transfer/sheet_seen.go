package transfer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"shuwu/internal/errs"
)

// fileHash is the SHA-256 of a file's content, read from its start.
func fileHash(rs io.ReadSeeker) (string, error) {
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return "", errs.Invalid(CodeFileUnreadable, "file", "无法读取文件", "cannot read the file").Wrap(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, rs); err != nil {
		return "", errs.Invalid(CodeFileUnreadable, "file", "无法读取文件", "cannot read the file").Wrap(err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// importedBefore finds an earlier import of the same content.
func (s *Service) importedBefore(ctx context.Context, kind, hash string) (*ImportedFile, error) {
	var f ImportedFile
	var found bool
	err := s.store.View(ctx, func(tx Tx) (err error) {
		f, found, err = tx.ImportedFile(kind, hash)
		return err
	})
	if err != nil || !found {
		return nil, err
	}
	return &f, nil
}

// CheckNotImported refuses a book list or roster (kind books, roster)
// whose content was imported before, unless again is set; the API and
// the pages ask before they start a job, so the refusal is immediate. rs
// is left at its start.
func (s *Service) CheckNotImported(ctx context.Context, kind string, rs io.ReadSeeker, again bool) error {
	_, err := s.checkNotImported(ctx, kind, rs, again)
	if _, serr := rs.Seek(0, io.SeekStart); err == nil && serr != nil {
		err = errs.Invalid(CodeFileUnreadable, "file", "无法读取文件", "cannot read the file").Wrap(serr)
	}
	return err
}

// errImportedBefore is the refusal to import the same file twice without
// being asked to.
func (s *Service) errImportedBefore(f ImportedFile) *errs.Error {
	what, whatEn := "复本", "copies"
	if f.Kind == "roster" {
		what, whatEn = "学员", "trainees"
	}
	return errs.Conflict(CodeFileAlreadyImported,
		fmt.Sprintf("这个文件已于 %s 导入过（“%s”，入库 %d 行）：再次导入会再加一遍%s。确要再次导入，请勾选“仍要再次导入”", s.chineseTime(f), f.File, f.Stored, what),
		fmt.Sprintf("this file was imported on %s (%q, %d rows stored): importing it again adds the %s again; tick \"import again\" to do so", f.ImportedAt.In(s.tz).Format("2006-01-02 15:04"), f.File, f.Stored, whatEn))
}

// checkNotImported refuses a file imported before unless again is set,
// and returns the file's hash for rememberImport.
func (s *Service) checkNotImported(ctx context.Context, kind string, rs io.ReadSeeker, again bool) (string, error) {
	hash, err := fileHash(rs)
	if err != nil {
		return "", err
	}
	if again {
		return hash, nil
	}
	before, err := s.importedBefore(ctx, kind, hash)
	if err != nil {
		return hash, err
	}
	if before != nil {
		return hash, s.errImportedBefore(*before)
	}
	return hash, nil
}

// rememberImport notes a file once something of it was stored.
func (s *Service) rememberImport(ctx context.Context, kind, hash, name string, rep SheetReport) error {
	stored := rep.Added + rep.Matched + rep.Updated
	if stored == 0 {
		return nil
	}
	return s.store.Update(ctx, func(tx Tx) error {
		return tx.SaveImportedFile(ImportedFile{Kind: kind, Hash: hash, File: name, ImportedAt: s.now(), Rows: rep.Read, Stored: stored})
	})
}

// chineseTime writes when a file was imported as the library reads it.
func (s *Service) chineseTime(f ImportedFile) string {
	t := f.ImportedAt.In(s.tz)
	return fmt.Sprintf("%d年%d月%d日 %02d:%02d", t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute())
}
