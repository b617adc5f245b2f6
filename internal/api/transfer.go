package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
	"shuwu/internal/marc"
	"shuwu/internal/marcmap"
	"shuwu/internal/transfer"
)

// transferRoutes are the import and export endpoints; they exist only when
// the transfer service is wired.
func (s *Server) transferRoutes() []Route {
	if s.Transfer == nil || s.Jobs == nil {
		return nil
	}
	G, P := http.MethodGet, http.MethodPost
	upload := []Param{{"file", "上传的文件（multipart/form-data）/ the uploaded file", "string"}}
	return []Route{
		{P, "/api/v1/imports/marc/preview", librarian, "预览 MARC 文件的前几条记录（不入库）/ preview a MARC file, storing nothing", nil, []transfer.PreviewRecord{},
			append(upload, Param{"encoding", "auto | utf-8 | gbk | marc-8", "string"}, Param{"n", "条数 / how many", "integer"}), s.previewMARC},
		{P, "/api/v1/imports/books/preview", librarian, "预览书目清单：每行将新增、加复本、提示或拒绝（不入库；同一文件导入过则注明）/ preview a book list, storing nothing", nil, transfer.SheetPreview{},
			append(upload, Param{"map", "表头映射 书名=题名 / header map", "string"}, Param{"location_id", "馆藏位置 id / default location", "integer"}), s.previewSheet("books")},
		{P, "/api/v1/imports/roster/preview", librarian, "预览学员名单：每行将新增、更新或拒绝（不入库）/ preview a roster, storing nothing", nil, transfer.SheetPreview{},
			append(upload, Param{"map", "表头映射 / header map", "string"}, Param{"class_id", "班次 id", "integer"}), s.previewSheet("roster")},
		{P, "/api/v1/imports/{kind}", librarian, "上传并在后台导入（marc | books | roster）/ upload and import in the background", nil, transfer.Job{},
			append(upload, Param{"match", "isbn-title | control-number | none", "string"}, Param{"on_match", "skip | overlay | new | add-copies", "string"},
				Param{"encoding", "auto | utf-8 | gbk | marc-8", "string"}, Param{"map", "表头映射 书名=题名 / header map", "string"},
				Param{"class_id", "班次 id（名单）/ class for a roster", "integer"}, Param{"all_or_nothing", "true: 有错行则全部不导入", "boolean"},
				Param{"again", "true: 同一文件导入过也再导入（否则 409 FILE_ALREADY_IMPORTED）/ import a file imported before", "boolean"}), s.startImport},
		{G, "/api/v1/imports", librarian, "导入任务列表 / import jobs", nil, []transfer.Job{}, nil, s.listImports},
		{G, "/api/v1/imports/{id}", librarian, "导入任务进度与报告 / an import job's progress and report", nil, transfer.Job{}, nil, s.getImport},
		{G, "/api/v1/imports/{id}/rejects", librarian, "未导入记录的原因（文本）/ why inputs were rejected, as text", nil, nil, nil, s.importRejects},
		{G, "/api/v1/templates/{kind}", librarian, "下载 Excel 模板（books | roster）/ download an Excel template", nil, nil, nil, s.template},
		{G, "/api/v1/exports/marc", librarian, "导出 MARC；超过 ISO 2709 上限（99,999 字节）的书目跳过，响应头 X-Export-Written、X-Export-Skipped 与每条 X-Export-Skipped-Record（书目号 代码 字节数 [字段]）说明 / export MARC; records too long for ISO 2709 are left out, named in X-Export-Skipped-Record headers (id code bytes [tag])", nil, nil,
			[]Param{{"format", "iso2709 | marcxml", "string"}, {"flavor", "cnmarc | marc21", "string"}, {"encoding", "utf-8 | gbk", "string"}, {"clc", "分类号前缀 / CLC prefix", "string"}, {"since", "此日期后新增或修改 / changed since (YYYY-MM-DD)", "string"}}, s.exportMARC},
		{G, "/api/v1/exports/xlsx/{what}", librarian, "导出 Excel（records | readers | class | ledger）/ export Excel", nil, nil,
			[]Param{{"clc", "分类号前缀 / CLC prefix", "string"}, {"class", "班次 id", "integer"}, {"from", "起始日期 / from", "string"}, {"to", "截止日期 / to", "string"}}, s.exportXLSX},
	}
}

