//! Component tests of the pay calculator in headless Chromium: mounted for real, driven and read through the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use msl_departures::browser::bundled_dataset;
use msl_departures::components::calculator::Calculator;
use msl_departures::model::Lang;
use msl_departures::pay::CalcInputs;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::*;

fn mount(root: &HtmlElement, lang: Lang, prefix: &'static str) -> (RwSignal<CalcInputs>, impl Drop) {
    let dataset = Arc::new(bundled_dataset().expect("bundled data valid"));
    let inputs = RwSignal::new(CalcInputs::default());
    let lang = Signal::stored(lang);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Calculator dataset=dataset lang=lang inputs=inputs id_prefix=prefix /> }
    });
    (inputs, handle)
}

#[wasm_bindgen_test]
async fn four_weeks_at_100m_a_year_is_the_articles_7_7m() {
    let root = container();
    let (_inputs, _handle) = mount(&root, Lang::En, "t1");
    tick().await;
    let chosen = text_of(&root, "[data-testid=calc-chosen]");
    assert_eq!(chosen, "$7.7M ($7,692,308)");
    let example = text_of(&root, "[data-testid=calc-example-values]");
    assert!(example.contains("$8.3M") && example.contains("$7.7M"), "{example}");
    assert!(text_of(&root, "[data-testid=calc-example]").contains("Unverified"));
    let result = find(&root, "[data-testid=calc-result]");
    assert_eq!(result.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(result.id(), "t1-calc-result");

    // The article's "under a month" typed as a unit.
    type_into(&root, "[data-testid=calc-weeks-text]", "1 month");
    tick().await;
    assert_eq!(text_of(&root, "[data-testid=calc-chosen]"), "$8.3M ($8,333,333)");
    // The slider follows the text field (4.3 weeks sits at the nearest whole week, position 4).
    let slider = find(&root, "[data-testid=calc-weeks-range]");
    assert_eq!(js_sys::Reflect::get(&slider, &JsValue::from_str("value")).unwrap().as_string().as_deref(), Some("4"));
}

#[wasm_bindgen_test]
async fn abc_shows_an_inline_error_bound_to_the_field() {
    let root = container();
    let (inputs, _handle) = mount(&root, Lang::En, "t2");
    tick().await;
    let field = find(&root, "[data-testid=calc-weeks-text]");
    assert_eq!(field.get_attribute("aria-invalid"), None);
    type_into(&root, "[data-testid=calc-weeks-text]", "abc");
    tick().await;
    assert_eq!(inputs.with_untracked(|i| i.weeks.clone()), "abc");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = field.get_attribute("aria-describedby").unwrap_or_default();
    let error = find(&root, "[data-testid=calc-weeks-text-error]");
    assert!(described.split(' ').any(|id| id == error.id()), "{described} / {}", error.id());
    assert!(!error.has_attribute("hidden"));
    assert!(error.text_content().unwrap_or_default().contains("Not a number"));
    assert_eq!(error.get_attribute("data-error").as_deref(), Some("not_a_number"));
    let result = text_of(&root, "[data-testid=calc-result]");
    for bad in ["NaN", "Infinity", "inf", "-$"] {
        assert!(!result.contains(bad), "{result}");
    }
    assert!(result.contains("To see a result, fix: Weeks at Meta."), "{result}");

    // Other controls keep working and the field recovers.
    let cliff: HtmlElement = find(&root, "[data-testid=calc-model-cliff]").unchecked_into();
    cliff.click();
    tick().await;
    type_into(&root, "[data-testid=calc-weeks-text]", "4");
    tick().await;
    assert_eq!(field.get_attribute("aria-invalid"), None);
    assert_eq!(text_of(&root, "[data-testid=calc-chosen]"), "$23.1K ($23,077)");
}

#[wasm_bindgen_test]
async fn chinese_uses_wan_and_yi() {
    let root = container();
    let (_inputs, _handle) = mount(&root, Lang::Zh, "t3");
    tick().await;
    assert_eq!(text_of(&root, "[data-testid=calc-chosen]"), "约769万美元（7692308美元）");
    assert!(text_of(&root, "[data-testid=calc-cny]").contains("约5474万元人民币"));
    let title = text_of(&root, "svg title");
    assert_eq!(title, "按在Meta周数计算的税前金额");
    // The article's example is typed as a Chinese reader would type it.
    click(&root, "[data-testid=calc-use-example]");
    tick().await;
    let weeks = js_sys::Reflect::get(&find(&root, "[data-testid=calc-weeks-text]"), &"value".into()).unwrap().as_string();
    let weeks = weeks.unwrap_or_default();
    assert_eq!(weeks, "1个月");
    assert_eq!(text_of(&root, "[data-testid=calc-chosen]"), "约833万美元（8333333美元）");
}

#[wasm_bindgen_test]
async fn two_calculators_share_no_ids_and_run_independently() {
    let root = container();
    let (_a, _ha) = mount(&root, Lang::En, "w1");
    let (_b, _hb) = mount(&root, Lang::En, "w2");
    tick().await;
    let all = root.query_selector_all("[id]").unwrap();
    let mut ids = std::collections::HashSet::new();
    for i in 0..all.length() {
        let id = all.item(i).unwrap().unchecked_into::<Element>().id();
        assert!(ids.insert(id.clone()), "duplicate id {id}");
    }
    for i in 0..root.query_selector_all("label[for]").unwrap().length() {
        let label: Element = root.query_selector_all("label[for]").unwrap().item(i).unwrap().unchecked_into();
        let target = label.get_attribute("for").unwrap();
        assert!(ids.contains(&target), "label for {target} points nowhere");
    }
    type_into(&root, "#w2-calc-weeks", "52");
    tick().await;
    let results = root.query_selector_all("[data-testid=calc-chosen]").unwrap();
    let first = results.item(0).unwrap().text_content().unwrap_or_default();
    let second = results.item(1).unwrap().text_content().unwrap_or_default();
    assert_eq!(first, "$7.7M ($7,692,308)");
    assert_eq!(second, "$100M ($100,000,000)");
}

#[wasm_bindgen_test]
async fn the_custom_package_fields_show_only_when_chosen_and_years_only_for_a_total() {
    let root = container();
    let (_inputs, _handle) = mount(&root, Lang::En, "t9");
    tick().await;
    // Built once and hidden (not shown, not focusable, not read) while they do not apply.
    let shown = |testid: &str| find(&root, &format!("[data-testid={testid}]")).closest("[hidden]").unwrap().is_none();
    assert!(!shown("calc-amount") && !shown("calc-per-total") && !shown("calc-years"));
    click(&root, "[data-testid=calc-pkg-custom]");
    tick().await;
    assert!(shown("calc-amount") && shown("calc-per-year") && !shown("calc-years"));
    click(&root, "[data-testid=calc-per-total]");
    tick().await;
    assert!(shown("calc-years"));
    type_into(&root, "[data-testid=calc-amount]", "100M");
    type_into(&root, "[data-testid=calc-years]", "4");
    tick().await;
    assert_eq!(text_of(&root, "[data-testid=calc-chosen]"), "$1.9M ($1,923,077)");
    // Back to a preset: the fields hide and keep what was typed.
    click(&root, "[data-testid=calc-pkg-altman-100m]");
    tick().await;
    assert!(!shown("calc-amount") && !shown("calc-years"));
    assert_eq!(js_sys::Reflect::get(&find(&root, "[data-testid=calc-amount]"), &JsValue::from_str("value")).unwrap().as_string().as_deref(), Some("100M"));
}
