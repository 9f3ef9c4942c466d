//! The "weeks at Meta vs. estimated pay" calculator: fields, choices and the result region, wired to `crate::pay`.
//!
//! View only: every number is parsed, computed and formatted by [`crate::pay`]; this module connects the reader's
//! typing to `CalcInputs` and shows what `compute` returns. Element ids start with the caller's `id_prefix`, so two
//! widgets on one page never share an id.

use crate::browser;
use crate::markup;
use crate::components::chart::{chart_markers, Chart};
use crate::dataset::is_safe_https_url;
use crate::i18n::{push_in_own_lang, calc_ui, fill, format_weeks_range, labelled, status_label, CalcUi};
use crate::model::{Dataset, Lang, Person};
use crate::read_only;
use crate::state::landmark_labelled_by;
use crate::pay::{
    announcement, fix_fields_text, slider_text, article_example, cny_source_label, comparison_sentence, compute, cny_rate_text, error_for, format_cny,
    format_count, format_usd, format_usd_full_in, format_usd_short_in, format_weeks_input, parse_weeks, result_lead,
    weeks_for_person, weeks_to_slider, CalcInputs, Field, FieldError, Outcome, PackageId,
    ParseError, PayModel, PeriodKind, CNY_RATE_SOURCE_URL, MEDIAN_SOURCE_URL, SLIDER_MAX,
};
use leptos::prelude::*;
use std::sync::Arc;

/// From this width the chart starts open (the widget's own viewport: the iframe's, inside an embed); `boot.js`
/// opens the baked page's the same way.
const WIDE_LAYOUT: &str = "(min-width: 40rem)";

/// The id of the result region for a widget's prefix: what "card → calculator" moves focus to.
pub fn result_id(id_prefix: &str) -> String {
    let mut id = id_prefix.to_owned();
    id.push_str("-calc-result");
    id
}

/// Card → calculator: sets the weeks to the person's estimate and, once the view has updated, moves focus to the
/// result region (`#{prefix}-calc-result`) without letting the browser scroll for it, then scrolls the region's top
/// (its heading and first line) to the top of the screen. Focus alone centred a region taller than a phone's screen,
/// so its heading and first line ended above it. Inside the embed's iframe the scroll reaches the host page, below
/// its sticky header (`data-scroll-margin` on the placeholder, see `frame::host_scroll_margin`).
pub fn show_in_calculator(inputs: RwSignal<CalcInputs>, person: &Person, id_prefix: &str) {
    inputs.update(|i| i.set_person(person));
    let id = result_id(id_prefix);
    request_animation_frame(move || {
        let element = crate::browser::element_by_id(&id);
        if let Some(el) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
            let top = crate::frame::host_scroll_margin();
            if top > 0 {
                // CSSOM, which a style-src policy does not block; widget.css gives the margin everywhere else.
                let _ = el.style().set_property("scroll-margin-top", &fill("{}px", &[&(top + 16).to_string()]));
            }
            let scroll = web_sys::ScrollIntoViewOptions::new();
            scroll.set_block(web_sys::ScrollLogicalPosition::Start);
            el.scroll_into_view_with_scroll_into_view_options(&scroll);
        }
    });
}

/// "Back to {name}'s card": focus returns to the card's calculator button the reader pressed (its card and detail
/// are still there unless a search has since removed them; then focus stays where it is).
fn back_to_card(id_prefix: &str, person_id: &str) {
    let heading = crate::browser::element_by_id(&crate::lead::card_heading_id(id_prefix, person_id));
    let button = heading.and_then(|h| h.closest("article").ok().flatten()).and_then(|a| a.query_selector(crate::components::card::CALC_BUTTON_SELECTOR).ok().flatten());
    if let Some(button) = button.and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok()) {
        let _ = button.focus();
    }
}

/// How long the reader pauses before the live region speaks: one announcement per pause in typing or run of
/// slider presses, instead of one per keystroke.
const ANNOUNCE_AFTER: std::time::Duration = std::time::Duration::from_millis(700);

/// A calculator text in the active language. One closure type for every such text (each `move ||` closure
/// would be its own type, with its own copy of the view code that renders it).
fn ctr(lang: Signal<Lang>, pick: fn(&CalcUi) -> &'static str) -> impl Fn() -> &'static str + Clone + Send + Sync + 'static {
    move || pick(calc_ui(lang.get()))
}

type Computed = Result<Outcome, Vec<FieldError>>;

