// Command headersgen writes the Workers Static Assets `_headers` file with
// the security headers of internal/workerapi, so static files and Go routes
// share one policy. EMBED_ORIGINS comes from -embed, else the environment,
// else the "EMBED_ORIGINS" var of wrangler.jsonc (default "*").
//
//	go run ./cmd/headersgen -o build/web/_headers
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"francenum-map/internal/workerapi"
)

func main() {
	out := flag.String("o", "build/web/_headers", "output file")
	embed := flag.String("embed", "", "EMBED_ORIGINS (default: $EMBED_ORIGINS, else wrangler.jsonc's var)")
	config := flag.String("config", "wrangler.jsonc", "wrangler config to read EMBED_ORIGINS from")
	flag.Parse()
	v := *embed
	if v == "" {
		v = os.Getenv("EMBED_ORIGINS")
	}
	if err := run(*out, v, *config); err != nil {
		fmt.Fprintln(os.Stderr, "headersgen:", err)
		os.Exit(1)
	}
}

// run writes the _headers file for EMBED_ORIGINS v, or for the var of the
// wrangler config when v is empty. An invalid value is an error and no
// file is written: the build stops rather than ship a policy the Worker
// would refuse.
func run(out, v, config string) error {
	if v == "" {
		b, err := os.ReadFile(config)
		if err != nil {
			return err
		}
		vars, err := workerapi.WranglerVars(b)
		if err != nil {
			return fmt.Errorf("%s: %w", config, err)
		}
		v = vars["EMBED_ORIGINS"]
	}
	origins, err := workerapi.ParseOrigins(v)
	if err != nil {
		return fmt.Errorf("EMBED_ORIGINS: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, []byte(workerapi.HeadersFile(origins)), 0o644)
}
