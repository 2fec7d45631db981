package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"francenum-map/internal/barometre"
	"francenum-map/internal/rowfilter"
)

func cmdFilter(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("filter", flag.ContinueOnError)
	fs.SetOutput(stderr)
	idList := fs.String("ids", "", "comma-separated id_indicateur values to keep")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *idList == "" || fs.NArg() != 2 {
		fmt.Fprint(stderr, "filter: need -ids and IN OUT\n"+usage)
		return exitUsage
	}
	var ids []string
	for _, id := range strings.Split(*idList, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	st, err := filterFile(fs.Arg(0), fs.Arg(1), ids, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "filter: %v\n", err)
		return exitRefused
	}
	fmt.Fprintf(stderr, "filter: %d of %d rows kept, %d bytes written\n", st.Kept, st.Rows, st.Out)
	return exitOK
}

// filterFile streams in → out ("-" for stdin/stdout). The output is written
// to a temporary file renamed at the end, so a failure leaves no half file.
func filterFile(in, out string, ids []string, stdout io.Writer) (rowfilter.Stats, error) {
	var src io.Reader = os.Stdin
	if in != "-" {
		f, err := os.Open(in)
		if err != nil {
			return rowfilter.Stats{}, err
		}
		defer f.Close()
		src = f
	}
	if out == "-" {
		w := bufio.NewWriter(stdout)
		st, err := rowfilter.Filter(w, src, ids)
		if err == nil {
			err = w.Flush()
		}
		return st, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".filter-*")
	if err != nil {
		return rowfilter.Stats{}, err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 256<<10)
	st, err := rowfilter.Filter(w, src, ids)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return st, err
	}
	return st, os.Rename(tmp.Name(), out)
}

// snapshotFiles maps the output names of `snapshot` to the published files.
var snapshotFiles = []struct{ out, in string }{
	{"detail.csv", "barometre-resultats-detail-departemental.csv"},
	{"synthese.csv", "barometre-resultats-synthese-departemental.csv"},
	{"national.csv", "barometre-resultats-detail-national.csv"},
}

func cmdSnapshot(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("snapshot", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "data directory holding barometre/")
	out := fs.String("out", "", "output directory")
	modified := fs.String("modified", "", "publisher's date of the files (YYYY-MM-DD), for the index")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	var lm time.Time
	if *modified != "" {
		t, err := time.Parse("2006-01-02", *modified)
		if err != nil {
			fmt.Fprintf(stderr, "snapshot: -modified %q is not a YYYY-MM-DD date\n", *modified)
			return exitUsage
		}
		lm = t
	}
	if *data == "" || *out == "" || fs.NArg() != 0 {
		fmt.Fprint(stderr, "snapshot: need -data DIR -out DIR\n"+usage)
		return exitUsage
	}
	if err := snapshot(*data, *out, stdout); err != nil {
		fmt.Fprintf(stderr, "snapshot: %v\n", err)
		return exitRefused
	}
	if err := snapshotIndicators(*data, *out, lm, stdout); err != nil {
		fmt.Fprintf(stderr, "snapshot: %v\n", err)
		return exitRefused
	}
	return exitOK
}

// snapshot filters the three files to the two indicators and checks that
// each result reads without any rejected row and holds both indicators.
func snapshot(dataDir, outDir string, log io.Writer) error {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	for _, sf := range snapshotFiles {
		in := filepath.Join(dataDir, "barometre", sf.in)
		out := filepath.Join(outDir, sf.out)
		st, err := filterFile(in, out, Indicators, log)
		if err != nil {
			return fmt.Errorf("%s: %w", in, err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			return err
		}
		f, err := barometre.Parse(b)
		if err != nil {
			return fmt.Errorf("%s: %w", out, err)
		}
		if f.Stats.Rejected > 0 {
			return fmt.Errorf("%s: %d rows rejected, first: %s", out, f.Stats.Rejected, f.Warnings[0])
		}
		seen := map[string]bool{}
		for _, o := range f.Observations {
			seen[o.Indicator] = true
		}
		for _, t := range f.Targets {
			seen[t.Indicator] = true
		}
		for _, id := range Indicators {
			if !seen[id] {
				return errors.New(out + ": no row of " + id)
			}
		}
		fmt.Fprintf(log, "snapshot: %s: %d of %d rows (%d bytes)\n", out, st.Kept, st.Rows, st.Out)
	}
	return nil
}