// receiveUpload spools the multipart "file" field to a temporary file, so
// a large MARC file never sits in memory.
// It counts against the address's uploads under way until it returns and
// is cut off when it stalls (httpx.Uploads).
func (s *Server) receiveUpload(w http.ResponseWriter, r *http.Request) (*os.File, string, int64, error) {
	done, err := s.Uploads.Begin(w, r, s.maxUpload())
	if err != nil {
		return nil, "", 0, err
	}
	defer done()
	r.Body = http.MaxBytesReader(w, r.Body, s.maxUpload())
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, "", 0, errs.Invalid(httpx.CodeUploadMissing, "file", "请以 multipart/form-data 上传文件", "upload the file as multipart/form-data")
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return nil, "", 0, errs.Invalid(httpx.CodeUploadMissing, "file", "没有收到文件：表单中应有名为 file 的文件", "no file field in the upload")
		}
		if err != nil {
			return nil, "", 0, httpx.UploadError(err, s.maxUpload())
		}
		if part.FormName() != "file" {
			continue
		}
		f, err := s.Uploads.CreateTemp("upload")
		if err != nil {
			return nil, "", 0, errs.Internalf("spool upload: %w", err)
		}
		n, err := io.Copy(f, part)
		if err == nil {
			_, err = f.Seek(0, io.SeekStart)
		}
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			return nil, "", 0, httpx.UploadError(err, s.maxUpload())
		}
		if n == 0 {
			f.Close()
			os.Remove(f.Name())
			return nil, "", 0, errs.Invalid(httpx.CodeUploadEmpty, "file", "上传的文件是空的", "the uploaded file is empty")
		}
		return f, part.FileName(), n, nil
	}
}

// maxUpload is the upload limit: httpx.MaxUpload unless Deps says less.
func (s *Server) maxUpload() int64 {
	if s.MaxUpload > 0 {
		return s.MaxUpload
	}
	return httpx.MaxUpload
}

func (s *Server) previewMARC(w http.ResponseWriter, r *http.Request) error {
	o, err := transfer.ParseMARCOptions(r.URL.Query())
	if err != nil {
		return err
	}
	n, err := intParam(r.URL.Query().Get("n"), "n", 10)
	if err != nil {
		return err
	}
	f, _, _, err := s.receiveUpload(w, r)
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	recs, err := s.Transfer.PreviewMARC(r.Context(), f, o, int(min(max(n, 1), 50)))
	if recs == nil {
		recs = []transfer.PreviewRecord{}
	}
	return reply(w, recs, err)
}

// previewSheet answers what importing a book list or roster would do.
func (s *Server) previewSheet(kind string) func(w http.ResponseWriter, r *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		imp, err := transfer.ParseSheetImport(kind, r.URL.Query())
		if err != nil {
			return err
		}
		f, name, _, err := s.receiveUpload(w, r)
		if err != nil {
			return err
		}
		defer os.Remove(f.Name())
		defer f.Close()
		p, err := s.Transfer.PreviewSheet(r.Context(), imp, name, f)
		return reply(w, p, err)
	}
}

