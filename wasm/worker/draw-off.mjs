// The drawer of a Worker built without previews (`make worker
// PREVIEWS=off`, copied as draw.mjs): no Go preview wasm, no resvg, no
// fonts, so the bundle stays under the Free plan's 3 MB, whose 10 ms of
// CPU could not draw a picture anyway. Every view then says the site's
// texts over the default view's picture (preview.mjs, page.mjs).
export const drawer = null;