/// The calculator section.
#[component]
pub fn Calculator(
    /// Source of the presets' pay reports, the article's hypothetical and the chart's markers.
    dataset: Arc<Dataset>,
    lang: Signal<Lang>,
    /// The reader's inputs; shared with the cards (card → calculator) and the URL.
    inputs: RwSignal<CalcInputs>,
    /// Prefix of every element id (for example "mslw").
    #[prop(into)]
    id_prefix: String,
    /// The element holding the host's name for this widget, added to the calculator's landmarks' names.
    #[prop(optional_no_strip)]
    label_id: Option<String>,
) -> impl IntoView {
    let p = Arc::new(id_prefix);
    let id = {
        let p = p.clone();
        move |suffix: &str| {
            let mut s = String::with_capacity(p.len() + 6 + suffix.len());
            s.push_str(&p);
            s.push_str("-calc-");
            s.push_str(suffix);
            s
        }
    };
    let computed: Memo<Computed> = Memo::new(move |_| inputs.with(compute));
    let errors = Memo::new(move |_| computed.with(|c| c.as_ref().err().cloned().unwrap_or_default()));
    let heading_id = id("heading");
    // Memos, not closures over `inputs`: the custom fields are rebuilt only when these flip, never per keystroke
    // (rebuilding the field being typed in would drop its focus).
    let is_custom = Memo::new(move |_| inputs.with(|i| i.package == PackageId::Custom));
    let is_total = Memo::new(move |_| inputs.with(|i| i.period == PeriodKind::Total));

    let weeks_field = view! {
        <WeeksField inputs=inputs lang=lang errors=errors field_id=id("weeks") />
    };
    let presets = [PackageId::Altman100m, PackageId::Wired300m]
        .into_iter()
        .map(|pkg| {
            let report = pkg.report(&dataset).cloned();
            view! {
                <PackageOption pkg=pkg inputs=inputs lang=lang group=id("pkg") report=report />
            }
        })
        .collect_view();
    let amount_id = id("amount");
    let years_id = id("years");
    let per_group = id("per");
    // Built once and hidden while another package is chosen (hidden: not shown, not focusable, not read):
    // a view rebuilt when the package flips cost 3.4 KB of wasm, and typing never rebuilt it either way.
    let custom_fields = {
        let per_year_id = {
            let mut s = per_group.clone();
            s.push_str("-year");
            s
        };
        let total_id = {
            let mut s = per_group.clone();
            s.push_str("-total");
            s
        };
        view! {
            <div class="mslw-calc-custom" hidden=move || !is_custom.get()>
                <TextField field=Field::Amount field_id=amount_id testid="calc-amount" inputs=inputs lang=lang errors=errors />
                <fieldset class="mslw-calc-group mslw-calc-period">
                    <legend>{ctr(lang, |u| u.period_legend)}</legend>
                    <div class="mslw-calc-option">
                        <input type="radio" id=per_year_id.clone() name=per_group.clone() value="year"
                            data-testid="calc-per-year"
                            checked=!is_total.get_untracked() prop:checked=move || !is_total.get()
                            on:change=move |_| inputs.update(|i| i.period = PeriodKind::PerYear) />
                        <label for=per_year_id>{ctr(lang, |u| u.per_year)}</label>
                    </div>
                    <div class="mslw-calc-option">
                        <input type="radio" id=total_id.clone() name=per_group value="total"
                            data-testid="calc-per-total"
                            checked=is_total.get_untracked() prop:checked=move || is_total.get()
                            on:change=move |_| inputs.update(|i| i.period = PeriodKind::Total) />
                        <label for=total_id>{ctr(lang, |u| u.total_over)}</label>
                    </div>
                </fieldset>
                <div hidden=move || !is_total.get()>
                    <TextField field=Field::Years field_id=years_id testid="calc-years" inputs=inputs lang=lang errors=errors />
                </div>
            </div>
        }
    };
    let custom_id = id("pkg-custom");
    let models = PayModel::ALL
        .into_iter()
        .map(|m| view! { <ModelOption model=m inputs=inputs lang=lang group=id("model") /> })
        .collect_view();

    let assumptions = NodeRef::<leptos::html::Details>::new();
    let assumptions_set = move || inputs.with(assumptions_changed) || errors.with(|e| e.iter().any(|e| matches!(e.field, Field::Base | Field::Signon)));
    let assumptions_open_at_start = inputs.with_untracked(assumptions_changed);
    Effect::new(move |_| {
        if assumptions_set() {
            if let Some(details) = assumptions.get() {
                details.set_open(true);
            }
        }
    });
    let labelled_by = landmark_labelled_by(&heading_id, label_id.as_deref());
    view! {
        <section class="mslw-calc" data-testid="calculator" aria-labelledby=labelled_by>
            <h3 class="mslw-calc-heading" id=heading_id>{ctr(lang, |u| u.heading)}</h3>
            <p class="mslw-calc-intro">{ctr(lang, |u| u.intro)}</p>
            <div class="mslw-calc-layout">
                // The article's sum heads the fields' column: on a wide screen it sits beside the answer.
                <div class="mslw-calc-inputs">
                    <ArticleExample dataset=dataset.clone() inputs=inputs lang=lang heading_id=id("example-heading") label_id=label_id.clone() />
                    {weeks_field}
                    <fieldset class="mslw-calc-group">
                        <legend>{ctr(lang, |u| u.package_legend)}</legend>
                        {presets}
                        <div class="mslw-calc-option">
                            <input type="radio" id=custom_id.clone() name=id("pkg") value="custom"
                                data-testid="calc-pkg-custom"
                                checked=is_custom.get_untracked() prop:checked=move || is_custom.get()
                                on:change=move |_| inputs.update(|i| i.package = PackageId::Custom) />
                            <label for=custom_id>{ctr(lang, |u| u.custom_label)}</label>
                        </div>
                        {custom_fields}
                    </fieldset>
                    <fieldset class="mslw-calc-group mslw-calc-segmented">
                        <legend>{ctr(lang, |u| u.model_legend)}</legend>
                        {models}
                    </fieldset>
                    // Closed unless the reader's link or typing set them: an assumption that shapes the figure is
                    // never hidden (a set or invalid value opens it, and nothing closes it but the reader).
                    <details class="mslw-calc-assumptions" data-testid="calc-assumptions" node_ref=assumptions
                        open=assumptions_open_at_start>
                        <summary>{ctr(lang, |u| u.assumptions_legend)}</summary>
                        <TextField field=Field::Base field_id=id("base") testid="calc-base" inputs=inputs lang=lang errors=errors />
                        <TextField field=Field::Signon field_id=id("signon") testid="calc-signon" inputs=inputs lang=lang errors=errors />
                    </details>
                </div>
                // The answer and its chart side by side with the fields on a wide screen, under them on a phone.
                <div class="mslw-calc-outputs">
                    <CalcResult computed=computed dataset=dataset.clone() inputs=inputs lang=lang id_prefix=p.clone()
                        heading_id=id("result-heading") label_id=label_id.clone() />
                    // Open from tablet width up; on a phone the answer comes first and the chart is one tap away.
                    <details class="mslw-chart-more" data-testid="calc-chart-details" open=browser::media_matches(WIDE_LAYOUT)>
                        <summary>{ctr(lang, |u| u.chart_title)}</summary>
                        <Chart computed=computed markers=Arc::new(chart_markers(&dataset)) lang=lang id_prefix=(*p).clone() />
                    </details>
                </div>
            </div>
        </section>
    }
}

