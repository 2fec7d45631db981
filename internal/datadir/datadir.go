// Package datadir finds the open-data mirror used by tests, benchmarks and
// build tools: $DATA_DIR when set, else ../shared/data beside the repository
// root, else the download cache that `make data` fills (.cache/data).
//
// Tests that need real data call MustFind: a missing mirror fails the test
// (it is never skipped), so CI cannot silently lose its real-data checks.
package datadir

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Find returns the data directory, which holds barometre/ and geo/.
func Find() (string, error) {
	if d := os.Getenv("DATA_DIR"); d != "" {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			return "", errors.New("DATA_DIR=" + d + " is not a directory")
		}
		return filepath.Abs(d)
	}
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	for _, c := range []string{filepath.Join(root, "..", "shared", "data"), filepath.Join(root, ".cache", "data")} {
		if st, err := os.Stat(filepath.Join(c, "barometre")); err == nil && st.IsDir() {
			return filepath.Abs(c)
		}
	}
	return "", errors.New("no open-data mirror: set DATA_DIR, put it at ../shared/data, or run `make data`")
}

// RepoRoot walks up from the working directory to the folder holding go.mod.
func RepoRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		p := filepath.Dir(d)
		if p == d {
			return "", errors.New("go.mod not found above the working directory")
		}
		d = p
	}
}

// MustFind returns the path of a file inside the data directory (for example
// "barometre/barometre-resultats-detail-departemental.csv") or fails t.
func MustFind(t testing.TB, rel string) string {
	t.Helper()
	d, err := Find()
	if err != nil {
		t.Fatalf("real data needed: %v", err)
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("real data needed: %v", err)
	}
	return p
}
