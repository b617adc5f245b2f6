package web

import (
	"net/url"
	"strconv"
)

// pager is a listing's page links.
type pager struct {
	Page, Pages, Total int
	Base               string // the listing's URL with its filters, ending in ? or &
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
	pages := (total + size - 1) / size
	return pager{Page: page, Pages: pages, Total: total, Base: b}
}

// pageParam reads the page number of a listing, 1 when absent or bad.
func pageParam(q url.Values) int {
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}
