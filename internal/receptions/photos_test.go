package receptions_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/receptions"
)

// A librarian adds a photo to a visit, kept on disk with its thumbnail;
// a file that is not a picture is refused in Chinese and keeps nothing;
// leadership cannot add one; deleting removes the files.
func TestAVisitKeepsPhotosOnDisk(t *testing.T) {
	k, _ := setup(t)
	dir := filepath.Join(t.TempDir(), "receptions")
	s := receptions.NewService(k.DB.Receptions(), k.Clock.Now().Location(), k.Clock.Now).WithPhotos(dir)
	rc, err := s.Create(librarian, visit("2024-03-12", receptions.Prefecture, "张明 州委常委、组织部部长"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 1200, 800)))
	if _, err := s.AddPhoto(librarian, rc.ID, []byte("%PDF-1.4"), ""); !errs.Is(err, receptions.CodeReceptionInvalid) || !strings.Contains(errs.As(err).Message, "JPG、PNG 或 GIF") {
		t.Fatalf("a PDF: %v", err)
	}
	leader := audit.WithActor(context.Background(), audit.Actor{UserID: 9, Name: "领导", Role: audit.RoleLeadership})
	if _, err := s.AddPhoto(leader, rc.ID, b.Bytes(), ""); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("leadership uploads: %v", err)
	}
	if _, err := s.AddPhoto(librarian, 999, b.Bytes(), ""); !errs.Is(err, receptions.CodeReceptionNotFound) {
		t.Fatalf("no such visit: %v", err)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Fatalf("refused uploads left %d files", len(files))
	}
	p, err := s.AddPhoto(librarian, rc.ID, b.Bytes(), "张明部长参观红色经典专架\u202e")
	if err != nil || p.Width != 1200 || p.Caption != "张明部长参观红色经典专架" {
		t.Fatalf("add: %+v, %v", p, err)
	}
	thumb, _, _ := s.PhotoFile(k.Ctx, p.ID, true)
	f, err := os.Open(thumb)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _, err := image.DecodeConfig(f)
	f.Close()
	if err != nil || cfg.Width != 480 {
		t.Fatalf("thumbnail %+v, %v; want 480 wide", cfg, err)
	}
	ps, _ := s.Photos(k.Ctx, rc.ID)
	if len(ps) != 1 {
		t.Fatalf("%d photos", len(ps))
	}
	if _, err := s.DeletePhoto(librarian, p.ID); err != nil {
		t.Fatal(err)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Fatalf("after deleting: %d files left", len(files))
	}
}
