package activities

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/gif" // image.Decode reads GIF
	"image/jpeg"
	_ "image/png" // and PNG
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"

	"golang.org/x/image/draw"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
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
	MaxPhotoBytes  = 12 << 20 // one upload
	MaxPhotoPixels = 50e6     // decoded, so a small file cannot unpack into gigabytes
	MaxPhotos      = 60       // an activity's
	ThumbWidth     = 480
)

// WithPhotos sets the directory the photos are kept in (in the data
// directory) and returns s.
func (s *Service) WithPhotos(dir string) *Service {
	s.photos = dir
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
	case len(data) == 0:
		return Photo{}, invalid("photo", "请选择要上传的照片", "choose a photo to upload")
	case len(data) > MaxPhotoBytes:
		return Photo{}, invalid("photo", fmt.Sprintf("照片不能超过 %d MB", MaxPhotoBytes>>20), fmt.Sprintf("a photo is at most %d MB", MaxPhotoBytes>>20))
	}
	p, full, thumb, err := readPhoto(data)
	if err != nil {
		return Photo{}, err
	}
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
		p.File, p.Thumb = base+extOf(p.MIME), base+"-thumb.jpg"
		if err := s.writeFile(p.File, full); err != nil {
			return err
		}
		if err := s.writeFile(p.Thumb, thumb); err != nil {
			return err
		}
		if err := tx.InsertPhoto(&p); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "activity", fmt.Sprint(id), fmt.Sprintf("上传活动照片「%s」%d×%d", act.Title, p.Width, p.Height)))
	})
	if err != nil && p.File != "" {
		// Nothing is kept of a photo the database did not take.
		os.Remove(filepath.Join(s.photos, p.File))
		os.Remove(filepath.Join(s.photos, p.Thumb))
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
		os.Remove(filepath.Join(s.photos, p.File))
		os.Remove(filepath.Join(s.photos, p.Thumb))
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
		return filepath.Join(s.photos, p.Thumb), "image/jpeg", nil
	}
	return filepath.Join(s.photos, p.File), p.MIME, nil
}

func (s *Service) writeFile(name string, data []byte) error {
	if err := os.MkdirAll(s.photos, 0o755); err != nil {
		return errs.Internalf("activities: photos directory: %w", err)
	}
	tmp, err := os.CreateTemp(s.photos, ".upload-*")
	if err != nil {
		return errs.Internalf("activities: keep photo: %w", err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(s.photos, name))
	}
	if err != nil {
		os.Remove(tmp.Name())
		return errs.Internalf("activities: keep photo: %w", err)
	}
	return nil
}

func extOf(mime string) string {
	switch mime {
	case "image/png":
		return ".png"
	case "image/gif":
		return ".gif"
	}
	return ".jpg"
}

// readPhoto checks an upload is a picture of a sane size and makes its
// thumbnail: the file is kept as uploaded.
func readPhoto(data []byte) (p Photo, full, thumb []byte, err error) {
	notPhoto := invalid("photo", "只能上传 JPG、PNG 或 GIF 格式的照片", "upload a JPEG, PNG or GIF picture")
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return p, nil, nil, notPhoto
	}
	switch format {
	case "jpeg":
		p.MIME = "image/jpeg"
	case "png":
		p.MIME = "image/png"
	case "gif":
		p.MIME = "image/gif"
	default:
		return p, nil, nil, notPhoto
	}
	if cfg.Width < 1 || cfg.Height < 1 || float64(cfg.Width)*float64(cfg.Height) > MaxPhotoPixels {
		return p, nil, nil, invalid("photo", fmt.Sprintf("照片的像素太多（%d×%d），请缩小后再上传", cfg.Width, cfg.Height),
			fmt.Sprintf("the picture is too large (%d×%d); make it smaller first", cfg.Width, cfg.Height))
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return p, nil, nil, invalid("photo", "照片文件已损坏，无法读取", "the picture file is damaged")
	}
	if format == "jpeg" {
		// A phone's upright photo is often stored on its side with an EXIF
		// orientation: the thumbnail (and the sizes) are as it is seen.
		img = orient(img, jpegOrientation(data))
	}
	b := img.Bounds()
	p.Width, p.Height, p.Bytes = b.Dx(), b.Dy(), int64(len(data))
	w, h := p.Width, p.Height
	if w > ThumbWidth {
		w, h = ThumbWidth, max(1, p.Height*ThumbWidth/p.Width)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src) // transparent PNGs on white
	draw.BiLinear.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: 82}); err != nil {
		return p, nil, nil, errs.Internalf("activities: thumbnail: %w", err)
	}
	return p, data, out.Bytes(), nil
}
