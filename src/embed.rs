//! The npm package's JavaScript boundary, and the only module exporting to JS:
//! `mount(element, options)` returns a [`WidgetHandle`] whose `unmount()` removes the widget.
//!
//! Options arrive as one JS object, are checked here and turned into an [`AppInput`]; a bad option is a
//! thrown `Error` naming it, never a panic, and so is an option whose reading throws (a host's getter, Proxy
//! trap or iterator): every such read goes through a catching binding. A host dataset is the one exception to "throw on bad input":
//! it goes through the same validation as the bundled file, and when rejected the widget still mounts,
//! on the bundled data, showing its notice, with the problems also on `handle.problems`.
//!
//! With `shadow: true` the widget renders into an open shadow root on the element, with its stylesheet adopted there
//! as a constructed `CSSStyleSheet` (CSSOM, so a `style-src` policy without `'unsafe-inline'` allows it): the host
//! page's rules cannot reach inside. The `<msl-departures>` custom element (`npm/element.js`) mounts this way.

use crate::browser;
use crate::components::app::{App, AppInput};
use crate::dataset::Problem;
use crate::model::{Dataset, Lang};
use crate::mount::{resolve_dataset, resolve_lang};
use crate::state::WidgetData;
use crate::url_state::{join_pairs, parse_query, query_pairs, Theme, UrlState};
use leptos::prelude::*;
use std::cell::Cell;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** The widget's view, with the same keys (and the same tolerant reading) as its URL query string. */
export interface MslDeparturesState {
  lang?: "zh" | "en";
  theme?: "light" | "dark";
  /** Free-text search. */
  q?: string;
  /** Facet keys, comma-separated in a string or as an array. */
  cohort?: string | string[];
  dest?: string | string[];
  prior?: string | string[];
  sort?: "tenure-desc" | "tenure-asc" | "name" | "announced";
}

/** One problem with a host dataset: a field path and the reason in both languages. */
export interface MslDeparturesProblem {
  path: string;
  en: string;
  zh: string;
}

export interface MslDeparturesOptions {
  /** Interface language; default: `state.lang`, else the reader's browser languages, else English. */
  lang?: "zh" | "en";
  /** Colour theme; "auto" (the default) follows the reader's system setting. Overrides `state.theme`. */
  theme?: "light" | "dark" | "auto";
  /** The initial view: a query string ("dest=openai&sort=name", a leading "?" is fine) or an object with the same keys. */
  state?: string | MslDeparturesState;
  /** A dataset (object, JSON text, or a JSON file's UTF-8 bytes as a Uint8Array or ArrayBuffer, the fastest
   *  for a large file; schema in data/SCHEMA.md) replacing the bundled one. If it fails validation the
   *  widget shows the bundled data with a notice, and `handle.problems` lists why. */
  dataset?: unknown;
  /** Called (asynchronously, after each change, not on first render) with the canonical query string and
   *  the same view as an object, e.g. to keep the host page's URL in step. */
  onChange?: (query: string, state: MslDeparturesState) => void;
  /** Render into an open shadow root on the element (attached if it has none), isolated from the host page's
   *  CSS, with the stylesheet adopted there; works under a strict style-src CSP. Default false: the light DOM,
   *  which the host page may style. */
  shadow?: boolean;
  /** Add the widget's stylesheet (default true): once per document as `<style id="mslw-styles">`, or, with
   *  `shadow`, adopted in the shadow root. Pass false to bring your own (in the light DOM under a style-src CSP
   *  without 'unsafe-inline': link the package's `widget.css`). */
  injectStyles?: boolean;
  /** URL of a hosted standalone page of the widget; when given, an "Embed" button offers an iframe snippet for it. */
  embedUrl?: string;
  /** A name for this widget (1 to 200 characters), added to the names of its landmarks (its region, search and
   *  calculator): give one to each widget when a page holds two in the same language, so a screen reader's list of
   *  landmarks tells them apart. */
  label?: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The host's element, as the two calls below see it.
    #[wasm_bindgen(js_name = Element)]
    type HostElement;
    /// `element.hasAttribute(name)`, caught: the first DOM call on the host's element, which also proves it a
    /// real one (a Proxy of an element passes `instanceof`, then throws here).
    #[wasm_bindgen(catch, method, js_name = hasAttribute)]
    fn has_attribute(this: &HostElement, name: &str) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, method, getter, js_name = ownerDocument)]
    fn owner_document(this: &HostElement) -> Result<JsValue, JsValue>;
}

