package config

import (
	"flag"
	"strings"
	"testing"

	"shuwu/internal/errs"
)

func TestTheDatabaseComesFromDbOrSHUWU_DB(t *testing.T) {
	c := Defaults()
	c.FromEnv(func(k string) string {
		if k == "SHUWU_DB" {
			return "postgres://env@db/shuwu"
		}
		return ""
	})
	if c.Database() != "postgres://env@db/shuwu" {
		t.Fatalf("SHUWU_DB gives %q", c.Database())
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	c.Flags(fs)
	if err := fs.Parse([]string{"--db", "postgres://flag@db/shuwu"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil || c.Database() != "postgres://flag@db/shuwu" {
		t.Fatalf("the flag overrides the environment: %q, %v", c.Database(), err)
	}
	d := Defaults()
	d.DataDir = "/srv/shuwu"
	if d.Database() != "/srv/shuwu/shuwu.db" {
		t.Fatalf("without --db the database is %q, want shuwu.db in the data directory", d.Database())
	}
}

func TestABadDbIsNamedInChinese(t *testing.T) {
	for _, v := range []string{"mysql://x/y", "shuwu.db", "sqlite:"} {
		c := Defaults()
		c.DB = v
		err := c.Validate()
		e := errs.As(err)
		if err == nil || e.Field != "db" || !strings.Contains(e.Message, "postgres://") {
			t.Errorf("--db %q: %v; want a Chinese message on the db field naming postgres://", v, err)
		}
	}
	c := Defaults()
	c.DB = "sqlite:/tmp/other.db"
	if err := c.Validate(); err != nil {
		t.Errorf("sqlite:PATH refused: %v", err)
	}
}

func TestTheDatabasePasswordNeverReachesTheLog(t *testing.T) {
	c := Defaults()
	c.DB = "postgres://shuwu:s3cret@db:5432/shuwu?sslmode=require"
	if s := c.String(); strings.Contains(s, "s3cret") || !strings.Contains(s, "shuwu:xxxxx@db:5432") {
		t.Fatalf("config prints %s", s)
	}
	if s := MaskedDB("postgres://db/shuwu?user=shuwu&password=s3cret"); strings.Contains(s, "s3cret") {
		t.Fatalf("masked %s", s)
	}
}

// HTTPS needs both files; serving it makes cookies Secure. A trusted proxy
// that is no address is named, in Chinese.
func TestTLSAndTrustedProxiesAreChecked(t *testing.T) {
	c := Defaults()
	c.TLSCert = "/etc/shuwu/cert.pem"
	if e := errs.As(c.Validate()); e.Field != "tls-cert" || !strings.Contains(e.Message, "--tls-key") {
		t.Errorf("a certificate without its key: %v", e)
	}
	c.TLSKey = "/etc/shuwu/key.pem"
	if err := c.Validate(); err != nil || !c.SecureCookies {
		t.Errorf("certificate and key: %v, secure cookies %v; want accepted and Secure", err, c.SecureCookies)
	}
	c = Defaults()
	c.TrustedProxies = "10.0.0.1, 192.168.0.0/16 ,::1"
	if err := c.Validate(); err != nil || len(c.Proxies()) != 3 || !c.Proxies()[0].Contains([]byte{10, 0, 0, 1}) {
		t.Errorf("three proxies: %v %v", err, c.Proxies())
	}
	c.TrustedProxies = "10.0.0.1,proxy.local"
	if e := errs.As(c.Validate()); e.Field != "trusted-proxy" || !strings.Contains(e.Message, `"proxy.local"`) {
		t.Errorf("a proxy that is no address: %v", e)
	}
}
