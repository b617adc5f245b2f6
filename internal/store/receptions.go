package store

import (
	"database/sql"
	"encoding/json"
	"strconv"

	"shuwu/internal/errs"
	"shuwu/internal/receptions"
)

const receptionColumns = `id, day, level, guests, accompanying, shown, remarks, created_by, created_at, updated_at`

func errReceptionNotFound() *errs.Error {
	return errs.NotFound(receptions.CodeReceptionNotFound, "接待记录不存在", "no such reception record")
}

func scanReception(r interface{ Scan(...any) error }) (v receptions.Reception, err error) {
	var guests string
	var created, updated int64
	if err = r.Scan(&v.ID, &v.Date, &v.Level, &guests, &v.Accompanying, &v.Shown, &v.Remarks, &v.CreatedBy, &created, &updated); err != nil {
		return v, err
	}
	v.CreatedAt, v.UpdatedAt = fromMillis(created), fromMillis(updated)
	err = json.Unmarshal([]byte(guests), &v.Guests)
	return v, err
}

func guestsJSON(gs []receptions.Guest) string {
	if gs == nil {
		gs = []receptions.Guest{}
	}
	raw, _ := json.Marshal(gs)
	return string(raw)
}

// InsertReception stores a new reception and sets its id.
func (tx *Tx) InsertReception(r *receptions.Reception) error {
	id, err := tx.insert(`INSERT INTO receptions (day, level, guests, accompanying, shown, remarks, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`,
		r.Date, r.Level, guestsJSON(r.Guests), r.Accompanying, r.Shown, r.Remarks, r.CreatedBy, nowMillis(r.CreatedAt), nowMillis(r.UpdatedAt))
	r.ID = id
	return err
}

// UpdateReception changes a reception's record.
func (tx *Tx) UpdateReception(r receptions.Reception) error {
	return tx.mustAffect(errReceptionNotFound(), `UPDATE receptions SET day=?, level=?, guests=?, accompanying=?, shown=?, remarks=?, updated_at=? WHERE id=?`,
		r.Date, r.Level, guestsJSON(r.Guests), r.Accompanying, r.Shown, r.Remarks, nowMillis(r.UpdatedAt), r.ID)
}

// Reception returns one reception.
func (tx *Tx) Reception(id int64) (receptions.Reception, error) {
	rows, err := tx.query(`SELECT `+receptionColumns+` FROM receptions WHERE id=?`, id)
	rs, err := collect(rows, err, func(r *sql.Rows) (receptions.Reception, error) { return scanReception(r) })
	if err != nil {
		return receptions.Reception{}, err
	}
	if len(rs) == 0 {
		return receptions.Reception{}, errReceptionNotFound()
	}
	return rs[0], nil
}

// Receptions lists the receptions dated in [from, to), latest first.
func (tx *Tx) Receptions(from, to string) ([]receptions.Reception, error) {
	rows, err := tx.query(`SELECT `+receptionColumns+` FROM receptions WHERE day >= ? AND day < ? ORDER BY day DESC, id DESC`, from, to)
	return collect(rows, err, func(r *sql.Rows) (receptions.Reception, error) { return scanReception(r) })
}

// ReceptionYears lists the years with receptions, latest first.
func (tx *Tx) ReceptionYears() ([]int, error) {
	rows, err := tx.query(`SELECT DISTINCT substr(day, 1, 4) FROM receptions ORDER BY 1 DESC`)
	return collect(rows, err, func(r *sql.Rows) (int, error) {
		var s string
		if err := r.Scan(&s); err != nil {
			return 0, err
		}
		return strconv.Atoi(s)
	})
}

func errReceptionPhotoNotFound() *errs.Error {
	return errs.NotFound(receptions.CodeReceptionPhotoNotFound, "接待照片不存在", "no such photo of a visit")
}

const receptionPhotoColumns = `id, reception_id, file, thumb, mime, caption, width, height, bytes, uploaded_by, created_at`

func scanReceptionPhoto(r *sql.Rows) (p receptions.Photo, err error) {
	var created int64
	err = r.Scan(&p.ID, &p.ReceptionID, &p.File, &p.Thumb, &p.MIME, &p.Caption, &p.Width, &p.Height, &p.Bytes, &p.UploadedBy, &created)
	p.CreatedAt = fromMillis(created)
	return p, err
}

// InsertReceptionPhoto stores a visit's photo and sets its id.
func (tx *Tx) InsertReceptionPhoto(p *receptions.Photo) error {
	id, err := tx.insert(`INSERT INTO reception_photos (reception_id, file, thumb, mime, caption, width, height, bytes, uploaded_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		p.ReceptionID, p.File, p.Thumb, p.MIME, p.Caption, p.Width, p.Height, p.Bytes, p.UploadedBy, nowMillis(p.CreatedAt))
	p.ID = id
	return err
}

// ReceptionPhotos lists a visit's photos in the order they were added.
func (tx *Tx) ReceptionPhotos(receptionID int64) ([]receptions.Photo, error) {
	rows, err := tx.query(`SELECT `+receptionPhotoColumns+` FROM reception_photos WHERE reception_id = ? ORDER BY id`, receptionID)
	return collect(rows, err, scanReceptionPhoto)
}

// ReceptionPhoto returns one photo of a visit.
func (tx *Tx) ReceptionPhoto(id int64) (receptions.Photo, error) {
	rows, err := tx.query(`SELECT `+receptionPhotoColumns+` FROM reception_photos WHERE id = ?`, id)
	return collectOne(rows, err, errReceptionPhotoNotFound(), scanReceptionPhoto)
}

// DeleteReceptionPhoto removes a photo's row.
func (tx *Tx) DeleteReceptionPhoto(id int64) error {
	return tx.mustAffect(errReceptionPhotoNotFound(), `DELETE FROM reception_photos WHERE id = ?`, id)
}
