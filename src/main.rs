//! The standalone page's entry point (built by Trunk): mount the widget and keep it for the page's life.

use wasm_bindgen::prelude::*;

/// An `Err` is thrown to static/loader.js, which leaves the baked page as it is and shows its notice.
#[wasm_bindgen(main)]
fn main() -> Result<(), JsValue> {
    msl_departures::mount::start_standalone()
}
