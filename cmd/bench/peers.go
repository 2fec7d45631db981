package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"francenum-map/internal/browser"
	"francenum-map/internal/indicator"
)

func download(url, dst string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// buildPeers bundles bench/peers/*.js with esbuild into dir and copies the
// HTML, the DSFR Chart CSS and the department GeoJSON next to them.
func buildPeers(root, dataDir, dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		return err
	}
	for _, name := range []string{"d3", "dsfr"} {
		cmd := exec.Command(filepath.Join(root, "node_modules", ".bin", "esbuild"), filepath.Join(root, "bench", "peers", name+".js"),
			"--bundle", "--minify", "--format=esm", "--log-level=warning", "--outfile="+filepath.Join(dir, name+".js"))
		cmd.Dir = root
		cmd.Env = browser.NodeEnv(root)
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("esbuild %s: %w: %s", name, err, b)
		}
	}
	copies := map[string]string{
		filepath.Join(root, "bench", "peers", "d3.html"):                                                   filepath.Join(dir, "d3.html"),
		filepath.Join(root, "bench", "peers", "dsfr.html"):                                                 filepath.Join(dir, "dsfr.html"),
		filepath.Join(root, "node_modules", "@gouvfr", "dsfr-chart", "dist", "DSFRChart", "DSFRChart.css"): filepath.Join(dir, "DSFRChart.css"),
		filepath.Join(dataDir, "geo", "departements-1000m.geojson"):                                        filepath.Join(dir, "data", "departements.geojson"),
	}
	for src, dst := range copies {
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// filteredDetail writes the two indicators' rows of the mirror's detail
// file (the snapshot when the build made one) for the peers.
func filteredDetail(root, dataDir, dst string) error {
	if b, err := os.ReadFile(filepath.Join(root, "build", "web", "snapshot", "detail.csv")); err == nil {
		return os.WriteFile(dst, b, 0o644)
	}
	in, err := os.Open(filepath.Join(dataDir, "barometre", "barometre-resultats-detail-departemental.csv"))
	if err != nil {
		return err
	}
	defer in.Close()
	rd := csv.NewReader(in)
	var buf strings.Builder
	wr := csv.NewWriter(&buf)
	for i := 0; ; i++ {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if i == 0 || len(rec) > 2 && (rec[2] == indicator.Cheques || rec[2] == indicator.Diagnostics) {
			if err := wr.Write(rec); err != nil {
				return err
			}
		}
	}
	wr.Flush()
	return os.WriteFile(dst, []byte(buf.String()), 0o644)
}