/// The weeks text field and the slider that mirrors it.
#[component]
fn WeeksField(
    inputs: RwSignal<CalcInputs>,
    lang: Signal<Lang>,
    errors: Memo<Vec<FieldError>>,
    field_id: String,
) -> impl IntoView {
    // The slider shows the last weeks value that parsed, so it holds still while the text is being fixed.
    let last_valid = Memo::new(move |prev: Option<&f64>| {
        inputs.with(|i| parse_weeks(&i.weeks)).unwrap_or_else(|_| prev.copied().unwrap_or(0.0))
    });
    let mut slider_id = field_id.clone();
    slider_id.push_str("-range");
    let text = view! { <TextField field=Field::Weeks field_id=field_id testid="calc-weeks-text" inputs=inputs lang=lang errors=errors /> };
    view! {
        <div class="mslw-calc-weeks">
            {text}
            <input type="range" class="mslw-calc-range" id=slider_id data-testid="calc-weeks-range"
                min="0" max=SLIDER_MAX.to_string() step="1"
                aria-label=ctr(lang, |u| u.weeks_slider_label)
                aria-valuetext=move || fill(calc_ui(lang.get()).weeks_value, &[&format_weeks_input(last_valid.get())])
                value=weeks_to_slider(last_valid.get_untracked()).to_string()
                prop:value=move || weeks_to_slider(last_valid.get()).to_string()
                on:input=move |ev| {
                    if let Ok(pos) = event_target_value(&ev).parse::<u32>() {
                        inputs.update(|i| i.set_text(Field::Weeks, slider_text(pos, lang.get_untracked())));
                    }
                } />
        </div>
    }
}

/// Whether the reader (or their link) set a base salary or sign-on other than the defaults.
fn assumptions_changed(inputs: &CalcInputs) -> bool {
    inputs.url_pairs().iter().any(|(key, _)| matches!(*key, "base" | "signon"))
}

/// One of the calculator's text fields, labelled, with its hint and its inline error (`aria-invalid`,
/// `aria-describedby`); what it shows and sets is `field`'s part of the inputs.
#[component]
fn TextField(
    field: Field,
    field_id: String,
    testid: &'static str,
    inputs: RwSignal<CalcInputs>,
    lang: Signal<Lang>,
    errors: Memo<Vec<FieldError>>,
) -> impl IntoView {
    let error = Signal::derive(move || errors.with(|e| error_for(e, field)));
    let mut hint_id = field_id.clone();
    hint_id.push_str("-hint");
    let mut error_id = field_id.clone();
    error_id.push_str("-error");
    let mut error_testid = testid.to_owned();
    error_testid.push_str("-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => fill("{} {}", &[&error_id, &hint_id]),
            None => hint_id.clone(),
        }
    };
    view! {
        <div class="mslw-calc-field" class:mslw-calc-field-invalid=move || error.get().is_some()>
            <label class="mslw-calc-label" for=field_id.clone()>{move || calc_ui(lang.get()).field_text(field).0}</label>
            <p class="mslw-calc-hint" id=hint_id>{move || calc_ui(lang.get()).field_text(field).1}</p>
            // Weeks take units ("3 months"): a phone's decimal keypad has no letters.
            <input type="text" inputmode=if field == Field::Weeks { "text" } else { "decimal" } autocomplete="off" spellcheck="false" class="mslw-calc-input"
                id=field_id data-testid=testid
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described_by
                // The attribute is the baked page's first value (bake.rs writes no properties); the property follows the state.
                value=inputs.with_untracked(|i| i.text(field).to_owned())
                prop:value=move || inputs.with(|i| i.text(field).to_owned())
                on:input=move |ev| inputs.update(|i| i.set_text(field, event_target_value(&ev))) />
            <p class="mslw-calc-error" id=error_id data-testid=error_testid
                data-error=move || error.get().map(ParseError::kind)
                hidden=move || error.get().is_none()>
                {move || error.get().map(|e| e.message(lang.get()))}
            </p>
        </div>
    }
}

