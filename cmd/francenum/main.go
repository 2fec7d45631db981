// Command francenum is the maintainer's tool for the baromètre files:
//
//	francenum check [--json] FILE…        read published CSV files, report rows, indicators, warnings
//	francenum filter -ids a,b IN OUT      keep only the rows of some id_indicateur (byte for byte)
//	francenum snapshot -data DIR -out DIR [-modified DATE] write detail.csv, synthese.csv, national.csv of the two
//	                                      indicators, and every indicator's files with their index (indicators/, indicators.json)
//	francenum data -out DIR               download the baromètre and boundary files (see sources.go)
//	francenum prerender [-page F] [-web DIR] draw the default view into DIR/index.html
//	francenum preview [-web DIR]          the default view's link preview (SVG, texts) into DIR/og/
//
// check exits 0 when every file could be read (with or without warnings),
// 2 when one was refused (structural error or unreadable file), 1 on a
// usage error.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `usage:
  francenum check [--json] FILE…
  francenum filter -ids ID[,ID…] IN OUT      (IN/OUT may be -)
  francenum snapshot -data DIR -out DIR [-modified YYYY-MM-DD]
  francenum data -out DIR [-api URL]
  francenum prerender [-page web/index.html] [-web build/web]
  francenum preview [-web build/web]
`

// Exit statuses.
const (
	exitOK      = 0
	exitUsage   = 1
	exitRefused = 2
)

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "filter":
		return cmdFilter(args[1:], stdout, stderr)
	case "snapshot":
		return cmdSnapshot(args[1:], stdout, stderr)
	case "data":
		return cmdData(args[1:], stdout, stderr)
	case "prerender":
		return cmdPrerender(args[1:], stdout, stderr)
	case "preview":
		return cmdPreview(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "unknown command %q\n%s", args[0], usage)
	return exitUsage
}
