package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// monthJS steps #month through its range n times, each time waiting for the
// app's francenum:rendered event, after a warm-up of w steps. It returns
// the app's own render time (detail.ms) and the in-page wall time from the
// input event to the rendered event.
const monthJS = `(async (n, w) => {
  const m = document.getElementById('month');
  if (!m) throw new Error('#month missing');
  const min = +m.min || 0, max = +m.max, step = +m.step || 1;
  if (!(max > min)) throw new Error('#month has no range: min=' + m.min + ' max=' + m.max);
  const vals = [];
  for (let v = min; v <= max; v += step) vals.push(v);
  const render = [], wall = [];
  for (let i = 0; i < n + w; i++) {
    const v = vals[i % vals.length] === +m.value ? vals[(i + 1) % vals.length] : vals[i % vals.length];
    const got = new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error('no francenum:rendered within 3 s after input on #month')), 3000);
      document.addEventListener('francenum:rendered', (e) => { clearTimeout(t); res(e.detail || {}); }, { once: true });
    });
    const t0 = performance.now();
    m.value = String(v);
    m.dispatchEvent(new Event('input', { bubbles: true }));
    const d = await got;
    const dt = performance.now() - t0;
    if (i >= w) { render.push(typeof d.ms === 'number' ? d.ms : NaN); wall.push(dt); }
  }
  return { render, wall };
})`

// playJS presses #play, collects francenum:rendered events for up to ms
// milliseconds (or 40 events), then pauses.
const playJS = `(async (ms) => {
  const play = document.getElementById('play');
  if (!play) throw new Error('#play missing');
  const m = document.getElementById('month');
  m.value = m.min; m.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 100));
  const render = [], at = [];
  const on = (e) => { render.push((e.detail || {}).ms); at.push(performance.now()); };
  document.addEventListener('francenum:rendered', on);
  play.click();
  const t0 = performance.now();
  while (performance.now() - t0 < ms && render.length < 40) await new Promise((r) => setTimeout(r, 20));
  document.removeEventListener('francenum:rendered', on);
  play.click();
  const interval = [];
  for (let i = 1; i < at.length; i++) interval.push(at[i] - at[i - 1]);
  return { render, interval };
})`

type monthResult struct {
	Render []float64 `json:"render"`
	Wall   []float64 `json:"wall"`
}

type playResult struct {
	Render   []float64 `json:"render"`
	Interval []float64 `json:"interval"`
}

// evalAwait evaluates an async expression with a timeout.
func evalAwait[T any](ctx context.Context, expr string, timeout time.Duration) (T, error) {
	tctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return chromedp.Run(tctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// parseJS fetches the full published file once, then times fn(buf) n times
// after one warm-up and returns the ms of each call. fn may return a number
// or a Promise of a number (or of {ms}).
func parseJS(fileURL, fn string, n int) string {
	return fmt.Sprintf(`(async () => {
  const buf = await (await fetch(%q)).arrayBuffer();
  const call = async () => { let r = await (%s)(buf); if (r && typeof r === 'object') r = r.ms; return +r; };
  await call();
  const out = [];
  for (let i = 0; i < %d; i++) out.push(await call());
  return { bytes: buf.byteLength, ms: out };
})()`, fileURL, fn, n)
}

type parseResult struct {
	Bytes int64     `json:"bytes"`
	Ms    []float64 `json:"ms"`
}
