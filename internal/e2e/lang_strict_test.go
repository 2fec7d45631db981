//go:build e2e

package e2e

import (
	"context"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Words of one language that the page in the other must never show. Place
// names, the source's name (« Baromètre des résultats de l'action
// publique ») and « Licence Ouverte » are proper names: they are not here.
var (
	frenchOnly = regexp.MustCompile(`(?i)\b(ligne|lignes|colonne|refusé|tronqué|dép\.|indicateur\(s\)|paramètre|ignoré|mois|fichier|données|doublon|illisible|absents|pas un|carte|numériques|par|d.après)(\P{L}|$)`)
	// English words never written in French text (« Embed » of the
	// bilingual « Intégrer / Embed » button is left out).
	englishOnly = regexp.MustCompile(`(?i)\b(line|lines|column|refused|truncated|file|files|months?|ignored|parameter|duplicate|value|unparseable|not a|the|indicators?|rows?)\b`)
)

// visibleTextJS gathers what a reader sees or hears of the page in its
// language: its rendered text (a select's options too), the tab's title,
// the meta description, tooltips (title attributes) and placeholders.
// Text marked as another language (lang="fr" on the publisher's indicator
// and policy names, lang="en" on the « English » button) is read by
// screen readers in that language: it is left out.
const visibleTextJS = `(() => {
  const page = document.documentElement.lang, out = [document.title, (document.querySelector('meta[name=description]') || {}).content || ''];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const e = n.parentElement;
    if (!e || e.closest('script, style, template, [hidden]')) continue;
    if (!e.closest('select') && !e.getClientRects().length) continue;
    if ((e.closest('[lang]') || document.documentElement).lang !== page) continue;
    out.push(n.data);
  }
  for (const e of document.querySelectorAll('[title]')) if (e.getClientRects().length || e.id === 'month-strip') out.push(e.getAttribute('title'));
  for (const e of document.querySelectorAll('[placeholder]')) out.push(e.getAttribute('placeholder'));
  return out.join('\n');
})()`

// wrongWords returns the other language's words found in the page.
func wrongWords(t *testing.T, ctx context.Context, lang string) []string {
	t.Helper()
	s := eval[string](t, ctx, visibleTextJS)
	re := englishOnly
	if lang == "en" {
		re = frenchOnly
	}
	return re.FindAllString(s, -1)
}

func TestNoWordOfTheOtherLanguage(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			other := map[string]string{"fr": "en", "en": "fr"}[lang]
			// A bad URL parameter gives a notice.
			ctx := open(t, "lang="+lang+"&metric=bogus")
			poll[bool](t, ctx, `!document.getElementById('notices').hidden`, "the URL notice", waitTimeout)
			assert.Empty(t, wrongWords(t, ctx, lang), "%s page with a URL notice", lang)

			// A file with bad rows only (warnings), then an HTML page (refusal).
			dropFile(t, ctx, "mauvais.csv", []byte(badDetail))
			poll[bool](t, ctx, `document.querySelectorAll('#file-report li').length > 0`, "the warnings", waitTimeout)
			assert.Empty(t, wrongWords(t, ctx, lang), "%s page after a file with bad rows", lang)
			dropFile(t, ctx, "page.csv", []byte("<!DOCTYPE html><html><body>nope</body></html>\n"))
			poll[bool](t, ctx, `!!document.querySelector('#file-report [role=alert]') && !document.querySelector('#file-report li')`, "the refusal", waitTimeout)
			assert.Empty(t, wrongWords(t, ctx, lang), "%s page after a refused file", lang)

			// The other language, with the notice and the report still shown.
			switchLang(t, ctx, other)
			poll[bool](t, ctx, `document.documentElement.lang === '`+other+`'`, "the switch", waitTimeout)
			poll[bool](t, ctx, `!document.getElementById('notices').hidden && !!document.querySelector('#file-report [role=alert]')`, "the notice and refusal still shown", waitTimeout)
			nextFrames(t, ctx)
			assert.Empty(t, wrongWords(t, ctx, other), "%s page switched from %s", other, lang)
		})
	}
}
