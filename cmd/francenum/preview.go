package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"francenum-map/internal/preview"
)

// cmdPreview writes the default view's link preview into WEB/og/: for
// each language, default-LANG.svg (preview.SVG, which `make preview`
// turns into default-LANG.png with resvg) and its texts in meta.json
// ({"fr": preview.Meta, "en": …}), from the files the Worker serves (the
// geometry asset and the snapshot), as prerender draws the page.
func cmdPreview(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	fs.SetOutput(stderr)
	web := fs.String("web", "build/web", "the built web folder (geo/, snapshot/); og/ is written there")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	if err := writePreviews(*web); err != nil {
		fmt.Fprintln(stderr, "preview:", err)
		return exitRefused
	}
	fmt.Fprintln(stdout, "preview: wrote", filepath.Join(*web, "og"))
	return exitOK
}

func writePreviews(web string) error {
	a, err := builtApp(web)
	if err != nil {
		return err
	}
	dir := filepath.Join(web, "og")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	meta := map[string]preview.Meta{}
	for _, lang := range []string{"fr", "en"} {
		// The default view in each language (lang=fr is the default),
		// drawn as the Worker draws every other view (preview.Of).
		v, err := preview.Of(a, "lang="+lang, true)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "default-"+lang+".svg"), []byte(v.SVG), 0o644); err != nil {
			return err
		}
		meta[lang] = v.Meta
	}
	b, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "meta.json"), append(b, '\n'), 0o644)
}
