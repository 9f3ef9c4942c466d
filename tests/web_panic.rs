//! The panic fallback in headless Chromium: a panic in the widget's module leaves a visible
//! `role="alert"` notice in every widget and tells the host page, instead of a frozen widget.
//!
//! The trigger is this test's own panicking listener: nothing in the crate can be made to panic on
//! purpose, so the release build has no trigger. A panic leaves the module unusable, hence a test
//! binary of its own with a single test.
#![cfg(all(target_arch = "wasm32", feature = "npm"))]

use msl_departures::frame::{report_to, FrameParams, FAILED_TYPE, HEIGHT_TYPE};
use msl_departures::panic_fallback::FAILED_EVENT;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::*;

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Records every `(type, data)` a listener receives.
fn record(target: &web_sys::EventTarget, event: &str, field: &'static str) -> Rc<RefCell<Vec<JsValue>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| sink.borrow_mut().push(get(&e, field)));
    target.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref()).unwrap();
    listener.forget();
    seen
}

#[wasm_bindgen_test]
async fn a_panic_freezes_every_widget_behind_an_alert_and_tells_the_host() {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();

    // Two mounted widgets, Chinese and English, one in a shadow root, and a holder whose widget panicked before rendering.
    let (zh, en, shadowed) = (container(), container(), container());
    let _a = msl_departures::embed::mount(zh.clone().into(), Some(js("{lang: 'zh'}").unchecked_into())).map_err(JsValue::from).unwrap();
    let _b = msl_departures::embed::mount(en.clone().into(), Some(js("{lang: 'en'}").unchecked_into())).map_err(JsValue::from).unwrap();
    let _c = msl_departures::embed::mount(shadowed.clone().into(), Some(js("{lang: 'en', shadow: true}").unchecked_into())).map_err(JsValue::from).unwrap();
    // The shadow mount's own container, inside the shadow root: the notice must be found there.
    let in_shadow: HtmlElement = shadowed.shadow_root().unwrap().first_element_child().unwrap().unchecked_into();
    let unrendered = container();
    unrendered.set_attribute(msl_departures::mount::MOUNTED_ATTR, "").unwrap();
    tick().await;
    assert_eq!(count(&zh, "[data-testid=person-card]"), 9);
    assert_eq!(count(&in_shadow, "[data-testid=person-card]"), 9);
    let host_events: Vec<_> = [&zh, &en, &shadowed, &unrendered].iter().map(|h| record(h, FAILED_EVENT, "detail")).collect();

    // An about:blank iframe stands in for the embedding page: same origin, so it can listen.
    let frame = document.create_element("iframe").unwrap();
    document.body().unwrap().append_child(&frame).unwrap();
    let fake_parent: web_sys::Window = get(&frame, "contentWindow").unchecked_into();
    let messages = record(&fake_parent, "message", "data");
    let params = FrameParams { id: "t1".into(), target_origin: window.location().origin().unwrap() };
    report_to(fake_parent, params, zh.clone().into());
    for _ in 0..50 {
        if !messages.borrow().is_empty() {
            break;
        }
        tick().await;
    }
    assert_eq!(get(&messages.borrow()[0], "type").as_string().as_deref(), Some(HEIGHT_TYPE));

    // Focus in a control, then a bug: a listener inside the module panics.
    let search: HtmlElement = find(&zh, "[data-testid=search]").unchecked_into();
    search.focus().unwrap();
    let bug = Closure::<dyn Fn()>::new(|| panic!("test-only trigger"));
    en.add_event_listener_with_callback("test-panic", bug.as_ref().unchecked_ref()).unwrap();
    bug.forget();
    en.dispatch_event(&web_sys::Event::new("test-panic").unwrap()).unwrap();
    // A second panic (the dead module trapping again) adds nothing.
    en.dispatch_event(&web_sys::Event::new("test-panic").unwrap()).unwrap();

    for (holder, title) in [(&zh, "此互动内容已停止运行"), (&en, "This interactive stopped working"), (&in_shadow, "This interactive stopped working"), (&unrendered, "This interactive stopped working")] {
        assert_eq!(count(holder, "[data-testid=widget-failed]"), 1, "one notice per widget");
        let notice: HtmlElement = find(holder, "section.mslw > [data-testid=widget-failed]:first-child").unchecked_into();
        assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
        assert!(notice.text_content().unwrap_or_default().contains(title), "{:?}", notice.text_content());
        assert!(notice.offset_height() > 0, "the notice is visible");
        // Everything else in the widget is inert: readable, not operable.
        let others = holder.query_selector_all("section.mslw > :not([data-testid=widget-failed])").unwrap();
        for i in 0..others.length() {
            let el: web_sys::Element = others.item(i).unwrap().unchecked_into();
            assert!(el.has_attribute("inert"), "{} is not inert", el.class_name());
        }
    }
    assert!(count(&zh, "[data-testid=person-card]") == 9, "the cards stay on the page to read");
    // The keyboard user's focus moved from the now inert search box to the explanation.
    let active = document.active_element().unwrap();
    assert_eq!(active.get_attribute("data-testid").as_deref(), Some("widget-failed"));
    assert!(zh.contains(Some(&active)));

    // Each host element heard one bubbling event carrying the panic message…
    for events in &host_events {
        let events = events.borrow();
        assert_eq!(events.len(), 1);
        assert!(events[0].as_string().unwrap_or_default().contains("test-only trigger"), "{:?}", events[0]);
    }
    // …and the embedding page got exactly one failure message in the protocol's shape.
    for _ in 0..20 {
        tick().await;
    }
    let failures: Vec<JsValue> = messages.borrow().iter().filter(|m| get(m, "type").as_string().as_deref() == Some(FAILED_TYPE)).cloned().collect();
    assert_eq!(failures.len(), 1);
    assert_eq!(get(&failures[0], "v").as_f64(), Some(1.0));
    assert_eq!(get(&failures[0], "id").as_string().as_deref(), Some("t1"));
}
