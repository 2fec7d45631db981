// The drawer of link previews (preview.mjs takes it as `drawer`): Go's
// texts and SVG of a view (wasm/preview, one instance per isolate, kept
// with the app it built) and resvg's PNG of the SVG (@cf-wasm/resvg, the
// resvg 2.6.2 that @resvg/resvg-js runs at build time for the default
// view). `make worker` copies it into build/worker with preview.wasm, the
// fonts and build-id.mjs; wrangler bundles @cf-wasm/resvg from
// node_modules.
//
// Fonts: a Worker has no system fonts, and resvg draws no text without
// one. The SVG asks for Marianne, Arial, sans-serif; the build copies
// Debian's DejaVu Sans and DejaVu Sans Bold (fonts-dejavu-core, the fonts
// the build-time pictures use; Bitstream Vera's licence allows
// redistributing them unmodified, and each file carries its notice) into
// the bundle as data modules (1.47 MB, 0.74 MB gzip), and resvg is given
// them as its only fonts, DejaVu Sans standing for sans-serif.
import "./wasm_exec.js";
import previewWasm from "./preview.wasm";
import fontRegular from "./dejavu-sans.bin";
import fontBold from "./dejavu-sans-bold.bin";
import { BUILD_ID } from "./build-id.mjs";
import { Resvg } from "@cf-wasm/resvg";

let go = null;

// view calls Go's francenumPreview (wasm/preview): the parsed answer,
// { query, meta, svg } or { error, query_error, notices }.
function view(files, version, q, svg) {
  if (go === null || go.exited) {
    go = new globalThis.Go();
    const inst = new WebAssembly.Instance(previewWasm, go.importObject);
    go.run(inst); // main registers francenumPreview, then waits for calls
  }
  return JSON.parse(globalThis.francenumPreview(files, version, q, svg));
}

const fonts = [new Uint8Array(fontRegular), new Uint8Array(fontBold)];

// png rasterises a 1200×630 SVG document on white.
async function png(svg) {
  const r = await Resvg.async(svg, {
    font: { fontBuffers: fonts, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  try {
    const img = r.render();
    try {
      return img.asPng();
    } finally {
      img.free();
    }
  } finally {
    r.free();
  }
}

export const drawer = { build: BUILD_ID, view, png };
