// Package boot holds the one inline script of the page and its CSP hash.
//
// The page's HTML carries a map drawn at build time (package prerender) so
// that a visitor sees the default view before the wasm has loaded. A URL with
// a query asks for another view (or embed mode): this script, run before the
// first paint, marks the document so the stylesheet hides the build-time
// parts instead of flashing the wrong map. The Worker's Content-Security-
// Policy allows exactly this script by its hash and no other inline script.
package boot

// Script is the inline script's text, exactly as it appears between
// <script> and </script>. The default view embedded (?embed=1 alone, what
// the embed snippet of the default view gives) keeps the build-time map, in
// the embed layout from the first paint, and so does it with the
// parameters a pym.js Parent appends (viewstate.HostKey: the host's, not
// the view's). Besides these marks, it starts
// compiling app.wasm while the HTML is still being read (web/app.js only starts after the
// parser has finished and both deferred scripts have arrived): the module
// and the response (its headers, for the progress bar) wait in
// window.__fnWasm; app.js falls back to its own fetch if anything failed.
// The wasm's URL is the href of the head's <link id="fn-wasm"> preload (a
// content-hashed name the build writes there), so that this text, and its
// hash in the CSP, stay the same from one build to the next.
// It also defines fnSizeLabels(svg, force), the one rule that keeps the
// inset names readable: their size is in drawing units (~5500 wide, which
// on a 320 px phone is 4 px on screen), so never less than 11 px on screen
// nor smaller than the desktop size; and when a name would not fit in its
// frame at that size (« Guadeloupe » is 67 px in a 44 px frame at 320 px),
// every inset shows its department's code (data-short) instead, all alike.
// It redoes that only when the size or the number of names changed (or
// with force). A ResizeObserver applies it to the build-time map once the
// map has its first layout (before that frame paints) and on each resize,
// and once more with force when parsing ends (the names may come after
// the first layout); web/app.js takes over the map (svg.__ro) and applies
// it on every resize. Without ResizeObserver, each frame applies it until
// the HTML is parsed. Reading the map's size in every frame instead forced
// a layout of the half-parsed page per frame: an observer made the warm
// load's coloured paint 506 -> 410 ms and interactive 843 -> 743 ms
// (medians of 20, static brotli server).
const Script = `var q=location.search.replace(/[?&](initialWidth|childId|parentTitle|parentUrl)=[^&]*/g,"").replace(/^&/,"?"),d=document.documentElement;` +
	`if(/^\?embed=(1|true)$/.test(q))d.classList.add("embed");else if(q){d.classList.add("has-query");fnView()}` +
	`var l=document.getElementById("fn-wasm");` +
	`if(self.WebAssembly&&WebAssembly.compileStreaming)window.__fnWasm=fetch(l?l.getAttribute("href"):"/app.wasm").then(function(r){` +
	`if(!r.ok||(r.headers.get("Content-Type")||"").indexOf("application/wasm")<0)throw Error("app.wasm "+r.status);` +
	`var m=WebAssembly.compileStreaming(r);m.catch(function(){});return{resp:r,mod:m}});` +
	`window.__fnWasm&&window.__fnWasm.catch(function(){});` +
	`function fnSizeLabels(s,e){var v=s.viewBox.baseVal,r=s.getBoundingClientRect(),k=Math.min(r.width/v.width,r.height/v.height);if(!(k>0))return;` +
	`var L=s.querySelectorAll(".frame-label"),z=String(Math.max(Math.round(11*v.width/800),Math.ceil(11/k))),y=z+"/"+L.length;if(y===s.__fz&&!e)return;s.__fz=y;` +
	`var o=1;L.forEach(function(t){t.setAttribute("font-size",z);var n=t.getAttribute("data-name");if(n&&t.textContent!==n)t.textContent=n;` +
	`var b=t.previousElementSibling.getBBox();if(t.getComputedTextLength()>b.width-2*(t.x.baseVal[0].value-b.x))o=0});` +
	`if(!o)L.forEach(function(t){var c=t.getAttribute("data-short");if(c)t.textContent=c})}` +
	`(function f(){var s=document.querySelector("#map svg.prerender"),l=document.readyState=="loading";` +
	`if(s&&self.ResizeObserver){var o=new ResizeObserver(function(){fnSizeLabels(s)});o.observe(s);s.__ro=o;` +
	`if(l)document.addEventListener("readystatechange",function(){fnSizeLabels(s,1)},{once:true});return}` +
	`if(s)fnSizeLabels(s,!l);if(l)requestAnimationFrame(f)})();` +
	viewScript + deadScript