pub use crate::mount::MOUNTED_ATTR;
/// The id of the injected stylesheet: present means already injected.
pub const STYLE_ID: &str = "mslw-styles";
/// `style/widget.css` without its comments and needless whitespace (`build.rs`): about 2 KB brotli less in the wasm.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));
/// Prepended in a shadow root: there the widget inherits from the host element, which the host page's rules style
/// (`* { line-height: 3 }`), so its container (`SHADOW_CONTAINER_CLASS`) starts from initial values instead, as on a
/// plain page. On the container, not on `.mslw`: `all` would also undo the locale that the section's `lang` gives
/// (Chromium's `-webkit-locale`: font fallback, line breaking). The host is a block unless the page says otherwise (a
/// custom element is inline by default).
const SHADOW_RESET_CSS: &str = ":host{display:block}.mslw-root{all:initial;display:block}";
const SHADOW_CONTAINER_CLASS: &str = "mslw-root";

thread_local! {
    /// Numbers the instances so each gets its own DOM id prefix ("mslw1", "mslw2", …).
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
    /// The constructed stylesheet shadow roots adopt: one for every widget on the page.
    static SHADOW_SHEET: std::cell::OnceCell<Option<web_sys::CssStyleSheet>> = const { std::cell::OnceCell::new() };
}

/// Every option `mount` knows. An unknown key (a typo such as `onchange`) is an error, not ignored.
const OPTION_KEYS: [&str; 9] = ["lang", "theme", "state", "dataset", "onChange", "injectStyles", "shadow", "embedUrl", "label"];
/// The longest `label` accepted, in characters: a name, not a paragraph.
const MAX_LABEL_CHARS: usize = 200;

/// Everything `mount` needs, checked.
struct Options {
    lang: Option<Lang>,
    /// `Some(None)` is an explicit "auto".
    theme: Option<Option<Theme>>,
    initial: UrlState,
    dataset: Option<Result<Dataset, Vec<Problem>>>,
    /// The host dataset as JSON text, kept for the widget's "JSON: whole dataset" download.
    dataset_json: Option<String>,
    on_change: Option<js_sys::Function>,
    inject_styles: bool,
    shadow: bool,
    embed_url: Option<String>,
    label: Option<String>,
}

fn fail(message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("msl-departures mount(): {message}"))
}

/// The error for a host value whose reading threw (a Proxy trap, a getter, an iterator): `what` could not be read.
fn unreadable(what: &str) -> impl Fn(JsValue) -> JsError + '_ {
    move |e| fail(format!("{what} could not be read ({})", browser::error_message(&e)))
}

/// A plain object: not a primitive, a function or an array (a revoked Proxy throws here, reported as `what`).
fn is_plain_object(value: &JsValue, what: &str) -> Result<bool, JsError> {
    Ok(value.is_object() && !value.is_function() && !browser::try_is_array(value).map_err(unreadable(what))?)
}

/// An optional string option: absent (`undefined` or `null`) or a string, else `must` says what it should be.
fn string_option(options: &JsValue, key: &str, must: &str) -> Result<Option<String>, JsError> {
    match get(options, key)? {
        v if v.is_undefined() || v.is_null() => Ok(None),
        v => v.as_string().map(Some).ok_or_else(|| fail(format!("option `{key}` must be {must}"))),
    }
}

