// Package config is shuwu's one configuration struct: flags override
// SHUWU_* environment variables, which override the defaults. It is
// validated once and printable with secrets masked.
package config

import (
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/errs"
)

// Config is everything an operator can set.
type Config struct {
	Addr    string // listen address, e.g. 127.0.0.1:8080
	DataDir string // holds shuwu.db, the search index and the import jobs
	// DB selects the database: empty for shuwu.db in DataDir (SQLite), a
	// postgres:// URL (PostgreSQL), or sqlite:PATH for another SQLite
	// file. The search index and import jobs stay in DataDir either way.
	DB       string
	TimeZone string // the library's zone for dates; default Asia/Shanghai
	Demo     bool   // load the demo data set into an empty data dir
	// SecureCookies marks cookies Secure; set it when serving behind TLS.
	SecureCookies bool
	LogLevel      string // debug, info, warn, error
	// Synonyms is a file of extra search synonym groups, one per line
	// (党建 = 党的建设); they add to the built-in Party abbreviations.
	Synonyms string
	// MaxUpload bounds an import upload in bytes; 0 is httpx.MaxUpload
	// (512 MB). No flag sets it: tests lower it to try the limit.
	MaxUpload int64
	// SIPAddr is the SIP2 listener for self-service machines; empty (the
	// default) leaves it off.
	SIPAddr string
	// SIPTLSCert and SIPTLSKey, when both set, serve SIP2 over TLS.
	SIPTLSCert, SIPTLSKey string
	// Z3950Addr is the Z39.50 listener for other libraries' cataloguing
	// clients; empty (the default) leaves it off.
	Z3950Addr string
	// TLSCert and TLSKey, when both set, serve the web and the API over
	// HTTPS themselves; cookies are then Secure and browsers are told to
	// keep to HTTPS (HSTS).
	TLSCert, TLSKey string
	// TrustedProxies are the addresses (IPs or CIDR ranges, comma
	// separated) of reverse proxies whose X-Forwarded-For names the real
	// client: the login limits and the audit log count by that address.
	// Empty: the peer's own address, whatever the header says.
	TrustedProxies string
	// BackupDir, when set, makes the server back the database up there
	// every day at BackupAt (HH:MM, the library's time), keeping the
	// newest BackupKeep backups.
	BackupDir  string
	BackupAt   string
	BackupKeep int

	tz      *time.Location
	proxies []*net.IPNet
}

// Defaults are the settings of a fresh install.
func Defaults() Config {
	return Config{Addr: "127.0.0.1:8080", DataDir: "./shuwu-data", TimeZone: "Asia/Shanghai", LogLevel: "info", BackupAt: "02:30", BackupKeep: 14}
}

// FromEnv applies SHUWU_* variables to c.
func (c *Config) FromEnv(getenv func(string) string) {
	if v := getenv("SHUWU_ADDR"); v != "" {
		c.Addr = v
	}
	if v := getenv("SHUWU_DATA"); v != "" {
		c.DataDir = v
	}
	if v := getenv("SHUWU_DB"); v != "" {
		c.DB = v
	}
	if v := getenv("SHUWU_TZ"); v != "" {
		c.TimeZone = v
	}
	if v := getenv("SHUWU_SECURE_COOKIES"); v != "" {
		c.SecureCookies = v == "1" || strings.EqualFold(v, "true")
	}
	if v := getenv("SHUWU_LOG_LEVEL"); v != "" {
		c.LogLevel = v
	}
	if v := getenv("SHUWU_SYNONYMS"); v != "" {
		c.Synonyms = v
	}
	if v := getenv("SHUWU_SIP_ADDR"); v != "" {
		c.SIPAddr = v
	}
	if v := getenv("SHUWU_Z3950_ADDR"); v != "" {
		c.Z3950Addr = v
	}
	if v := getenv("SHUWU_SIP_TLS_CERT"); v != "" {
		c.SIPTLSCert = v
	}
	if v := getenv("SHUWU_SIP_TLS_KEY"); v != "" {
		c.SIPTLSKey = v
	}
	if v := getenv("SHUWU_TLS_CERT"); v != "" {
		c.TLSCert = v
	}
	if v := getenv("SHUWU_TLS_KEY"); v != "" {
		c.TLSKey = v
	}
	if v := getenv("SHUWU_TRUSTED_PROXIES"); v != "" {
		c.TrustedProxies = v
	}
	if v := getenv("SHUWU_BACKUP_DIR"); v != "" {
		c.BackupDir = v
	}
	if v := getenv("SHUWU_BACKUP_AT"); v != "" {
		c.BackupAt = v
	}
	if v := getenv("SHUWU_BACKUP_KEEP"); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			c.BackupKeep = n
		} else {
			c.BackupKeep = -1 // refused by Validate, naming the variable's value
		}
	}
}

