//! Inside an iframe: tell the embedding page the document's height, and nothing else.
//!
//! The message is `{type: "msl-departures:height", v: 1, id, height}` (and, once, after an internal
//! error, `{type: "msl-departures:error", v: 1, id}`: see panic_fallback.rs), posted to exactly the host
//! origin that `embed.js` wrote into the iframe's fragment (or, failing that, the referrer's origin;
//! with neither, nothing is posted and the iframe keeps its default height). The widget never listens
//! for messages: a message cannot make it navigate or run anything, because nothing receives them.
//! Every browser call degrades to "no message", never a panic.

use crate::url_state::query_pairs;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Where the reporter posts, kept for the one failure message a panic sends.
    static HOST: RefCell<Option<(web_sys::Window, FrameParams)>> = const { RefCell::new(None) };
}

/// The message type; prefixed so a host page with other embeds can tell ours apart.
pub const HEIGHT_TYPE: &str = "msl-departures:height";
/// Sent once when the widget has stopped after an internal error, so the host can react (embed.js
/// turns it into a DOM event on the placeholder).
pub const FAILED_TYPE: &str = "msl-departures:error";
/// The protocol version: a host script checks it, so a later change of shape cannot be misread.
pub const PROTOCOL_VERSION: u32 = 1;
/// Fragment keys written by `embed.js`: the embed's id on the host page and the host's origin.
pub const ID_KEY: &str = "embed-id";
pub const ORIGIN_KEY: &str = "embed-origin";
/// Set on `<html>` while the height is being reported (styled in style/page.css).
pub const FRAMED_ATTR: &str = "data-mslw-framed";

/// What the iframe learned from its URL about the page embedding it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameParams {
    /// Echoed back so a host page with several embeds knows which iframe is speaking.
    pub id: String,
    /// The exact origin to post to (`scheme://host[:port]`), never `*`.
    pub target_origin: String,
}

/// Reads the fragment `embed-id=…&embed-origin=…` (pure, so it is tested natively). `fallback_origin`
/// is the referrer's origin. Returns `None` when there is no usable target origin.
pub fn frame_params(fragment: &str, fallback_origin: Option<&str>) -> Option<FrameParams> {
    let mut id = String::new();
    let mut origin = None;
    for (key, value) in query_pairs(fragment.trim_start_matches('#')) {
        match key.as_str() {
            ID_KEY if is_embed_id(&value) => id = value,
            ORIGIN_KEY if is_origin(&value) => origin = Some(value),
            _ => {}
        }
    }
    let target_origin = origin.or_else(|| fallback_origin.filter(|o| is_origin(o)).map(str::to_owned))?;
    Some(FrameParams { id, target_origin })
}

/// Fragment key written by `embed.js` from the placeholder's `data-scroll-margin`: the height in CSS pixels of the
/// host's sticky header, which a scroll inside the widget keeps its target below.
pub const TOP_KEY: &str = "embed-top";
/// The largest margin honoured (a header taller than this is not a header).
const MAX_TOP: u32 = 1000;

/// The host's top margin from the fragment: whole pixels, 0 when absent or not a number from 0 to [`MAX_TOP`].
pub fn scroll_margin(fragment: &str) -> u32 {
    query_pairs(fragment.trim_start_matches('#'))
        .into_iter()
        .find(|(key, _)| key == TOP_KEY)
        .and_then(|(_, value)| (value.len() <= 4 && value.bytes().all(|b| b.is_ascii_digit())).then(|| value.parse::<u32>().ok()).flatten())
        .filter(|top| *top <= MAX_TOP)
        .unwrap_or(0)
}

/// The embedding page's sticky-header margin, inside the embed's iframe; 0 elsewhere.
pub fn host_scroll_margin() -> u32 {
    match host_frame() {
        Some(_) => scroll_margin(&crate::browser::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()),
        None => 0,
    }
}

