//! Component tests in headless Chromium: the widget mounted for real, read back through the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use msl_departures::browser::{bundled_dataset, dataset_from_js, dataset_from_json};
use msl_departures::components::app::{App, AppInput};
use msl_departures::model::Lang;
use msl_departures::state::WidgetData;
use msl_departures::url_state::{parse_query, UrlState};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::*;

fn mount_with(root: &HtmlElement, lang: Lang, host_problems: Vec<msl_departures::dataset::Problem>, initial: UrlState) -> impl Drop {
    let dataset = Arc::new(bundled_dataset().expect("bundled data valid"));
    let data = Arc::new(WidgetData::new(dataset, format!("t{}", js_sys::Math::random().to_bits())));
    let input = AppInput { data, host_problems, initial, lang, sync_url: false, on_change: None, embed_url: None };
    leptos::mount::mount_to(root.clone(), move || view! { <App input=input /> })
}

fn mount(root: &HtmlElement, lang: Lang, host_problems: Vec<msl_departures::dataset::Problem>) -> impl Drop {
    mount_with(root, lang, host_problems, UrlState::default())
}

struct Guard<T>(Option<T>);
impl<T> Drop for Guard<T> {
    fn drop(&mut self) {
        self.0.take();
    }
}

#[wasm_bindgen_test]
async fn nine_cards_render_and_the_language_switch_translates_them() {
    let root = container();
    let handle = Guard(Some(mount(&root, Lang::En, vec![])));
    assert_eq!(count(&root, "[data-testid=person-card]"), 9);
    assert!(text_of(&root, "h2").contains("Superintelligence"));
    let maher = text_of(&root, "[data-person-id=bert-maher]");
    assert!(maher.contains("Bert Maher") && maher.contains("伯特·马赫"), "{maher}");
    assert!(maher.contains("Anthropic"), "{maher}");
    assert_eq!(root.query_selector("section").unwrap().unwrap().get_attribute("lang").as_deref(), Some("en"));

    click(&root, "[data-testid=lang-switch]");
    tick().await;
    assert!(text_of(&root, "h2").contains("超级智能实验室"));
    assert_eq!(root.query_selector("section").unwrap().unwrap().get_attribute("lang").as_deref(), Some("zh-Hans"));
    let markosyan = text_of(&root, "[data-person-id=aram-markosyan] [data-testid=destination]");
    assert_eq!(markosyan, "尚未公布");

    drop(handle);
    assert_eq!(count(&root, "[data-testid=person-card]"), 0, "unmount removes the cards");
}

#[wasm_bindgen_test]
async fn unmounting_before_the_detail_bodies_are_written_leaves_nothing_behind() {
    let root = container();
    let handle = mount(&root, Lang::En, vec![]);
    assert_eq!(count(&root, "[data-testid=person-card]"), 9);
    drop(handle);
    // The writing scheduled for after the frame finds the widget gone: no panic, no node written.
    after_frame().await;
    after_frame().await;
    assert_eq!(root.child_element_count(), 0);
    assert_eq!(count(&root, "[data-testid=fact-check]"), 0);
}

#[wasm_bindgen_test]
async fn unverified_and_disputed_claims_are_labelled_in_words() {
    let root = container();
    let _handle = mount(&root, Lang::En, vec![]);
    // The detail bodies (fact-checks, sources) are written just after the frame that shows the cards.
    assert_eq!(count(&root, "[data-person-id] [data-testid=fact-check]"), 0);
    after_frame().await;
    let wu = text_of(&root, "[data-person-id=chi-hao-wu]");
    assert!(wu.contains("Unverified"), "吴志浩 must carry its status: {wu}");
    let verma = text_of(&root, "[data-person-id=avi-verma]");
    assert!(verma.contains("Disputed"), "{verma}");
    // Every source is a safe link that opens without an opener reference.
    let links = root.query_selector_all("[data-person-id] a").unwrap();
    assert!(links.length() >= 9);
    for i in 0..links.length() {
        let a: web_sys::Element = links.item(i).unwrap().unchecked_into();
        assert!(a.get_attribute("href").unwrap().starts_with("https://"));
        assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    }
}

