package prerender

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/app"
)

// Issue 22, item 2: the 101-department table is in the HTML, as app.js
// builds it from Go's table: caption, sortable headers, one row per
// department with Go's cell texts, the repeated column hidden.
func TestTableIsGosTable(t *testing.T) {
	src, err := StaticSource(page(t))
	require.NoError(t, err)
	p, err := Draw(realApp(t), src)
	require.NoError(t, err)
	tb := realApp(t).Panels().Table
	require.Len(t, tb.Rows, 101)
	assert.Contains(t, p.Table, `<caption id="table-caption">`+html.EscapeString(tb.Caption)+`</caption>`)
	heads := regexp.MustCompile(`<th scope="col" data-key="([^"]+)" aria-sort="([^"]+)"( hidden)?><button type="button" data-sort="[^"]+">([^<]*)</button></th>`).FindAllStringSubmatch(p.Table, -1)
	require.Len(t, heads, len(tb.Cols))
	hidden := 0
	for i, c := range tb.Cols {
		assert.Equal(t, c.Key, heads[i][1])
		assert.Equal(t, html.EscapeString(c.Label), heads[i][4])
		assert.Equal(t, c.Repeat, heads[i][3] != "", "column %s hidden iff it repeats the value", c.Key)
		if c.Repeat {
			hidden++
		}
		want := "none"
		if c.Key == tb.Sort {
			want = map[bool]string{true: "descending", false: "ascending"}[tb.Desc]
		}
		assert.Equal(t, want, heads[i][2], c.Key)
	}
	assert.Equal(t, 1, hidden, "the default view (% of target) repeats « % cible »")
	rows := regexp.MustCompile(`<tr data-code="([^"]+)">(.*?)</tr>`).FindAllStringSubmatch(p.Table, -1)
	require.Len(t, rows, 101)
	cell := regexp.MustCompile(`<(td|th scope="row")( hidden)?>([^<]*)</t[dh]>`)
	for i, r := range rows {
		assert.Equal(t, tb.Rows[i][0], r[1], "row %d in Go's order", i)
		cells := cell.FindAllStringSubmatch(r[2], -1)
		require.Len(t, cells, len(tb.Cols), r[1])
		for j, c := range cells {
			assert.Equal(t, html.EscapeString(tb.Rows[i][j]), c[3], "%s column %s", r[1], tb.Cols[j].Key)
			assert.Equal(t, j == 1, strings.HasPrefix(c[1], "th"), "the name is the row header")
		}
	}
	// Inline puts it in place of the page's empty table.
	out, err := Inline(page(t), p)
	require.NoError(t, err)
	assert.Contains(t, string(out), `<div class="table-scroll">`+p.Table+`</div>`)
	assert.NotContains(t, string(out), markerTable)
}

// The cards leave out what the page holds; put back together as app.js's
// preCard does (shared fields, then the row's cells), each is Go's card.
func TestCompactCardsAreGosCards(t *testing.T) {
	src, err := StaticSource(page(t))
	require.NoError(t, err)
	a := realApp(t)
	p, err := Draw(a, src)
	require.NoError(t, err)
	var d struct {
		Cards []map[string]any `json:"cards"`
		Same  map[string]any   `json:"same"`
		Cols  map[string]int   `json:"cols"`
	}
	require.NoError(t, json.Unmarshal([]byte(p.Cards), &d))
	tb := realApp(t).Panels().Table
	rows := map[string][]string{}
	for _, r := range tb.Rows {
		rows[r[0]] = r
	}
	codes := regexp.MustCompile(`<path d="[^"]+" fill="[^"]+" data-code="([^"]+)"`).FindAllStringSubmatch(p.Map, -1)
	require.Len(t, d.Cards, 101)
	require.Len(t, codes, 101)
	assert.Equal(t, map[string]int{"region": 2, "value": 3, "target": 5, "pct": 6}, d.Cols)
	assert.Contains(t, d.Same, "date", "every card has the latest month's date")
	for i, m := range codes {
		code := m[1]
		got := map[string]any{}
		for k, v := range d.Same {
			got[k] = v
		}
		for k, v := range d.Cards[i] {
			got[k] = v
		}
		got["code"] = code
		for f, col := range d.Cols {
			if _, ok := got[f]; !ok {
				got[f] = rows[code][col]
			}
		}
		tip, ok := a.Tip(code)
		require.True(t, ok)
		want, err := cardMap(cardOf(tip))
		require.NoError(t, err)
		assert.Equal(t, want, got, code)
	}
	assert.NotContains(t, d.Cards[0], "region", "a card leaves out what its row shows")
}

// compact keeps on a card a field its row shows otherwise.
func TestCompactKeepsWhatDiffers(t *testing.T) {
	cards := []map[string]any{
		{"code": "01", "date": "mai", "value": "1 %", "region": "A"},
		{"code": "02", "date": "juin", "value": "9 %", "region": "B"},
	}
	tb := &app.Table{Cols: []app.Column{{Key: "code"}, {Key: "name"}, {Key: "region"}, {Key: "value"}},
		Rows: [][]string{{"01", "x", "A", "1 %"}, {"02", "y", "B", "8 %"}}}
	same, cols := compact(cards, []string{"01", "02"}, tb)
	assert.Equal(t, map[string]any{}, same, "two dates: each card keeps its own")
	assert.Equal(t, map[string]int{"region": 2, "value": 3}, cols)
	assert.Equal(t, map[string]any{"date": "mai"}, cards[0])
	assert.Equal(t, map[string]any{"date": "juin", "value": "9 %"}, cards[1], "9 % is not its row's 8 %")
}