/// One preset package: its label, what it rests on, the report's fact-check status in words and its source.
#[component]
fn PackageOption(
    pkg: PackageId,
    inputs: RwSignal<CalcInputs>,
    lang: Signal<Lang>,
    group: String,
    report: Option<crate::model::PayReport>,
) -> impl IntoView {
    let mut option_id = group.clone();
    option_id.push('-');
    option_id.push_str(pkg.as_str());
    let mut detail_id = option_id.clone();
    detail_id.push_str("-detail");
    let mut testid = String::from("calc-pkg-");
    testid.push_str(pkg.as_str());
    let (status_slot, hint_slot) = (format!("preset-status:{}", pkg.as_str()), format!("preset-hint:{}", pkg.as_str()));
    let status = {
        let (report, slot) = (report.clone(), status_slot.clone());
        move || read_only!(&slot, lang.get(), preset_status_markup(report.as_ref(), lang.get()))
    };
    let hint = {
        let slot = hint_slot.clone();
        move || read_only!(&slot, lang.get(), preset_hint_markup(pkg, report.as_ref(), lang.get()))
    };
    // The status in words stays beside the choice; what it rests on and the source are one click away.
    view! {
        <div class="mslw-calc-option mslw-calc-preset">
            <input type="radio" id=option_id.clone() name=group value=pkg.as_str() data-testid=testid
                aria-describedby=detail_id.clone()
                checked=inputs.with_untracked(|i| i.package == pkg) prop:checked=move || inputs.with(|i| i.package == pkg)
                on:change=move |_| inputs.update(|i| i.package = pkg) />
            <label for=option_id>{move || pkg.label(lang.get())}</label>
            <details class="mslw-calc-why">
                <summary data-mslw-slot=status_slot inner_html=status></summary>
                <p class="mslw-calc-hint" id=detail_id data-mslw-slot=hint_slot inner_html=hint></p>
            </details>
        </div>
    }
}

/// A preset's fact-check status in words (or, with no report, that its source is missing), as the summary of
/// its closed note.
pub fn preset_status_markup(report: Option<&crate::model::PayReport>, l: Lang) -> String {
    let u = calc_ui(l);
    let mut out = String::new();
    match report {
        Some(r) => {
            let status = r.check.status;
            markup::element(&mut out, "strong", &[("class", "mslw-calc-status"), ("data-status", status.as_str())], &labelled(u.status_prefix, status_label(status, l), l));
        }
        None => markup::push_escaped(&mut out, u.source_missing),
    }
    out
}

/// What a preset rests on and its source (linked when its URL is safe), as markup.
#[cfg(not(baked_page))]
pub fn preset_hint_markup(pkg: PackageId, report: Option<&crate::model::PayReport>, l: Lang) -> String {
    let u = calc_ui(l);
    let mut out = markup::escape_html(pkg.detail(l).unwrap_or_default());
    // A Chinese sentence ends in "。", which carries its own space.
    if l == Lang::En {
        out.push(' ');
    }
    out.push_str("<span>");
    match report.map(|r| &r.source) {
        Some(source) => {
            markup::push_escaped(&mut out, &labelled(u.source_prefix, "", l));
            // The publisher as published, marked with its own language when it is not the view's.
            if is_safe_https_url(&source.url) {
                markup::open(&mut out, "a", &[("href", &source.url), ("target", "_blank"), ("rel", "noopener noreferrer")]);
                push_in_own_lang(&mut out, &source.publisher, l);
                out.push_str("</a>");
            } else {
                push_in_own_lang(&mut out, &source.publisher, l);
            }
        }
        None => markup::push_escaped(&mut out, u.source_missing),
    }
    out.push_str("</span>");
    out
}

/// One pay model's radio button with what it means.
#[component]
fn ModelOption(model: PayModel, inputs: RwSignal<CalcInputs>, lang: Signal<Lang>, group: String) -> impl IntoView {
    let mut option_id = group.clone();
    option_id.push('-');
    option_id.push_str(model.as_str());
    let mut detail_id = option_id.clone();
    detail_id.push_str("-detail");
    let mut testid = String::from("calc-model-");
    testid.push_str(model.as_str());
    view! {
        <div class="mslw-calc-option">
            <input type="radio" id=option_id.clone() name=group value=model.as_str() data-testid=testid
                aria-describedby=detail_id.clone()
                checked=inputs.with_untracked(|i| i.model == model) prop:checked=move || inputs.with(|i| i.model == model)
                on:change=move |_| inputs.update(|i| i.model = model) />
            <label for=option_id>{move || model.short_label(lang.get())}</label>
            <p class="mslw-calc-hint" id=detail_id>{move || labelled(model.label(lang.get()), model.detail(lang.get()), lang.get())}</p>
        </div>
    }
}

