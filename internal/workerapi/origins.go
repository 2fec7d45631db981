package workerapi

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
)

// ParseOrigins reads EMBED_ORIGINS: "*" (any site may frame the app), or
// origins separated by commas or spaces, each lower-case
// scheme://host[:port] with scheme http or https; an empty value means "*".
// Anything else is an error naming the entry, and no origin is returned (only
// the site itself may then frame the app): nothing but these characters ever
// reaches the Content-Security-Policy.
func ParseOrigins(v string) ([]string, error) {
	fields := splitList(v)
	if len(fields) == 0 {
		return []string{"*"}, nil
	}
	var out []string
	star := false
	for _, f := range fields {
		if f == "*" {
			star = true
			continue
		}
		if err := checkOrigin(f, "http", "https"); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	if star {
		return []string{"*"}, nil
	}
	return out, nil
}

// ParseUpstreamOrigins reads UPSTREAM_ORIGINS: origins as in ParseOrigins,
// https only except for loopback hosts (tests and a local mirror), never "*".
func ParseUpstreamOrigins(v string) ([]string, error) {
	fields := splitList(v)
	if len(fields) == 0 {
		return nil, errors.New("empty: no upstream would be allowed")
	}
	for _, f := range fields {
		if err := checkOrigin(f, "http", "https"); err != nil {
			return nil, err
		}
		if strings.HasPrefix(f, "http://") && !isLoopback(f[len("http://"):]) {
			return nil, errors.New(strconv.Quote(f) + ": plain http is allowed for loopback hosts only")
		}
	}
	return fields, nil
}

func isLoopback(hostport string) bool {
	host := hostport
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return host == "localhost" || host == "[::1]" || strings.HasPrefix(host, "127.")
}

func splitList(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
}

// checkOrigin accepts exactly scheme://host[:port]: lower-case letters,
// digits, '-' and '.' in the host (or a bracketed IPv6 address), a port of
// 1 to 5 digits, nothing after.
func checkOrigin(o string, schemes ...string) error {
	bad := func(why string) error {
		return errors.New(strconv.Quote(o) + " is not an origin (" + why + "); expected lower-case scheme://host[:port] or *")
	}
	rest := ""
	for _, sc := range schemes {
		if strings.HasPrefix(o, sc+"://") {
			rest = o[len(sc)+3:]
			break
		}
	}
	if rest == "" {
		return bad("scheme must be " + strings.Join(schemes, " or "))
	}
	host, port := rest, ""
	if strings.HasPrefix(rest, "[") {
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return bad("unclosed IPv6 address")
		}
		host, port = rest[:end+1], rest[end+1:]
		for _, c := range host[1 : len(host)-1] {
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == ':') {
				return bad("invalid IPv6 address")
			}
		}
	} else if i := strings.IndexByte(rest, ':'); i >= 0 {
		host, port = rest[:i], rest[i:]
	}
	if host == "" || host == "[]" {
		return bad("no host")
	}
	if !strings.HasPrefix(host, "[") {
		for _, c := range host {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
				return bad("character " + strconv.QuoteRune(c) + " in the host")
			}
		}
		if host[0] == '.' || host[0] == '-' || host[len(host)-1] == '.' {
			return bad("host starts or ends with a separator")
		}
	}
	if port != "" {
		p := port[1:]
		if port[0] != ':' || len(p) == 0 || len(p) > 5 {
			return bad("port must be 1 to 5 digits")
		}
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 || p[0] == '+' || p[0] == '-' {
			return bad("port must be a number from 1 to 65535")
		}
	}
	return nil
}

// CheckUpstream reports whether a URL may be fetched: https (or http to a
// loopback origin listed), no user info, its origin in UpstreamOrigins.
func (c Config) CheckUpstream(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return errors.New(strconv.Quote(raw) + " is not a URL")
	}
	if u.User != nil {
		return errors.New(strconv.Quote(raw) + " carries user info")
	}
	origin := strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Host)
	for _, o := range c.UpstreamOrigins {
		if o == origin {
			return nil
		}
	}
	return errors.New(strconv.Quote(origin) + " is not in UPSTREAM_ORIGINS (" + strings.Join(c.UpstreamOrigins, ", ") + ")")
}