// viewScript reads a URL with a query before the first paint: a view the
// build prepared (France Num's two indicators in each measure at the
// latest month: html's data-pv-keys; lang=fr, pins, embed and that month
// allowed) is named in html[data-pv], and the stylesheet paints it (package
// prerender); any other view keeps the outlines. Either way the controls
// show what the URL asks for as soon as they exist (the map comes after
// them in the page): Go's render sets them again once ready.
const viewScript = `function fnView(){var P=new URLSearchParams(q),o=1,I=P.get("ind")||"` + indCheques + `",M=P.get("metric")||"target",E=P.get("embed");` +
	`P.forEach(function(v,n){if(!/^(ind|metric|embed|dep|date|lang)$/.test(n))o=0});` +
	`if(E=="1"||E=="true")d.classList.add("embed");` +
	`if((P.get("lang")||"fr")!="fr"||(P.has("date")&&P.get("date")!=d.getAttribute("data-latest")))o=0;` +
	`var k=({"` + indCheques + `":"c","` + indDiagnostics + `":"d"})[I]+"-"+M;` +
	`if(o&&(" "+(d.getAttribute("data-pv-keys")||"")+" ").indexOf(" "+k+" ")>=0)d.setAttribute("data-pv",k);` +
	`(function c(){var x=document.getElementById("quality");if(!x){if(document.readyState=="loading")requestAnimationFrame(c);return}` +
	`[["indicator","ind"],["metric","metric"],["scheme","scheme"],["classes","classes"]].forEach(function(a){var e=document.getElementById(a[0]),v=P.get(a[1]);` +
	`if(e&&v!=null&&[].some.call(e.options,function(t){return t.value==v}))e.value=v});` +
	`var g=P.get("quality");if(g!=null)x.checked=g=="1"||g=="true"})()}`

// The two indicators the build prepares views of (indicator.Cheques and
// indicator.Diagnostics; a test checks).
const (
	indCheques     = "nb-entreprises-cheaque-numerique"
	indDiagnostics = "nb-diagnostics-individualises"
)

// deadScript says so when web/app.js never ran (blocked, or an offline
// revisit whose HTML came from the browser's cache): the build-time map
// would look alive forever, data-state stuck at loading. app.js defines
// window.francenumApp as its first statement, so once the parser is done
// (deferred scripts run before DOMContentLoaded) or its script element
// failed to load, or after a deadline if the page never finishes, the
// absence of francenumApp means it will not run: the page shows the alert
// and « Réessayer » (a reload) a failed wasm shows, and data-state=error.
// Its few words are uitext's loadError and retry (a test checks), in the
// URL's language, since Go's table cannot be read before Go.
const deadScript = `(function(){var D=0,en=/[?&]lang=en(&|$)/.test(location.search);` +
	`function dead(){if(D||window.francenumApp)return;var a=document.getElementById("alerts");if(!a)return;D=1;d.dataset.state="error";` +
	`var b=document.createElement("div"),p=document.createElement("span"),r=document.createElement("button");b.setAttribute("role","alert");` +
	`p.textContent=(en?"` + deadFailedEN + `: ":"` + deadFailedFR + `\u00a0: ")+"app.js";r.type="button";r.className="btn-primary";` +
	`r.textContent=en?"` + deadRetryEN + `":"` + deadRetryFR + `";r.onclick=function(){location.reload()};b.append(p,r);a.append(b)}` +
	`addEventListener("error",function(e){var t=e.target;if(t&&t.tagName=="SCRIPT"&&/\/app\.js/.test(t.src))document.readyState=="loading"?document.addEventListener("DOMContentLoaded",dead):dead()},true);` +
	`document.addEventListener("DOMContentLoaded",function(){setTimeout(dead,0)});setTimeout(dead,30000)})()`

// The words of deadScript, as uitext has them (loadError, retry).
const (
	deadFailedFR = "Le chargement a échoué"
	deadFailedEN = "Loading failed"
	deadRetryFR  = "Réessayer"
	deadRetryEN  = "Retry"
)

// Style hides the build-time parts when the script marked the document, and
// draws the build-time map like the live one (without its interactions).
const Style = `.pv{display:none}html.has-query .pd,html.has-query:not([data-pv]) .pre:not(.prerender){display:none}` +
	`html.has-query:not([data-pv]) .prerender path[data-code]{fill:#eceef6;stroke:#9a9a9a}` +
	`.prerender path{stroke:#fff;stroke-width:1.2;vector-effect:non-scaling-stroke}`

// ScriptHash is the CSP source expression of Script: 'sha256-' followed by
// the base64 SHA-256 of its UTF-8 bytes. A test recomputes it.
const ScriptHash = `'sha256-lAFP0mcHo/fKOsV7HBFzZiG3HcM3635A8y3N4cqsOoM='`
