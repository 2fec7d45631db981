package prerender

import (
	"encoding/json"
	"math"

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
type pre struct {
	Cards []preCard         `json:"cards"`
	Nb    [][4]string       `json:"nb"` // up, down, left, right
	Say   []string          `json:"say"`
	UI    map[string]string `json:"ui"`
}

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
// view).
func cardsJSON(a *app.App, codes []string) (string, error) {
	p := pre{UI: map[string]string{}}
	for _, c := range codes {
		t, ok := a.Tip(c)
		if !ok {
			return "", errNoCard(c)
		}
		p.Cards = append(p.Cards, cardOf(t))
		p.Nb = append(p.Nb, [4]string{a.Neighbour(c, "up"), a.Neighbour(c, "down"), a.Neighbour(c, "left"), a.Neighbour(c, "right")})
		p.Say = append(p.Say, a.Announce(c))
	}
	for _, k := range preUI {
		p.UI[k] = uitext.T("fr", k)
	}
	// encoding/json writes <, > and & as \u003c…: nothing in it can end
	// the <script> element.
	b, err := json.Marshal(p)
	return string(b), err
}

type errNoCard string

func (e errNoCard) Error() string { return "prerender: no card for department " + string(e) }

// CardJSON is one card as the page's fn-pre data writes it (the wasm's
// encoding of the same card must read the same: a wasm test checks).
func CardJSON(t app.Tip) ([]byte, error) { return json.Marshal(cardOf(t)) }
