//go:build e2e

package e2e

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type pair struct{ code, date string }

// TestDataTruth: for 20 random department × month pairs of the chèques
// series, the value the UI shows (the #table row, or the department's
// aria-label) equals the CSV the Worker serves. E2E_SEED replays a run.
func TestDataTruth(t *testing.T) {
	need(t)
	recs, err := csv.NewReader(strings.NewReader(string(workerCSV(t, "detail.csv")))).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	values := map[pair]float64{}
	var pairs []pair
	for _, r := range recs[1:] {
		if r[col["id_indicateur"]] != cheques {
			continue
		}
		v, err := strconv.ParseFloat(r[col["valeur"]], 64)
		require.NoError(t, err)
		p := pair{r[col["code_departement"]], r[col["date"]]}
		values[p] = v
		pairs = append(pairs, p)
	}
	require.NotEmpty(t, pairs)
	sort.Slice(pairs, func(a, b int) bool { return pairs[a].date+pairs[a].code < pairs[b].date+pairs[b].code })
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("E2E_SEED"); s != "" {
		seed, err = strconv.ParseUint(s, 10, 64)
		require.NoError(t, err)
	}
	t.Logf("data truth seed: E2E_SEED=%d", seed)
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	byMonth := map[string][]pair{}
	for _, k := range rng.Perm(len(pairs))[:20] {
		p := pairs[k]
		byMonth[p.date[:7]] = append(byMonth[p.date[:7]], p)
	}
	ctx := tab(t)
	for month, ps := range byMonth {
		navigate(t, ctx, appURL("ind="+cheques+"&metric=count&date="+month))
		// The table may be filled just after the map: wait for its rows.
		poll[bool](t, ctx, `document.querySelectorAll('#table tr[data-code]').length === 101`, "the table's 101 rows", waitTimeout)
		for _, p := range ps {
			want := values[p]
			shown := eval[[]string](t, ctx, fmt.Sprintf(`(() => {
			  const out = [];
			  const row = document.querySelector('#table tr[data-code="%[1]s"]');
			  if (row) for (const c of row.children) out.push(c.textContent.trim());
			  const path = document.querySelector('#map svg [data-code="%[1]s"]');
			  if (path) out.push(...(path.getAttribute('aria-label') || '').split(/[:,;()—–]/).map(s => s.trim()));
			  return out;
			})()`, p.code))
			found := false
			for _, s := range shown {
				if v, ok := parseFR(s); ok && v == want {
					found = true
					break
				}
			}
			t.Logf("%s %s: CSV %v, UI %q", p.code, p.date, want, shown)
			assert.True(t, found, "department %s at %s: the CSV says %v, the UI shows %q", p.code, p.date, want, shown)
		}
	}
}
