package prerender

import (
	"encoding/json"
	"math"
	"slices"

	"francenum-map/internal/app"
	"francenum-map/internal/uitext"
)

// The default view answers before Go: the build writes, as inert JSON in
// the page (<script type="application/json" id="fn-pre">, which no CSP
// runs), each department's card as Go's app.Tip gives it, its neighbour
// for each arrow key and what the live region announces, with the few
// interface words the card shows. web/app.js shows them on hover, focus
// and tap until Go is ready; Go's own answers then replace them.

// preCard is app.Tip with the wasm encoder's field names (wasm/app
// encode.go tipFields; a wasm test compares the two encodings).
type preCard struct {
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Region    string   `json:"region"`
	Value     string   `json:"value"`
	Date      string   `json:"date"`
	Rank      string   `json:"rank"`
	RankLabel string   `json:"rankLabel"`
	Cum       string   `json:"cum"`
	CumLabel  string   `json:"cumLabel"`
	Target    string   `json:"target"`
	Pct       string   `json:"pct"`
	Pinned    bool     `json:"pinned"`
	Spark     preSpark `json:"spark"`
	Notes     []string `json:"notes"`
}

type preSpark struct {
	W  int      `json:"w"`
	H  int      `json:"h"`
	D  string   `json:"d"`
	TY *float64 `json:"ty,omitempty"`
	CX *float64 `json:"cx,omitempty"`
	CY *float64 `json:"cy,omitempty"`
}

// pre is the page's fn-pre data: per department in geometry order.
//
// A card leaves out what the page already holds (1.3 KB brotli of the
// 2.6 KB the table in the HTML cost): a field equal on every card is written once in
// Same (the date, the labels, pinned false), and a field equal to a cell
// of the department's row in the HTML table is read from that cell (Cols:
// field → cell index). app.js puts the card back together (preCard).
type pre struct {
	Cards []map[string]any  `json:"cards"`
	Same  map[string]any    `json:"same"`
	Cols  map[string]int    `json:"cols"`
	Nb    [][4]string       `json:"nb"` // up, down, left, right
	Say   []string          `json:"say"`
	UI    map[string]string `json:"ui"`
}

// sameFields may be written once for every card; tableFields may be read
// from the table's column of the same key.
var (
	sameFields  = [...]string{"date", "rankLabel", "cumLabel", "pinned"}
	tableFields = [...]string{"region", "value", "target", "pct"}
)

// preUI are the interface words the card needs before Go (French: the
// default view).
var preUI = [...]string{"colCount", "target", "pctTarget", "pin", "unpin", "close", "notFound", "colon", "linkCopied", "copyLink", "linkCopyFailed"}

// cardOf converts a Go card to its JSON form (a NaN is left out, as the
// wasm encoder does).
func cardOf(t app.Tip) preCard {
	opt := func(v float64) *float64 {
		if math.IsNaN(v) {
			return nil
		}
		return &v
	}
	notes := t.Notes
	if notes == nil {
		notes = []string{}
	}
	return preCard{Code: t.Code, Name: t.Name, Region: t.Region, Value: t.Value, Date: t.Date, Rank: t.Rank, RankLabel: t.RankLabel,
		Cum: t.Cum, CumLabel: t.CumLabel, Target: t.Target, Pct: t.Pct, Pinned: t.Pinned, Notes: notes,
		Spark: preSpark{W: t.Spark.W, H: t.Spark.H, D: t.Spark.D, TY: opt(t.Spark.TargetY), CX: opt(t.Spark.DotX), CY: opt(t.Spark.DotY)}}
}

// cardsJSON is the default view's fn-pre data (call it on the default
// view), its cards compacted against tb, the table the page holds.
func cardsJSON(a *app.App, codes []string, tb *app.Table) (string, error) {
	p := pre{UI: map[string]string{}}
	for _, c := range codes {
		t, ok := a.Tip(c)
		if !ok {
			return "", errNoCard(c)
		}
		m, err := cardMap(cardOf(t))
		if err != nil {
			return "", err
		}
		p.Cards = append(p.Cards, m)
		p.Nb = append(p.Nb, [4]string{a.Neighbour(c, "up"), a.Neighbour(c, "down"), a.Neighbour(c, "left"), a.Neighbour(c, "right")})
		p.Say = append(p.Say, a.Announce(c))
	}
	p.Same, p.Cols = compact(p.Cards, codes, tb)
	for _, k := range preUI {
		p.UI[k] = uitext.T("fr", k)
	}
	// encoding/json writes <, > and & as \u003c…: nothing in it can end
	// the <script> element.
	b, err := json.Marshal(p)
	return string(b), err
}

// cardMap is a card's JSON object as a map, to leave fields out of.
func cardMap(c preCard) (map[string]any, error) {
	b, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	return m, json.Unmarshal(b, &m)
}

// compact removes from cards (in the order of codes) the fields written
// once (same) and those read from tb's cells (cols: field → cell index).
// The code is left out too: app.js takes the path's data-code.
func compact(cards []map[string]any, codes []string, tb *app.Table) (same map[string]any, cols map[string]int) {
	same, cols = map[string]any{}, map[string]int{}
	if len(cards) == 0 {
		return same, cols
	}
	for _, c := range cards {
		delete(c, "code")
	}
	for _, f := range sameFields {
		v, all := cards[0][f]
		for _, c := range cards {
			if w, ok := c[f]; !ok || w != v {
				all = false
				break
			}
		}
		if all {
			same[f] = v
			for _, c := range cards {
				delete(c, f)
			}
		}
	}
	rows := map[string][]string{}
	for _, r := range tb.Rows {
		rows[r[0]] = r
	}
	for _, f := range tableFields {
		col := slices.IndexFunc(tb.Cols, func(c app.Column) bool { return c.Key == f })
		if col < 0 {
			continue
		}
		cols[f] = col
		for i, c := range cards {
			if r := rows[codes[i]]; r != nil && c[f] == r[col] {
				delete(c, f)
			}
		}
	}
	return same, cols
}

type errNoCard string

func (e errNoCard) Error() string { return "prerender: no card for department " + string(e) }

// CardJSON is one card as the page's fn-pre data writes it (the wasm's
// encoding of the same card must read the same: a wasm test checks).
func CardJSON(t app.Tip) ([]byte, error) { return json.Marshal(cardOf(t)) }
