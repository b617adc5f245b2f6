package activities

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/photos"
	"shuwu/internal/plaintext"
)

// Photo is a picture taken at an activity, kept on disk in the data
// directory with a thumbnail.
type Photo struct {
	ID         int64     `json:"id"`
	ActivityID int64     `json:"activity_id"`
	File       string    `json:"-"` // under the photos directory
	Thumb      string    `json:"-"`
	MIME       string    `json:"mime"`
	Caption    string    `json:"caption,omitempty"`
	Width      int       `json:"width"`
	Height     int       `json:"height"`
	Bytes      int64     `json:"bytes"`
	UploadedBy string    `json:"uploaded_by"`
	CreatedAt  time.Time `json:"created_at"`
}

// Limits of an activity's record.
const (
	MaxSummary     = 8000
	MaxCaption     = 100
	MaxPhotoBytes  = photos.MaxBytes  // one upload
	MaxPhotoPixels = photos.MaxPixels // decoded, so a small file cannot unpack into gigabytes
	MaxPhotos      = 60               // an activity's
	ThumbWidth     = photos.ThumbWidth
)

// WithPhotos sets the directory the photos are kept in (in the data
// directory) and returns s.
func (s *Service) WithPhotos(dir string) *Service {
	s.photos = photos.Dir(dir)
	return s
}

// started refuses a record for an activity that has not begun.
func (s *Service) started(act Activity) error {
	if act.Start.After(s.now()) {
		return errs.Conflict(CodeNotStarted, "活动开始后才能填写总结和上传照片", "the summary and photos come after the activity has begun")
	}
	return nil
}

// SaveSummary stores the activity's summary (活动总结): its organiser or
// the room's librarians, once it has begun.
func (s *Service) SaveSummary(ctx context.Context, id int64, text string) (Activity, error) {
	a := audit.ActorFrom(ctx)
	text = plaintext.Text(text)
	if utf8.RuneCountInString(text) > MaxSummary {
		return Activity{}, invalid("summary", fmt.Sprintf("活动总结不超过 %d 个字", MaxSummary), fmt.Sprintf("the summary is at most %d characters", MaxSummary))
	}
	var act Activity
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if act, err = s.ownedForRecord(tx, a, id); err != nil {
			return err
		}
		act.Summary, act.SummaryBy = text, a.Name
		if err := tx.SetSummary(id, text, a.Name); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "activity", fmt.Sprint(id), fmt.Sprintf("填写活动总结「%s」（%d 字）", act.Title, utf8.RuneCountInString(text))))
	})
	return act, err
}

func (s *Service) ownedForRecord(tx Tx, a audit.Actor, id int64) (Activity, error) {
	act, err := tx.Activity(id)
	if err != nil {
		return act, err
	}
	ok, err := owns(tx, a, act)
	if err != nil {
		return act, err
	}
	if !ok {
		return act, errs.New(errs.KindForbidden, CodeActivityNotYours, "只能为本单位的活动填写总结、上传照片", "you can record only your own unit's activities")
	}
	if act.Status == Cancelled {
		return act, errs.Conflict(CodeActivityCancelled, "活动已取消", "the activity is cancelled")
	}
	return act, s.started(act)
}

// AddPhoto keeps a picture of the activity (JPEG, PNG or GIF) with a
// thumbnail: its organiser or the room's librarians, once it has begun.
func (s *Service) AddPhoto(ctx context.Context, id int64, data []byte, caption string) (Photo, error) {
	a := audit.ActorFrom(ctx)
	caption = plaintext.Line(caption)
	switch {
	case s.photos == "":
		return Photo{}, errs.Internalf("activities: no photos directory")
	case utf8.RuneCountInString(caption) > MaxCaption:
		return Photo{}, invalid("caption", fmt.Sprintf("照片说明不超过 %d 个字", MaxCaption), fmt.Sprintf("a caption is at most %d characters", MaxCaption))
	}
	pic, thumb, err := photos.Read(data, CodeActivityInvalid)
	if err != nil {
		return Photo{}, err
	}
	full := data
	p := Photo{MIME: pic.MIME, Width: pic.Width, Height: pic.Height, Bytes: pic.Bytes}
	p.ActivityID, p.Caption, p.UploadedBy, p.CreatedAt = id, caption, a.Name, s.now()
	var act Activity
	err = s.store.Update(ctx, func(tx Tx) error {
		var err error
		if act, err = s.ownedForRecord(tx, a, id); err != nil {
			return err
		}
		have, err := tx.Photos(id)
		if err != nil {
			return err
		}
		if len(have) >= MaxPhotos {
			return errs.Conflict(CodeActivityInvalid, fmt.Sprintf("每项活动最多 %d 张照片", MaxPhotos), fmt.Sprintf("an activity keeps at most %d photos", MaxPhotos)).WithField("photo")
		}
		base := fmt.Sprintf("a%d-%s", id, newKey()[:12])
		p.File, p.Thumb = base+photos.Ext(p.MIME), base+"-thumb.jpg"
		if err := s.photos.Write(p.File, full); err != nil {
			return err
		}
		if err := s.photos.Write(p.Thumb, thumb); err != nil {
			return err
		}
		if err := tx.InsertPhoto(&p); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "activity", fmt.Sprint(id), fmt.Sprintf("上传活动照片「%s」%d×%d", act.Title, p.Width, p.Height)))
	})
	if err != nil && p.File != "" {
		// Nothing is kept of a photo the database did not take.
		s.photos.Remove(p.File, p.Thumb)
	}
	return p, err
}

// DeletePhoto removes a photo and its files.
func (s *Service) DeletePhoto(ctx context.Context, photoID int64) (Photo, error) {
	a := audit.ActorFrom(ctx)
	var p Photo
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if p, err = tx.Photo(photoID); err != nil {
			return err
		}
		act, err := tx.Activity(p.ActivityID)
		if err != nil {
			return err
		}
		if ok, err := owns(tx, a, act); err != nil {
			return err
		} else if !ok {
			return errs.New(errs.KindForbidden, CodeActivityNotYours, "只能删除本单位活动的照片", "you can remove only your own unit's photos")
		}
		if err := tx.DeletePhoto(photoID); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "activity", fmt.Sprint(act.ID), fmt.Sprintf("删除活动照片「%s」", act.Title)))
	})
	if err == nil {
		s.photos.Remove(p.File, p.Thumb)
	}
	return p, err
}

// Photos lists an activity's photos in the order they were added.
func (s *Service) Photos(ctx context.Context, id int64) (out []Photo, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Photos(id)
		return err
	})
	return out, err
}

// PhotoFile is the path on disk of a photo (or its thumbnail) and its type.
func (s *Service) PhotoFile(ctx context.Context, photoID int64, thumb bool) (path, mime string, err error) {
	var p Photo
	err = s.store.View(ctx, func(tx Tx) error {
		p, err = tx.Photo(photoID)
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
