package web

import (
	"io"
	"net/http"
	"strconv"

	"shuwu/internal/errs"
	"shuwu/internal/receptions"
)

// uploadReceptionPhoto adds a photo to a visit's record.
func (s *Server) uploadReceptionPhoto(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rc, err := s.d.Receptions.Get(r.Context(), id)
	if err != nil {
		return err
	}
	form, up, err := s.readUpload(w, r, receptionPhotoMax+64<<10)
	defer up.discard()
	if err == nil && up == nil {
		err = errs.Invalid(receptions.CodeReceptionInvalid, "photo", "请选择要上传的照片", "choose a photo to upload")
	}
	var data []byte
	if err == nil {
		data, err = io.ReadAll(io.LimitReader(up.File, receptionPhotoMax+1))
	}
	if err == nil {
		_, err = s.d.Receptions.AddPhoto(r.Context(), id, data, form.Get("caption"))
	}
	if err != nil {
		e := errs.As(err)
		if e.Field == "file" {
			e = e.WithField("photo")
		}
		if !v.fieldError(e, "photo", "caption") {
			return err
		}
		v.Form = form
		return s.renderReception(w, r, v, rc, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/receptions/"+strconv.FormatInt(id, 10)+"#photos", v.T("rcp.photo_added"))
}

// receptionPhotoMax is the largest photo upload (as activities').
const receptionPhotoMax = 12 << 20

// deleteReceptionPhoto removes a photo from a visit's record.
func (s *Server) deleteReceptionPhoto(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "pid")
	if err != nil {
		return err
	}
	p, err := s.d.Receptions.DeletePhoto(r.Context(), id)
	if err != nil {
		return err
	}
	return s.redirect(w, r, "/receptions/"+strconv.FormatInt(p.ReceptionID, 10)+"#photos", v.T("rcp.photo_removed"))
}

// serveReceptionPhoto sends a visit's photo or its thumbnail to those who
// read the record (not public, as the record is not).
func (s *Server) serveReceptionPhoto(thumb bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, v *view) error {
		id, err := pathID(r, "pid")
		if err != nil {
			return err
		}
		path, mime, err := s.d.Receptions.PhotoFile(r.Context(), id, thumb)
		if err != nil {
			return err
		}
		return servePhotoFile(w, r, path, mime, false, errs.NotFound(receptions.CodeReceptionPhotoNotFound, "照片文件不存在", "the photo's file is missing"))
	}
}