/// Ids are short tokens; anything else is dropped rather than echoed to the host.
fn is_embed_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A serialised http(s) origin: scheme, host, optional port, and no path, query or credentials.
pub fn is_origin(s: &str) -> bool {
    let rest = match s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) {
        Some(rest) => rest,
        None => return false,
    };
    !rest.is_empty()
        && rest.len() <= 255
        && rest.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
}

/// Where a modal dialog goes inside the embed's iframe: at the height of the button that opened it. The
/// iframe is as tall as the widget, so "centred in the viewport" would be the middle of the whole widget,
/// possibly screens away from where the reader is; the opener is where they are. Kept on screen (an 8 px
/// margin) when the dialog is taller than the space below the opener. Pure, so it is tested natively.
pub fn dialog_top(opener_top: f64, dialog_height: f64, viewport_height: f64) -> f64 {
    let lowest = viewport_height - dialog_height - 8.0;
    let top = if opener_top.is_finite() { opener_top.min(lowest) } else { 8.0 };
    if top.is_finite() { top.max(8.0) } else { 8.0 }
}

/// The height reported to the host: whole CSS pixels, rounded up so no line is cut off; a
/// non-finite or negative measurement (never expected) reports nothing.
pub fn reported_height(measured: f64) -> Option<u32> {
    (measured.is_finite() && measured >= 0.0).then(|| measured.ceil().min(f64::from(u32::MAX)) as u32)
}

/// The embedding window and what the fragment says about it, when this page runs in a frame that a host
/// can be told about (the iframe `embed.js` makes); `None` for a top-level page.
fn host_frame() -> Option<(web_sys::Window, FrameParams)> {
    let window = crate::browser::window()?;
    let parent = window.parent().ok().flatten()?;
    if js_sys::Object::is(&parent, &window) {
        return None;
    }
    let referrer_origin = window.document().and_then(|d| origin_of(&d.referrer()));
    let hash = window.location().hash().unwrap_or_default();
    frame_params(&hash, referrer_origin.as_deref()).map(|params| (parent, params))
}

/// Whether this page runs in the embed's iframe: as tall as the widget (so a centred dialog would be out of
/// sight) and sandboxed without downloads. Known from the first render, before the reporter starts.
pub fn in_host_frame() -> bool {
    host_frame().is_some()
}

/// Starts the height reporter when the page runs inside a frame; a top-level page does nothing.
/// The observer lives as long as the page (the standalone page never unmounts), so its closure is
/// deliberately leaked.
pub fn start_height_reporter() {
    let Some((parent, params)) = host_frame() else {
        return;
    };
    let Some(root) = crate::browser::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    // The baked page's boot.js reports the height once the page is parsed: keep only the host for failures.
    if root.has_attribute(FRAMED_ATTR) {
        remember_host(parent, params);
        return;
    }
    report_to(parent, params, root);
}

/// Reports `root`'s height to `parent` from now on, and remembers `parent` for [`report_failure`].
/// `start_height_reporter` finds the real parent; tests pass a window they can listen on.
pub fn report_to(parent: web_sys::Window, params: FrameParams, root: web_sys::Element) {
    remember_host(parent.clone(), params.clone());
    // page.css hides the scrollbar of a framed page (scrolling still works): a scrollbar appearing while
    // the host resizes the iframe would narrow the layout, change the height, and feed back.
    let _ = root.set_attribute(FRAMED_ATTR, "");
    let measured = root.clone();
    let mut last: Option<u32> = None;
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let Some(height) = reported_height(measured.get_bounding_client_rect().height()) else {
            return;
        };
        // ResizeObserver also fires for width-only changes; the host only needs new heights.
        if last == Some(height) {
            return;
        }
        last = Some(height);
        post(&parent, &params, HEIGHT_TYPE, Some(height));
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        on_resize.forget();
    }
}

fn remember_host(parent: web_sys::Window, params: FrameParams) {
    HOST.with(|host| {
        if let Ok(mut host) = host.try_borrow_mut() {
            *host = Some((parent, params));
        }
    });
}

/// Tells the embedding page (if any) that the widget stopped after an internal error.
pub fn report_failure() {
    HOST.with(|host| {
        if let Ok(host) = host.try_borrow() {
            if let Some((parent, params)) = host.as_ref() {
                post(parent, params, FAILED_TYPE, None);
            }
        }
    });
}

