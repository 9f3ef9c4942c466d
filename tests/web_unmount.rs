//! A host unmounting a widget while it waits (issue 18, item 2): the share sheet, the clipboard, the frame after
//! "Show more". Reading a disposed signal or node ref would panic, and one panic stops every widget on the page, so
//! each test unmounts one widget during the pending work, lets the work finish, and checks the other still works.
//! A binary of its own: a panic here must not take the other component tests down with it.
#![cfg(all(target_arch = "wasm32", feature = "npm"))]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::*;

fn mount(element: &HtmlElement, options: &str) -> msl_departures::embed::WidgetHandle {
    msl_departures::embed::mount(element.clone().into(), Some(js(options).unchecked_into())).map_err(JsValue::from).expect("mounted")
}

/// The other widget still answers a reader, and no widget shows the "stopped working" alert.
async fn still_works(other: &HtmlElement) {
    type_into(other, "[data-testid=search]", "maher");
    tick().await;
    assert_eq!(count(other, "[data-testid=person-card]"), 1, "the other widget still filters");
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(document.query_selector_all("[data-testid=widget-failed]").unwrap().length(), 0, "no widget stopped");
    type_into(other, "[data-testid=search]", "");
    tick().await;
}

/// A promise the test settles later: `window[name]` holds `{resolve, reject}`.
fn pending(name: &str) -> String {
    format!("new Promise((resolve, reject) => {{ window.{name} = {{ resolve, reject }}; }})")
}

#[wasm_bindgen_test]
async fn unmounting_while_the_share_sheet_is_open() {
    js(&format!("Object.defineProperty(navigator, 'share', {{ configurable: true, value: () => {} }})", pending("__share")));
    let (a, b) = (container(), container());
    let mut ha = mount(&a, "{lang: 'en'}");
    let _hb = mount(&b, "{lang: 'zh'}");
    click(&a, "[data-testid=share]");
    tick().await;
    ha.unmount();
    js("window.__share.resolve()");
    tick().await;
    tick().await;
    still_works(&b).await;
}

#[wasm_bindgen_test]
async fn unmounting_while_the_clipboard_answers() {
    js(&format!(
        "Object.defineProperty(navigator, 'clipboard', {{ configurable: true, value: {{ writeText: () => {} }} }})",
        pending("__clipboard")
    ));
    let (a, b) = (container(), container());
    let mut ha = mount(&a, "{lang: 'en', embedUrl: 'https://example.org/msl/'}");
    let _hb = mount(&b, "{lang: 'en'}");
    click(&a, "[data-testid=embed-button]");
    click(&a, "[data-testid=embed-copy]");
    tick().await;
    ha.unmount();
    // Refused: the widget would select the snippet for copying by hand, in a dialog that is gone.
    js("window.__clipboard.reject(new Error('denied'))");
    tick().await;
    tick().await;
    still_works(&b).await;
}

#[wasm_bindgen_test]
async fn unmounting_before_the_frame_after_show_more() {
    // 27 people: more than one page of cards, so "Show more" is offered.
    let triple = js(&format!(
        "(() => {{ const d = JSON.parse({}); const base = d.people; \
         d.people = [0, 1, 2].flatMap((k) => base.map((p) => ({{ ...p, id: k ? `${{p.id}}-${{k}}` : p.id }}))); return d; }})()",
        js_sys::JSON::stringify(&JsValue::from_str(msl_departures::browser::BUNDLED_JSON)).unwrap().as_string().unwrap()
    ));
    let (a, b) = (container(), container());
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dataset".into(), &triple).unwrap();
    let mut ha = msl_departures::embed::mount(a.clone().into(), Some(options)).map_err(JsValue::from).expect("mounted");
    let _hb = mount(&b, "{lang: 'en'}");
    tick().await;
    assert!(count(&a, "[data-testid=person-card]") < 27, "one page first");
    click(&a, "[data-testid=show-more]");
    ha.unmount();
    after_frame().await;
    still_works(&b).await;
}
