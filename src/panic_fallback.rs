//! The last resort after a panic or a failed allocation: a visible `role="alert"` notice in every widget on the
//! page, and the host page told, instead of a widget that silently stops responding.
//!
//! Every input becomes a `Result` before it reaches a view, so a panic means a bug. After one, the wasm
//! module is unusable (`panic = "abort"` traps, and Leptos's `ErrorBoundary` catches `Err`, not panics),
//! and it is the same module for every widget on the page. The hook therefore touches only the DOM,
//! through web-sys, and never re-enters the reactive system, which may be half-way through an update.

use crate::i18n::ui;
use crate::model::Lang;
use crate::mount::{MOUNTED_ATTR, STANDALONE_ROOT_ID};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Once;
use wasm_bindgen::{JsCast, JsValue};

/// The DOM event dispatched (bubbling) on the element holding each widget, with the panic message as
/// `detail`; inside an iframe, `frame::report_failure` also tells the embedding page.
pub const FAILED_EVENT: &str = "msl-departures:error";
/// A rendered widget (see components/app.rs).
const WIDGET_SELECTOR: &str = "section.mslw[data-testid=msl-widget]";

thread_local! {
    /// Set by the first panic: later panics (a dead module trapping again) add nothing.
    static FAILED: Cell<bool> = const { Cell::new(false) };
}

/// The wasm's allocator: the standard one, except that a failed allocation shows the fallback first. Nothing in
/// the crate survives one (collections abort on it), and with `panic = "abort"` the standard handler stops the
/// module without the panic hook: no notice, every widget on the page dead. Stable Rust has no hook for it
/// (`std::alloc::set_alloc_error_hook` is unstable), hence this wrapper (`unsafe`, as
/// every allocator is).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: NoticeOnFailure = NoticeOnFailure;

/// [`System`]'s allocator, showing the fallback when it has no memory left.
pub struct NoticeOnFailure;

/// Memory set aside by [`install`] and given back when an allocation fails, so that the notice's own few small
/// allocations succeed even when nothing else is left.
static RESERVE: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());
const RESERVE_LAYOUT: Layout = match Layout::from_size_align(64 * 1024, 16) {
    Ok(layout) => layout,
    Err(_) => Layout::new::<u8>(),
};

// SAFETY: every call is passed to `System` unchanged; a null result is only observed, then returned as it is.
unsafe impl GlobalAlloc for NoticeOnFailure {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        observed(unsafe { System.alloc(layout) }, layout.size())
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        observed(unsafe { System.alloc_zeroed(layout) }, layout.size())
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        observed(unsafe { System.realloc(ptr, layout, new_size) }, new_size)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

fn observed(ptr: *mut u8, size: usize) -> *mut u8 {
    if ptr.is_null() {
        allocation_failed(size);
    }
    ptr
}

#[cold]
fn allocation_failed(size: usize) {
    // Also reached from the notice's own allocations if even the reserve was not enough: nothing more to do then.
    if FAILED.with(Cell::get) {
        return;
    }
    let reserve = RESERVE.swap(std::ptr::null_mut(), Ordering::Relaxed);
    if !reserve.is_null() {
        // SAFETY: allocated by `install` with this layout, and taken out of RESERVE, so freed once.
        unsafe { System.dealloc(reserve, RESERVE_LAYOUT) };
    }
    let message = format!("memory allocation of {size} bytes failed");
    web_sys::console::error_2(&"msl-departures:".into(), &JsValue::from_str(&message));
    show_fallback(&message);
}

/// Installs the hook once per page (the standalone start and every npm `mount` call this), and sets the
/// allocator's reserve aside.
pub fn install() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: a non-zero size; a null result (no memory even now) just means no reserve.
        RESERVE.store(unsafe { System.alloc(RESERVE_LAYOUT) }, Ordering::Relaxed);
        std::panic::set_hook(Box::new(|info| {
            let message = info.to_string();
            // For whoever debugs the page; the reader gets the notice.
            web_sys::console::error_2(&"msl-departures:".into(), &JsValue::from_str(&message));
            show_fallback(&message);
        }));
    });
}