/// The result region: focusable (card → calculator moves focus here), text in the active language.
#[component]
fn CalcResult(
    computed: Memo<Computed>,
    dataset: Arc<Dataset>,
    inputs: RwSignal<CalcInputs>,
    lang: Signal<Lang>,
    id_prefix: Arc<String>,
    heading_id: String,
    label_id: Option<String>,
) -> impl IntoView {
    let result_id = result_id(&id_prefix);
    let report_status = {
        let dataset = dataset.clone();
        move |package: PackageId| package.report(&dataset).map(|r| r.check.status)
    };
    let summary = move || {
        let l = lang.get();
        computed.with(|c| match c {
            Ok(o) => {
                let package = inputs.with(|i| i.package);
                result_lead(o, package, report_status(package), l)
            }
            Err(errors) => fix_fields_text(errors, l),
        })
    };
    let chosen = move || computed.with(|c| c.as_ref().ok().map(|o| format_usd(o.chosen_usd, lang.get())));
    // What stays in view under the amount, for valid inputs, as one markup string (one DOM write per input).
    let details = move || {
        let l = lang.get();
        computed.with(|c| {
            let o = c.as_ref().ok()?;
            let mut out = range_markup(o, l);
            if let Some(p) = inputs.with(|i| i.person.clone()).and_then(|id| dataset.person(&id)) {
                markup::element(&mut out, "p", &[("class", "mslw-calc-person"), ("data-testid", "calc-person")], &person_note(p, o, l));
                out.push_str(&back_button_markup(p, l));
            }
            Some(out)
        })
    };
    // The live region: what `announcement` says, once the reader pauses (ANNOUNCE_AFTER), never on first render.
    // The visible summary follows every keystroke but is not live: it spoke a 25-word sentence per keystroke,
    // and an error at "12 we" on the way to "12 weeks".
    let announced = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first_done: Option<()>| {
        let next = computed.with(|c| inputs.with(|i| announcement(c, i, lang.get_untracked())));
        if first_done.is_none() {
            return;
        }
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
        if let Some(text) = next {
            let handle = set_timeout_with_handle(move || { announced.try_set(text); }, ANNOUNCE_AFTER).ok();
            pending.try_set_value(handle);
        }
    });
    // "Back to {name}'s card" is part of the result's markup (see `back_button_markup`); its click is handled here.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let target = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let button = target.and_then(|t| t.closest("[data-testid=calc-back-to-card]").ok().flatten());
        if let Some(id) = button.and_then(|b| b.get_attribute("data-person")) {
            back_to_card(&id_prefix, &id);
        }
    };
    let labelled_by = landmark_labelled_by(&heading_id, label_id.as_deref());
    view! {
        <section class="mslw-calc-result" id=result_id data-testid="calc-result" tabindex="-1"
            aria-labelledby=labelled_by on:click=on_click>
            <h4 class="mslw-calc-result-heading" id=heading_id>{ctr(lang, |u| u.result_heading)}</h4>
            <p class="mslw-sr-only" role="status" data-testid="calc-announce">{move || announced.get()}</p>
            <div class="mslw-calc-summary" data-testid="calc-summary">
                <p>{summary}</p>
                <p class="mslw-calc-amount" data-testid="calc-chosen">{chosen}</p>
            </div>
            <div class="mslw-calc-details" inner_html=move || details().unwrap_or_default()></div>
            // Its own element, outside the markup rewritten per input, so it stays open while the reader types.
            <details class="mslw-calc-rates-more" data-testid="calc-rates-details" hidden=move || computed.with(Result::is_err)>
                <summary>{ctr(lang, |u| u.rates_heading)}</summary>
                <div inner_html=move || computed.with(|c| c.as_ref().map(|o| more_markup(o, lang.get())).unwrap_or_default())></div>
            </details>
            <p class="mslw-calc-caveat" data-testid="calc-caveat">{ctr(lang, |u| u.caveat)}</p>
        </section>
    }
}

/// What stays in view under the chosen amount for valid inputs: the zero note and the range of the three models.
pub fn range_markup(o: &Outcome, l: Lang) -> String {
    let u = calc_ui(l);
    let mut out = String::with_capacity(256);
    if o.weeks <= 0.0 {
        markup::element(&mut out, "p", &[("class", "mslw-calc-zero"), ("data-testid", "calc-zero-note")], u.zero_weeks);
    }
    let (low, high) = (format_usd_short_in(o.amounts.low(), l), format_usd_short_in(o.amounts.high(), l));
    let range = if low == high { fill(u.range_same, &[&low]) } else { fill(u.range, &[&low, &high]) };
    markup::element(&mut out, "p", &[("data-testid", "calc-range")], &range);
    out
}