func (s *Server) startImport(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	kind := r.PathValue("kind")
	var run func(ctx context.Context, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error)
	var fileName string // known once the upload is read; tells .xlsx from .csv
	var sheet *transfer.SheetImport
	switch kind {
	case "marc":
		o, err := transfer.ParseMARCOptions(q)
		if err != nil {
			return err
		}
		run = func(ctx context.Context, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error) {
			o.Rejects = transfer.NewTextRejects(rejects)
			var size int64
			if f, ok := in.(*os.File); ok {
				if st, err := f.Stat(); err == nil {
					size = st.Size()
				}
			}
			o.Progress = func(p transfer.Progress) { progress(p.Bytes, size) }
			return s.Transfer.ImportMARC(ctx, in, o)
		}
	case "books", "roster":
		imp, err := transfer.ParseSheetImport(kind, q)
		if err != nil {
			return err
		}
		sheet = &imp
		run = func(ctx context.Context, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error) {
			return s.Transfer.RunSheet(ctx, imp, fileName, in, progress, rejects)
		}
	default:
		return errs.Invalid(transfer.CodeImportKindUnknown, "kind", "导入类型只能是 marc（MARC 文件）、books（书目清单）或 roster（学员名单）", "the import kind must be marc, books or roster")
	}
	f, name, size, err := s.receiveUpload(w, r)
	if err != nil {
		return err
	}
	fileName = name
	if sheet != nil {
		// A file imported before is refused now, not in the job.
		if err := s.Transfer.CheckFile(r.Context(), *sheet, f); err != nil {
			f.Close()
			os.Remove(f.Name())
			return err
		}
	}
	job := s.Jobs.Start(r.Context(), kind, name, f, size, run)
	got, err := s.Jobs.Get(job.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusAccepted, got)
	return nil
}

func (s *Server) listImports(w http.ResponseWriter, r *http.Request) error {
	return reply(w, s.Jobs.List(), nil)
}

func (s *Server) getImport(w http.ResponseWriter, r *http.Request) error {
	job, err := s.Jobs.Get(r.PathValue("id"))
	return reply(w, job, err)
}

func (s *Server) importRejects(w http.ResponseWriter, r *http.Request) error {
	text, err := s.Jobs.Rejects(r.PathValue("id"))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Disposition", attachment("未导入记录.txt"))
	_, _ = io.WriteString(w, text)
	return nil
}

// attachment is a Content-Disposition that keeps a Chinese file name.
func attachment(name string) string {
	return "attachment; filename*=UTF-8''" + url.PathEscape(name)
}