/// Reads the options. Each value is read from the host's object once, and every read that can run host code
/// (a getter, a Proxy trap, an iterator) is caught: a throw there is this function's `Err`, never a raw error.
fn parse_options(options: &JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options {
            lang: None,
            theme: None,
            initial: UrlState::default(),
            dataset: None,
            dataset_json: None,
            on_change: None,
            inject_styles: true,
            shadow: false,
            embed_url: None,
            label: None,
        });
    }
    if !is_plain_object(options, "options")? {
        return Err(fail("options must be an object"));
    }
    for key in browser::try_keys(options).map_err(unreadable("options"))?.iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_KEYS.contains(&key.as_str()) {
            return Err(fail(format!("unknown option `{key}` (known: {})", OPTION_KEYS.join(", "))));
        }
    }
    let lang = match string_option(options, "lang", "\"zh\" or \"en\"")? {
        None => None,
        Some(tag) => Some(Lang::from_tag(&tag).ok_or_else(|| fail(format!("option `lang` must be \"zh\" or \"en\", not \"{tag}\"")))?),
    };
    let theme = match string_option(options, "theme", "\"light\", \"dark\" or \"auto\"")?.as_deref() {
        None => None,
        Some("auto") => Some(None),
        Some(t) => Some(Some(Theme::parse(t).ok_or_else(|| fail(format!("option `theme` must be \"light\", \"dark\" or \"auto\", not \"{t}\"")))?)),
    };
    let inject_styles = bool_option(options, "injectStyles", true)?;
    let shadow = bool_option(options, "shadow", false)?;
    let embed_url = match string_option(options, "embedUrl", "an http(s) URL")? {
        Some(url) if !(url.starts_with("https://") || url.starts_with("http://")) => {
            return Err(fail(format!("option `embedUrl` must be an http(s) URL, not \"{url}\"")));
        }
        other => other.map(|url| crate::components::embed_dialog::page_url_of_folder(&url)),
    };
    // Measured as shown: without the spaces around it.
    let label = match string_option(options, "label", "a string")?.map(|text| text.trim().to_owned()) {
        Some(text) if text.is_empty() || text.chars().count() > MAX_LABEL_CHARS => {
            return Err(fail(format!("option `label` must be a name of 1 to {MAX_LABEL_CHARS} characters")));
        }
        other => other,
    };
    let initial = parse_query(&state_query(&get(options, "state")?)?);
    let (dataset, dataset_json) = match get(options, "dataset")? {
        v if v.is_undefined() || v.is_null() => (None, None),
        // Read into the wasm once: the text is both what is validated and the widget's "whole dataset" download.
        v => match browser::json_text_of(&v) {
            Ok(json) => (Some(browser::dataset_from_json(&json)), Some(json)),
            Err(problems) => (Some(Err(problems)), None),
        },
    };
    let on_change = match get(options, "onChange")? {
        v if v.is_undefined() || v.is_null() => None,
        v => Some(v.dyn_into::<js_sys::Function>().map_err(|_| fail("option `onChange` must be a function"))?),
    };
    Ok(Options { lang, theme, initial, dataset, dataset_json, on_change, inject_styles, shadow, embed_url, label })
}

/// An optional boolean option: absent (`undefined` or `null`) is `default`.
fn bool_option(options: &JsValue, key: &str, default: bool) -> Result<bool, JsError> {
    match get(options, key)? {
        v if v.is_undefined() || v.is_null() => Ok(default),
        v => v.as_bool().ok_or_else(|| fail(format!("option `{key}` must be true or false"))),
    }
}

/// `options[key]`; a getter or Proxy trap that throws is reported as the option that could not be read.
fn get(object: &JsValue, key: &str) -> Result<JsValue, JsError> {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).map_err(|e| unreadable(&format!("option `{key}`"))(e))
}

