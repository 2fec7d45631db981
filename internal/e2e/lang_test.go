//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLanguageSwitch(t *testing.T) {
	ctx := open(t, "")
	assert.Equal(t, "fr", eval[string](t, ctx, `document.documentElement.lang`), "French by default")
	descFR := text(t, ctx, "#description")
	labelFR := text(t, ctx, `label[for="indicator"]`)
	switchLang(t, ctx, "en")
	poll[bool](t, ctx, `document.documentElement.lang === 'en'`, "<html lang=en> after the switch", waitTimeout)
	poll[bool](t, ctx, fmt.Sprintf(`document.getElementById('description').textContent.trim() !== %s`, jsString(descFR)), "#description in English", waitTimeout)
	assert.NotEqual(t, labelFR, text(t, ctx, `label[for="indicator"]`), "control labels are translated")
	assert.Regexp(t, `lang=en`, eval[string](t, ctx, `location.search`))
	switchLang(t, ctx, "fr")
	poll[bool](t, ctx, `document.documentElement.lang === 'fr'`, "<html lang=fr> after switching back", waitTimeout)
	poll[bool](t, ctx, fmt.Sprintf(`document.getElementById('description').textContent.trim() === %s`, jsString(descFR)), "#description back in French", waitTimeout)
}

// switchLang works with #lang as a <select> or as a toggle button.
func switchLang(t *testing.T, ctx context.Context, lang string) {
	t.Helper()
	requireHook(t, ctx, "#lang")
	if eval[string](t, ctx, `document.getElementById('lang').tagName`) == "SELECT" {
		setControl(t, ctx, "lang", lang)
		return
	}
	click(t, ctx, "#lang")
}
