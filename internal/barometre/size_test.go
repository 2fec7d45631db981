package barometre

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allocated returns the bytes parse allocates (TotalAlloc, which counts
// every allocation, freed or not: a bound on the peak heap too).
func allocated(t *testing.T, parse func() (*File, error)) (uint64, *File, error) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f, err := parse()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, f, err
}

// TestBlankLinesAllocation: 10 MB of blank lines after a header made Parse
// reserve room for ten million rows (1 560 946 224 bytes allocated). The
// reservation is now bounded by the bytes a row needs: 10 238 544 bytes,
// about the input's size (asserted below twice that, for slack across Go
// versions).
func TestBlankLinesAllocation(t *testing.T) {
	header := "mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n"
	for _, blank := range []string{"\n", "\r\n", " \n"} {
		data := append([]byte(header), bytes.Repeat([]byte(blank), 10<<20/len(blank))...)
		alloc, f, err := allocated(t, func() (*File, error) { return Parse(data) })
		require.NoError(t, err)
		assert.Equal(t, Stats{}, f.Stats)
		assert.Less(t, alloc, 2*uint64(len(data)), "Parse of %d bytes of %q allocated %d bytes", len(data), blank, alloc)
	}
}

func TestMaxFileSize(t *testing.T) {
	assert.Greater(t, MaxFileSize, 22785224*3/2, "room for the full release (22.8 MB) to grow by half")
	assert.NoError(t, CheckSize(0))
	assert.NoError(t, CheckSize(MaxFileSize))
	err := CheckSize(MaxFileSize + 1)
	var se *StructuralError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, StructuralError{Code: RefuseTooLarge, Values: []string{"40.1", "40"}}, *se)
	assert.Equal(t, "refused: the file is too large: 40.1 MB, the limit is 40 MB", se.Error())

	// Parse and ParseSelected refuse it before reading a byte: a file of
	// spaces that would otherwise be refused as empty.
	big := bytes.Repeat([]byte{' '}, MaxFileSize+1)
	for _, parse := range []func([]byte) (*File, error){Parse, func(b []byte) (*File, error) { return ParseSelected(b, twoIDs) }} {
		alloc, f, err := allocated(t, func() (*File, error) { return parse(big) })
		assert.Nil(t, f)
		require.ErrorAs(t, err, &se)
		assert.Equal(t, RefuseTooLarge, se.Code)
		assert.Less(t, alloc, uint64(4096))
	}
}
