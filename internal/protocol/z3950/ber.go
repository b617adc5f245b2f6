package z3950

import (
	"fmt"

	ber "github.com/go-asn1-ber/asn1-ber"
)

// BER building and reading on top of go-asn1-ber, which handles the
// tag-length-value framing (long tags, long and indefinite lengths);
// Z39.50's context-specific IMPLICIT types are read from their bytes here.

func prim(tag ber.Tag, data []byte) *ber.Packet {
	p := ber.Encode(ber.ClassContext, ber.TypePrimitive, tag, nil, "")
	p.Data.Write(data)
	return p
}

func cons(tag ber.Tag, children ...*ber.Packet) *ber.Packet {
	p := ber.Encode(ber.ClassContext, ber.TypeConstructed, tag, nil, "")
	for _, c := range children {
		p.AppendChild(c)
	}
	return p
}

func seq(children ...*ber.Packet) *ber.Packet {
	p := ber.NewSequence("")
	for _, c := range children {
		p.AppendChild(c)
	}
	return p
}

func intField(tag ber.Tag, n int64) *ber.Packet { return prim(tag, encodeInt(n)) }

func strField(tag ber.Tag, s string) *ber.Packet { return prim(tag, []byte(s)) }

func boolField(tag ber.Tag, b bool) *ber.Packet {
	if b {
		return prim(tag, []byte{0xFF})
	}
	return prim(tag, []byte{0})
}

func oidField(tag ber.Tag, oid string) *ber.Packet {
	p := ber.NewOID(ber.ClassContext, ber.TypePrimitive, tag, oid, "")
	return p
}

func universalOID(oid string) *ber.Packet {
	return ber.NewOID(ber.ClassUniversal, ber.TypePrimitive, ber.TagObjectIdentifier, oid, "")
}

// encodeInt is a BER INTEGER's content octets.
func encodeInt(n int64) []byte {
	var out []byte
	for {
		out = append([]byte{byte(n)}, out...)
		n >>= 8
		if (n == 0 && out[0]&0x80 == 0) || (n == -1 && out[0]&0x80 != 0) {
			return out
		}
	}
}

// child returns the first context-specific child with tag, nil if none.
func child(p *ber.Packet, tag ber.Tag) *ber.Packet {
	if p == nil {
		return nil
	}
	for _, c := range p.Children {
		if c.ClassType == ber.ClassContext && c.Tag == tag {
			return c
		}
	}
	return nil
}

// intOf reads an INTEGER's content.
func intOf(p *ber.Packet) (int64, error) {
	if p == nil {
		return 0, fmt.Errorf("missing integer")
	}
	b := p.Data.Bytes()
	if len(b) == 0 || len(b) > 8 {
		return 0, fmt.Errorf("bad integer of %d bytes", len(b))
	}
	return ber.ParseInt64(b)
}

func boolOf(p *ber.Packet) bool {
	return p != nil && len(p.Data.Bytes()) == 1 && p.Data.Bytes()[0] != 0
}

func stringOf(p *ber.Packet) string {
	if p == nil {
		return ""
	}
	if len(p.Children) == 0 {
		return p.Data.String()
	}
	// A constructed string: its segments in order.
	var s string
	for _, c := range p.Children {
		s += stringOf(c)
	}
	return s
}