func (s *Server) template(w http.ResponseWriter, r *http.Request) error {
	var name string
	var write func(context.Context, io.Writer) error
	switch r.PathValue("kind") {
	case "books":
		name, write = "书目清单模板.xlsx", s.Transfer.WriteBooksTemplate
	case "roster":
		name, write = "学员名单模板.xlsx", s.Transfer.WriteRosterTemplate
	default:
		return errs.NotFound(httpx.CodeTemplateUnknown, "模板只有 books（书目清单）和 roster（学员名单）两种", "templates are books and roster")
	}
	return streamFile(w, name, xlsxType, func(out io.Writer) error { return write(r.Context(), out) })
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// streamFile writes a download. Errors before the first byte become JSON
// errors; after it the connection is cut so a half file is not mistaken
// for a whole one.
func streamFile(w http.ResponseWriter, name, ctype string, write func(io.Writer) error) error {
	pw := &pendingWriter{w: w, name: name, ctype: ctype}
	if err := write(pw); err != nil {
		if !pw.started {
			return err
		}
		panic(http.ErrAbortHandler)
	}
	if !pw.started {
		pw.start()
	}
	return nil
}

// pendingWriter sets the download headers on the first write.
type pendingWriter struct {
	w       http.ResponseWriter
	name    string
	ctype   string
	started bool
}

func (p *pendingWriter) start() {
	p.started = true
	p.w.Header().Set("Content-Type", p.ctype)
	p.w.Header().Set("Content-Disposition", attachment(p.name))
	p.w.WriteHeader(http.StatusOK)
}

func (p *pendingWriter) Write(b []byte) (int, error) {
	if !p.started {
		p.start()
	}
	return p.w.Write(b)
}

// marcExportOptions reads the MARC export query; it returns the file
// extension too.
func (s *Server) marcExportOptions(q url.Values) (transfer.ExportOptions, string, error) {
	var o transfer.ExportOptions
	var err error
	get := func(k, def string) string {
		if v := q.Get(k); v != "" {
			return v
		}
		return def
	}
	if o.Format, err = marc.ParseFormat(get("format", "iso2709")); err != nil || o.Format == marc.FormatJSON {
		return o, "", errs.Invalid(transfer.CodeMARCFormatUnknown, "format", "导出格式只能是 iso2709 或 marcxml", "the format must be iso2709 or marcxml")
	}
	if o.Flavor, err = marcmap.ParseFlavor(get("flavor", "cnmarc")); err != nil {
		return o, "", err
	}
	if o.Charset, err = marc.ParseCharset(get("encoding", "utf-8")); err != nil {
		return o, "", errs.Invalid(transfer.CodeMARCCharsetUnknown, "encoding", "未知的编码 "+q.Get("encoding"), "unknown encoding")
	}
	o.CLCPrefix = q.Get("clc")
	if o.Since, err = parseDay(q.Get("since"), "since", s.Circulation.Location()); err != nil {
		return o, "", err
	}
	ext := ".mrc"
	if o.Format == marc.FormatMARCXML {
		ext = ".xml"
	}
	return o, ext, nil
}

func (s *Server) exportMARC(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	o, ext, err := s.marcExportOptions(q)
	if err != nil {
		return err
	}
	ctype := "application/marc"
	if ext == ".xml" {
		ctype = "application/xml"
	}
	// Written to a file first, so the headers can say which records had
	// to be left out (known only at the end).
	f, err := s.Uploads.CreateTemp("export")
	if err != nil {
		return errs.Internalf("spool export: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	rep, err := s.Transfer.ExportMARC(r.Context(), f, o)
	if err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return errs.Internalf("rewind export: %w", err)
	}
	h := w.Header()
	h.Set("X-Export-Written", strconv.Itoa(rep.Written))
	h.Set("X-Export-Skipped", strconv.Itoa(len(rep.Skipped)))
	for _, sk := range rep.Skipped {
		// "<record id> <code> <bytes>[ <tag>]": ASCII, one header a record.
		v := fmt.Sprintf("%d %s %d", sk.RecordID, sk.Code, sk.Bytes)
		if sk.Tag != "" {
			v += " " + sk.Tag
		}
		h.Add("X-Export-Skipped-Record", v)
	}
	return streamFile(w, "书目导出"+time.Now().Format("20060102")+ext, ctype, func(out io.Writer) error {
		_, err := io.Copy(out, f)
		return err
	})
}

func (s *Server) exportXLSX(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	what := r.PathValue("what")
	classID, err := intParam(q.Get("class"), "class", 0)
	if err != nil {
		return err
	}
	loc := s.Circulation.Location()
	from, err := parseDay(q.Get("from"), "from", loc)
	if err != nil {
		return err
	}
	to, err := parseDay(q.Get("to"), "to", loc)
	if err != nil {
		return err
	}
	var name string
	var write func(io.Writer) error
	ctx := r.Context()
	switch what {
	case "records":
		name = "馆藏书目.xlsx"
		write = func(out io.Writer) error {
			_, err := s.Transfer.ExportRecordsXLSX(ctx, out, transfer.RecordsSheetOptions{CLCPrefix: q.Get("clc")})
			return err
		}
	case "readers":
		name = "读者.xlsx"
		write = func(out io.Writer) error { _, err := s.Transfer.ExportReadersXLSX(ctx, out, classID); return err }
	case "class":
		if classID == 0 {
			return errs.Invalid(errs.CodeParamInvalid, "class", "请指定班次（class 参数）", "give the class id")
		}
		name = "班次借阅.xlsx"
		write = func(out io.Writer) error { _, err := s.Transfer.ExportClassXLSX(ctx, out, classID); return err }
	case "ledger":
		if from.IsZero() || to.IsZero() {
			return errs.Invalid(errs.CodeParamInvalid, "from", "请指定起止日期（from 和 to）", "give from and to dates")
		}
		name = "借阅流水" + q.Get("from") + "至" + q.Get("to") + ".xlsx"
		write = func(out io.Writer) error {
			_, err := s.Transfer.ExportLedgerXLSX(ctx, out, transfer.LedgerSheetOptions{From: q.Get("from"), To: q.Get("to"), ClassID: classID})
			return err
		}
	default:
		return errs.NotFound(httpx.CodeExportUnknown, "可导出 records、readers、class、ledger", "exports are records, readers, class and ledger")
	}
	return streamFile(w, name, xlsxType, write)
}