// Flags registers the data-dir and time-zone flags on fs, with c's current
// values as defaults; serve adds the listener flags with ServeFlags.
func (c *Config) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.DataDir, "data", c.DataDir, "data directory (env SHUWU_DATA)")
	fs.StringVar(&c.DB, "db", c.DB, "database: empty for shuwu.db in the data directory, postgres://user:pass@host/db for PostgreSQL, or sqlite:PATH (env SHUWU_DB)")
	fs.StringVar(&c.TimeZone, "tz", c.TimeZone, "library time zone (env SHUWU_TZ)")
	fs.StringVar(&c.Synonyms, "synonyms", c.Synonyms, "file of extra search synonyms, one group per line: 党建 = 党的建设 (env SHUWU_SYNONYMS)")
}

// ServeFlags registers the flags only `serve` has.
func (c *Config) ServeFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "listen address (env SHUWU_ADDR)")
	fs.BoolVar(&c.Demo, "demo", c.Demo, "load the demo data set into an empty data directory")
	fs.BoolVar(&c.SecureCookies, "secure-cookies", c.SecureCookies, "mark cookies Secure, for TLS (env SHUWU_SECURE_COOKIES)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "debug, info, warn or error (env SHUWU_LOG_LEVEL)")
	fs.StringVar(&c.SIPAddr, "sip-addr", c.SIPAddr, "SIP2 listen address for self-service machines, e.g. 127.0.0.1:6001; off when empty (env SHUWU_SIP_ADDR)")
	fs.StringVar(&c.Z3950Addr, "z3950-addr", c.Z3950Addr, "Z39.50 listen address for cataloguing clients, e.g. 127.0.0.1:2100; off when empty (env SHUWU_Z3950_ADDR)")
	fs.StringVar(&c.SIPTLSCert, "sip-tls-cert", c.SIPTLSCert, "TLS certificate file for SIP2 (env SHUWU_SIP_TLS_CERT)")
	fs.StringVar(&c.SIPTLSKey, "sip-tls-key", c.SIPTLSKey, "TLS key file for SIP2 (env SHUWU_SIP_TLS_KEY)")
	fs.StringVar(&c.TLSCert, "tls-cert", c.TLSCert, "TLS certificate file: serve HTTPS (env SHUWU_TLS_CERT)")
	fs.StringVar(&c.TLSKey, "tls-key", c.TLSKey, "TLS key file for --tls-cert (env SHUWU_TLS_KEY)")
	fs.StringVar(&c.BackupDir, "backup-dir", c.BackupDir, "back the database up into this directory every day; off when empty (env SHUWU_BACKUP_DIR)")
	fs.StringVar(&c.BackupAt, "backup-at", c.BackupAt, "time of the daily backup, HH:MM in the library's time zone (env SHUWU_BACKUP_AT)")
	fs.IntVar(&c.BackupKeep, "backup-keep", c.BackupKeep, "how many daily backups to keep (env SHUWU_BACKUP_KEEP)")
	fs.StringVar(&c.TrustedProxies, "trusted-proxy", c.TrustedProxies, "reverse proxies (IPs or CIDRs, comma separated) whose X-Forwarded-For is believed (env SHUWU_TRUSTED_PROXIES)")
}

// Validate checks the settings and resolves the time zone.
func (c *Config) Validate() error {
	if c.DataDir == "" {
		return errs.Invalid(CodeConfigInvalid, "data", "数据目录不能为空（--data 或 SHUWU_DATA）", "the data directory must not be empty")
	}
	if c.DB != "" && !IsPostgresURL(c.DB) && (!strings.HasPrefix(c.DB, "sqlite:") || c.DB == "sqlite:") {
		return errs.Invalid(CodeConfigInvalid, "db", fmt.Sprintf("--db 须是 postgres:// 开头的 PostgreSQL 地址或 sqlite:文件路径，不能是 %q（不设则用数据目录里的 shuwu.db）", c.DB),
			fmt.Sprintf("--db must be a postgres:// URL or sqlite:PATH, not %q (leave it unset for shuwu.db in the data directory)", c.DB))
	}
	tz, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return errs.Invalid(CodeConfigInvalid, "tz", fmt.Sprintf("未知的时区 %q（例如 Asia/Shanghai）", c.TimeZone), fmt.Sprintf("unknown time zone %q", c.TimeZone)).Wrap(err)
	}
	c.tz = tz
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return errs.Invalid(CodeConfigInvalid, "log-level", fmt.Sprintf("日志级别只能是 debug、info、warn 或 error，不能是 %q", c.LogLevel), fmt.Sprintf("log level must be debug, info, warn or error, not %q", c.LogLevel))
	}
	if (c.SIPTLSCert == "") != (c.SIPTLSKey == "") {
		return errs.Invalid(CodeConfigInvalid, "sip-tls-cert", "SIP2 的 TLS 证书和私钥须同时设置（--sip-tls-cert 与 --sip-tls-key）", "set both --sip-tls-cert and --sip-tls-key, or neither")
	}
	if c.SIPTLSCert != "" && c.SIPAddr == "" {
		return errs.Invalid(CodeConfigInvalid, "sip-addr", "设置了 SIP2 的 TLS 证书，但没有设置监听地址（--sip-addr）", "a SIP2 TLS certificate is set without --sip-addr")
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return errs.Invalid(CodeConfigInvalid, "tls-cert", "HTTPS 的证书和私钥须同时设置（--tls-cert 与 --tls-key）", "set both --tls-cert and --tls-key, or neither")
	}
	if c.TLSCert != "" {
		c.SecureCookies = true
	}
	if _, err := time.Parse("15:04", c.BackupAt); err != nil || len(c.BackupAt) != 5 {
		return errs.Invalid(CodeConfigInvalid, "backup-at", fmt.Sprintf("每日备份时间须是 时:分（例如 02:30），不能是 %q", c.BackupAt), fmt.Sprintf("the daily backup time must be HH:MM (e.g. 02:30), not %q", c.BackupAt))
	}
	if c.BackupKeep < 1 || c.BackupKeep > 3650 {
		return errs.Invalid(CodeConfigInvalid, "backup-keep", "保留的备份份数须在 1 到 3650 之间", "backup-keep must be between 1 and 3650")
	}
	proxies, err := ParseProxies(c.TrustedProxies)
	if err != nil {
		return err
	}
	c.proxies = proxies
	return nil
}

