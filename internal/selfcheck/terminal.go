// Package selfcheck is the self-service machines (自助借还机, RFID gates,
// security doors) that lend and return without staff: their accounts, with
// the institution id, location and character set each one speaks, and the
// item properties they keep. The SIP2 adapter (internal/protocol/sip2)
// logs machines in here and lends through the circulation service.
package selfcheck

import (
	"time"
)

// Encoding is the character set a machine sends and expects. SIP2 defines
// none; Chinese machines use UTF-8 or GBK (GB18030 is read as GBK's superset).
type Encoding string

// The encodings a terminal may use.
const (
	UTF8 Encoding = "utf-8"
	GBK  Encoding = "gbk"
)

// Valid reports whether e is a known encoding.
func (e Encoding) Valid() bool { return e == UTF8 || e == GBK }

// Label is the encoding's name as people write it.
func (e Encoding) Label() string {
	if e == GBK {
		return "GBK"
	}
	return "UTF-8"
}

// Encodings lists the encodings in the order a form offers them.
var Encodings = []Encoding{UTF8, GBK}

// Terminal is one self-service machine's account.
type Terminal struct {
	ID   int64  `json:"id"`
	Name string `json:"name"` // SIP2 CN, the login user id
	// Institution is the SIP2 AO the machine and shuwu exchange.
	Institution string `json:"institution"`
	// Location is the machine's place (SIP2 CP/AN), e.g. a location code.
	Location     string     `json:"location,omitempty"`
	Encoding     Encoding   `json:"encoding"`
	Disabled     bool       `json:"disabled"`
	PasswordHash string     `json:"-"`
	CreatedAt    time.Time  `json:"created_at"`
	LastLoginAt  *time.Time `json:"last_login_at,omitempty"`
}
