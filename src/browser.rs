//! Everything that reads the browser: location, preferred language, and turning JS values into datasets.
//!
//! Each function degrades to a default when an API is missing (old browser, sandboxed iframe), so a
//! failure here costs a preference, never the widget.

use crate::dataset::{self, Problem};
use crate::model::{Dataset, Lang};
use js_sys::{Array, Reflect, Uint8Array, JSON};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// The dataset compiled into the widget, minified at build time (the standalone page's wasm holds it as typed values
/// instead: `Dataset::bundled`).
#[cfg(not(baked_page))]
pub const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/departures.min.json"));

/// The browser window; `None` natively (the build renders the views to HTML there, with no browser), so
/// every browser call degrades to its default instead of reaching an import that only exists in wasm.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// The page's query string, or "" when there is none or it cannot be read.
pub fn location_query() -> String {
    crate::browser::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The page's origin and path without query or fragment (what an embed snippet loads), if readable.
pub fn page_url() -> Option<String> {
    let location = crate::browser::window()?.location();
    let (origin, path) = (location.origin().ok()?, location.pathname().ok()?);
    // An opaque origin ("null", e.g. a sandbox without allow-same-origin) cannot be embedded.
    (origin.starts_with("http://") || origin.starts_with("https://")).then(|| format!("{origin}{path}"))
}

/// The first of the reader's preferred languages that the widget speaks.
pub fn preferred_lang() -> Option<Lang> {
    let navigator = crate::browser::window()?.navigator();
    let langs = navigator.languages();
    langs
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .find_map(|tag| Lang::from_tag(&tag))
}

/// Catching forms of the JS built-ins that a host's values go through. A host's Proxy trap, getter or iterator may
/// throw inside any of them, and a throw must come back as an `Err`: one passing through the wasm would reach the
/// host as a raw error from inside the widget, with the widget's own state left half-way.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    pub fn try_is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    pub fn try_keys(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    pub fn try_entries(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    pub fn try_array_from(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_name = Uint8Array)]
    type BytesView;
    /// `new Uint8Array(buffer, byteOffset, length)`: a view of the host's bytes, checked by the browser.
    #[wasm_bindgen(catch, constructor, js_class = "Uint8Array")]
    fn new(buffer: &JsValue, byte_offset: &JsValue, length: &JsValue) -> Result<BytesView, JsValue>;
}

#[cfg(not(baked_page))]
fn try_bytes_view(buffer: &JsValue, byte_offset: &JsValue, length: &JsValue) -> Result<Uint8Array, JsValue> {
    BytesView::new(buffer, byte_offset, length).map(JsCast::unchecked_into)
}

/// Reads a dataset handed over as a JS value: the same validation as the bundled file.
#[cfg(not(baked_page))]
pub fn dataset_from_js(value: &JsValue) -> Result<Dataset, Vec<Problem>> {
    dataset_from_json(&json_text_of(value)?)
}

/// A host's dataset as JSON text: a string as it is, the bytes of a JSON file (`Uint8Array` or `ArrayBuffer`)
/// read as UTF-8, anything else through the browser's `JSON.stringify`, so what the widget reads next is plain
/// data: a throwing getter or Proxy trap, a cycle, a BigInt or absurd nesting becomes a problem here, and
/// nothing the host wrote can run again later. Over [`MAX_DATASET_SIZE`](dataset::MAX_DATASET_SIZE) it is a
/// problem before it is copied into the wasm.
#[cfg(not(baked_page))]
pub fn json_text_of(value: &JsValue) -> Result<String, Vec<Problem>> {
    if let Some(bytes) = bytes_of(value) {
        let bytes = bytes?;
        dataset::check_size(bytes.length() as usize)?;
        // A host's `await response.arrayBuffer()` goes in with one copy: no decoding to a JS string, and no
        // re-encoding on the way in (for 10,000 people, 36 MB, that re-encoding alone took 0.7 s at 4x throttling).
        return String::from_utf8(bytes.to_vec()).map(dataset::without_bom).map_err(|e| {
            dataset::unreadable(&format!("not UTF-8 text: invalid bytes at offset {}", e.utf8_error().valid_up_to()))
        });
    }
    let text = if value.is_string() {
        value.clone()
    } else {
        match JSON::stringify(value) {
            Ok(text) => text.into(),
            // V8 reports absurd nesting as a RangeError (its stack limit); say what it means.
            Err(e) if e.is_instance_of::<js_sys::RangeError>() => return Err(dataset::unreadable("nested too deeply")),
            Err(e) => return Err(dataset::unreadable(&error_message(&e))),
        }
    };
    // JavaScript's length (UTF-16 units) before the copy; the copy is that many UTF-8 bytes for ASCII, at most 3x.
    if text.is_string() {
        dataset::check_size(text.unchecked_ref::<js_sys::JsString>().length() as usize)?;
    }
    // Copied into the wasm by wasm-bindgen's own string passing: the fastest route measured (the browser's
    // TextEncoder into an exact-size buffer peaks lower in memory but took 1.5x as long for 35 MB).
    text.as_string().map(dataset::without_bom).ok_or_else(|| dataset::unreadable("not JSON data (a function, symbol or undefined)"))
}

