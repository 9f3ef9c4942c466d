//! msl-departures: who left Meta Superintelligence Labs in 2025, as a sourced bilingual WebAssembly widget.
//!
//! Pure modules (`model`, `dataset`, `filter`, `export`, `i18n`, `url_state`, `pay`) import neither leptos nor web-sys and are tested
//! natively; `browser` reads the browser; `components` are the views; `mount` starts the widget.

pub mod browser;
pub mod components;
pub mod dataset;
pub mod export;
pub mod filter;
pub mod i18n;
pub mod model;
pub mod mount;
pub mod pay;
pub mod state;
pub mod url_state;
