//go:build e2e

package e2e

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const cheques = "nb-entreprises-cheaque-numerique"

// workerCSV downloads one of the Worker's CSV files.
func workerCSV(t *testing.T, name string) []byte {
	t.Helper()
	resp, err := http.Get(need(t).worker.URL + "/api/v1/numerisation/" + name)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "GET %s", name)
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return b
}

// scrambledDetail is the Worker's detail file with the chèques values of
// the latest month given to other departments (mirror order), so a map
// drawn from it must look different. It stays a valid published file.
func scrambledDetail(t *testing.T) []byte {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(string(workerCSV(t, "detail.csv")))).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	latest := ""
	for _, r := range recs[1:] {
		if r[col["id_indicateur"]] == cheques && r[col["date"]] > latest {
			latest = r[col["date"]]
		}
	}
	var idx []int
	for i, r := range recs[1:] {
		if r[col["id_indicateur"]] == cheques && r[col["date"]] == latest {
			idx = append(idx, i+1)
		}
	}
	num := func(i int) float64 { v, _ := strconv.ParseFloat(recs[i][col["valeur"]], 64); return v }
	sort.Slice(idx, func(a, b int) bool { return num(idx[a]) < num(idx[b]) })
	vals := make([]string, len(idx))
	for k, i := range idx {
		vals[k] = recs[i][col["valeur"]]
	}
	for k, i := range idx { // the highest value goes to the lowest department, and so on
		recs[i][col["valeur"]] = vals[len(vals)-1-k]
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	require.NoError(t, w.WriteAll(recs))
	return []byte(b.String())
}

// badDetail has the right header and only broken rows: too few fields
// (line 2), a value that is not a number (line 3), an unknown department
// (line 4).
const badDetail = "mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n" +
	"Numérisation des petites et moyennes entreprises,Chèques,nb-entreprises-cheaque-numerique,01\n" +
	"Numérisation des petites et moyennes entreprises,Chèques,nb-entreprises-cheaque-numerique,01,Ain,2022-11-30,abc,entreprises\n" +
	"Numérisation des petites et moyennes entreprises,Chèques,nb-entreprises-cheaque-numerique,99,Nulle part,2022-11-30,12.0,entreprises\n"

// dropFile fires dragenter, dragover and drop on #drop with a File.
func dropFile(t *testing.T, ctx context.Context, name string, content []byte) {
	t.Helper()
	requireHook(t, ctx, "#drop")
	eval[chromedp.Void](t, ctx, fmt.Sprintf(`(() => {
  const dt = new DataTransfer();
  dt.items.add(new File([%s], %s, {type: 'text/csv'}));
  const drop = document.getElementById('drop');
  for (const type of ['dragenter', 'dragover', 'drop'])
    drop.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
})()`, jsString(string(content)), jsString(name)))
}

func setFile(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	requireHook(t, ctx, "#file")
	sctx, cancel := timeout(ctx, waitTimeout)
	defer cancel()
	require.NoError(t, chromedp.Do(sctx, chromedp.SetUploadFiles(chromedp.ID("file"), []string{path})), "DOM.setFileInputFiles on #file")
}

func reportText(t *testing.T, ctx context.Context) string {
	return poll[string](t, ctx, `(document.getElementById('file-report') || {textContent: ''}).textContent.trim()`, "#file-report to show the file's report", waitTimeout)
}

func TestDroppedGoodFileChangesMap(t *testing.T) {
	ctx := open(t, "metric=per10k")
	good := scrambledDetail(t)
	path := filepath.Join(t.TempDir(), "detail-scrambled.csv")
	require.NoError(t, os.WriteFile(path, good, 0o644))

	before := currentView(t, ctx)
	setFile(t, ctx, path)
	waitViewChange(t, ctx, before, "loading a good file through #file")
	after := settledView(t, ctx)
	require.NotEqual(t, before.Fills, after.Fills, "the map drawn from the loaded file (once settled) differs from the one before it")
	rep := reportText(t, ctx)
	assert.NotEmpty(t, rep)
	assert.False(t, exists(t, ctx, "#file-report [role=alert]"), "a good file shows no error: %s", rep)

	// The same by drag and drop, going back to the Worker's own file.
	dropFile(t, ctx, "detail.csv", workerCSV(t, "detail.csv"))
	waitViewChange(t, ctx, after, "dropping the original file on #drop")
	back := settledView(t, ctx)
	assert.Equal(t, before.Fills, back.Fills, "the original file gives the original map")
}

// settledView waits until the view stays the same for 3 reads 200 ms apart
// (a render may be followed by another), and returns it.
func settledView(t *testing.T, ctx context.Context) view {
	t.Helper()
	v := currentView(t, ctx)
	same := 0
	for deadline := time.Now().Add(waitTimeout); time.Now().Before(deadline) && same < 3; {
		time.Sleep(200 * time.Millisecond)
		w := currentView(t, ctx)
		if w == v {
			same++
		} else {
			v, same = w, 0
		}
	}
	if same < 3 {
		t.Fatalf("the map kept changing for %s", waitTimeout)
	}
	return v
}

func TestDroppedBadFileShowsLinesAndKeepsMap(t *testing.T) {
	ctx := open(t, "")
	before := currentView(t, ctx)
	dropFile(t, ctx, "mauvais.csv", []byte(badDetail))
	rep := reportText(t, ctx)
	lines := eval[[]string](t, ctx, `[...document.querySelectorAll('#file-report [data-line]')].map(e => e.getAttribute('data-line'))`)
	for _, n := range []string{"2", "3", "4"} {
		re := regexp.MustCompile(`(?i)(ligne|line|l\.)\s*` + n + `\b`)
		assert.True(t, re.MatchString(rep) || contains(lines, n), "the report names line %s: %q (data-line %v)", n, rep, lines)
	}
	assert.True(t, exists(t, ctx, "#file-report [role=alert]") || exists(t, ctx, "[role=alert]"), "an unusable file is reported as an error ([role=alert])")
	assert.Equal(t, before, currentView(t, ctx), "an unusable file leaves the map as it was")

	// Through the file input as well.
	path := filepath.Join(t.TempDir(), "mauvais.csv")
	require.NoError(t, os.WriteFile(path, []byte(badDetail), 0o644))
	eval[chromedp.Void](t, ctx, `document.getElementById('file-report').replaceChildren()`)
	setFile(t, ctx, path)
	reportText(t, ctx)
	assert.Equal(t, before, currentView(t, ctx), "an unusable file (input) leaves the map as it was")
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
