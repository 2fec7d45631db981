package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"francenum-map/internal/workerapi"
)

// snapshotIndicators writes, under outDir, every indicator's files
// (indicators/{id}.csv, indicators/{id}/synthese.csv and national.csv) and
// the index indicators.json, split and checked by the Worker's own code
// (workerapi.BuildSnapshot), so that the offline fallback answers the
// /api/v1/indicators routes exactly as a refresh would.
func snapshotIndicators(dataDir, outDir string, lm time.Time, log io.Writer) error {
	files := map[string][]byte{}
	for _, sf := range snapshotFiles {
		b, err := os.ReadFile(filepath.Join(dataDir, "barometre", sf.in))
		if err != nil {
			return err
		}
		files[strings.TrimSuffix(sf.out, ".csv")] = b
	}
	snap, err := workerapi.BuildSnapshot(files, lm)
	if err != nil {
		return err
	}
	for name, set := range snap.Sets {
		for id, why := range set.Refused {
			return fmt.Errorf("%s: indicator %s refused: %s", name, id, why)
		}
	}
	// Start afresh: an indicator of an earlier build must not linger.
	if err := os.RemoveAll(filepath.Join(outDir, "indicators")); err != nil {
		return err
	}
	paths := make([]string, 0, len(snap.Assets))
	total := 0
	for p, b := range snap.Assets {
		paths = append(paths, p)
		total += len(b)
	}
	sort.Strings(paths)
	for _, p := range paths {
		out := filepath.Join(outDir, filepath.FromSlash(strings.TrimPrefix(p, "/snapshot/")))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(out, snap.Assets[p], 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(log, "snapshot: %d indicators (detail), %d synthese, %d national: %d files, %d bytes\n",
		len(snap.Sets["detail"].Parts), len(snap.Sets["synthese"].Parts), len(snap.Sets["national"].Parts), len(paths), total)
	return nil
}
