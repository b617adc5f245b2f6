package sru

import (
	"bytes"
	"net"
	"net/http"
	"strings"

	"shuwu/internal/protocol/recxml"
)

const nsZeeRex = "http://explain.z3950.org/dtd/2.0/"

// indexInfo lists the indexes explain announces, with their titles.
var indexInfo = []struct{ set, name, zh, en string }{
	{"cql", "serverChoice", "任意字段", "any field"},
	{"cql", "allRecords", "全部记录", "all records"},
	{"dc", "title", "题名", "title"},
	{"dc", "creator", "责任者", "creator"},
	{"dc", "subject", "主题词", "subject"},
	{"dc", "publisher", "出版者", "publisher"},
	{"dc", "date", "出版年", "publication year"},
	{"dc", "identifier", "ISBN", "ISBN"},
	{"bath", "isbn", "ISBN", "ISBN"},
	{"rec", "id", "记录号", "record id"},
	{"local", "clc", "中图法分类号", "CLC class"},
	{"local", "callNumber", "索书号", "call number"},
	{"local", "series", "丛书名", "series"},
}

var contextSets = []struct{ name, uri string }{
	{"cql", "info:srw/cql-context-set/1/cql-v1.2"},
	{"dc", "info:srw/cql-context-set/1/dc-v1.1"},
	{"bath", "http://zing.z3950.org/cql/bath/2.0/"},
	{"rec", "info:srw/cql-context-set/2/rec-1.1"},
	{"local", "info:srw/cql-context-set/16/shuwu-local"},
}

func (s *Server) explain(hr *http.Request, req request, w *bytes.Buffer) error {
	name := "书屋 shuwu"
	if s.d.Name != nil {
		if n, err := s.d.Name(hr.Context()); err == nil && strings.TrimSpace(n) != "" {
			name = n
		}
	}
	host, port, err := net.SplitHostPort(hr.Host)
	if err != nil {
		host, port = hr.Host, "80"
	}
	var z bytes.Buffer
	z.WriteString(`<explain xmlns="` + nsZeeRex + `">`)
	z.WriteString(`<serverInfo protocol="SRU" version="` + version(req) + `"><host>` + recxml.Escape(host) + `</host><port>` + recxml.Escape(port) +
		`</port><database>` + recxml.Escape(strings.TrimPrefix(hr.URL.Path, "/")) + `</database></serverInfo>`)
	z.WriteString(`<databaseInfo><title lang="zh" primary="true">` + recxml.Escape(name) + ` 馆藏目录</title><title lang="en">` +
		recxml.Escape(name) + ` catalogue</title><description lang="zh">本馆书目（MARC21、CNMARC、都柏林核心），公开数据，无需登录。</description>` +
		`<description lang="en">The library's bibliographic records (MARC21, CNMARC, Dublin Core); public data, no login.</description></databaseInfo>`)
	z.WriteString(`<indexInfo>`)
	for _, cs := range contextSets {
		z.WriteString(`<set name="` + cs.name + `" identifier="` + cs.uri + `"/>`)
	}
	for _, ix := range indexInfo {
		z.WriteString(`<index search="true" scan="` + boolAttr(scanIndexes[ix.set+"."+strings.ToLower(ix.name)] != "") + `"><title lang="zh">` + ix.zh +
			`</title><title lang="en">` + ix.en + `</title><map><name set="` + ix.set + `">` + ix.name + `</name></map></index>`)
	}
	z.WriteString(`</indexInfo><schemaInfo>`)
	for _, sc := range []struct {
		name string
		s    schema
	}{{"marcxml", schemaMARC21}, {"cnmarcxml", schemaCNMARC}, {"dc", schemaDC}} {
		z.WriteString(`<schema identifier="` + sc.s.uri + `" name="` + sc.name + `" retrieve="true"><title>` + recxml.Escape(sc.s.title) + `</title></schema>`)
	}
	z.WriteString(`</schemaInfo><configInfo><default type="numberOfRecords">` + itoa(defaultRecords) + `</default>` +
		`<setting type="maximumRecords">` + itoa(maxRecords) + `</setting><default type="retrieveSchema">marcxml</default></configInfo></explain>`)

	open(w, req, "explain")
	w.WriteString("<zs:record>")
	el(w, "recordSchema", nsZeeRex)
	if req.v20 {
		el(w, "recordXMLEscaping", "xml")
	} else {
		el(w, "recordPacking", "xml")
	}
	w.WriteString("<zs:recordData>" + z.String() + "</zs:recordData></zs:record>")
	closeRoot(w, "explain")
	return nil
}

func boolAttr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
