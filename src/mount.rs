//! Starting the widget in an element: resolve language and dataset, then mount the view.
//!
//! Shared by the standalone page (`main.rs`) and the npm `mount()` in the JS boundary (`embed.rs`).

use crate::browser;
use crate::components::app::{App, AppInput};
use crate::state::WidgetData;
use crate::dataset::Problem;
use crate::model::{Dataset, Lang};
use crate::url_state::parse_query;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use std::sync::Arc;

/// The element the standalone page mounts into.
pub const STANDALONE_ROOT_ID: &str = "msl-widget-root";
/// Prefix of every element id on the standalone page (the baked view uses the same ids).
pub const STANDALONE_ID_PREFIX: &str = "mslw";
/// Marks an element that holds an npm-mounted widget (a second `mount` on it is refused; the panic
/// fallback finds it even when the widget failed before rendering).
pub const MOUNTED_ATTR: &str = "data-msl-departures-mounted";

/// Picks the dataset: the host's when it validates, else the bundled one with the host's problems kept
/// for the notice. `None` only if the bundled data itself is broken, which tests rule out.
#[cfg(not(baked_page))]
pub fn resolve_dataset(host: Option<Result<Dataset, Vec<Problem>>>) -> Result<(Dataset, Vec<Problem>), Vec<Problem>> {
    match host {
        Some(Ok(d)) => Ok((d, Vec::new())),
        Some(Err(host_problems)) => browser::bundled_dataset().map(|d| (d, host_problems)),
        None => browser::bundled_dataset().map(|d| (d, Vec::new())),
    }
}

/// Language: the explicit choice (URL or host option), else the browser's preference, else English.
pub fn resolve_lang(explicit: Option<Lang>) -> Lang {
    explicit.or_else(browser::preferred_lang).unwrap_or_default()
}

/// Mounts the standalone page into `#msl-widget-root` (or the body if the page lacks it). An `Err` when the widget
/// cannot take the page over: the page then stays as it arrived.
pub fn start_standalone() -> Result<(), wasm_bindgen::JsValue> {
    let Some(document) = crate::browser::window().and_then(|w| w.document()) else {
        return Ok(());
    };
    let root = document
        .get_element_by_id(STANDALONE_ROOT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body());
    let Some(root) = root else {
        return Ok(());
    };
    crate::panic_fallback::install();
    // The page's wasm shows the read-only blocks the build baked, in both languages: without them it stays as baked.
    #[cfg(baked_page)]
    if crate::prerendered::keep(&document).len() < 2 {
        return Err("the page lacks its baked views".into());
    }
    let initial = parse_query(&browser::location_query());
    let lang = resolve_lang(initial.lang);
    // The page's wasm holds the bundled data as build.rs checked and wrote it; elsewhere it is read and validated.
    #[cfg(baked_page)]
    let data: Result<WidgetData, Vec<Problem>> = Ok(WidgetData::bundled(STANDALONE_ID_PREFIX.into()));
    #[cfg(not(baked_page))]
    let data = resolve_dataset(None).map(|(dataset, _)| WidgetData::new(Arc::new(dataset), STANDALONE_ID_PREFIX.into()));
    match data {
        Ok(data) => {
            let data = Arc::new(data);
            let embed_url = browser::page_url();
            let input = AppInput { data, host_problems: Vec::new(), initial, lang, sync_url: true, on_change: None, embed_url };
            let baked = document.query_selector(crate::takeover::BAKED_SELECTOR).ok().flatten();
            // The page baked at build time (bake.rs): mount beside it, off screen, then swap in one step.
            let live = baked.as_ref().and_then(|_| document.create_element("div").ok()).and_then(|d| d.dyn_into::<web_sys::HtmlElement>().ok());
            leptos::mount::mount_to(live.clone().unwrap_or(root), move || view! { <App input=input /> }).forget();
            if let (Some(baked), Some(live)) = (baked, live) {
                crate::takeover::take_over(&baked, &live);
            }
            // Only inside an iframe: report the height to the embedding page (see frame.rs).
            crate::frame::start_height_reporter();
        }
        Err(problems) => {
            let text: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
            root.set_text_content(Some(&text.join("\n")));
        }
    }
    Ok(())
}