func errProxy(f string) error {
	return errs.Invalid(CodeConfigInvalid, "trusted-proxy", fmt.Sprintf("受信任的代理 %q 不是 IP 地址或网段（例如 10.0.0.1 或 10.0.0.0/8）", f), fmt.Sprintf("trusted proxy %q is not an IP address or CIDR range (e.g. 10.0.0.1 or 10.0.0.0/8)", f))
}

// Proxies are the validated trusted reverse proxies.
func (c *Config) Proxies() []*net.IPNet { return c.proxies }

// ParseProxies reads a comma-separated list of IPs and CIDR ranges.
func ParseProxies(list string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			ip := net.ParseIP(f)
			if ip == nil {
				return nil, errProxy(f)
			}
			bits := 32
			if ip.To4() == nil {
				bits = 128
			}
			f = fmt.Sprintf("%s/%d", ip, bits)
		}
		_, n, err := net.ParseCIDR(f)
		if err != nil {
			return nil, errProxy(f)
		}
		out = append(out, n)
	}
	return out, nil
}

// Location is the validated time zone.
func (c *Config) Location() *time.Location {
	if c.tz == nil {
		return time.UTC
	}
	return c.tz
}

// DBPath is the SQLite file in the data directory.
func (c *Config) DBPath() string { return filepath.Join(c.DataDir, "shuwu.db") }

// Database is what the store opens (store.Open): the --db value, or the
// SQLite file in the data directory.
func (c *Config) Database() string {
	if c.DB != "" {
		return c.DB
	}
	return c.DBPath()
}

// IsPostgresURL reports whether a --db value names a PostgreSQL database.
func IsPostgresURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// MaskedDB is a --db value fit for logs: a password in it is hidden.
func MaskedDB(dsn string) string {
	if !IsPostgresURL(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unparsable)"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// ActivityPhotosDir holds the photos of activities (主题活动) and their
// thumbnails.
func (c *Config) ActivityPhotosDir() string { return filepath.Join(c.DataDir, "photos", "activities") }

// ReceptionPhotosDir holds the photos of leader and guest visits (接待记录).
func (c *Config) ReceptionPhotosDir() string { return filepath.Join(c.DataDir, "photos", "receptions") }

// PhotosDir holds every photo kept (activities', visits'), one
// directory per owner: `shuwu backup` copies it with the database.
func (c *Config) PhotosDir() string { return filepath.Join(c.DataDir, "photos") }

// IndexDir is the search index directory.
func (c *Config) IndexDir() string { return filepath.Join(c.DataDir, "index") }

// ImportsDir holds the import jobs: their state, reports and rejections.
func (c *Config) ImportsDir() string { return filepath.Join(c.DataDir, "imports") }

// SpoolDir holds uploads while they are received and exports while they
// are written; the server empties it at start.
func (c *Config) SpoolDir() string { return filepath.Join(c.DataDir, "spool") }

// String prints the configuration with the database password masked.
func (c Config) String() string {
	return fmt.Sprintf("addr=%s data=%s db=%q tz=%s demo=%v secure_cookies=%v log_level=%s synonyms=%q sip_addr=%q sip_tls=%v z3950_addr=%q tls=%v trusted_proxies=%q backup_dir=%q backup_at=%s backup_keep=%d", c.Addr, c.DataDir, MaskedDB(c.DB), c.TimeZone, c.Demo, c.SecureCookies, c.LogLevel, c.Synonyms, c.SIPAddr, c.SIPTLSCert != "", c.Z3950Addr, c.TLSCert != "", c.TrustedProxies, c.BackupDir, c.BackupAt, c.BackupKeep)
}

// Load builds a Config from defaults and the environment.
func Load() Config {
	c := Defaults()
	c.FromEnv(os.Getenv)
	return c
}
