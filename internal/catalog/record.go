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
	ID             int64     `json:"id"`
	Title          string    `json:"title"`
	OtherTitle     string    `json:"other_title,omitempty"`
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