/// The `state` option as a query string: a string is used as it is; an object's values must be
/// strings, numbers or arrays of strings (joined with commas, as in the URL).
fn state_query(state: &JsValue) -> Result<String, JsError> {
    if state.is_undefined() || state.is_null() {
        return Ok(String::new());
    }
    if let Some(query) = state.as_string() {
        return Ok(query);
    }
    if !is_plain_object(state, "option `state`")? {
        return Err(fail("option `state` must be a query string or an object"));
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    // Object.entries returns fresh arrays of [key, value]: reading them runs no host code.
    for entry in browser::try_entries(state).map_err(unreadable("option `state`"))?.iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        let what = format!("option `state.{key}`");
        let text = if let Some(s) = value.as_string() {
            s
        } else if value.as_f64().is_some() {
            // JavaScript's own String(n): formatting an f64 in Rust would bring the float printer (about 7 KB).
            value.unchecked_ref::<js_sys::Number>().to_string_with_radix(10).ok().and_then(|s| s.as_string()).unwrap_or_default()
        } else if value.is_undefined() || value.is_null() {
            continue;
        } else if browser::try_is_array(&value).map_err(unreadable(&what))? {
            // Array.from runs the array's iterator, which a host may have replaced.
            let items = browser::try_array_from(&value).map_err(unreadable(&what))?;
            let items: Option<Vec<String>> = items.iter().map(|v| v.as_string()).collect();
            items.ok_or_else(|| fail(format!("{what} must list strings")))?.join(",")
        } else {
            return Err(fail(format!("{what} must be a string or an array of strings")));
        };
        pairs.push((key, text));
    }
    Ok(join_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
}

/// Injects the stylesheet once per document (checked by id). Without a `<head>` nothing is injected.
fn inject_styles(document: &web_sys::Document) {
    if document.get_element_by_id(STYLE_ID).is_some() {
        return;
    }
    let (Some(head), Ok(style)) = (document.head(), document.create_element("style")) else {
        return;
    };
    style.set_id(STYLE_ID);
    style.set_text_content(Some(WIDGET_CSS));
    let _ = head.append_child(&style);
}

/// The open shadow root a `shadow: true` mount renders into: the element's own if it has one (a shadow root cannot be
/// replaced, so a remount, as the custom element does when its attributes change, reuses it), else a new one. An
/// element that cannot hold one (`<li>`, `<button>`, an element with a closed root) is a clear error.
fn shadow_root_of(element: &web_sys::HtmlElement) -> Result<web_sys::ShadowRoot, JsError> {
    if let Some(root) = element.shadow_root() {
        return Ok(root);
    }
    element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).map_err(|e| {
        fail(format!("option `shadow`: this element cannot hold a shadow root ({})", browser::error_message(&e)))
    })
}

/// Adopts the widget's stylesheet in a shadow root, once: one constructed sheet shared by every root on the page.
/// Where constructed sheets are missing (Safari before 16.4) or refused (a root in another document), a `<style>`
/// in the root instead, which only a `style-src` policy without `'unsafe-inline'` blocks.
fn adopt_styles(root: &web_sys::ShadowRoot, document: &web_sys::Document) {
    let css = || [SHADOW_RESET_CSS, WIDGET_CSS].concat();
    let sheet = SHADOW_SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = web_sys::CssStyleSheet::new().ok()?;
            sheet.replace_sync(&css()).ok()?;
            Some(sheet)
        })
        .clone()
    });
    let key = JsValue::from_str("adoptedStyleSheets");
    let adopted = js_sys::Reflect::get(root, &key).ok().and_then(|a| a.dyn_into::<js_sys::Array>().ok());
    if let (Some(sheet), Some(adopted)) = (sheet, adopted) {
        if adopted.includes(&sheet, 0) || js_sys::Reflect::set(root, &key, &adopted.concat(&js_sys::Array::of1(&sheet))).is_ok() {
            return;
        }
    }
    if root.get_element_by_id(STYLE_ID).is_some() {
        return;
    }
    if let Ok(style) = document.create_element("style") {
        style.set_id(STYLE_ID);
        style.set_text_content(Some(&css()));
        let _ = root.append_child(&style);
    }
}

/// The view as an object keyed like the URL, for `onChange`.
fn query_object(query: &str) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in query_pairs(query) {
        let _ = js_sys::Reflect::set(&object, &key.into(), &value.into());
    }
    object.into()
}

/// A mounted widget. `unmount()` removes its DOM, its listeners and its reactive state; calling it
/// again does nothing. Dropping the handle (JS garbage collection, `free()`) leaves the widget mounted.
#[wasm_bindgen]
pub struct WidgetHandle {
    unmount: Option<Box<dyn FnOnce()>>,
    problems: Vec<Problem>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget from its element and frees the element for another `mount`.
    pub fn unmount(&mut self) {
        if let Some(unmount) = self.unmount.take() {
            unmount();
        }
    }

    /// False once `unmount()` has run.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.unmount.is_some()
    }

    /// Why a host `dataset` was rejected (empty when it was accepted or none was given).
    #[wasm_bindgen(getter, unchecked_return_type = "MslDeparturesProblem[]")]
    pub fn problems(&self) -> JsValue {
        let list = js_sys::Array::new();
        for p in &self.problems {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&o, &"path".into(), &p.path.as_str().into());
            let _ = js_sys::Reflect::set(&o, &"en".into(), &p.message(Lang::En).into());
            let _ = js_sys::Reflect::set(&o, &"zh".into(), &p.message(Lang::Zh).into());
            list.push(&o);
        }
        list.into()
    }
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        // A host that loses its handle must not see the widget vanish at some later GC.
        if let Some(unmount) = self.unmount.take() {
            std::mem::forget(unmount);
        }
    }
}

