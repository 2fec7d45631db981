package series

import "testing"

// BenchmarkBuild builds the model of the two indicators (3 938 rows, the
// synthese and the national series), as the page does after parsing.
func BenchmarkBuild(b *testing.B) {
	d := parseReal(b, "barometre-resultats-detail-departemental.csv")
	s := parseReal(b, "barometre-resultats-synthese-departemental.csv")
	n := parseReal(b, "barometre-resultats-detail-national.csv")
	b.ResetTimer()
	for b.Loop() {
		if m := Build(d, s, n); len(m.Indicators) != 2 {
			b.Fatal("indicators")
		}
	}
}