/// A view of the bytes of a `Uint8Array` or an `ArrayBuffer` (nothing copied yet); `None` for any other value.
/// The view is built from what the host's object says about itself, each read caught: a Proxy or an overridden
/// getter gives a problem, never a throw. A detached buffer reads as no bytes.
#[cfg(not(baked_page))]
fn bytes_of(value: &JsValue) -> Option<Result<Uint8Array, Vec<Problem>>> {
    let unreadable = |e: JsValue| dataset::unreadable(&format!("its bytes could not be read ({})", error_message(&e)));
    let read = |key: &str| Reflect::get(value, &key.into()).map_err(unreadable);
    let is_view = value.is_instance_of::<Uint8Array>();
    if !is_view && !value.is_instance_of::<js_sys::ArrayBuffer>() {
        return None;
    }
    Some((|| {
        let length = read("byteLength")?;
        // Also what a detached buffer says (a view on it would throw).
        if length.as_f64() == Some(0.0) {
            return Ok(Uint8Array::new_with_length(0));
        }
        let (buffer, offset) = if is_view { (read("buffer")?, read("byteOffset")?) } else { (value.clone(), JsValue::UNDEFINED) };
        try_bytes_view(&buffer, &offset, &length).map_err(unreadable)
    })())
}

/// The message of a thrown JS value (an `Error`'s message, or the value as text). Read through `Reflect.get`, which
/// catches: a host's thrown object may have a throwing `message` getter too.
pub fn error_message(e: &JsValue) -> String {
    if let Some(text) = e.as_string() {
        return text;
    }
    Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| "an exception".into())
}

/// Parses JSON text in the wasm (one pass, no crossing into JS per value), then validates it. The rare
/// number the parser's exact fast path cannot convert goes to the browser's `parseFloat`.
#[cfg(not(baked_page))]
pub fn dataset_from_json(text: &str) -> Result<Dataset, Vec<Problem>> {
    dataset::from_json(text, &|s| Some(js_sys::Number::parse_float(s)).filter(|f| !f.is_nan()))
}

/// The bundled dataset. Its validity is proven by tests, but a failure is still reported, not unwrapped.
#[cfg(not(baked_page))]
pub fn bundled_dataset() -> Result<Dataset, Vec<Problem>> {
    dataset_from_json(BUNDLED_JSON)
}

/// The element with `id` in the page, or in the shadow root of a widget the npm package mounted with `shadow: true`
/// (`document.getElementById` does not look inside shadow roots). Only the package can shadow-mount, so the page's
/// build keeps the plain lookup.
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    let document = crate::browser::window()?.document()?;
    let found = document.get_element_by_id(id);
    #[cfg(feature = "npm")]
    let found = found.or_else(|| shadow_roots(&document).find_map(|root| root.get_element_by_id(id)));
    found
}

/// The open shadow roots of the elements holding npm-mounted widgets.
#[cfg(feature = "npm")]
pub fn shadow_roots(document: &web_sys::Document) -> impl Iterator<Item = web_sys::ShadowRoot> {
    let holders = document.query_selector_all(&format!("[{}]", crate::mount::MOUNTED_ATTR)).ok();
    let count = holders.as_ref().map_or(0, |h| h.length());
    (0..count).filter_map(move |i| {
        let holder = holders.as_ref()?.item(i)?.dyn_into::<web_sys::Element>().ok()?;
        holder.shadow_root()
    })
}

