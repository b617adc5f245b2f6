package sru

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"shuwu/internal/marc"
)

// Client searches another SRU server (copy cataloguing): SRU 1.2 GET,
// records as XML (MARCXML or CNMARC/UNIMARC XML).
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// maxClientResponse bounds one answer the client reads.
const maxClientResponse = 16 << 20

// RemoteDiagnostic is a diagnostic another SRU server answered with.
type RemoteDiagnostic struct {
	URI, Details, Message string
}

func (d *RemoteDiagnostic) Error() string {
	s := "SRU: " + d.Message
	if s == "SRU: " {
		s += d.URI
	}
	if d.Details != "" {
		s += " (" + d.Details + ")"
	}
	return s
}

// Search runs a CQL query and returns the number of hits and up to max
// records from the first, in schema (e.g. marcxml, unimarc).
func (c *Client) Search(ctx context.Context, query, schema string, max int) (int, []*marc.Record, error) {
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return 0, nil, fmt.Errorf("SRU: bad base URL %q", c.BaseURL)
	}
	q := u.Query()
	q.Set("version", "1.2")
	q.Set("operation", "searchRetrieve")
	q.Set("query", query)
	q.Set("recordSchema", schema)
	q.Set("recordPacking", "xml")
	q.Set("maximumRecords", strconv.Itoa(max))
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return 0, nil, err
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	res, err := hc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, maxClientResponse))
	if err != nil {
		return 0, nil, err
	}
	if res.StatusCode != http.StatusOK {
		return 0, nil, fmt.Errorf("SRU: the server answered HTTP %d", res.StatusCode)
	}
	return parseSearchResponse(body)
}

// envelope is what a client reads of a searchRetrieveResponse, either
// version (elements by local name).
type envelope struct {
	XMLName     xml.Name
	Total       string `xml:"numberOfRecords"`
	Diagnostics []struct {
		URI     string `xml:"uri"`
		Details string `xml:"details"`
		Message string `xml:"message"`
	} `xml:"diagnostics>diagnostic"`
}

func parseSearchResponse(body []byte) (int, []*marc.Record, error) {
	var env envelope
	if err := xml.Unmarshal(body, &env); err != nil {
		return 0, nil, fmt.Errorf("SRU: the answer is not XML: %w", err)
	}
	if env.XMLName.Local != "searchRetrieveResponse" {
		return 0, nil, fmt.Errorf("SRU: the answer is a %q, not a searchRetrieveResponse", env.XMLName.Local)
	}
	total, _ := strconv.Atoi(strings.TrimSpace(env.Total))
	if len(env.Diagnostics) > 0 && total == 0 {
		d := env.Diagnostics[0]
		return 0, nil, &RemoteDiagnostic{URI: d.URI, Details: d.Details, Message: d.Message}
	}
	var recs []*marc.Record
	xr := marc.NewXMLReader(bytes.NewReader(body))
	for {
		r, err := xr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *marc.RecordError
		if errors.As(err, &re) {
			continue // an empty record (a surrogate diagnostic) takes no place
		}
		if err != nil {
			return 0, nil, fmt.Errorf("SRU: %w", err)
		}
		recs = append(recs, r)
	}
	return total, recs, nil
}
