//! msl-departures: who left Meta Superintelligence Labs in 2025, as a sourced bilingual WebAssembly widget.
//!
//! Pure modules (`model`, `json`, `markup`, `dataset`, `order`, `filter`, `export`, `i18n`, `url_state`, `pay`, `zh_lint`, `lead`) import neither leptos nor
//! web-sys and are tested natively; `browser` reads the browser; `components` are the views; `mount` starts the
//! widget (taking over the view `bake` rendered at build time, natively; `prerendered` keeps its read-only blocks for
//! the standalone page's wasm, which carries none of the code that writes them); `frame` reports the height inside an iframe; `panic_fallback`
//! turns a panic or a failed allocation into a visible notice; `embed` is the only module exporting to JS (the npm
//! package, behind the `npm` feature so the standalone page does not ship it).
// The standalone page's wasm compiles the read-only blocks' callers without the blocks' code and data (see
// `prerendered`): what only those blocks use is unused there.
#![cfg_attr(baked_page, allow(dead_code, unused_imports, unused_variables))]

#[cfg(not(target_arch = "wasm32"))]
pub mod bake;
pub mod browser;
pub mod components;
#[cfg(test)]
mod css_min;
pub mod dataset;
pub mod export;
#[cfg(feature = "npm")]
pub mod embed;
pub mod filter;
pub mod frame;
pub mod i18n;
#[cfg(not(baked_page))]
pub mod json;
pub mod lead;
pub mod markup;
pub mod model;
pub mod mount;
pub mod order;
pub mod panic_fallback;
pub mod pay;
pub mod prerendered;
#[cfg(not(baked_page))]
pub mod rust_literal;
pub mod state;
pub mod takeover;
pub mod url_state;
pub mod zh_lint;
