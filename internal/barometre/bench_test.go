package barometre

import (
	"testing"

	"francenum-map/internal/rowfilter"
)

// BenchmarkParseSelectedFull is what the page does with the full 22.8 MB
// file: filter the rows of the two indicators, parse only those. MB/s are
// of the full file.
func BenchmarkParseSelectedFull(b *testing.B) {
	data := readReal(b, detailFile)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		f, err := ParseSelected(data, twoIDs)
		if err != nil || f.Stats.Kept != 3938 {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseFiltered parses the 3 938 rows of the snapshot (the file
// the page loads by default). MB/s are of the filtered file.
func BenchmarkParseFiltered(b *testing.B) {
	data, _, err := rowfilter.FilterBytes(readReal(b, detailFile), twoIDs)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		f, err := Parse(data)
		if err != nil || f.Stats.Kept != 3938 {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseFull parses every row of the full file (54 indicators).
func BenchmarkParseFull(b *testing.B) {
	data := readReal(b, detailFile)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