/// Mounts a widget into `element`. Throws an `Error` for an element that is not an HTMLElement or
/// already holds a widget, and for any invalid option.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "HTMLElement")] element: JsValue,
    // Optional, so TypeScript sees `options?`; what the object holds is checked in parse_options.
    #[wasm_bindgen(unchecked_optional_param_type = "MslDeparturesOptions")] options: Option<js_sys::Object>,
) -> Result<WidgetHandle, JsError> {
    let options: JsValue = options.map_or(JsValue::UNDEFINED, JsValue::from);
    let not_an_element = || fail("the first argument must be an HTMLElement");
    let element: web_sys::HtmlElement = element.dyn_into().map_err(|_| not_an_element())?;
    // A Proxy of an element passes `instanceof` but not a DOM method: caught here, before anything is changed.
    if element.unchecked_ref::<HostElement>().has_attribute(MOUNTED_ATTR).map_err(|_| not_an_element())? {
        return Err(fail("this element already holds a widget; call unmount() on its handle before mounting again"));
    }
    let options = parse_options(&options)?;
    let host_data_used = matches!(options.dataset, Some(Ok(_)));
    let (dataset, problems) = resolve_dataset(options.dataset).map_err(|p| {
        let text: Vec<String> = p.iter().map(|p| p.message(Lang::En)).collect();
        fail(format!("the bundled dataset is invalid: {}", text.join("; ")))
    })?;
    let document = element.unchecked_ref::<HostElement>().owner_document().ok().and_then(|d| d.dyn_into::<web_sys::Document>().ok());
    let document = document.ok_or_else(not_an_element)?;
    // In a shadow root the widget gets a container of its own: Leptos mounts into an element, and a host's own
    // content in a root it attached stays where it is.
    let (target, shadow) = if options.shadow {
        let root = shadow_root_of(&element)?;
        let container = document.create_element("div").map_err(|e| fail(browser::error_message(&e)))?;
        container.set_class_name(SHADOW_CONTAINER_CLASS);
        root.append_child(&container).map_err(|e| fail(browser::error_message(&e)))?;
        if options.inject_styles {
            adopt_styles(&root, &document);
        }
        (container.unchecked_into::<web_sys::HtmlElement>(), true)
    } else {
        if options.inject_styles {
            inject_styles(&document);
        }
        (element.clone(), false)
    };
    let mut initial = options.initial;
    if let Some(theme) = options.theme {
        initial.theme = theme;
    }
    let lang = resolve_lang(options.lang.or(initial.lang));
    let n = NEXT_INSTANCE.with(|c| {
        let n = c.get();
        c.set(n.wrapping_add(1));
        n
    });
    let mut data = WidgetData::new(Arc::new(dataset), format!("mslw{n}")).with_label(options.label);
    if let (true, Some(json)) = (host_data_used, options.dataset_json) {
        data = data.with_raw_json(json);
    }
    let data = Arc::new(data);
    // The host's callback runs on a later microtask, outside the widget's reactive update, so host code
    // (which may even call unmount()) never runs in the middle of one; a throwing callback is logged.
    let on_change = options.on_change.map(|callback| -> Box<dyn Fn(String)> {
        Box::new(move |query: String| {
            let callback = callback.clone();
            leptos::task::spawn_local(async move {
                let state = query_object(&query);
                if let Err(e) = callback.call2(&JsValue::NULL, &JsValue::from_str(&query), &state) {
                    web_sys::console::error_2(&"msl-departures onChange threw:".into(), &e);
                }
            });
        })
    });
    let input = AppInput {
        data,
        host_problems: problems.clone(),
        initial,
        lang,
        sync_url: false,
        on_change,
        embed_url: options.embed_url,
    };
    let _ = element.set_attribute(MOUNTED_ATTR, "");
    crate::panic_fallback::install();
    let handle = leptos::mount::mount_to(target.clone(), move || view! { <App input=input /> });
    Ok(WidgetHandle {
        unmount: Some(Box::new(move || {
            drop(handle);
            if shadow {
                target.remove();
            }
            let _ = element.remove_attribute(MOUNTED_ATTR);
        })),
        problems,
    })
}
