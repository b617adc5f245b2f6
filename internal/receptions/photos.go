package receptions

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/photos"
	"shuwu/internal/plaintext"
)

// Photo is a picture of a visit, kept on disk in the data directory with
// a thumbnail (internal/photos, as activities' are).
type Photo struct {
	ID          int64     `json:"id"`
	ReceptionID int64     `json:"reception_id"`
	File        string    `json:"-"`
	Thumb       string    `json:"-"`
	MIME        string    `json:"mime"`
	Caption     string    `json:"caption,omitempty"`
	Width       int       `json:"width"`
	Height      int       `json:"height"`
	Bytes       int64     `json:"bytes"`
	UploadedBy  string    `json:"uploaded_by"`
	CreatedAt   time.Time `json:"created_at"`
}

// Limits of a visit's photos.
const (
	MaxCaption = 100
	MaxPhotos  = 30
)

// WithPhotos sets the directory the photos are kept in and returns s.
func (s *Service) WithPhotos(dir string) *Service {
	s.photos = photos.Dir(dir)
	return s
}

// AddPhoto keeps a picture of the visit (JPEG, PNG or GIF) with its
// thumbnail: librarians only.
func (s *Service) AddPhoto(ctx context.Context, id int64, data []byte, caption string) (Photo, error) {
	a := audit.ActorFrom(ctx)
	if !mayWrite(a) {
		return Photo{}, errs.New(errs.KindForbidden, CodeReceptionForbidden, "只有馆员可以上传接待照片", "only a librarian adds photos of visits")
	}
	caption = plaintext.Line(caption)
	if utf8.RuneCountInString(caption) > MaxCaption {
		return Photo{}, invalid("caption", fmt.Sprintf("照片说明不超过 %d 个字", MaxCaption), fmt.Sprintf("a caption is at most %d characters", MaxCaption))
	}
	if s.photos == "" {
		return Photo{}, errs.Internalf("receptions: no photos directory")
	}
	pic, thumb, err := photos.Read(data, CodeReceptionInvalid)
	if err != nil {
		return Photo{}, err
	}
	p := Photo{ReceptionID: id, MIME: pic.MIME, Width: pic.Width, Height: pic.Height, Bytes: pic.Bytes, Caption: caption, UploadedBy: a.Name, CreatedAt: s.now()}
	err = s.store.Update(ctx, func(tx Tx) error {
		rc, err := tx.Reception(id)
		if err != nil {
			return err
		}
		have, err := tx.ReceptionPhotos(id)
		if err != nil {
			return err
		}
		if len(have) >= MaxPhotos {
			return errs.Conflict(CodeReceptionInvalid, fmt.Sprintf("每次接待最多 %d 张照片", MaxPhotos), fmt.Sprintf("a visit keeps at most %d photos", MaxPhotos)).WithField("photo")
		}
		var b [6]byte
		rand.Read(b[:])
		base := fmt.Sprintf("r%d-%s", id, hex.EncodeToString(b[:]))
		p.File, p.Thumb = base+photos.Ext(p.MIME), base+"-thumb.jpg"
		if err := s.photos.Write(p.File, data); err != nil {
			return err
		}
		if err := s.photos.Write(p.Thumb, thumb); err != nil {
			return err
		}
		if err := tx.InsertReceptionPhoto(&p); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "reception", fmt.Sprint(id), fmt.Sprintf("上传 %s %s一行来访的接待照片 %d×%d", rc.Date, rc.Principal().Name, p.Width, p.Height)))
	})
	if err != nil && p.File != "" {
		s.photos.Remove(p.File, p.Thumb) // nothing is kept of a photo the database did not take
	}
	return p, err
}

// DeletePhoto removes a visit's photo and its files: librarians only.
func (s *Service) DeletePhoto(ctx context.Context, photoID int64) (Photo, error) {
	if !mayWrite(audit.ActorFrom(ctx)) {
		return Photo{}, errs.New(errs.KindForbidden, CodeReceptionForbidden, "只有馆员可以删除接待照片", "only a librarian removes photos of visits")
	}
	var p Photo
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if p, err = tx.ReceptionPhoto(photoID); err != nil {
			return err
		}
		if err := tx.DeleteReceptionPhoto(photoID); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "reception", fmt.Sprint(p.ReceptionID), "删除一张接待照片"))
	})
	if err == nil {
		s.photos.Remove(p.File, p.Thumb)
	}
	return p, err
}

// Photos lists a visit's photos in the order they were added.
func (s *Service) Photos(ctx context.Context, id int64) (out []Photo, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.ReceptionPhotos(id)
		return err
	})
	return out, err
}

// PhotoFile is the path on disk of a photo (or its thumbnail) and its type.
func (s *Service) PhotoFile(ctx context.Context, photoID int64, thumb bool) (path, mime string, err error) {
	var p Photo
	err = s.store.View(ctx, func(tx Tx) error {
		p, err = tx.ReceptionPhoto(photoID)
		return err
	})
	if err != nil {
		return "", "", err
	}
	if thumb {
		return s.photos.Path(p.Thumb), "image/jpeg", nil
	}
	return s.photos.Path(p.File), p.MIME, nil
}
