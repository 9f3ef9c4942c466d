//! Helpers shared by the wasm-bindgen-test files: a fresh container, one macrotask of waiting, and
//! reading and driving the DOM the way a reader does.
#![allow(dead_code)] // each test binary uses its own subset

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// A new `<div>` appended to the body.
pub fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Leptos runs effects asynchronously: wait one macrotask for the DOM to catch up.
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Resolves after the next frame and one task more: when a new card's detail body has been written.
pub async fn after_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    tick().await;
}

pub fn find(root: &HtmlElement, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

pub fn text_of(root: &HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

/// Types into a field the way a reader does: set the value, then fire a bubbling `input` event.
pub fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let el = find(root, selector);
    js_sys::Reflect::set(&el, &JsValue::from_str("value"), &JsValue::from_str(value)).unwrap();
    let fire = js_sys::Function::new_with_args("el", "el.dispatchEvent(new Event('input', { bubbles: true }))");
    fire.call1(&JsValue::NULL, &el).unwrap();
}

pub fn click(root: &HtmlElement, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

/// Evaluates a JS expression (test code only: the widget itself never evaluates strings).
pub fn js(src: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({src});")).call0(&JsValue::NULL).unwrap()
}