/// Under the range: the three models, the stock part, the yuan line and the comparison with a median salary
/// (with sources).
pub fn details_markup(o: &Outcome, l: Lang) -> String {
    let u = calc_ui(l);
    let mut out = String::with_capacity(2048);
    out.push_str("<ul class=\"mslw-calc-models\" data-testid=\"calc-models\">");
    for m in PayModel::ALL {
        let chosen = m == o.model;
        if chosen {
            markup::open(&mut out, "li", &[("data-model", m.as_str()), ("class", "mslw-calc-chosen")]);
        } else {
            markup::open(&mut out, "li", &[("data-model", m.as_str())]);
        }
        markup::push_escaped(&mut out, &labelled(m.label(l), "", l));
        markup::element(&mut out, "span", &[("class", "mslw-calc-model-amount")], &format_usd_short_in(o.amounts.get(m), l));
        if chosen {
            let tag = match l {
                Lang::En => {
                    out.push(' ');
                    fill("({})", &[u.chosen_marker])
                }
                Lang::Zh => fill("（{}）", &[u.chosen_marker]),
            };
            markup::element(&mut out, "strong", &[("class", "mslw-calc-chosen-tag")], &tag);
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    if let Some(stock) = o.terms.stock_usd(o.model, o.weeks) {
        markup::element(&mut out, "p", &[("class", "mslw-calc-hint")], &labelled(u.stock_part, &format_usd_full_in(stock, l), l));
    }
    let (rate, date) = cny_rate_text(l);
    out.push_str("<p data-testid=\"calc-cny\">");
    markup::push_escaped(&mut out, &fill(u.cny, &[&format_cny(o.chosen_cny, l), &rate, &date]));
    // No space after a Chinese "：" or "。" (they carry their own).
    if l == Lang::En {
        out.push(' ');
    }
    markup::external_link(&mut out, CNY_RATE_SOURCE_URL, cny_source_label(l));
    out.push_str("</p><p data-testid=\"calc-comparison\">");
    markup::push_escaped(&mut out, &comparison_sentence(o, l));
    if l == Lang::En {
        out.push(' ');
    }
    markup::external_link(&mut out, MEDIAN_SOURCE_URL, u.median_link);
    out.push_str("</p>");
    out
}

/// The result's closed "more" disclosure: the three models, the yuan and the median wage ([`details_markup`]),
/// then the amount per unit of time ([`rates_markup`]).
pub fn more_markup(o: &Outcome, l: Lang) -> String {
    let mut out = details_markup(o, l);
    out.push_str(&rates_markup(o, l));
    out
}

/// The amount per week, day, hour, minute and second (or why there is none), for the result's closed
/// "more" disclosure.
pub fn rates_markup(o: &Outcome, l: Lang) -> String {
    let u = calc_ui(l);
    let mut out = String::with_capacity(1024);
    match o.rates {
        Some(r) => {
            out.push_str("<dl class=\"mslw-calc-rates\" data-testid=\"calc-rates\">");
            for (label, v) in [(u.per_week, r.per_week), (u.per_day, r.per_day), (u.per_hour, r.per_hour), (u.per_minute, r.per_minute), (u.per_second, r.per_second)] {
                out.push_str("<div>");
                markup::element(&mut out, "dt", &[], label);
                markup::element(&mut out, "dd", &[], &format_usd_full_in(v, l));
                out.push_str("</div>");
            }
            out.push_str("</dl>");
            markup::element(&mut out, "p", &[("class", "mslw-calc-hint")], u.rates_note);
        }
        None => markup::element(&mut out, "p", &[("data-testid", "calc-rates-none")], u.rates_zero),
    }
    out
}

/// "Set from Ethan Knight's card": the person's tenure as reported, its range and the amounts over it.
pub fn person_note(person: &Person, o: &Outcome, l: Lang) -> String {
    let (low, estimate, high) = weeks_for_person(person);
    let name = match l {
        Lang::En => &person.name_en,
        Lang::Zh => &person.name_zh.text,
    };
    let (a, b) = (o.terms.amount(o.model, low), o.terms.amount(o.model, high));
    let range = if l == Lang::Zh { "{}至{}" } else { "{} – {}" };
    let over = if format_usd_short_in(a, l) == format_usd_short_in(b, l) { format_usd_short_in(a, l) } else { fill(range, &[&format_usd_short_in(a, l), &format_usd_short_in(b, l)]) };
    let mut s = fill(calc_ui(l).from_card, &[name, person.tenure.reported.get(l), &format_count(estimate, l), &format_weeks_range(low, high, l), &over]);
    if person.tenure.precision == crate::model::TenurePrecision::NeverStarted {
        if l == Lang::En {
            s.push(' ');
        }
        s.push_str(calc_ui(l).never_started);
    }
    s
}

/// After card → calculator, the way back: "Back to Chaya Nayak's card" (focus returns to the button the reader pressed).
pub fn back_button_markup(person: &Person, l: Lang) -> String {
    let name = match l {
        Lang::En => &person.name_en,
        Lang::Zh => &person.name_zh.text,
    };
    let mut out = String::new();
    let attrs = [("type", "button"), ("class", "mslw-calc-back"), ("data-testid", "calc-back-to-card"), ("data-person", person.id.as_str())];
    markup::element(&mut out, "button", &attrs, &fill(calc_ui(l).back_to_card, &[name]));
    out
}

/// The article's sum, reproduced and labelled as its hypothetical, with its premise and fact-check.
#[component]
fn ArticleExample(
    dataset: Arc<Dataset>,
    inputs: RwSignal<CalcInputs>,
    lang: Signal<Lang>,
    heading_id: String,
    label_id: Option<String>,
) -> impl IntoView {
    let labelled_by = landmark_labelled_by(&heading_id, label_id.as_deref());
    let text = move || read_only!("calc-example", lang.get(), example_markup(&dataset.hypothetical, &heading_id, lang.get()));
    let use_example = move |_| {
        // Typed as a reader of that language would type it (the field reads both).
        let one_month = if lang.get_untracked() == Lang::Zh { "1个月" } else { "1 month" };
        inputs.update(|i| {
            i.weeks = one_month.into();
            i.package = PackageId::Altman100m;
            i.model = PayModel::StraightLine;
            i.person = None;
        })
    };
    view! {
        // A section, not an aside: a complementary landmark inside the widget's region is not top-level (axe).
        <section class="mslw-calc-example" data-testid="calc-example" aria-labelledby=labelled_by>
            <div data-mslw-slot="calc-example" inner_html=text></div>
            <button type="button" class="mslw-calc-button" data-testid="calc-use-example" on:click=use_example>
                {ctr(lang, |u| u.example_button)}
            </button>
        </section>
    }
}

/// The article's sum as markup: heading (with its fact-check status), the figures, the premise and the
/// fact-check's note.
#[cfg(not(baked_page))]
pub fn example_markup(h: &crate::model::Hypothetical, heading_id: &str, l: Lang) -> String {
    let u = calc_ui(l);
    let (month, four_weeks, stated) = article_example(h.annual_usd, h.years, h.stated_usd);
    let status = h.check.status;
    let mut out = String::with_capacity(1024);
    markup::open(&mut out, "h4", &[("class", "mslw-calc-example-heading"), ("id", heading_id)]);
    markup::push_escaped(&mut out, u.example_heading);
    out.push(' ');
    markup::element(&mut out, "span", &[("class", "mslw-calc-status"), ("data-status", status.as_str())], &labelled(u.status_prefix, status_label(status, l), l));
    out.push_str("</h4>");
    // The template says "about" itself ("文章说的是约{}"): a stated figure the formatter rounds is not "约约…".
    let stated = format_usd_short_in(stated, l);
    let stated = stated.strip_prefix('约').unwrap_or(&stated);
    let values = fill(u.example_text, &[&format_usd_short_in(h.annual_usd, l), &format_usd_short_in(month, l), &format_usd_short_in(four_weeks, l), stated]);
    markup::element(&mut out, "p", &[("data-testid", "calc-example-values")], &values);
    out.push_str("<details class=\"mslw-calc-example-note\"><summary>");
    markup::push_escaped(&mut out, crate::i18n::ui(l).full_note);
    out.push_str("</summary>");
    markup::element(&mut out, "p", &[("class", "mslw-calc-hint")], h.premise.get(l));
    if let Some(note) = &h.check.note {
        markup::element(&mut out, "p", &[("class", "mslw-calc-hint")], note.get(l));
    }
    out.push_str("</details>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pay::compute;

    fn outcome(weeks: &str) -> Outcome {
        compute(&CalcInputs { weeks: weeks.into(), ..CalcInputs::default() }).expect("valid")
    }

    #[test]
    fn the_details_show_range_models_rates_and_sourced_comparisons() {
        let html = range_markup(&outcome("4"), Lang::En) + &details_markup(&outcome("4"), Lang::En);
        let html = html + &rates_markup(&outcome("4"), Lang::En);
        for hook in ["calc-range", "calc-models", "calc-rates", "calc-cny", "calc-comparison"] {
            assert_eq!(html.matches(&format!("data-testid=\"{hook}\"")).count(), 1, "{hook}: {html}");
        }
        assert_eq!(html.matches("<li data-model=").count(), 3);
        assert_eq!(html.matches("class=\"mslw-calc-chosen\"").count(), 1);
        assert_eq!(html.matches("<dt>").count(), 5);
        assert_eq!(html.matches("target=\"_blank\" rel=\"noopener noreferrer\"").count(), 2);
        assert!(!html.contains("calc-zero-note") && !html.contains("calc-rates-none"));
        let zero = range_markup(&outcome("0"), Lang::Zh);
        assert!(zero.contains("data-testid=\"calc-zero-note\"") && rates_markup(&outcome("0"), Lang::Zh).contains("data-testid=\"calc-rates-none\""));
        // When the models agree, one figure: not "$0 to $0", "CNY 0 (CNY 0)" or "$115M to $115M".
        let zero = range_markup(&outcome("0"), Lang::En) + &details_markup(&outcome("0"), Lang::En);
        assert!(zero.contains(">The three models all give $0.</p>"), "{zero}");
        assert!(zero.contains("In yuan: CNY 0 at") && !zero.contains("(CNY 0)"), "{zero}");
        assert!(range_markup(&outcome("60"), Lang::En).contains(">The three models all give $115M.</p>"));
        assert!(range_markup(&outcome("60"), Lang::Zh).contains(">三种模型的结果都是约1.2亿美元。</p>"));
    }

    #[test]
    fn a_person_note_names_them_in_the_active_language() {
        let data = crate::dataset::data_file_for_tests();
        let p = data.people.iter().find(|p| p.id == "ethan-knight").expect("in the data");
        let o = outcome("4");
        assert!(person_note(p, &o, Lang::En).contains("Ethan Knight"));
        assert!(person_note(p, &o, Lang::Zh).contains(&p.name_zh.text));
        assert!(person_note(p, &o, Lang::En).ends_with("this model gives $1.9M – $8.3M."), "{}", person_note(p, &o, Lang::En));
        assert!(person_note(p, &o, Lang::Zh).ends_with("估计3周（范围1–4.3周）。在这个范围内，此模型的结果为约192万美元至约827万美元。"), "{}", person_note(p, &o, Lang::Zh));
    }

    #[test]
    fn the_way_back_names_the_card_in_the_view_language() {
        let data = crate::dataset::data_file_for_tests();
        let p = data.people.iter().find(|p| p.id == "chaya-nayak").expect("in the data");
        assert_eq!(back_button_markup(p, Lang::En), "<button type=\"button\" class=\"mslw-calc-back\" data-testid=\"calc-back-to-card\" data-person=\"chaya-nayak\">Back to Chaya Nayak&#39;s card</button>");
        assert!(back_button_markup(p, Lang::Zh).ends_with(">返回查雅·纳亚克的卡片</button>"));
    }

    #[test]
    fn a_person_who_may_never_have_started_is_never_said_to_have_never_started() {
        // Meta: never started in a TBD Lab role; the FT: onboarded but never showed up; Wired: under a month.
        let data = crate::dataset::data_file_for_tests();
        let verma = data.people.iter().find(|p| p.id == "avi-verma").expect("in the data");
        let (en, zh) = (person_note(verma, &outcome("0"), Lang::En), person_note(verma, &outcome("0"), Lang::Zh));
        assert!(en.ends_with("this model gives $0 – $8.3M. Accounts differ and this person may never have started, so the estimate is 0 weeks."), "{en}");
        assert!(zh.ends_with("至约827万美元。各方说法不一，此人可能从未到岗，因此估计为0周。"), "{zh}");
        for text in [&en, &zh] {
            assert!(!text.contains("Per Meta, this person never started") && !text.contains("据Meta称，此人从未到岗"), "{text}");
        }
    }

    #[test]
    fn the_chinese_details_use_full_width_marks() {
        let html = details_markup(&outcome("4"), Lang::Zh);
        assert!(html.contains(">按时间平摊（网友的算法）：<span class=\"mslw-calc-model-amount\">约769万美元</span><strong class=\"mslw-calc-chosen-tag\">（所选）</strong></li>"), "{html}");
        assert!(html.contains("仅作示意。来源：<a ") && html.contains("2025年第三季度）。<a "), "{html}");
        let en = details_markup(&outcome("4"), Lang::En);
        assert!(en.contains("Straight-line (the internet&#39;s sum): <span class=\"mslw-calc-model-amount\">$7.7M</span> <strong class=\"mslw-calc-chosen-tag\">(chosen)</strong>"), "{en}");
    }

    #[test]
    fn a_preset_says_what_it_rests_on_its_status_and_its_source_safely() {
        let data = crate::dataset::data_file_for_tests();
        let report = |pkg: PackageId| pkg.report(&data).cloned();
        let mut wired = report(PackageId::Wired300m).expect("the data has the Wired report");
        let html = preset_hint_markup(PackageId::Wired300m, Some(&wired), Lang::En);
        assert!(html.starts_with(&markup::escape_html(PackageId::Wired300m.detail(Lang::En).unwrap_or_default())), "{html}");
        let status = format!("<strong class=\"mslw-calc-status\" data-status=\"{}\">", wired.check.status.as_str());
        assert!(preset_status_markup(Some(&wired), Lang::En).starts_with(&status));
        assert!(!html.contains(&status), "the status is the note's summary, not repeated in it: {html}");
        assert!(html.contains(&format!("href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\"", wired.source.url)), "{html}");
        assert!(html.ends_with("</a></span>"));

        // A host's report with markup in its publisher and a javascript: URL: text, never a link.
        wired.source.publisher = "<img src=x onerror=alert(1)>".into();
        wired.source.url = "javascript:alert(1)".into();
        let hostile = preset_hint_markup(PackageId::Wired300m, Some(&wired), Lang::Zh);
        assert!(!hostile.contains("<img") && !hostile.contains("<a ") && hostile.contains("&lt;img"), "{hostile}");

        let missing = preset_hint_markup(PackageId::Altman100m, None, Lang::En);
        assert!(!missing.contains("<strong") && missing.ends_with(&format!("<span>{}</span>", calc_ui(Lang::En).source_missing)), "{missing}");
        assert_eq!(preset_status_markup(None, Lang::En), calc_ui(Lang::En).source_missing);
    }

    #[test]
    fn the_article_example_is_labelled_with_its_status_and_premise() {
        let data = crate::dataset::data_file_for_tests();
        let h = &data.hypothetical;
        let html = example_markup(h, "w-ex", Lang::En);
        assert!(html.starts_with("<h4 class=\"mslw-calc-example-heading\" id=\"w-ex\">"), "{html}");
        assert!(html.contains(&format!("data-status=\"{}\"", h.check.status.as_str())));
        assert_eq!(html.matches("data-testid=\"calc-example-values\"").count(), 1);
        assert!(html.contains(&markup::escape_html(h.premise.get(Lang::En))));
        assert_eq!(html.matches("<p").count(), 2 + usize::from(h.check.note.is_some()));
        // The premise and the fact-check's note are one click away, under the figures.
        assert!(html.contains("<details class=\"mslw-calc-example-note\"><summary>") && html.ends_with("</details>"));
        let zh = example_markup(h, "w-ex", Lang::Zh);
        assert!(zh.contains(&markup::escape_html(h.premise.get(Lang::Zh))));
    }
}
