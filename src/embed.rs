//! The npm package's JavaScript boundary, and the crate's only `#[wasm_bindgen]` surface:
//! `mount(element, options)` returns a [`WidgetHandle`] whose `unmount()` removes the widget.
//!
//! Options arrive as one JS object, are checked here and turned into an [`AppInput`]; a bad option is a
//! thrown `Error` naming it, never a panic. A host dataset is the one exception to "throw on bad input":
//! it goes through the same validation as the bundled file, and when rejected the widget still mounts,
//! on the bundled data, showing its notice, with the problems also on `handle.problems`.

use crate::browser;
use crate::components::app::{App, AppInput};
use crate::dataset::Problem;
use crate::model::{Dataset, Lang};
use crate::mount::{resolve_dataset, resolve_lang};
use crate::state::WidgetData;
use crate::url_state::{join_pairs, parse_query, query_pairs, Theme, UrlState};
use leptos::prelude::*;
use serde::Deserialize;
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
  /** Inject the widget's stylesheet once per document as `<style id="mslw-styles">` (default true). Pass
   *  false under a style-src CSP without 'unsafe-inline' and link the package's `widget.css` instead. */
  injectStyles?: boolean;
  /** URL of a hosted standalone page of the widget; when given, an "Embed" button offers an iframe snippet for it. */
  embedUrl?: string;
}
"#;

pub use crate::mount::MOUNTED_ATTR;
/// The id of the injected stylesheet: present means already injected.
pub const STYLE_ID: &str = "mslw-styles";
const WIDGET_CSS: &str = include_str!("../style/widget.css");

thread_local! {
    /// Numbers the instances so each gets its own DOM id prefix ("mslw1", "mslw2", …).
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

/// Every option `mount` knows. An unknown key (a typo such as `onchange`) is an error, not ignored:
/// serde-wasm-bindgen reads only a struct's own fields, so the keys are checked here.
const OPTION_KEYS: [&str; 7] = ["lang", "theme", "state", "dataset", "onChange", "injectStyles", "embedUrl"];

/// The options object's plain-data part. `dataset`, `onChange` and `state` are raw JS values (a
/// function, an arbitrary tree, a string-or-object) read separately with their own checks.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct PlainOptions {
    lang: Option<String>,
    theme: Option<String>,
    inject_styles: Option<bool>,
    embed_url: Option<String>,
}

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
    embed_url: Option<String>,
}

fn fail(message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("msl-departures mount(): {message}"))
}

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
            embed_url: None,
        });
    }
    if !options.is_object() || options.is_function() || js_sys::Array::is_array(options) {
        return Err(fail("options must be an object"));
    }
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_KEYS.contains(&key.as_str()) {
            return Err(fail(format!("unknown option `{key}` (known: {})", OPTION_KEYS.join(", "))));
        }
    }
    // Copied into a fresh object first, so serde reads plain data, never a host getter or proxy.
    let copy = js_sys::Object::new();
    for key in ["lang", "theme", "injectStyles", "embedUrl"] {
        let _ = js_sys::Reflect::set(&copy, &JsValue::from_str(key), &get(options, key));
    }
    let plain: PlainOptions = serde_wasm_bindgen::from_value(copy.into()).map_err(|e| fail(format!("invalid options: {e}")))?;
    let lang = match plain.lang {
        None => None,
        Some(tag) => Some(Lang::from_tag(&tag).ok_or_else(|| fail(format!("option `lang` must be \"zh\" or \"en\", not \"{tag}\"")))?),
    };
    let theme = match plain.theme.as_deref() {
        None => None,
        Some("auto") => Some(None),
        Some(t) => Some(Some(Theme::parse(t).ok_or_else(|| fail(format!("option `theme` must be \"light\", \"dark\" or \"auto\", not \"{t}\"")))?)),
    };
    let embed_url = match plain.embed_url {
        Some(url) if !(url.starts_with("https://") || url.starts_with("http://")) => {
            return Err(fail(format!("option `embedUrl` must be an http(s) URL, not \"{url}\"")));
        }
        other => other.map(|url| crate::components::embed_dialog::page_url_of_folder(&url)),
    };
    let initial = parse_query(&state_query(&get(options, "state"))?);
    let (dataset, dataset_json) = match get(options, "dataset") {
        v if v.is_undefined() || v.is_null() => (None, None),
        // Read into the wasm once: the text is both what is validated and the widget's "whole dataset" download.
        v => match browser::json_text_of(&v) {
            Ok(json) => (Some(browser::dataset_from_json(&json)), Some(json)),
            Err(problems) => (Some(Err(problems)), None),
        },
    };
    let on_change = match get(options, "onChange") {
        v if v.is_undefined() || v.is_null() => None,
        v => Some(v.dyn_into::<js_sys::Function>().map_err(|_| fail("option `onChange` must be a function"))?),
    };
    Ok(Options { lang, theme, initial, dataset, dataset_json, on_change, inject_styles: plain.inject_styles.unwrap_or(true), embed_url })
}

/// `options[key]`, or `undefined` if it cannot be read (a throwing getter counts as absent).
fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
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
    if !state.is_object() || state.is_function() || js_sys::Array::is_array(state) {
        return Err(fail("option `state` must be a query string or an object"));
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    for entry in js_sys::Object::entries(state.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        let text = if let Some(s) = value.as_string() {
            s
        } else if let Some(n) = value.as_f64() {
            n.to_string()
        } else if js_sys::Array::is_array(&value) {
            let items: Option<Vec<String>> = js_sys::Array::from(&value).iter().map(|v| v.as_string()).collect();
            items.ok_or_else(|| fail(format!("option `state.{key}` must list strings")))?.join(",")
        } else if value.is_undefined() || value.is_null() {
            continue;
        } else {
            return Err(fail(format!("option `state.{key}` must be a string or an array of strings")));
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
    let element: web_sys::HtmlElement = element.dyn_into().map_err(|_| fail("the first argument must be an HTMLElement"))?;
    if element.has_attribute(MOUNTED_ATTR) {
        return Err(fail("this element already holds a widget; call unmount() on its handle before mounting again"));
    }
    let options = parse_options(&options)?;
    let host_data_used = matches!(options.dataset, Some(Ok(_)));
    let (dataset, problems) = resolve_dataset(options.dataset).map_err(|p| {
        let text: Vec<String> = p.iter().map(|p| p.message(Lang::En)).collect();
        fail(format!("the bundled dataset is invalid: {}", text.join("; ")))
    })?;
    if options.inject_styles {
        if let Some(document) = element.owner_document() {
            inject_styles(&document);
        }
    }
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
    let mut data = WidgetData::new(Arc::new(dataset), format!("mslw{n}"));
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
    let handle = leptos::mount::mount_to(element.clone(), move || view! { <App input=input /> });
    Ok(WidgetHandle {
        unmount: Some(Box::new(move || {
            drop(handle);
            let _ = element.remove_attribute(MOUNTED_ATTR);
        })),
        problems,
    })
}
