// CPU time of the Worker's link previews, measured under Node (V8, the
// engine workerd runs) with the very binaries the Worker bundles: the Go
// preview wasm (build/worker/preview.wasm, started with Go's
// wasm_exec.js), resvg 2.6.2 (@cf-wasm/resvg, the same resvg.wasm) and
// the bundled fonts, on the build's snapshot and geometry. wrangler dev
// reports no CPU time per request; this does, per step:
//
//	node wasm/worker/preview.bench.mjs [RUNS]     (after make build)
//
// start: instantiate the wasm and run Go's main; app: the first view of
// a data version (app.New parses the geometry and the three files, then
// the view's texts: what a page's first miss costs); view: another
// view's texts and SVG on the app kept; resvg: its PNG. Medians of RUNS
// (default 15) and the process's CPU time (user+system), in ms.
import { readFileSync } from "node:fs";
import { cpuUsage } from "node:process";
import { Resvg } from "@cf-wasm/resvg/node";

const root = new URL("../../", import.meta.url);
const read = (p) => new Uint8Array(readFileSync(new URL(p, root)));
await import(new URL("build/worker/wasm_exec.js", root));
const mod = new WebAssembly.Module(read("build/worker/preview.wasm"));
const fonts = [read("build/worker/dejavu-sans.bin"), read("build/worker/dejavu-sans-bold.bin")];
const files = { geo: read("build/web/geo/departements.bin"), detail: read("build/web/snapshot/detail.csv"), synthese: read("build/web/snapshot/synthese.csv"), national: read("build/web/snapshot/national.csv") };
const VIEWS = ["ind=nb-diagnostics-individualises&metric=per10k", "metric=count&date=2022-03&dep=75,13&lang=en", "metric=share&date=2022-06", "metric=new&lang=en", "date=2021-12&scheme=jenks&classes=7"];
const runs = Number(process.argv[2] || 15);
await Resvg.async("<svg xmlns='http://www.w3.org/2000/svg'/>"); // resvg's wasm ready (once per isolate)

function cpu(f) {
  const c = cpuUsage();
  const out = f();
  const d = cpuUsage(c);
  return [out, (d.user + d.system) / 1000];
}

const t = { start: [], app: [], view: [], resvg: [], png: [] };
for (let i = 0; i < runs; i++) {
  const go = new globalThis.Go();
  cpu(() => null);
  t.start.push(cpu(() => go.run(new WebAssembly.Instance(mod, go.importObject)))[1]);
  const version = "bench " + i;
  const [first, a] = cpu(() => JSON.parse(globalThis.francenumPreview(files, version, VIEWS[0], false)));
  if (first.error) throw new Error(first.error);
  t.app.push(a);
  const q = VIEWS[1 + (i % (VIEWS.length - 1))];
  const [v, b] = cpu(() => JSON.parse(globalThis.francenumPreview(files, version, q, true)));
  if (v.error) throw new Error(q + ": " + v.error);
  t.view.push(b);
  const [png, c] = cpu(() => {
    // Parsing the SVG and the fonts, drawing, encoding: all of draw.mjs's png.
    const r = new Resvg(v.svg, { font: { fontBuffers: fonts, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" }, background: "#ffffff" });
    const img = r.render();
    const p = img.asPng();
    img.free();
    r.free();
    return p;
  });
  t.resvg.push(c);
  t.png.push(png.byteLength / 1000);
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const [k, xs] of Object.entries(t)) console.log(k.padEnd(6), "median", median(xs).toFixed(1), k === "png" ? "KB" : "ms", " min", Math.min(...xs).toFixed(1), " max", Math.max(...xs).toFixed(1));
