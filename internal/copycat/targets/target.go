// Package targets keeps the catalogues copy cataloguing (套录) searches:
// a national or union catalogue (国家图书馆, CALIS) or another library,
// over Z39.50 or SRU. It is the storage side of package copycat, without
// the MARC formats, so the store can implement it.
package targets

import (
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/errs"
)

// Kind is a source's protocol.
type Kind string

// Protocols.
const (
	Z3950 Kind = "z3950"
	SRU   Kind = "sru"
)

// Label is how the protocol is written.
func (k Kind) Label() string {
	if k == SRU {
		return "SRU"
	}
	return "Z39.50"
}

// Target is a catalogue the library copies records from.
type Target struct {
	ID   int64
	Name string // 国家图书馆, CALIS 联合目录 …
	Kind Kind
	// Address is host:port/database for Z39.50, the base URL for SRU.
	Address string
	Flavor  Flavor
	// Charset decodes ISO 2709 records from a Z39.50 source.
	Charset   Charset
	CreatedAt time.Time
}

// Flavor is the MARC dialect a source sends (marcmap's names).
type Flavor string

// Record formats.
const (
	MARC21 Flavor = "marc21"
	CNMARC Flavor = "cnmarc"
)

// Charset is how a source encodes ISO 2709 (the MARC codec's names):
// auto detects UTF-8 and MARC-8, gb18030 also reads GBK.
type Charset string

// Character sets.
const (
	CharsetAuto    Charset = "auto"
	CharsetUTF8    Charset = "utf-8"
	CharsetGB18030 Charset = "gb18030"
	CharsetMARC8   Charset = "marc-8"
)

// Z3950Address splits a Z39.50 address into host:port and database.
func (t Target) Z3950Address() (hostPort, database string) {
	hostPort, database, _ = strings.Cut(t.Address, "/")
	return hostPort, database
}

// Charsets are the character sets a source may use, in the order offered.
var Charsets = []Charset{CharsetAuto, CharsetUTF8, CharsetGB18030, CharsetMARC8}

// validate normalises and checks a target.
func validate(t *Target) error {
	t.Name = strings.TrimSpace(t.Name)
	t.Address = strings.TrimSpace(t.Address)
	if n := utf8.RuneCountInString(t.Name); n == 0 || n > 40 {
		return errs.Invalid(CodeTargetNameInvalid, "name", "书目来源名称须为 1 到 40 个字符", "the source name must be 1 to 40 characters")
	}
	switch t.Kind {
	case Z3950:
		hp, db := t.Z3950Address()
		host, port, err := net.SplitHostPort(hp)
		p, perr := strconv.Atoi(port)
		if err != nil || host == "" || perr != nil || p < 1 || p > 65535 || strings.TrimSpace(db) == "" || strings.ContainsAny(t.Address, " \t") {
			return errs.Invalid(CodeTargetAddressInvalid, "address", "Z39.50 地址应写成“主机:端口/数据库”，如 z3950.example.cn:210/UCS01",
				"a Z39.50 address is host:port/database, e.g. z3950.example.cn:210/UCS01")
		}
	case SRU:
		u, err := url.Parse(t.Address)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return errs.Invalid(CodeTargetAddressInvalid, "address", "SRU 地址应是 http:// 或 https:// 开头的网址", "an SRU address is an http:// or https:// URL")
		}
	default:
		return errs.Invalid(CodeTargetKindInvalid, "kind", "协议只能是 Z39.50 或 SRU", "the protocol must be Z39.50 or SRU")
	}
	if t.Flavor != MARC21 && t.Flavor != CNMARC {
		return errs.Invalid(CodeTargetFormatInvalid, "flavor", "记录格式只能是 MARC21 或 CNMARC", "the record format must be MARC21 or CNMARC")
	}
	if t.Charset == "" {
		t.Charset = CharsetAuto
	}
	if !slices.Contains(Charsets, t.Charset) {
		return errs.Invalid(CodeTargetCharsetInvalid, "charset", fmt.Sprintf("不支持的字符集 %q", t.Charset), fmt.Sprintf("unsupported character set %q", t.Charset))
	}
	return nil
}
