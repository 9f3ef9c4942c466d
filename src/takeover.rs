//! The live widget taking over the view baked at build time, in place: what the reader did before the
//! WebAssembly arrived (typed text, ticked boxes, opened details, focus) is carried over, then the baked view
//! is swapped for the live one in one step, so nothing is painted twice and nothing moves.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// The baked view that the reader sees (its Chinese twin, if any, is an inert `<template>`).
pub const BAKED_SELECTOR: &str = "[data-mslw-baked]:not(template)";
/// Every baked element, the template included: all go when the live view arrives.
const ALL_BAKED_SELECTOR: &str = "[data-mslw-baked]";
/// What the reader can change in the baked page before the script runs.
const FIELDS: &str = "input, select, textarea";

/// Carries the reader's changes from `baked` to `live` (which holds the freshly mounted widget), then puts `live`
/// where `baked` was and removes every baked view.
pub fn take_over(baked: &Element, live: &Element) {
    let document = baked.owner_document();
    let focused = document.as_ref().and_then(|d| d.active_element()).filter(|a| baked.contains(Some(a))).map(|a| key(&a));
    let _ = baked.replace_with_with_node_1(live);
    if let Some(document) = &document {
        if let Ok(all) = document.query_selector_all(ALL_BAKED_SELECTOR) {
            for i in 0..all.length() {
                if let Some(el) = all.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    el.remove();
                }
            }
        }
    }
    carry_fields(baked, live);
    carry_open_details(baked, live);
    if let Some(target) = focused.and_then(|k| find(live, "*", &k)) {
        if let Ok(target) = target.dyn_into::<HtmlElement>() {
            let _ = target.focus();
        }
    }
}

/// What identifies an element in both views: its id, else its tag, test hook, class, person and name/value.
fn key(el: &Element) -> String {
    let attr = |name: &str| el.get_attribute(name).unwrap_or_default();
    if let Some(id) = el.get_attribute("id").filter(|id| !id.is_empty()) {
        return format!("#{id}");
    }
    let person = el.closest("[data-person-id]").ok().flatten().and_then(|p| p.get_attribute("data-person-id")).unwrap_or_default();
    format!("{}|{}|{}|{}|{}|{}", el.tag_name(), attr("data-testid"), attr("class"), person, attr("name"), attr("value"))
}

/// The first element of `root` matching `selector` whose [`key`] is `wanted`.
fn find(root: &Element, selector: &str, wanted: &str) -> Option<Element> {
    let all = root.query_selector_all(selector).ok()?;
    (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<Element>().ok()).find(|el| key(el) == wanted)
}

fn prop(el: &Element, name: &str) -> JsValue {
    Reflect::get(el, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Each field the reader changed in the baked page (its value or tick differs from the one it was baked with)
/// is set on the live one, with the events a reader's own input fires, so the widget's state follows: typed search
/// text filters, a ticked box filters, a typed amount recomputes. A field left alone keeps the live view's value,
/// which a deep link may have set.
fn carry_fields(baked: &Element, live: &Element) {
    let Ok(fields) = baked.query_selector_all(FIELDS) else { return };
    for field in (0..fields.length()).filter_map(|i| fields.item(i)?.dyn_into::<Element>().ok()) {
        let Some((name, value)) = changed_by_reader(&field) else { continue };
        let Some(target) = find(live, FIELDS, &key(&field)) else { continue };
        if Reflect::set(&target, &JsValue::from_str(name), &value).unwrap_or(false) {
            for kind in ["input", "change"] {
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                    let _ = target.dispatch_event(&event);
                }
            }
        }
        // The caret stays where the reader left it.
        for name in ["selectionStart", "selectionEnd"] {
            let at = prop(&field, name);
            if at.as_f64().is_some() {
                let _ = Reflect::set(&target, &JsValue::from_str(name), &at);
            }
        }
    }
}

/// The property the reader changed on a baked field and its new value, if they changed it.
fn changed_by_reader(field: &Element) -> Option<(&'static str, JsValue)> {
    let (name, default) = match field.tag_name().as_str() {
        "SELECT" => {
            let chosen = field.query_selector("option[selected]").ok().flatten().or_else(|| field.query_selector("option").ok().flatten());
            ("value", chosen.map(|o| prop(&o, "value")).unwrap_or(JsValue::UNDEFINED))
        }
        "INPUT" if matches!(field.get_attribute("type").as_deref(), Some("checkbox" | "radio")) => ("checked", prop(field, "defaultChecked")),
        _ => ("value", prop(field, "defaultValue")),
    };
    let now = prop(field, name);
    (now != default).then_some((name, now))
}

/// A detail the reader opened (or closed) stays so.
fn carry_open_details(baked: &Element, live: &Element) {
    let Ok(all) = baked.query_selector_all("details") else { return };
    for details in (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<Element>().ok()) {
        let open = details.has_attribute("open");
        if let Some(target) = find(live, "details", &key(&details)) {
            if target.has_attribute("open") != open {
                let _ = target.toggle_attribute_with_force("open", open);
            }
        }
    }
}
