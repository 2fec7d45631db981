// Peer 1: the French State's own map component, <map-chart> of
// @gouvfr/dsfr-chart (full DSFRChart.js bundle), fed {code: value} for the
// latest month of chèques numériques parsed from the same CSV as the app.
import "@gouvfr/dsfr-chart";
import { csvParse } from "d3-dsv";

const ID = "nb-entreprises-cheaque-numerique";

async function main() {
  const text = await fetch("data/detail.csv").then((r) => r.text());
  let latest = "";
  const byDate = new Map();
  for (const r of csvParse(text)) {
    if (r.id_indicateur !== ID) continue;
    let m = byDate.get(r.date);
    if (!m) byDate.set(r.date, (m = {}));
    m[r.code_departement] = +r.valeur;
    if (r.date > latest) latest = r.date;
  }
  const data = byDate.get(latest);
  const total = Object.values(data).reduce((a, b) => a + b, 0);
  const el = document.createElement("map-chart");
  el.setAttribute("data", JSON.stringify(data));
  el.setAttribute("value", String(total));
  el.setAttribute("name", "Chèques numériques au " + latest);
  el.setAttribute("selected-palette", "sequentialAscending");
  document.getElementById("map").appendChild(el);
}
main().catch((e) => { document.body.dataset.error = String(e); console.error(e); });