/// Posts one message. A failure (e.g. the host navigated to another origin, so the exact target
/// origin no longer matches) drops it; the browser reports nothing to us.
fn post(parent: &web_sys::Window, params: &FrameParams, kind: &str, height: Option<u32>) {
    let message = js_sys::Object::new();
    let fields: [(&str, JsValue); 3] = [("type", kind.into()), ("v", PROTOCOL_VERSION.into()), ("id", params.id.as_str().into())];
    for (key, value) in fields.into_iter().chain(height.map(|h| ("height", h.into()))) {
        if js_sys::Reflect::set(&message, &key.into(), &value).is_err() {
            return;
        }
    }
    let _ = parent.post_message(&message, &params.target_origin);
}

/// The origin of a URL, or `None` when it is empty or not http(s).
fn origin_of(url: &str) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    let origin = web_sys::Url::new(url).ok()?.origin();
    is_origin(&origin).then_some(origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dialog_in_the_embed_opens_where_its_button_is_and_stays_on_screen() {
        assert_eq!(dialog_top(2400.0, 500.0, 5000.0), 2400.0);
        assert_eq!(dialog_top(4800.0, 500.0, 5000.0), 4492.0, "near the bottom: lifted to fit");
        assert_eq!(dialog_top(-50.0, 500.0, 5000.0), 8.0);
        assert_eq!(dialog_top(100.0, 900.0, 600.0), 8.0, "taller than the frame: its top edge first");
        assert_eq!(dialog_top(f64::NAN, 500.0, 5000.0), 8.0);
        assert_eq!(dialog_top(300.0, 500.0, f64::NAN), 300.0);
    }

    #[test]
    fn the_fragment_names_the_embed_and_its_host() {
        let p = frame_params("#embed-id=msl-1&embed-origin=http%3A%2F%2F127.0.0.2%3A8081", None);
        assert_eq!(p, Some(FrameParams { id: "msl-1".into(), target_origin: "http://127.0.0.2:8081".into() }));
    }

    #[test]
    fn without_a_usable_origin_nothing_is_posted() {
        assert_eq!(frame_params("", None), None);
        assert_eq!(frame_params("#embed-id=a", None), None);
        // "*" would post to whoever the parent is; a path or a javascript: URL is not an origin.
        for bad in ["*", "javascript:alert(1)", "http://a.example/path", "https://u:p@a.example", "null", "ftp://x"] {
            let hash = format!("#embed-id=a&embed-origin={}", bad.replace(':', "%3A").replace('/', "%2F"));
            assert_eq!(frame_params(&hash, None), None, "{bad}");
        }
    }

    #[test]
    fn the_referrer_origin_is_the_fallback_and_a_bad_id_is_dropped() {
        let p = frame_params("#embed-id=%3Cscript%3E", Some("https://news.example"));
        assert_eq!(p, Some(FrameParams { id: String::new(), target_origin: "https://news.example".into() }));
        assert_eq!(frame_params("", Some("not an origin")), None);
    }

    #[test]
    fn the_host_header_margin_is_a_small_whole_number_or_nothing() {
        assert_eq!(scroll_margin("#embed-id=a&embed-origin=x&embed-top=71"), 71);
        assert_eq!(scroll_margin("#embed-id=a"), 0);
        for bad in ["-5", "7.5", "1e3", "abc", "1001", "99999999999", ""] {
            assert_eq!(scroll_margin(&format!("#embed-top={bad}")), 0, "{bad}");
        }
        assert_eq!(scroll_margin("#embed-top=1000"), 1000);
    }

    #[test]
    fn heights_are_whole_pixels_rounded_up() {
        assert_eq!(reported_height(812.2), Some(813));
        assert_eq!(reported_height(0.0), Some(0));
        assert_eq!(reported_height(f64::NAN), None);
        assert_eq!(reported_height(f64::INFINITY), None);
        assert_eq!(reported_height(-1.0), None);
    }
}
