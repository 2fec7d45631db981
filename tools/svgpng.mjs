// svgpng: SVG files to PNG with resvg (@resvg/resvg-js, a devDependency),
// a real SVG renderer, not a browser: `make preview` turns the link
// previews of `francenum preview` into PNGs with it.
//
//	node tools/svgpng.mjs IN.svg OUT.png [IN.svg OUT.png…]
//
// Text is set in DejaVu Sans (Debian's fonts-dejavu-core, which .ci/run
// installs): the SVG asks for Marianne, Arial, sans-serif, and the machine
// may have neither of the first two; a missing font file stops it.
import { Resvg } from "@resvg/resvg-js";
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const FONTS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"];

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  console.error("usage: node tools/svgpng.mjs IN.svg OUT.png [IN.svg OUT.png…]");
  process.exit(1);
}
for (const f of FONTS) {
  if (!existsSync(f)) {
    console.error(`svgpng: font ${f} missing (apt-get install fonts-dejavu-core)`);
    process.exit(2);
  }
}
for (let i = 0; i < args.length; i += 2) {
  const t0 = performance.now();
  const r = new Resvg(readFileSync(args[i]), {
    font: { loadSystemFonts: false, fontFiles: FONTS, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  const img = r.render();
  const png = img.asPng();
  writeFileSync(args[i + 1], png);
  console.log(`svgpng: ${args[i + 1]} ${img.width}×${img.height}, ${png.length} bytes, ${(performance.now() - t0).toFixed(0)} ms`);
}
