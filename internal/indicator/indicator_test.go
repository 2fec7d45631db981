package indicator

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
)

func TestLookup(t *testing.T) {
	in, ok := Lookup(Cheques)
	assert.True(t, ok)
	assert.Equal(t, "Chèques numériques", in.Name.In(frfmt.FR))
	assert.Equal(t, "Digital vouchers", in.Name.In(frfmt.EN))
	assert.Equal(t, barometre.NewDate(2021, 7, 31), in.Closed, "the chèque scheme closed on 31 July 2021")
	d, ok := Lookup(Diagnostics)
	assert.True(t, ok)
	assert.Zero(t, d.Closed, "diagnostics are still open")
	_, ok = Lookup("nb-autre")
	assert.False(t, ok)
	assert.Equal(t, []string{Cheques, Diagnostics}, IDs())
	assert.Equal(t, Default, IDs()[0])
	assert.Equal(t, "firms", UnitText(Firms, frfmt.EN))
	assert.Equal(t, "entreprises", UnitText(Firms, frfmt.FR))
}

// Every entry has both languages of every text.
func TestEveryTextTranslated(t *testing.T) {
	for _, in := range All {
		for _, x := range []Text{in.Name, in.Noun, in.Participle} {
			assert.NotEmpty(t, x.FR, in.ID)
			assert.NotEmpty(t, x.EN, in.ID)
		}
	}
}
