// Package catalog holds the collection: bibliographic records (书目), their
// copies (复本), CLC classes, call numbers, local categories, locations and
// required-reading lists, with the rules that keep them valid.
package catalog

import (
	"time"

	"shuwu/internal/paging"
)

// Author is one name in a record with its role (著, 编, 译, 主编 …).
type Author struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// Record is a bibliographic record (书目). Records without ISBN are normal:
// donations and old books often have none, and ISBNs are not unique.
type Record struct {
	ID         int64  `json:"id"`
	Title      string `json:"title"`
	OtherTitle string `json:"other_title,omitempty"`
	// PartNumber and PartName are the volume (卷次/分册) of a multi-part
	// work: 第一卷, 上册, 分册名. The four volumes of one title are four
	// records told apart by them (MARC21 245$n/$p, CNMARC 200$h/$i).
	PartNumber     string    `json:"part_number,omitempty"`
	PartName       string    `json:"part_name,omitempty"`
	ParallelTitle  string    `json:"parallel_title,omitempty"`
	Responsibility string    `json:"responsibility,omitempty"`
	Authors        []Author  `json:"authors"`
	Publisher      string    `json:"publisher,omitempty"`
	Place          string    `json:"place,omitempty"`
	Year           int       `json:"year,omitempty"`
	Edition        string    `json:"edition,omitempty"`
	Pages          string    `json:"pages,omitempty"`
	Size           string    `json:"size,omitempty"`
	PriceFen       int64     `json:"price_fen"`
	ISBN           string    `json:"isbn,omitempty"` // ISBN-13 digits
	Series         string    `json:"series,omitempty"`
	Language       string    `json:"language"`
	Summary        string    `json:"summary,omitempty"`
	Subjects       []string  `json:"subjects"`
	CLC            string    `json:"clc,omitempty"`
	CategoryID     int64     `json:"category_id,omitempty"`
	Notes          string    `json:"notes,omitempty"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// DisplayTitle is the title as hold slips, loan lists and messages show
// it: the title proper, the volume and the other title information
// (题名．卷次，分册名：其他题名信息, in ISBD order), so that two parts or
// editions of one title are told apart.
func (r Record) DisplayTitle() string {
	s := r.Title
	if v := r.Volume(); v != "" {
		s += "．" + v
	}
	if r.OtherTitle != "" {
		s += "：" + r.OtherTitle
	}
	return s
}

// Volume is the part number and part name as a catalogue shows them:
// "第二卷", "上册，总论", "" for a work in one volume.
func (r Record) Volume() string {
	switch {
	case r.PartNumber != "" && r.PartName != "":
		return r.PartNumber + "，" + r.PartName
	case r.PartNumber != "":
		return r.PartNumber
	}
	return r.PartName
}

// AuthorLine joins the authors the way a catalogue card shows them:
// "马克思, 恩格斯著".
func (r Record) AuthorLine() string {
	if r.Responsibility != "" {
		return r.Responsibility
	}
	s := ""
	for i, a := range r.Authors {
		if i > 0 {
			s += ", "
		}
		s += a.Name
		if i == len(r.Authors)-1 || r.Authors[i+1].Role != a.Role {
			s += a.Role
		}
	}
	return s
}

// RecordFilter narrows a record listing.
type RecordFilter struct {
	Query      string // substring of title, author, publisher, or an ISBN
	CategoryID int64
	CLCPrefix  string
	Page       Page
}

// Page is a 1-based page of a listing.
type Page struct {
	Number int
	Size   int
}

// Normalize clamps a page to sane bounds.
func (p Page) Normalize() Page {
	p.Number = paging.Clamp(p.Number)
	if p.Size < 1 {
		p.Size = 20
	}
	if p.Size > 200 {
		p.Size = 200
	}
	return p
}

// Offset is the SQL offset of the page.
func (p Page) Offset() int { return paging.Offset(p.Number, p.Size) }
