package main

import (
	"bufio"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Load is one wrk run against one URL.
type Load struct {
	URL        string  `json:"url"`
	ReqPerSec  float64 `json:"req_per_sec"`
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	Requests   int64   `json:"requests"`
	Errors     int64   `json:"errors"`
	Non2xx     int64   `json:"non_2xx"`
	Connection int     `json:"connections"`
	Seconds    int     `json:"seconds"`
	// CPUPerReqMs is workerd's CPU time over the run per request (0 when
	// not measured).
	CPUPerReqMs float64 `json:"cpu_ms_per_req,omitempty"`
}

// RunWrk runs `wrk -t2 -cC -dDs --latency url` and parses its report.
func RunWrk(ctx context.Context, url string, conns, seconds int) (Load, error) {
	return RunWrkScript(ctx, url, conns, seconds, "")
}

// RunWrkScript is RunWrk with a Lua script (-s) when script is not empty.
func RunWrkScript(ctx context.Context, url string, conns, seconds int, script string) (Load, error) {
	threads := 2
	if conns < threads {
		threads = conns
	}
	cctx, cancel := context.WithTimeout(ctx, time.Duration(seconds+30)*time.Second)
	defer cancel()
	// A 10 s timeout (wrk's default is 2 s): on a shared machine a slow
	// answer is a latency, reported in p99, not a socket error.
	args := []string{"-t" + strconv.Itoa(threads), "-c" + strconv.Itoa(conns), "-d" + strconv.Itoa(seconds) + "s",
		"--timeout", "10s", "--latency"}
	if script != "" {
		args = append(args, "-s", script)
	}
	out, err := exec.CommandContext(cctx, "wrk", append(args, url)...).CombinedOutput()
	if err != nil {
		return Load{}, fmt.Errorf("wrk %s: %w: %s", url, err, out)
	}
	l, err := ParseWrk(string(out))
	l.URL, l.Connection, l.Seconds = url, conns, seconds
	return l, err
}

// ParseWrk reads Requests/sec, the 50% and 99% latencies, the request count
// and the error lines of wrk's --latency output.
func ParseWrk(out string) (Load, error) {
	var l Load
	var haveRPS, have50, have99 bool
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) >= 2 && f[0] == "Requests/sec:":
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return l, fmt.Errorf("wrk: requests/sec %q: %w", f[1], err)
			}
			l.ReqPerSec, haveRPS = v, true
		case len(f) == 2 && f[0] == "50%":
			v, err := parseDuration(f[1])
			if err != nil {
				return l, err
			}
			l.P50ms, have50 = v, true
		case len(f) == 2 && f[0] == "99%":
			v, err := parseDuration(f[1])
			if err != nil {
				return l, err
			}
			l.P99ms, have99 = v, true
		case len(f) >= 4 && f[1] == "requests" && f[2] == "in":
			l.Requests, _ = strconv.ParseInt(f[0], 10, 64)
		case len(f) >= 2 && f[0] == "Socket" && f[1] == "errors:":
			// Socket errors: connect 0, read 0, write 0, timeout 0
			for i := 2; i+1 < len(f); i += 2 {
				n, _ := strconv.ParseInt(strings.TrimSuffix(f[i+1], ","), 10, 64)
				l.Errors += n
			}
		case len(f) >= 5 && f[0] == "Non-2xx":
			l.Non2xx, _ = strconv.ParseInt(f[len(f)-1], 10, 64)
		}
	}
	if !haveRPS || !have50 || !have99 {
		return l, fmt.Errorf("wrk: report lacks Requests/sec or latency distribution:\n%s", out)
	}
	return l, nil
}

// parseDuration reads wrk's "512.00us", "1.20ms", "2.00s" as milliseconds.
func parseDuration(s string) (float64, error) {
	units := []struct {
		suffix string
		ms     float64
	}{{"us", 1e-3}, {"ms", 1}, {"m", 60000}, {"s", 1000}}
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			v, err := strconv.ParseFloat(strings.TrimSuffix(s, u.suffix), 64)
			if err != nil {
				return 0, fmt.Errorf("wrk: duration %q: %w", s, err)
			}
			return round3(v * u.ms), nil
		}
	}
	return 0, fmt.Errorf("wrk: duration %q has no known unit", s)
}
