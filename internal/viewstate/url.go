package viewstate

import (
	"francenum-map/internal/decimal"
	"francenum-map/internal/dept"
	"strconv"
	"strings"
)

// Decode reads a URL query string ("a=b&c=d", with or without a leading
// "?") into a Patch, then applies it to the default state. Unknown or
// malformed values keep the default and produce a Notice; Decode never
// fails. The first of a repeated key wins, as URLSearchParams.get does.
// Indicator and month are only checked for syntax here: the app checks them
// against the loaded data. The parameters a host's embed script adds to
// the iframe's URL (HostKey) are skipped without a notice.
func Decode(query string) (State, []Notice) {
	var p Patch
	var notes []Notice
	query = strings.TrimPrefix(query, "?")
	var seen Field
	for len(query) > 0 {
		var kv string
		if i := strings.IndexByte(query, '&'); i >= 0 {
			kv, query = query[:i], query[i+1:]
		} else {
			kv, query = query, ""
		}
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		k, okk := unescape(k)
		v, okv := unescape(v)
		if okk && HostKey(k) {
			continue
		}
		if !okk || !okv {
			notes = append(notes, Notice{Key: k, Value: v})
			continue
		}
		f := fieldOf(k)
		if f != 0 && seen&f != 0 {
			continue
		}
		seen |= f
		if !p.Parse(k, v) {
			if f == FDeps {
				v = badDeps(v) // the valid codes are kept: name the others
			}
			notes = append(notes, Notice{Key: k, Value: v})
		}
	}
	s, more := Default().Apply(p)
	return s, append(notes, more...)
}

// Encode writes the state as a query string without "?", leaving out the
// values equal to the default so that the canonical URL stays short.
// Decode(Encode(s)) == s for every state Decode can return.
func (s State) Encode() string {
	d := Default()
	var b strings.Builder
	add := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(escape(v))
	}
	if s.Ind != d.Ind && s.Ind != "" {
		add("ind", s.Ind)
	}
	if s.Metric != d.Metric && s.Metric != "" {
		add("metric", s.Metric)
	}
	if s.Date != 0 {
		add("date", s.Date.String())
	}
	if len(s.Deps) > 0 {
		add("dep", strings.Join(s.Deps, ","))
	}
	if s.Scheme != d.Scheme && s.Scheme != "" {
		add("scheme", s.Scheme)
	}
	if s.Scheme == SchemeManual {
		add("breaks", FormatBreaks(s.Breaks))
	} else if s.Classes != d.Classes && s.Classes != 0 {
		add("classes", strconv.Itoa(s.Classes))
	}
	if s.Lang != d.Lang && s.Lang != "" {
		add("lang", s.Lang)
	}
	if s.Embed {
		add("embed", "1")
	}
	if s.Quality {
		add("quality", "1")
	}
	return b.String()
}

// validIndicatorID accepts the publisher's id alphabet: lower-case letters,
// digits, '-' and '_', 1 to 100 characters.
func validIndicatorID(v string) bool {
	if v == "" || len(v) > 100 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// ParseBreaks reads manual breaks: numbers separated by commas (or
// semicolons, and spaces are ignored, as people type them), strictly
// ascending, at most MaxClasses-1.
func ParseBreaks(v string) ([]float64, bool) {
	b := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case ' ', '\t':
		case ';':
			b = append(b, ',')
		default:
			b = append(b, c)
		}
	}
	parts := strings.Split(string(b), ",")
	if len(parts) > MaxClasses-1 {
		return nil, false
	}
	out := make([]float64, 0, len(parts))
	for _, p := range parts {
		f, ok := decimal.Parse(p)
		if !ok || f > 1e12 || f < -1e12 {
			return nil, false
		}
		if len(out) > 0 && f <= out[len(out)-1] {
			return nil, false
		}
		out = append(out, f)
	}
	return out, true
}

// FormatBreaks writes breaks as the URL carries them: "50,100,150".
func FormatBreaks(b []float64) string {
	parts := make([]string, len(b))
	for i, f := range b {
		parts[i] = strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strings.Join(parts, ",")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unescape decodes %XX and '+' like application/x-www-form-urlencoded.
func unescape(s string) (string, bool) {
	if !strings.ContainsAny(s, "%+") {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			b = append(b, ' ')
		case '%':
			if i+2 >= len(s) {
				return s, false
			}
			h, l := unhex(s[i+1]), unhex(s[i+2])
			if h < 0 || l < 0 {
				return s, false
			}
			b = append(b, byte(h<<4|l))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return string(b), true
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// escape percent-encodes everything but the unreserved characters and ','.
func escape(s string) string {
	const hexd = "0123456789ABCDEF"
	need := false
	for i := 0; i < len(s); i++ {
		if !plain(s[i]) {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	b := make([]byte, 0, len(s)*3)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if plain(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', hexd[c>>4], hexd[c&15])
		}
	}
	return string(b)
}

func plain(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' || c == ','
}

// flag decodes a boolean URL parameter: "1"/"true" on, "0"/"false"/"" off;
// anything else is malformed (bad).
func flag(v string) (on, bad bool) {
	switch v {
	case "1", "true":
		return true, false
	case "0", "false", "":
		return false, false
	}
	return false, true
}

// badDeps lists the codes of a dep value that Parse leaves out: unknown,
// repeated, or beyond MaxPinned.
func badDeps(value string) string {
	var kept, bad []string
	for _, c := range strings.Split(value, ",") {
		if c == "" {
			continue
		}
		n, valid := dept.Normalize(c)
		if !valid || contains(kept, n) || len(kept) >= MaxPinned {
			bad = append(bad, c)
			continue
		}
		kept = append(kept, n)
	}
	return strings.Join(bad, ",")
}

// HostKey reports whether key is one of the parameters pym.js 1.3.2's
// Parent adds to the iframe's URL (initialWidth and childId always,
// parentTitle and parentUrl by default, in that case): they belong to the
// host page, not to the view, so the map takes no notice of them
// (web/app.js reads childId for pym's messages) and Encode never writes
// them back.
func HostKey(key string) bool {
	switch key {
	case "initialWidth", "childId", "parentTitle", "parentUrl":
		return true
	}
	return false
}

// KnownKey reports whether key is one of the URL's Keys.
func KnownKey(key string) bool { return fieldOf(key) != 0 }
