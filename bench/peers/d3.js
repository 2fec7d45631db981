// Peer 2: the D3 choropleth a ministry developer would write by hand —
// d3-dsv parses the same CSV as the app, d3-geo projects the same GeoJSON
// (Lambert-93 conic conformal for metropolitan France, one inset per
// overseas department), d3-scale makes 5 quantile classes. It exposes
// window.peer for the harness (recolour and parse timings).
import { csvParse, csvParseRows } from "d3-dsv";
import { geoConicConformal, geoMercator, geoPath } from "d3-geo";
import { scaleQuantile } from "d3-scale";

const ID = "nb-entreprises-cheaque-numerique";
const COLORS = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
const DROM = ["971", "972", "973", "974", "976"];
const W = 800, H = 720, INSET = 110;

function seriesOf(rows) {
  const byDate = new Map();
  for (const r of rows) {
    if (r.id_indicateur !== ID) continue;
    let m = byDate.get(r.date);
    if (!m) byDate.set(r.date, (m = new Map()));
    m.set(r.code_departement, +r.valeur);
  }
  return byDate;
}

async function main() {
  const [text, geo] = await Promise.all([
    fetch("data/detail.csv").then((r) => r.text()),
    fetch("data/departements.geojson").then((r) => r.json()),
  ]);
  const byDate = seriesOf(csvParse(text));
  const dates = [...byDate.keys()].sort();
  const latest = dates[dates.length - 1];

  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const metro = geo.features.filter((f) => !DROM.includes(f.properties.code));
  const lambert93 = geoConicConformal().parallels([44, 49]).rotate([-3, 0]).center([0, 46.5])
    .fitExtent([[INSET + 10, 10], [W - 10, H - 10]], { type: "FeatureCollection", features: metro });
  const paths = new Map();
  for (const f of geo.features) {
    const code = f.properties.code;
    let proj = lambert93;
    const i = DROM.indexOf(code);
    if (i >= 0) {
      const y = 10 + i * (INSET + 20);
      proj = geoMercator().fitExtent([[10, y], [INSET, y + INSET]], f);
    }
    const p = document.createElementNS(NS, "path");
    p.setAttribute("d", geoPath(proj)(f));
    p.setAttribute("data-code", code);
    const t = document.createElementNS(NS, "title");
    t.textContent = f.properties.nom;
    p.appendChild(t);
    svg.appendChild(p);
    paths.set(code, p);
  }
  // Breaks fixed on the latest month, as a policymaker's map would keep them.
  const scale = scaleQuantile().domain([...byDate.get(latest).values()]).range(COLORS);
  function colour(date) {
    const vals = byDate.get(date);
    for (const [code, p] of paths) {
      const v = vals.get(code);
      p.setAttribute("fill", v === undefined ? "#ccc" : scale(v));
    }
    document.getElementById("month").textContent = date;
    const legend = document.getElementById("legend");
    const q = scale.quantiles();
    const lo = [Math.min(...scale.domain()), ...q];
    legend.replaceChildren(...COLORS.map((c, k) => {
      const li = document.createElement("li");
      const sw = document.createElement("span");
      sw.style.background = c;
      li.append(sw, `${Math.round(lo[k])}${k < q.length ? " – " + Math.round(q[k]) : " et plus"}`);
      return li;
    }));
  }
  colour(latest);
  document.getElementById("map").appendChild(svg);

  window.peer = {
    dates,
    // recolour(n) recolours n times over the months and returns ms per recolour.
    recolour(n) {
      const t0 = performance.now();
      for (let k = 0; k < n; k++) colour(dates[k % dates.length]);
      return (performance.now() - t0) / n;
    },
    // parse(buf) decodes, parses and filters a whole published file: ms.
    parse(buf) {
      const t0 = performance.now();
      const rows = csvParse(new TextDecoder().decode(buf));
      let kept = 0;
      for (const r of rows) if (r.id_indicateur === ID || r.id_indicateur === "nb-diagnostics-individualises") kept++;
      const ms = performance.now() - t0;
      window.peer.lastKept = kept;
      return ms;
    },
    // parseRows is the leaner d3-dsv path (arrays, no objects): the
    // harness compares the app with the faster of the two.
    parseRows(buf) {
      const t0 = performance.now();
      const rows = csvParseRows(new TextDecoder().decode(buf));
      let kept = 0;
      for (let i = 1; i < rows.length; i++) {
        const id = rows[i][2];
        if (id === ID || id === "nb-diagnostics-individualises") kept++;
      }
      const ms = performance.now() - t0;
      window.peer.lastKept = kept;
      return ms;
    },
  };
}
main().catch((e) => { document.body.dataset.error = String(e); console.error(e); });
