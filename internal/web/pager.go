package web

import (
	"net/url"
	"strconv"

	"shuwu/internal/paging"
)

// pager is a listing's page links.
type pager struct {
	Page, Pages, Total int
	Base               string // the listing's URL with its filters, ending in ? or &
	// Reachable is set when only the first Reachable rows of Total can be
	// paged to; Pages then stops at the last of them.
	Reachable int
}

func newPager(base url.Values, path string, page, size, total int) pager {
	q := url.Values{}
	for k, vs := range base {
		if k != "page" {
			for _, v := range vs {
				if v != "" {
					q.Add(k, v)
				}
			}
		}
	}
	b := path + "?"
	if enc := q.Encode(); enc != "" {
		b += enc + "&"
	}
	pages := min((total+size-1)/size, paging.MaxPage)
	return pager{Page: page, Pages: pages, Total: total, Base: b}
}

// upTo stops the pager at the last page within the first limit rows, for
// a listing that serves no deeper (the search engine); limit 0 leaves it.
func (p pager) upTo(limit, size int) pager {
	if limit > 0 && p.Total > limit {
		p.Pages, p.Reachable = min(p.Pages, paging.LastReachable(limit, size)), limit
	}
	return p
}

// pageParam reads the page number of a listing: 1 when absent or bad,
// never more than paging.MaxPage.
func pageParam(q url.Values) int {
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil {
		return 1
	}
	return paging.Clamp(n)
}
