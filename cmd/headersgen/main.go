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
	if v == "" {
		b, err := os.ReadFile(*config)
		if err != nil {
			fmt.Fprintln(os.Stderr, "headersgen:", err)
			os.Exit(1)
		}
		vars, err := workerapi.WranglerVars(b)
		if err != nil {
			fmt.Fprintln(os.Stderr, "headersgen: "+*config+":", err)
			os.Exit(1)
		}
		v = vars["EMBED_ORIGINS"]
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "headersgen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, []byte(workerapi.HeadersFile(workerapi.ParseOrigins(v))), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "headersgen:", err)
		os.Exit(1)
	}
}
