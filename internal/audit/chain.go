package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// ChainHash is the hash of entry e following the entry whose hash is prev
// ("" for the first). Every field a reader of the log relies on is in it,
// each on its own line with its length, so no two different entries hash
// alike by moving text between fields.
func ChainHash(prev string, e Entry) string {
	var b strings.Builder
	field := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
		b.WriteByte('\n')
	}
	field(prev)
	field(strconv.FormatInt(e.Seq, 10))
	field(strconv.FormatInt(e.At.UnixMilli(), 10))
	field(strconv.FormatInt(e.UserID, 10))
	field(e.Username)
	field(e.Address)
	field(e.Action)
	field(e.Entity)
	field(e.EntityID)
	field(e.Summary)
	field(e.Detail)
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// Break is where a verification found the chain broken.
type Break struct {
	Seq      int64  // the entry's place in the chain
	EntryID  int64  // its row id, 0 when the entry is missing
	Reason   string // in Chinese, for the operator
	ReasonEn string
}

// Verification is the result of checking the whole chain.
type Verification struct {
	Entries  int64  // entries checked
	HeadSeq  int64  // the chain's last place as recorded
	HeadHash string // and its hash: write it down to notice a rewrite of the whole log
	Breaks   []Break
}

// OK reports whether the chain is whole.
func (v Verification) OK() bool { return len(v.Breaks) == 0 }