#[wasm_bindgen_test]
fn a_rejected_host_dataset_shows_its_problems_over_the_bundled_cards() {
    let bad = js_sys::JSON::parse(r#"{"schema_version": 1, "people": [{"id": "Not An Id"}]}"#).unwrap();
    let problems = dataset_from_js(&bad).expect_err("invalid dataset");
    assert!(problems.iter().any(|p| p.path == "people[0].id"), "{problems:?}");

    let root = container();
    let _handle = mount(&root, Lang::En, problems);
    let notice = root.query_selector("[data-testid=data-problems]").unwrap().expect("notice shown");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert!(notice.text_content().unwrap().contains("people[0].id"));
    assert_eq!(count(&root, "[data-testid=person-card]"), 9, "built-in data still shown");
}

#[wasm_bindgen_test]
fn js_values_of_any_shape_give_problems_not_panics() {
    let function = js_sys::Function::new_no_args("return 1");
    let values: Vec<JsValue> = vec![
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_f64(f64::NAN),
        JsValue::from_str("people"),
        js_sys::Array::new().into(),
        function.into(),
        js_sys::Symbol::for_("x").into(),
        js_sys::JSON::parse(r#"{"people": {"length": 5}}"#).unwrap(),
    ];
    for v in values {
        assert!(dataset_from_js(&v).is_err());
    }
    assert!(dataset_from_json("{not json").is_err());
}

#[wasm_bindgen_test]
async fn typing_filters_the_cards_and_the_status_says_how_many() {
    let root = container();
    let _handle = mount(&root, Lang::En, vec![]);
    let status = root.query_selector("[data-testid=result-count]").unwrap().expect("status present from first render");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(status.text_content().unwrap(), "All 9 people shown");

    type_into(&root, "[data-testid=search]", "maher");
    tick().await;
    assert_eq!(count(&root, "[data-testid=person-card]"), 1);
    assert_eq!(text_of(&root, "[data-testid=result-count]"), "1 of 9 people shown");

    type_into(&root, "[data-testid=search]", "zzz-nobody");
    tick().await;
    assert_eq!(count(&root, "[data-testid=person-card]"), 0);
    let empty = root.query_selector("[data-testid=empty-state]").unwrap().expect("the empty state is in the DOM");
    assert!(!empty.has_attribute("hidden"), "and shown when no one matches");
    click(&root, "[data-testid=empty-clear]");
    tick().await;
    assert_eq!(count(&root, "[data-testid=person-card]"), 9);
    assert!(empty.has_attribute("hidden"), "and hidden again when someone does");
}

#[wasm_bindgen_test]
async fn facet_checkboxes_combine_and_disable_options_that_would_leave_nobody() {
    let root = container();
    let _handle = mount(&root, Lang::En, vec![]);
    click(&root, "[data-testid=filter-cohort-new_msl]");
    tick().await;
    assert_eq!(count(&root, "[data-testid=person-card]"), 2);
    assert_eq!(text_of(&root, "[data-testid=result-count]"), "2 of 9 people shown");
    let anthropic: web_sys::HtmlInputElement =
        root.query_selector("[data-testid=filter-dest-anthropic]").unwrap().unwrap().unchecked_into();
    assert!(anthropic.disabled(), "no new MSL hire went to Anthropic, so the option is disabled");
    assert!(text_of(&root, "[data-testid=facet-dest]").contains("(0)"));
    click(&root, "[data-testid=clear-all]");
    tick().await;
    assert_eq!(count(&root, "[data-testid=person-card]"), 9);
}

#[wasm_bindgen_test]
fn initial_state_from_a_link_is_applied() {
    let root = container();
    let _handle = mount_with(&root, Lang::Zh, vec![], parse_query("dest=openai&sort=name&theme=dark"));
    assert_eq!(count(&root, "[data-testid=person-card]"), 4);
    assert_eq!(text_of(&root, "[data-testid=result-count]"), "显示4人，共9人");
    let first = root.query_selector("[data-testid=person-card]").unwrap().unwrap();
    assert_eq!(first.get_attribute("data-person-id").as_deref(), Some("afroz-mohiuddin"));
    assert_eq!(root.query_selector("section").unwrap().unwrap().get_attribute("data-theme").as_deref(), Some("dark"));
}

// ---- the npm boundary (src/embed.rs, behind the `npm` feature that `make test-wasm` turns on) ----
#[cfg(feature = "npm")]
mod npm_boundary {
    use super::*;

    /// The exported function as JS calls it: `undefined` options are absent.
    fn mount(element: JsValue, options: JsValue) -> Result<msl_departures::embed::WidgetHandle, wasm_bindgen::JsError> {
        let options = (!options.is_undefined()).then(|| options.unchecked_into::<js_sys::Object>());
        msl_departures::embed::mount(element, options)
    }

    fn error_text(e: JsValue) -> String {
        e.unchecked_into::<js_sys::Error>().message().as_string().unwrap_or_default()
    }

    #[wasm_bindgen_test]
    async fn two_mounted_instances_have_their_own_ids_and_filter_independently() {
        let (a, b) = (container(), container());
        let mut ha = mount(a.clone().into(), js("{lang: 'en', state: 'dest=openai'}")).map_err(JsValue::from).unwrap();
        let _hb = mount(b.clone().into(), js("{lang: 'zh', state: {sort: 'name', cohort: ['new_msl']}}")).map_err(JsValue::from).unwrap();
        assert_eq!(count(&a, "[data-testid=person-card]"), 4);
        assert_eq!(count(&b, "[data-testid=person-card]"), 2);
        // Every id is unique across both widgets, and each label points into its own widget.
        let document = web_sys::window().unwrap().document().unwrap();
        let ids = document.query_selector_all("[id]").unwrap();
        let mut seen = std::collections::HashSet::new();
        for i in 0..ids.length() {
            let id = ids.item(i).unwrap().unchecked_into::<web_sys::Element>().id();
            assert!(seen.insert(id.clone()), "duplicate id {id}");
        }
        for root in [&a, &b] {
            let labels = root.query_selector_all("label[for]").unwrap();
            assert!(labels.length() > 3);
            for i in 0..labels.length() {
                let target = labels.item(i).unwrap().unchecked_into::<web_sys::Element>().get_attribute("for").unwrap();
                assert!(root.query_selector(&format!("[id='{target}']")).unwrap().is_some(), "label for {target} outside its widget");
            }
        }
        type_into(&b, "[data-testid=search]", "maher");
        tick().await;
        assert_eq!(count(&a, "[data-testid=person-card]"), 4, "typing in b leaves a alone");
        ha.unmount();
        assert_eq!(count(&a, "[data-testid=person-card]"), 0);
        assert!(!ha.mounted());
        ha.unmount(); // a second unmount is a no-op
        type_into(&b, "[data-testid=search]", "");
        tick().await;
        assert_eq!(count(&b, "[data-testid=person-card]"), 2, "b still works after a is unmounted");
        // Styles were injected once for the document.
        assert_eq!(document.query_selector_all("style#mslw-styles").unwrap().length(), 1);
    }

    #[wasm_bindgen_test]
    fn a_label_names_the_widget_without_its_surrounding_spaces() {
        let name = "x".repeat(200);
        let root = container();
        let mut handle = mount(root.clone().into(), js(&format!("{{label: '  {name}  '}}"))).map_err(JsValue::from).expect("a 200-character label, spaces aside");
        let section = root.query_selector("section.mslw").unwrap().expect("mounted");
        let labelled_by = section.get_attribute("aria-labelledby").unwrap_or_default();
        let label_id = labelled_by.split(' ').nth(1).expect("the label's id after the title's");
        let label = root.query_selector(&format!("#{label_id}")).unwrap().expect("the label element");
        assert_eq!(label.text_content().as_deref(), Some(name.as_str()));
        handle.unmount();
    }

    #[wasm_bindgen_test]
    fn a_second_mount_on_one_element_is_refused_until_unmount() {
        let root = container();
        let mut first = mount(root.clone().into(), JsValue::UNDEFINED).map_err(JsValue::from).unwrap();
        let second = mount(root.clone().into(), JsValue::UNDEFINED).map_err(JsValue::from);
        let message = error_text(second.err().expect("second mount refused"));
        assert!(message.contains("already holds a widget"), "{message}");
        assert_eq!(count(&root, "section.mslw"), 1);
        first.unmount();
        let mut again = mount(root.clone().into(), JsValue::UNDEFINED).map_err(JsValue::from).expect("mountable after unmount");
        assert_eq!(count(&root, "section.mslw"), 1);
        again.unmount();
    }

    #[wasm_bindgen_test]
    fn invalid_options_throw_a_readable_error_and_mount_nothing() {
        for (options, expected) in [
            ("{lang: 'fr'}", "`lang`"),
            ("{theme: 'purple'}", "`theme`"),
            ("{onChange: 'not a function'}", "`onChange`"),
            ("{onchange: () => 1}", "unknown option `onchange`"),
            ("{state: 42}", "`state`"),
            ("{state: {dest: {}}}", "`state.dest`"),
            ("{injectStyles: 'yes'}", "`injectStyles`"),
            ("{lang: 7}", "`lang`"),
            ("{embedUrl: {}}", "`embedUrl`"),
            ("{embedUrl: 'javascript:alert(1)'}", "`embedUrl`"),
            ("{label: '   '}", "`label`"),
            ("{label: 'x'.repeat(201)}", "`label`"),
            ("{label: 7}", "`label`"),
            ("{label: ' ' + 'x'.repeat(201) + ' '}", "`label`"),
            ("'lang=en'", "must be an object"),
        ] {
            let root = container();
            let result = mount(root.clone().into(), js(options)).map_err(JsValue::from);
            let message = error_text(result.err().unwrap_or_else(|| panic!("{options} accepted")));
            assert!(message.contains(expected) && message.starts_with("msl-departures mount()"), "{options}: {message}");
            assert_eq!(count(&root, "section"), 0);
            assert!(!root.has_attribute("data-msl-departures-mounted"));
        }
        let not_an_element = mount(js("{}"), JsValue::UNDEFINED).map_err(JsValue::from);
        assert!(error_text(not_an_element.err().unwrap()).contains("HTMLElement"));
    }

    // Issue 18, item 7: a host's Proxy trap, getter or iterator that throws inside mount() escaped as a raw
    // TypeError from inside the boundary (a revoked Proxy in Array.isArray, a getter swallowed or run by
    // Object.entries, an array's iterator in Array.from), instead of the documented error.
    #[wasm_bindgen_test]
    fn hostile_options_throw_only_the_documented_error() {
        let revoked = "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()";
        let throwing_iterator = "(() => { const a = ['openai']; a[Symbol.iterator] = () => { throw new TypeError('iterator boom'); }; return a; })()";
        let cases = [
            (revoked.to_owned(), "options could not be read"),
            ("new Proxy({}, {ownKeys() { throw new TypeError('ownKeys boom'); }})".to_owned(), "ownKeys boom"),
            ("new Proxy({lang: 'en'}, {get() { throw new TypeError('get boom'); }})".to_owned(), "option `lang` could not be read (get boom)"),
            ("{get state() { throw new TypeError('state boom'); }}".to_owned(), "option `state` could not be read (state boom)"),
            (format!("{{state: {revoked}}}"), "option `state` could not be read"),
            ("{state: {get dest() { throw new TypeError('dest boom'); }}}".to_owned(), "option `state` could not be read (dest boom)"),
            (format!("{{state: {{dest: {throwing_iterator}}}}}"), "option `state.dest` could not be read (iterator boom)"),
            (format!("{{state: {{dest: new Proxy(['a'], {{get() {{ throw 'a string'; }}}})}}}}"), "option `state.dest` could not be read (a string)"),
            (format!("{{state: {{dest: {revoked}}}}}"), "option `state.dest` could not be read"),
            ("{get onChange() { throw {get message() { throw new Error('message boom'); }}; }}".to_owned(), "option `onChange` could not be read (an exception)"),
            (format!("{{onChange: {revoked}}}"), "`onChange` must be a function"),
        ];
        for (options, expected) in cases {
            let root = container();
            let result = mount(root.clone().into(), js(&options)).map_err(JsValue::from);
            let message = error_text(result.err().unwrap_or_else(|| panic!("{options} accepted")));
            assert!(message.starts_with("msl-departures mount(): ") && message.contains(expected), "{options}: {message}");
            assert_eq!(count(&root, "section"), 0);
            assert!(!root.has_attribute("data-msl-departures-mounted"));
        }
        // A Proxy of a real element passes `instanceof HTMLElement`, then fails every DOM call.
        let proxied = js("new Proxy(document.createElement('div'), {})");
        let message = error_text(mount(proxied, JsValue::UNDEFINED).map_err(JsValue::from).err().expect("refused"));
        assert!(message.starts_with("msl-departures mount(): ") && message.contains("HTMLElement"), "{message}");
        // Hostile byte containers as a dataset are problems, as any unreadable dataset is: the widget mounts.
        for dataset in [
            "new Proxy(new Uint8Array(8), {})",
            "(() => { const r = Proxy.revocable(new Uint8Array(8), {}); r.revoke(); return r.proxy; })()",
            "Object.defineProperty(new Uint8Array(8), 'buffer', {get() { throw new TypeError('buffer boom'); }})",
            "Object.defineProperty(new Uint8Array(8), 'byteLength', {value: 1e12})",
        ] {
            let root = container();
            let options = js("{lang: 'en'}");
            js_sys::Reflect::set(&options, &"dataset".into(), &js(dataset)).unwrap();
            let handle = mount(root.clone().into(), options).map_err(JsValue::from).unwrap_or_else(|e| panic!("{dataset}: {}", error_text(e)));
            assert!(js_sys::Array::from(&handle.problems()).length() > 0, "{dataset}");
            assert_eq!(count(&root, "[data-testid=person-card]"), 9, "{dataset}");
        }
        // Nothing was left half-done: a widget mounts and works as usual.
        let root = container();
        let _ok = mount(root.clone().into(), js("{lang: 'en', state: {dest: ['openai']}}")).map_err(JsValue::from).unwrap();
        assert_eq!(count(&root, "[data-testid=person-card]"), 4);
    }

    // Issue 18, item 8: a host dataset of any size was copied into the wasm and read (a few hundred MB ran the
    // module out of memory, with no notice, every widget dead).
    #[wasm_bindgen_test]
    fn a_dataset_over_64_mb_is_a_problem_before_it_is_copied() {
        let memory = || wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length();
        let over = 64 * 1024 * 1024 + 1;
        let (a, b) = (container(), container());
        for dataset in [format!("' '.repeat({over})"), format!("new Uint8Array({over})"), format!("new ArrayBuffer({over})")] {
            let options = js("{lang: 'en'}");
            js_sys::Reflect::set(&options, &"dataset".into(), &js(&dataset)).unwrap();
            let before = memory();
            let handle = mount(a.clone().into(), options).map_err(JsValue::from).unwrap();
            assert!(memory() - before < 16 * 1024 * 1024, "{dataset}: the wasm memory grew by {} bytes", memory() - before);
            let problems: Vec<String> = js_sys::Array::from(&handle.problems())
                .iter()
                .map(|p| js_sys::Reflect::get(&p, &"en".into()).unwrap().as_string().unwrap())
                .collect();
            assert_eq!(problems, ["the data is too large (65 MB; the limit is 64 MB)"], "{dataset}");
            assert!(text_of(&a, "[data-testid=data-problems]").contains("the data is too large (65 MB; the limit is 64 MB)"));
            assert_eq!(count(&a, "[data-testid=person-card]"), 9);
            let mut handle = handle;
            handle.unmount();
        }
        // Another widget on the page works.
        let _b = mount(b.clone().into(), js("{lang: 'en', state: 'dest=openai'}")).map_err(JsValue::from).unwrap();
        assert_eq!(count(&b, "[data-testid=person-card]"), 4);
    }

    #[wasm_bindgen_test]
    fn a_rejected_host_dataset_mounts_on_bundled_data_and_lists_the_problems() {
        let root = container();
        let handle = mount(root.clone().into(), js("{lang: 'en', dataset: {schema_version: 1, people: [{id: 'Not An Id'}]}}"))
            .map_err(JsValue::from)
            .unwrap();
        assert_eq!(count(&root, "[data-testid=person-card]"), 9);
        assert!(root.query_selector("[data-testid=data-problems]").unwrap().is_some());
        let problems: js_sys::Array = handle.problems().unchecked_into();
        assert!(problems.length() > 0);
        let paths: Vec<String> = problems
            .iter()
            .map(|p| js_sys::Reflect::get(&p, &"path".into()).unwrap().as_string().unwrap())
            .collect();
        assert!(paths.iter().any(|p| p == "people[0].id"), "{paths:?}");
        let bad_json = mount(container().into(), js("{dataset: '{not json'}")).map_err(JsValue::from).unwrap();
        assert!(js_sys::Array::from(&bad_json.problems()).length() > 0);
        let good = mount(container().into(), js(&format!("{{dataset: {}}}", msl_departures::browser::BUNDLED_JSON))).map_err(JsValue::from).unwrap();
        assert_eq!(js_sys::Array::from(&good.problems()).length(), 0);
    }

    #[wasm_bindgen_test]
    fn a_dataset_given_as_the_bytes_of_a_json_file_is_read_as_utf8() {
        let mount_on = |dataset: JsValue| {
            let options = js("{lang: 'en'}");
            js_sys::Reflect::set(&options, &"dataset".into(), &dataset).unwrap();
            let root = container();
            let handle = mount(root.clone().into(), options).map_err(JsValue::from).unwrap();
            let problems: Vec<String> = js_sys::Array::from(&handle.problems())
                .iter()
                .map(|p| js_sys::Reflect::get(&p, &"en".into()).unwrap().as_string().unwrap())
                .collect();
            (root, problems)
        };
        // A renamed person proves the host's data is shown, not the bundled fallback.
        let text = msl_departures::browser::BUNDLED_JSON.replacen("Bert Maher", "Bert Bytes", 1);
        let bytes = js_sys::Uint8Array::from(text.as_bytes());
        for dataset in [JsValue::from(bytes.clone()), bytes.buffer().into()] {
            let (root, problems) = mount_on(dataset);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(count(&root, "[data-testid=person-card]"), 9);
            assert!(root.text_content().unwrap().contains("Bert Bytes"));
        }
        // Bytes that are not UTF-8, and a buffer already transferred away: a notice on the bundled data.
        let mut broken = text.into_bytes();
        broken[10] = 0xff;
        let detached = js("(() => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return b; })()");
        for (dataset, expected) in [(js_sys::Uint8Array::from(&broken[..]).into(), "not UTF-8 text"), (detached, "end of the data")] {
            let (root, problems) = mount_on(dataset);
            assert!(problems.iter().any(|p| p.contains(expected)), "{problems:?}");
            assert_eq!(count(&root, "[data-testid=person-card]"), 9);
            assert!(root.query_selector("[data-testid=data-problems]").unwrap().is_some());
        }
    }

    #[wasm_bindgen_test]
    async fn on_change_reports_the_canonical_query_after_a_change_only() {
        let root = container();
        let calls = js_sys::Array::new();
        let record = js_sys::Function::new_with_args("calls", "return (q, s) => calls.push([q, s]);").call1(&JsValue::NULL, &calls).unwrap();
        let options = js("{lang: 'en'}");
        js_sys::Reflect::set(&options, &"onChange".into(), &record).unwrap();
        let _h = mount(root.clone().into(), options).map_err(JsValue::from).unwrap();
        tick().await;
        assert_eq!(calls.length(), 0, "no call on first render");
        click(&root, "[data-testid=filter-dest-openai]");
        tick().await;
        assert_eq!(calls.length(), 1);
        let call: js_sys::Array = calls.get(0).unchecked_into();
        assert_eq!(call.get(0).as_string().as_deref(), Some("lang=en&dest=openai"));
        assert_eq!(js_sys::Reflect::get(&call.get(1), &"dest".into()).unwrap().as_string().as_deref(), Some("openai"));
    }
}

#[wasm_bindgen_test]
async fn the_embed_dialog_shows_the_snippet_for_the_current_view() {
    let root = container();
    let dataset = Arc::new(bundled_dataset().expect("bundled data valid"));
    let data = Arc::new(WidgetData::new(dataset, "emb".into()));
    let input = AppInput {
        data,
        host_problems: vec![],
        initial: parse_query("dest=openai"),
        lang: Lang::En,
        sync_url: false,
        on_change: None,
        embed_url: Some("https://news.example/msl/".into()),
    };
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <App input=input /> });
    click(&root, "[data-testid=embed-button]");
    tick().await;
    let dialog: web_sys::HtmlDialogElement = root.query_selector("[data-testid=embed-dialog]").unwrap().unwrap().unchecked_into();
    assert!(dialog.open());
    let snippet: web_sys::HtmlTextAreaElement = root.query_selector("[data-testid=embed-snippet]").unwrap().unwrap().unchecked_into();
    assert!(snippet.value().contains("data-src=\"https://news.example/msl/?lang=en&amp;dest=openai\""), "{}", snippet.value());
    click(&root, "[data-testid=embed-close]");
    tick().await;
    assert!(!dialog.open());
}

