package workerapi

import (
	"encoding/json"
	"strings"
)

// StripJSONC removes // and /* */ comments and trailing commas outside
// strings, turning a wrangler.jsonc into JSON.
func StripJSONC(b []byte) []byte {
	out := make([]byte, 0, len(b))
	inStr := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inStr {
			out = append(out, c)
			if c == '\\' && i+1 < len(b) {
				i++
				out = append(out, b[i])
			} else if c == '"' {
				inStr = false
			}
			continue
		}
		switch {
		case c == '"':
			inStr = true
			out = append(out, c)
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				i++
			}
			out = append(out, '\n')
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := strings.Index(string(b[i+2:]), "*/")
			if end < 0 {
				return out
			}
			i += end + 3
		case c == ']' || c == '}':
			// drop a trailing comma before the closing bracket
			j := len(out) - 1
			for j >= 0 && (out[j] == ' ' || out[j] == '\n' || out[j] == '\t' || out[j] == '\r') {
				j--
			}
			if j >= 0 && out[j] == ',' {
				out = append(out[:j], out[j+1:]...)
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

// WranglerVars returns the top-level "vars" of a wrangler.jsonc.
func WranglerVars(jsonc []byte) (map[string]string, error) {
	var c struct {
		Vars map[string]string `json:"vars"`
	}
	if err := json.Unmarshal(StripJSONC(jsonc), &c); err != nil {
		return nil, err
	}
	return c.Vars, nil
}
