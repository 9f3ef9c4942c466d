//! Everything that reads the browser: location, preferred language, and turning JS values into datasets.
//!
//! Each function degrades to a default when an API is missing (old browser, sandboxed iframe), so a
//! failure here costs a preference, never the widget.

use crate::dataset::{self, Problem, Value};
use crate::model::{Dataset, Lang};
use wasm_bindgen::{JsCast, JsValue};

/// The dataset compiled into the widget, minified at build time.
pub const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/departures.min.json"));

/// The page's query string, or "" when there is none or it cannot be read.
pub fn location_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The page's origin and path without query or fragment (what an embed snippet loads), if readable.
pub fn page_url() -> Option<String> {
    let location = web_sys::window()?.location();
    let (origin, path) = (location.origin().ok()?, location.pathname().ok()?);
    // An opaque origin ("null", e.g. a sandbox without allow-same-origin) cannot be embedded.
    (origin.starts_with("http://") || origin.starts_with("https://")).then(|| format!("{origin}{path}"))
}

/// The first of the reader's preferred languages that the widget speaks.
pub fn preferred_lang() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    let langs = navigator.languages();
    langs
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .find_map(|tag| Lang::from_tag(&tag))
}

/// Reads a dataset handed over as a JS value: the same validation as the bundled file.
pub fn dataset_from_js(value: &JsValue) -> Result<Dataset, Vec<Problem>> {
    let tree: Value = serde_wasm_bindgen::from_value(value.clone()).map_err(|e| dataset::unreadable(&e.to_string()))?;
    dataset::validate(&tree)
}

/// Parses JSON text with the browser's own parser (no JSON parser in the wasm), then validates it.
pub fn dataset_from_json(text: &str) -> Result<Dataset, Vec<Problem>> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let detail = e.unchecked_into::<js_sys::Error>().message().as_string().unwrap_or_default();
        dataset::unreadable(&detail)
    })?;
    dataset_from_js(&value)
}

/// The bundled dataset. Its validity is proven by tests, but a failure is still reported, not unwrapped.
pub fn bundled_dataset() -> Result<Dataset, Vec<Problem>> {
    dataset_from_json(BUNDLED_JSON)
}

/// Rewrites the page's query string in place (`replaceState`: no history entry per keystroke).
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(hash)) = (location.pathname(), location.hash()) else {
        return;
    };
    let current = location.search().unwrap_or_default();
    let wanted = if query.is_empty() { String::new() } else { format!("?{query}") };
    if current == wanted {
        return;
    }
    if let Ok(history) = window.history() {
        // A failure (e.g. a sandboxed document) only costs the deep link, never the widget.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{wanted}{hash}")));
    }
}