/// Issue 18, item 3: the JSON download searched the whole `people` array for each shown id (about 5×10⁷ lookups
/// across the wasm boundary at 10,000 people: a frozen tab), and re-wrote the whole dataset through `JSON.parse`.
#[wasm_bindgen_test]
fn the_json_of_thousands_of_people_is_written_in_one_pass() {
    const N: usize = 5_000;
    let synthetic = js_sys::Function::new_with_args(
        "text, n",
        "const d = JSON.parse(text), base = d.people, people = [];
         for (let i = 0; i < n; i++) people.push({ ...base[i % base.length], id: `${base[i % base.length].id}-${i}` });
         return JSON.stringify({ ...d, people });",
    );
    let raw = synthetic.call2(&JsValue::NULL, &msl_departures::browser::BUNDLED_JSON.into(), &(N as f64).into()).unwrap().as_string().unwrap();
    let parse = |text: &str| js_sys::JSON::parse(text).unwrap();
    let ids_of = |value: &JsValue| -> Vec<String> {
        js_sys::Array::from(&js_sys::Reflect::get(value, &"people".into()).unwrap())
            .iter()
            .map(|p| js_sys::Reflect::get(&p, &"id".into()).unwrap().as_string().unwrap())
            .collect()
    };
    let all = ids_of(&parse(&raw));
    let shown: Vec<&str> = all.iter().rev().step_by(2).map(String::as_str).collect();
    let now = js_sys::Date::now;
    let start = now();
    let json = msl_departures::browser::filtered_json(&raw, &shown).unwrap();
    let ms = now() - start;
    // About 0.5 s in this unoptimised test build; the search per id took 5.5 s here.
    assert!(ms < 2_500.0, "{} of {N} people took {ms} ms", shown.len());
    assert_eq!(ids_of(&parse(&json)), shown);
    // The whole dataset is its text as it came, byte for byte.
    let everyone: Vec<&str> = all.iter().map(String::as_str).collect();
    assert_eq!(msl_departures::browser::filtered_json(&raw, &everyone).unwrap(), raw);
}
