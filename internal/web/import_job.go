package web

import (
	"net/http"

	"shuwu/internal/transfer"
)

// jobView is an import job as its page shows it: progress while it runs,
// then the counts and every warning and rejection.
type jobView struct {
	transfer.Job
	Percent  int
	Counts   []jobCount
	Warnings []jobProblem
	Rejects  []jobProblem
	// Rows are a sheet import's stored rows with their call numbers,
	// barcodes or cards.
	Rows []transfer.RowResult
	// LoginHelp tells, after a roster import, how the trainees log in.
	LoginHelp string
}

// jobCount is one figure of a report: the message key and the number.
type jobCount struct {
	Key string
	N   int
}

// jobProblem is a warning or rejection with where it is in the file.
type jobProblem struct {
	Record, Row int
	Column      string
	Title       string
	Message     string
}

func problemsOf(lang string, ps []transfer.Problem) []jobProblem {
	out := make([]jobProblem, 0, len(ps))
	for _, p := range ps {
		msg := p.Message
		if lang == langEN && p.MessageEn != "" {
			msg = p.MessageEn
		}
		out = append(out, jobProblem{Record: p.Record, Row: p.Row, Column: p.Column, Title: p.Title, Message: msg})
	}
	return out
}

// newJobView reads the job's report, which is a MARC Report or a
// SheetReport by the job's kind.
func newJobView(lang string, j transfer.Job) jobView {
	v := jobView{Job: j}
	if j.Total > 0 {
		v.Percent = int(min(100, j.Done*100/j.Total))
	}
	if j.State == transfer.JobDone {
		v.Percent = 100
	}
	switch rep := j.Report.(type) {
	case transfer.Report:
		v.Counts = []jobCount{{"import.read", rep.Read}, {"import.added", rep.Added}, {"import.overlaid", rep.Overlaid},
			{"import.matched", rep.Matched}, {"import.skipped", rep.Skipped}, {"import.rejected", rep.Rejected}, {"import.items", rep.Items}}
		v.Warnings, v.Rejects = problemsOf(lang, rep.Warnings), problemsOf(lang, rep.Rejections)
	case transfer.SheetReport:
		v.Counts = []jobCount{{"import.read", rep.Read}, {"import.added", rep.Added}}
		if rep.Kind == "roster" {
			v.Counts = append(v.Counts, jobCount{"import.updated", rep.Updated})
		} else {
			v.Counts = append(v.Counts, jobCount{"import.matched", rep.Matched})
		}
		v.Counts = append(v.Counts, jobCount{"import.rejected", rep.Rejected}, jobCount{"import.held", rep.Held})
		if rep.Kind != "roster" {
			v.Counts = append(v.Counts, jobCount{"import.items", rep.Items})
		}
		for _, row := range rep.Rows {
			v.Warnings = append(v.Warnings, problemsOf(lang, row.Warnings)...)
			v.Rejects = append(v.Rejects, problemsOf(lang, row.Problems)...)
			if len(row.Problems) == 0 && row.Outcome != transfer.Held {
				v.Rows = append(v.Rows, row)
			}
		}
	}
	return v
}

// showImportJob shows a job's progress and, when it is done, its report.
// While the job runs the page asks for its status part every second.
func (s *Server) showImportJob(w http.ResponseWriter, r *http.Request, v *view) error {
	j, err := s.d.Jobs.Get(r.PathValue("id"))
	if err != nil {
		return err
	}
	jv := newJobView(v.Lang, j)
	if j.Kind == "roster" && j.State == transfer.JobDone {
		rules, err := s.d.Circulation.Rules(r.Context())
		if err != nil {
			return err
		}
		jv.LoginHelp = v.T("login.first." + rules.InitialRule())
	}
	v.Title, v.Nav, v.Data = v.T("import.job_title"), "import", jv
	if isHTMX(r) {
		s.renderPart(w, r, http.StatusOK, "import_job", "jobstatus", v)
		return nil
	}
	s.render(w, r, http.StatusOK, "import_job", v)
	return nil
}
