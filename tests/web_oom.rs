//! A failed allocation in headless Chromium (issue 18, item 8): the module's memory runs out, and every widget
//! shows the panic fallback's `role="alert"` notice and tells the host page. Before, the standard handler stopped
//! the module (`panic = "abort"`) without running the panic hook: no notice, every widget dead.
//!
//! The memory really runs out: this test allocates gigabyte blocks until the module (at most 4 GiB) has no room
//! for another, as a host's data or a bug would. The fallback leaves the module unusable, hence a test binary of
//! its own with a single test.
#![cfg(all(target_arch = "wasm32", feature = "npm"))]

use msl_departures::panic_fallback::FAILED_EVENT;
use std::alloc::Layout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::*;

#[wasm_bindgen_test]
async fn a_failed_allocation_freezes_every_widget_behind_an_alert_and_tells_the_host() {
    let (zh, en) = (container(), container());
    let _a = msl_departures::embed::mount(zh.clone().into(), Some(js("{lang: 'zh'}").unchecked_into())).map_err(JsValue::from).unwrap();
    let _b = msl_departures::embed::mount(en.clone().into(), Some(js("{lang: 'en'}").unchecked_into())).map_err(JsValue::from).unwrap();
    tick().await;
    assert_eq!(count(&en, "[data-testid=person-card]"), 9);
    let details = Rc::new(RefCell::new(Vec::new()));
    let sink = details.clone();
    let listener = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| sink.borrow_mut().push(e.detail()));
    en.add_event_listener_with_callback(FAILED_EVENT, listener.as_ref().unchecked_ref()).unwrap();
    listener.forget();

    let layout = Layout::from_size_align(1 << 30, 8).unwrap();
    let mut blocks = Vec::new();
    loop {
        // SAFETY: a non-zero size; every block is freed below with the same layout.
        let block = unsafe { std::alloc::alloc(layout) };
        if block.is_null() {
            break;
        }
        blocks.push(block);
        assert!(blocks.len() < 8, "4 GiB is the most a wasm32 module can have");
    }
    for block in blocks {
        // SAFETY: allocated above with this layout.
        unsafe { std::alloc::dealloc(block, layout) };
    }

    for (holder, title) in [(&zh, "此互动内容已停止运行"), (&en, "This interactive stopped working")] {
        assert_eq!(count(holder, "[data-testid=widget-failed]"), 1, "one notice per widget");
        let notice: HtmlElement = find(holder, "section.mslw > [data-testid=widget-failed]:first-child").unchecked_into();
        assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
        assert!(notice.text_content().unwrap_or_default().contains(title), "{:?}", notice.text_content());
        assert!(notice.offset_height() > 0, "the notice is visible");
    }
    let details = details.borrow();
    assert_eq!(details.len(), 1);
    assert_eq!(details[0].as_string().as_deref(), Some("memory allocation of 1073741824 bytes failed"));
}
