//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/barometre"
	"francenum-map/internal/datadir"
)

const releaseDetail = "barometre/barometre-resultats-detail-departemental.csv"

// alertText waits for the file report's alert and returns its text.
func alertText(t *testing.T, ctx context.Context) string {
	t.Helper()
	return poll[string](t, ctx, `(document.querySelector('#file-report [role=alert]') || {textContent: ''}).textContent.trim()`, "the file report's alert", waitTimeout)
}

func TestFileTruncatedKeepsMap(t *testing.T) {
	full, err := os.ReadFile(datadir.MustFind(t, releaseDetail))
	require.NoError(t, err)
	// Cut in the middle of a line: the last line has fewer fields.
	cut := full[:len(full)/2]
	for cut[len(cut)-1] == '\n' || bytes.LastIndexByte(cut, '\n') > len(cut)-20 {
		cut = cut[:len(cut)-7]
	}
	line := strconv.Itoa(bytes.Count(cut, []byte{'\n'}) + 1)
	path := filepath.Join(t.TempDir(), "detail-coupe.csv")
	require.NoError(t, os.WriteFile(path, cut, 0o644))

	for _, c := range []struct{ lang, where, what string }{
		{"fr", "ligne " + line, "tronqué"},
		{"en", "line " + line, "truncated"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			ctx := open(t, "lang="+c.lang+"&metric=per10k")
			before := currentView(t, ctx)
			tip := eval[string](t, ctx, `[...document.querySelectorAll('#map path[data-code]')].map(p => p.getAttribute('aria-label')).join('|')`)
			setFile(t, ctx, path)
			msg := alertText(t, ctx)
			assert.Contains(t, msg, c.where, "the alert names the last line")
			assert.Contains(t, msg, c.what, "the alert says the file is truncated, in %s", c.lang)
			nextFrames(t, ctx)
			assert.Equal(t, before, currentView(t, ctx), "a truncated file leaves the map's fills as they were")
			assert.Equal(t, tip, eval[string](t, ctx, `[...document.querySelectorAll('#map path[data-code]')].map(p => p.getAttribute('aria-label')).join('|')`), "and its values")
		})
	}
}

func TestFileReleaseWarningsGrouped(t *testing.T) {
	path := datadir.MustFind(t, releaseDetail)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	f, err := barometre.Parse(data)
	require.NoError(t, err)
	require.NotEmpty(t, f.Warnings, "the release has warnings")
	want := map[string]int{}
	for _, w := range f.Warnings {
		want[string(w.Code)]++
	}

	ctx := open(t, "")
	setFile(t, ctx, path)
	n := poll[int](t, ctx, `document.querySelectorAll('#file-report li').length`, "the grouped warnings", loadTimeout)
	require.LessOrEqual(t, n, 12, "a handful of grouped lines, not one per warning")
	type li struct {
		Code, Text string
		Count      int
	}
	lis := eval[[]li](t, ctx, `[...document.querySelectorAll('#file-report li')].map(e => ({code: e.dataset.code || '', count: +e.dataset.count || 0, text: e.textContent}))`)
	got := map[string]int{}
	for _, x := range lis {
		got[x.Code] += x.Count
		assert.NotContains(t, x.Text, "…  ", "no « … N more » line")
		if x.Count > 1 {
			digits := strings.NewReplacer("\u202f", "", "\u00a0", "", " ", "").Replace(x.Text)
			assert.Contains(t, digits, strconv.Itoa(x.Count)+"lignes", "the line says its count: %q", x.Text)
		}
	}
	assert.Equal(t, want, got, "the counts per reason add up to the file's warnings")
}

func TestFileOverSizeRefused(t *testing.T) {
	for _, c := range []struct{ lang, size, limit string }{
		{"fr", "41", "40"},
		{"en", "41", "40"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			ctx := open(t, "lang="+c.lang)
			before := currentView(t, ctx)
			eval[chromedp.Void](t, ctx, `(() => {
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array(41e6)], 'gros.csv', {type: 'text/csv'}));
  const input = document.getElementById('file');
  input.files = dt.files;
  input.dispatchEvent(new Event('change', {bubbles: true}));
})()`)
			msg := alertText(t, ctx)
			assert.Regexp(t, `\b`+c.size+`\b`, msg, "the message names the size")
			assert.Regexp(t, `\b`+c.limit+`\b`, msg, "and the limit")
			assert.Empty(t, englishOrFrench(msg, c.lang), "the message is in the page's language: %q", msg)
			assert.Equal(t, before, currentView(t, ctx), "the map is unchanged")
			// The Go instance still answers.
			setControl(t, ctx, "metric", "per10k")
			waitViewChange(t, ctx, before, "changing the metric after the refusal")
		})
	}
}

// englishOrFrench returns the other language's words in s.
func englishOrFrench(s, lang string) []string {
	if lang == "en" {
		return frenchOnly.FindAllString(s, -1)
	}
	return englishOnly.FindAllString(s, -1)
}
