package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"francenum-map/internal/app"
	"francenum-map/internal/prerender"
)

// cmdPrerender writes WEB/index.html: the page PAGE with the default view
// drawn in (package prerender), from the files the Worker serves: the
// geometry asset WEB/geo/departements.bin and the snapshot WEB/snapshot/*.csv;
// WEB/app.css goes inline (prerender.InlineStyle), and the page loads
// WEB/app.wasm under its content-hashed name (a copy in WEB/h/, the older
// copies removed).
func cmdPrerender(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("prerender", flag.ContinueOnError)
	fs.SetOutput(stderr)
	page := fs.String("page", "web/index.html", "the page's HTML source")
	web := fs.String("web", "build/web", "the built web folder (geo/, snapshot/); index.html is written there")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	if err := prerenderPage(*page, *web); err != nil {
		fmt.Fprintln(stderr, "prerender:", err)
		return exitRefused
	}
	fmt.Fprintln(stdout, "prerender: wrote", filepath.Join(*web, "index.html"))
	return exitOK
}

func prerenderPage(pagePath, web string) error {
	read := func(rel string) ([]byte, error) { return os.ReadFile(filepath.Join(web, rel)) }
	page, err := os.ReadFile(pagePath)
	if err != nil {
		return err
	}
	a, err := builtApp(web)
	if err != nil {
		return err
	}
	src, err := prerender.StaticSource(page)
	if err != nil {
		return err
	}
	parts, err := prerender.Draw(a, src)
	if err != nil {
		return err
	}
	out, err := prerender.Inline(page, parts)
	if err != nil {
		return err
	}
	css, err := read("app.css")
	if err != nil {
		return err
	}
	if out, err = prerender.InlineStyle(out, css); err != nil {
		return err
	}
	wasm, err := read("app.wasm")
	if err != nil {
		return err
	}
	url := prerender.HashedWasmPath(wasm)
	if err := writeHashed(web, url, wasm); err != nil {
		return err
	}
	if out, err = prerender.SetWasmURL(out, url); err != nil {
		return err
	}
	dst := filepath.Join(web, "index.html")
	if err := os.WriteFile(dst+".tmp", out, 0o644); err != nil {
		return err
	}
	return os.Rename(dst+".tmp", dst)
}

// writeHashed writes wasm at web+url (in prerender.HashedDir) and removes
// the other app.*.wasm there, left by earlier builds.
func writeHashed(web, url string, wasm []byte) error {
	dst := filepath.Join(web, filepath.FromSlash(url))
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, "app.*.wasm"))
	if err != nil {
		return err
	}
	for _, f := range old {
		if f != dst {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	if err := os.WriteFile(dst+".tmp", wasm, 0o644); err != nil {
		return err
	}
	return os.Rename(dst+".tmp", dst)
}

// builtApp is the app on the files the Worker serves from the built web
// folder (the geometry asset and the snapshot), in the default view: what
// the build draws the page and the previews from.
func builtApp(web string) (*app.App, error) {
	var in [4][]byte
	for i, rel := range []string{"geo/departements.bin", "snapshot/detail.csv", "snapshot/synthese.csv", "snapshot/national.csv"} {
		b, err := os.ReadFile(filepath.Join(web, rel))
		if err != nil {
			return nil, err
		}
		in[i] = b
	}
	return app.New(in[0], in[1], in[2], in[3])
}