/// Whether a media query matches now (false where there is no window): the layout's breakpoints, read once.
pub fn media_matches(query: &str) -> bool {
    crate::browser::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

/// Moves focus to the element with this id, if it is there: where a control that hides or disables itself hands
/// focus on.
pub fn focus_by_id(id: &str) {
    if let Some(el) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Sets `<html lang>`: on a page the widget owns (standalone, the embed's iframe) the document's language follows
/// the language switch, so the page's title and anything outside the widget are read in it too.
pub fn set_document_lang(tag: &str) {
    let root = crate::browser::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root.filter(|r| r.get_attribute("lang").as_deref() != Some(tag)) {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Rewrites the page's query string in place (`replaceState`: no history entry per keystroke).
pub fn replace_query(query: &str) {
    let Some(window) = crate::browser::window() else {
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

/// Saves `text` as a file through a Blob URL: generated in the browser, nothing is fetched.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let window = crate::browser::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // The text's UTF-8 bytes, copied once, by the Blob, straight from the wasm memory: a JS string in between would
    // be decoded and encoded again, and a copy into a JS array first cost as much as the Blob's own (38 MB: about
    // 0.1 s each at 4x throttling).
    let blob = {
        // SAFETY: the view is read only by the Blob constructor, synchronously, and nothing runs in the wasm between
        // making it and that call, so the memory cannot grow (which would detach the view) while it is used.
        let bytes = unsafe { js_sys::Uint8Array::view(text.as_bytes()) };
        web_sys::Blob::new_with_u8_array_sequence_and_options(&Array::of1(&bytes), &options)
    }?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Revoked a tick later: some browsers read the URL after the click handler returns.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000)?;
    Ok(())
}

/// The dataset JSON with `people` narrowed to `ids` (in that order): see [`crate::export::people_json`]. All of
/// them in order is the text itself, unparsed.
#[cfg(not(baked_page))]
pub fn filtered_json(raw: &str, ids: &[&str]) -> Result<String, JsValue> {
    crate::export::people_json(raw, ids).ok_or_else(|| "the dataset's text does not hold these people".into())
}

/// The text of a file beside the page (one the build wrote), or why it could not be read.
#[cfg(baked_page)]
pub async fn fetch_text(url: &str) -> Result<String, JsValue> {
    let window = crate::browser::window().ok_or("no window")?;
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await?.dyn_into()?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()).into());
    }
    wasm_bindgen_futures::JsFuture::from(response.text()?).await?.as_string().ok_or_else(|| format!("{url}: not text").into())
}

/// The dataset's JSON text `all` with `people` narrowed to `ids` (in that order), written by the browser's own JSON
/// with two-space indents: the standalone page's "people shown", cut from the file the build wrote without a JSON
/// parser in the wasm. An `Err` when an id is not there, so nothing wrong is saved.
#[cfg(baked_page)]
pub fn json_subset(all: &str, ids: &[&str]) -> Result<String, JsValue> {
    let root = JSON::parse(all)?;
    let people: Array = Reflect::get(&root, &"people".into())?.dyn_into()?;
    let mut by_id = std::collections::HashMap::new();
    for person in people.iter() {
        if let Some(id) = Reflect::get(&person, &"id".into())?.as_string() {
            by_id.insert(id, person);
        }
    }
    let chosen: Array = ids.iter().map(|id| by_id.get(*id).cloned().ok_or_else(|| JsValue::from(format!("no person {id:?}")))).collect::<Result<_, _>>()?;
    Reflect::set(&root, &"people".into(), &chosen)?;
    JSON::stringify_with_replacer_and_space(&root, &JsValue::NULL, &JsValue::from(2))?.as_string().ok_or_else(|| "not JSON".into())
}

/// The address of the current view, without its fragment: the view lives in the query, and inside an embed
/// the fragment only carries `embed.js`'s bookkeeping (`#embed-id=…&embed-origin=…`), not for sharing.
pub fn current_url() -> String {
    let href = crate::browser::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}


/// How a share request ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The system share sheet took it.
    Shared,
    /// Copied to the clipboard.
    Copied,
    /// Neither worked (no permission, insecure context): the view shows the link to copy by hand.
    Failed,
}

/// Offers the link through the Web Share API where the browser has it, else copies it.
pub async fn share_or_copy(url: &str, title: &str) -> Shared {
    let Some(navigator) = crate::browser::window().map(|w| w.navigator()) else {
        return Shared::Failed;
    };
    let share = Reflect::get(&navigator, &"share".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(share) = share {
        let data = js_sys::Object::new();
        let _ = Reflect::set(&data, &"url".into(), &url.into());
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        if let Ok(promise) = share.call1(&navigator, &data).and_then(|p| p.dyn_into::<js_sys::Promise>()) {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                return Shared::Shared;
            }
        }
    }
    copy_text(url).await
}

/// Copies text to the clipboard.
pub async fn copy_text(text: &str) -> Shared {
    let Some(navigator) = crate::browser::window().map(|w| w.navigator()) else {
        return Shared::Failed;
    };
    // `clipboard` is undefined in insecure contexts; check before calling into it.
    let has_clipboard = Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has_clipboard {
        return Shared::Failed;
    }
    match wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text)).await {
        Ok(_) => Shared::Copied,
        Err(_) => Shared::Failed,
    }
}
