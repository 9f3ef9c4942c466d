//! The npm package's build root (wasm-pack, `make pkg`): re-exports the widget's JS boundary, `msl_departures::embed`,
//! so that `mount`, `WidgetHandle` and their TypeScript types are this cdylib's exports. No code of its own.

pub use msl_departures::embed::*;
