package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"francenum-map/internal/browser"
)

// The request kinds of the Worker load, by report key. "fast path" ones
// are answered by entry.mjs from the store, "Go" ones start the wasm.
var workerKinds = []struct{ key, path string }{
	{"detail.csv (fast path)", "/api/v1/numerisation/detail.csv"},
	{"synthese.csv (fast path)", "/api/v1/numerisation/synthese.csv"},
	{"meta (Go)", "/api/v1/meta"},
	{"healthz (Go)", "/healthz"},
	{"static asset", ""}, // staticAsset's path
	// The build snapshot of detail.csv: a static asset of about the same
	// size as the cached detail.csv (wrk reads every body).
	{"static snapshot/detail.csv", "/snapshot/detail.csv"},
}

// BoundKey is the report key of the bound of the fast path: a trivial JS
// Worker (bench/bound) answering detail.csv's bytes from memory, on a
// wrangler dev of its own started for the same run.
const BoundKey = "detail.csv bound (trivial JS Worker, bytes in memory)"

// MixKey is the report key of the mixed run (detail, synthese, meta,
// static in turn), which must end with 0 errors.
const MixKey = "mix detail+synthese+meta+static"

// workerLoad measures the Worker with data in its store, as deployed: a
// wrangler dev (KV bound by wrangler.jsonc) whose upstream is the fake
// data.gouv.fr serving the mirror, after one Cron Trigger. For each
// connection count in conns, each kind runs alone (wrk for secs), and so
// does the bound (BoundKey); then the mix at c=8 for mixSecs. The CPU per
// request is workerd's own (utime+stime of the workerd processes of
// wrangler's group over the run, divided by the requests). Keys carry the
// connection count unless it is 8 (WorkerKey).
func workerLoad(ctx context.Context, r *Report, root, dataDir string, conns []int, secs, mixSecs int) {
	fake, err := browser.StartFakeDataGouv(dataDir)
	if err != nil {
		r.problem("worker load: fake data.gouv.fr: %v", err)
		return
	}
	defer fake.Close()
	w, err := browser.StartWrangler(ctx, browser.WranglerOptions{Root: root, Low: browser.BenchLow, High: browser.BenchHigh,
		Vars: map[string]string{"DATAGOUV_API": fake.API(), "UPSTREAM_TIMEOUT": "60s", "REFRESH_AFTER": "24h"}})
	if err != nil {
		r.problem("worker load: wrangler: %v", firstLine(err.Error()))
		return
	}
	defer w.Stop()
	if err := fireCron(w.URL); err != nil {
		r.problem("worker load: cron: %v", err)
		return
	}
	for _, k := range workerKinds[:2] {
		if h, err := headOf(w.URL + k.path); err != nil || h.Get("Server-Timing") != "fast-path" {
			r.problem("worker load: %s not answered by the fast path (%v, Server-Timing %q)", k.path, err, h.Get("Server-Timing"))
		}
	}
	indicatorFetch(r, w.URL)
	indicatorSwitch(ctx, r, w.URL)
	static := staticAsset(w.URL)
	bound, err := browser.StartWrangler(ctx, browser.WranglerOptions{Root: root, Low: browser.BenchLow, High: browser.BenchHigh,
		Config: filepath.Join(root, "bench", "bound", "wrangler.jsonc"), Ready: "/app.css"})
	if err != nil {
		r.problem("worker load: bound worker: %v", firstLine(err.Error()))
	} else {
		defer bound.Stop()
	}
	run := func(w *browser.Wrangler, key string, c, s int, url, script string) {
		// Warm up first: workerd's first seconds on a path (isolate start,
		// JIT tiers) ran 3x slower than the next (300 vs 100 req/s).
		if _, err := RunWrkScript(ctx, url, c, 3, script); err != nil {
			r.problem("wrk %s (warm-up): %v", key, err)
			return
		}
		before, err := workerdCPU(w.Pgid())
		if err != nil {
			r.problem("worker load: %v", err)
		}
		l, err := RunWrkScript(ctx, url, c, s, script)
		if err != nil {
			r.problem("wrk %s: %v", key, err)
			return
		}
		if after, err2 := workerdCPU(w.Pgid()); err == nil && err2 == nil && l.Requests > 0 {
			l.CPUPerReqMs = round3(float64((after - before).Milliseconds()) / float64(l.Requests))
		}
		r.Worker[key] = l
	}
	for _, c := range conns {
		for _, k := range workerKinds {
			p := k.path
			if p == "" {
				p = static
			}
			run(w, WorkerKey(k.key, c), c, secs, w.URL+p, "")
		}
		if bound != nil {
			run(bound, WorkerKey(BoundKey, c), c, secs, bound.URL+"/bound/detail.csv", "")
		}
	}
	workerRatios(r, conns)
	script, err := mixScript([]string{workerKinds[0].path, workerKinds[1].path, workerKinds[2].path, static})
	if err != nil {
		r.problem("worker load: %v", err)
		return
	}
	defer os.Remove(script)
	run(w, MixKey, 8, mixSecs, w.URL, script)
	if l, ok := r.Worker[MixKey]; ok && (l.Errors > 0 || l.Non2xx > 0) {
		r.problem("worker load: the mix had %d socket errors and %d non-2xx answers", l.Errors, l.Non2xx)
	}
}

// fireCron runs the Cron Trigger once (wrangler dev's test route).
func fireCron(base string) error {
	c := &http.Client{Timeout: 3 * time.Minute}
	resp, err := c.Get(base + "/cdn-cgi/local/scheduled?cron=17+5+*+*+*")
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("scheduled answered %s", resp.Status)
	}
	return nil
}

func headOf(url string) (http.Header, error) {
	resp, err := http.Get(url)
	if err != nil {
		return http.Header{}, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.Header, nil
}

// mixScript writes a wrk Lua script that requests the paths in turn.
func mixScript(paths []string) (string, error) {
	var b strings.Builder
	b.WriteString("local paths = {")
	for i, p := range paths {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(p))
	}
	b.WriteString("}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n")
	f, err := os.CreateTemp("", "francenum-mix-*.lua")
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = f.WriteString(b.String())
	return f.Name(), err
}

// workerdCPU sums utime+stime of the processes named workerd in process
// group pgid (/proc, Linux).
func workerdCPU(pgid int) (time.Duration, error) {
	dirs, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		return 0, err
	}
	var ticks int64
	found := false
	for _, d := range dirs {
		b, err := os.ReadFile(d)
		if err != nil {
			continue
		}
		s := string(b)
		open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || end < open || s[open+1:end] != "workerd" {
			continue
		}
		f := strings.Fields(s[end+1:])
		// After "(comm)": state ppid pgrp … utime is field 14, stime 15 of stat.
		if len(f) < 13 {
			continue
		}
		if g, _ := strconv.Atoi(f[2]); g != pgid {
			continue
		}
		u, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		ticks += u + st
		found = true
	}
	if !found {
		return 0, fmt.Errorf("no workerd process in group %d", pgid)
	}
	return time.Duration(ticks) * time.Second / 100, nil // USER_HZ = 100 on Linux
}

// runWorkerOnly measures the Worker load alone and writes the report.
func runWorkerOnly(out string, conns []int, wrkSecs, mixSecs int) error {
	root, out, dataDir, err := locate(out)
	if err != nil {
		return err
	}
	r := newReport()
	r.When, r.Machine = time.Now().UTC().Format(time.RFC3339), machine()
	workerLoad(context.Background(), r, root, dataDir, conns, wrkSecs, mixSecs)
	if err := r.Write(out); err != nil {
		return err
	}
	fmt.Print(r.Markdown())
	return nil
}