/// Freezes every widget on the page behind the notice and tells the host, once.
fn show_fallback(message: &str) {
    if FAILED.with(|failed| failed.replace(true)) {
        return;
    }
    let Some(document) = crate::browser::window().and_then(|w| w.document()) else {
        return;
    };
    // Every element holding a widget, however it was mounted; a panic during the first render leaves a
    // holder without its widget, and the notice goes in a fresh widget frame there.
    let holders = format!("#{STANDALONE_ROOT_ID}, [{MOUNTED_ATTR}]");
    if let Ok(holders) = document.query_selector_all(&holders) {
        for i in 0..holders.length() {
            let Some(holder) = holders.item(i).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) else {
                continue;
            };
            let (found, scope) = widget_in(&holder);
            let widget = found.or_else(|| empty_widget(&document, &scope));
            if let Some(widget) = widget {
                freeze_behind_notice(&document, &holder, &widget, message);
            }
        }
    }
    crate::frame::report_failure();
}

/// The holder's widget, if rendered, and the node it lives in: the holder, or its shadow root for an npm
/// `shadow: true` mount.
fn widget_in(holder: &web_sys::Element) -> (Option<web_sys::Element>, web_sys::Node) {
    #[cfg(feature = "npm")]
    if let Some(root) = holder.shadow_root() {
        return (root.query_selector(WIDGET_SELECTOR).ok().flatten(), root.into());
    }
    (holder.query_selector(WIDGET_SELECTOR).ok().flatten(), holder.clone().into())
}

/// A bare `<section class="mslw">` in `holder`, so the notice gets the widget's styles and language.
fn empty_widget(document: &web_sys::Document, holder: &web_sys::Node) -> Option<web_sys::Element> {
    let widget = document.create_element("section").ok()?;
    widget.set_class_name("mslw");
    let lang = document.document_element().and_then(|html| html.get_attribute("lang")).unwrap_or_default();
    widget.set_attribute("lang", &lang).ok()?;
    holder.append_child(&widget).ok()?;
    Some(widget)
}

fn freeze_behind_notice(document: &web_sys::Document, holder: &web_sys::Element, widget: &web_sys::Element, message: &str) {
    let lang = match widget.get_attribute("lang") {
        Some(tag) if tag.starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    };
    // Inside a shadow root the document's active element is the holder; the root knows the one inside.
    #[cfg(feature = "npm")]
    let active = holder.shadow_root().map_or_else(|| document.active_element(), |root| root.active_element());
    #[cfg(not(feature = "npm"))]
    let active = document.active_element();
    let focus_was_inside = active.is_some_and(|active| widget.contains(Some(&active)));
    // `inert`, not removal: the cards stay readable, but no control can call into the dead module.
    let children = widget.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            let _ = child.set_attribute("inert", "");
        }
    }
    if let Some(notice) = notice(document, lang) {
        let _ = widget.prepend_with_node_1(&notice);
        // A keyboard user whose control just went inert keeps a place to stand, at the explanation.
        if focus_was_inside {
            if let Some(notice) = notice.dyn_ref::<web_sys::HtmlElement>() {
                let _ = notice.focus();
            }
        }
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&JsValue::from_str(message));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(FAILED_EVENT, &init) {
        let _ = holder.dispatch_event(&event);
    }
}

/// `<div role="alert">` with a title and what the reader can do, in the widget's language.
fn notice(document: &web_sys::Document, lang: Lang) -> Option<web_sys::Element> {
    let text = ui(lang);
    let notice = document.create_element("div").ok()?;
    notice.set_class_name("mslw-notice mslw-failed");
    for (name, value) in [("role", "alert"), ("data-testid", "widget-failed"), ("tabindex", "-1")] {
        notice.set_attribute(name, value).ok()?;
    }
    for (class, content) in [("mslw-notice-title", text.failed_title), ("", text.failed_body)] {
        let p = document.create_element("p").ok()?;
        if !class.is_empty() {
            p.set_class_name(class);
        }
        p.set_text_content(Some(content));
        notice.append_child(&p).ok()?;
    }
    Some(notice)
}
