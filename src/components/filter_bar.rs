//! Search box, facet checkboxes with "would leave" counts, sort order, clear-all and the live result count.

use crate::filter::{facet_listing, Facet, FacetListing, SortKey};
use crate::i18n::{fill, format_count, paren, result_count, ui, Ui};
use crate::state::{landmark_labelled_by, WidgetState};
use crate::url_state::{searchable, MAX_PARAM_CHARS};
use crate::components::tr;
use leptos::prelude::*;


/// The controls above the grid.
#[component]
pub fn FilterBar() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let (lang, filter) = (state.lang, state.filter);
    let data = state.data();
    let search_id = data.id("search");
    let sort_id = data.id("sort");
    let sort_label_for = sort_id.clone();
    let search_label_for = search_id.clone();
    let on_search = move |ev: leptos::ev::Event| {
        let q = searchable(&event_target_value(&ev));
        filter.update(|f| f.query = q);
    };
    let on_sort = move |ev: leptos::ev::Event| {
        if let Some(sort) = SortKey::parse(&event_target_value(&ev)) {
            filter.update(|f| f.sort = sort);
        }
    };
    let count_id = data.id("count");
    let heading_id = data.id("filters-heading");
    let labelled_by = landmark_labelled_by(&heading_id, data.label_id().as_deref());
    // "Clear all" disables itself: focus moves to the count, which now says everyone is shown (WCAG 2.4.3).
    let clear = {
        let count_id = count_id.clone();
        move |_| {
            filter.update(|f| *f = f.cleared());
            crate::browser::focus_by_id(&count_id);
        }
    };
    let total = state.total();
    let active = move || filter.with(|f| Facet::ALL.iter().map(|facet| f.selected(*facet).len()).sum::<usize>());
    let active_at_start = untrack(active) > 0;

    view! {
        <div class="mslw-filters" role="search" aria-labelledby=labelled_by>
            <h3 class="mslw-sr-only" id=heading_id>{tr(lang, |u| u.filters_label)}</h3>
            <div class="mslw-search">
                <label for=search_label_for>{tr(lang, |u| u.search_label)}</label>
                <input id=search_id type="search" data-testid="search" autocomplete="off" spellcheck="false"
                    maxlength=MAX_PARAM_CHARS.to_string()
                    placeholder=tr(lang, |u| u.search_placeholder)
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=on_search />
            </div>
            // The facets and the sort wait behind one disclosure that says how many are chosen: the cards come
            // first on every screen. A link that chose facets opens it (boot.js opens the baked page's alike).
            <details class="mslw-filter-more" data-testid="filter-disclosure" open=active_at_start>
                <summary>
                    {tr(lang, |u| u.filters_toggle)}
                    <span class="mslw-filter-active" data-testid="filter-active" hidden=move || active() == 0>
                        {move || fill(ui(lang.get()).filters_active, &[&active().to_string()])}
                    </span>
                </summary>
            <div class="mslw-facets">
                {Facet::ALL.into_iter().map(|facet| view! { <FacetGroup facet=facet /> }).collect_view()}
            </div>
            <div class="mslw-filter-actions">
                <label class="mslw-inline-field" for=sort_label_for>
                    <span>{tr(lang, |u| u.sort_label)}</span>
                    <select id=sort_id data-testid="sort" on:change=on_sort
                        prop:value=move || filter.with(|f| f.sort.as_str())>
                        {SortKey::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str()>{move || sort_label(k, ui(lang.get()))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="clear-all" on:click=clear
                    disabled=move || !filter.with(|f| f.is_filtered())>
                    {tr(lang, |u| u.clear_all)}
                </button>
            </div>
            </details>
            // Present from the first render so screen readers announce every later change (WCAG 4.1.3).
            // Focusable by script only: where focus goes after a clearing button hides or disables itself.
            <p class="mslw-count" role="status" data-testid="result-count" id=count_id tabindex="-1">
                {move || result_count(state.matching.with(Vec::len), total, lang.get())}
            </p>
        </div>
    }
}

/// One facet as a group of checkboxes; each option shows how many people it would leave.
#[component]
fn FacetGroup(facet: Facet) -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let (lang, filter) = (state.lang, state.filter);
    let data = state.data();
    let options = data.index.options(facet).to_vec();
    if options.is_empty() {
        return None;
    }
    let (hits, choices) = (state.search_hits, state.choices);
    let counts = Memo::new(move |_| hits.with(|h| choices.with(|f| state.data.with_value(|d| d.index.counts_with(f, facet, h)))));
    let FacetListing { mut listed, shown, unlisted } = filter.with_untracked(|f| facet_listing(&options, f.selected(facet)));
    let input_id = |i: usize| data.id(&format!("{}-{}", facet.as_str(), options[i].key));
    let extras = listed.split_off(shown);
    let option_view = |i: usize| {
        let option = options[i].clone();
        let key = option.key.clone();
        let input_id = input_id(i);
        let label_for = input_id.clone();
        let checked = {
            let key = key.clone();
            move || choices.with(|f| f.selected(facet).contains(&key))
        };
        let count = move || counts.with(|c| c.get(i).copied().unwrap_or(0));
        let checked_for_disable = checked.clone();
        let toggle = move |_| filter.update(|f| f.toggle(facet, &key));
        let label = option.label;
        view! {
            <li>
                <input type="checkbox" id=input_id
                    data-testid=format!("filter-{}-{}", facet.as_str(), option.key)
                    prop:checked=checked
                    // A selected option stays enabled at 0 so the reader can always undo it.
                    disabled=move || count() == 0 && !checked_for_disable()
                    on:change=toggle />
                <label for=label_for>
                    {move || label.get(lang.get()).to_owned()}
                    <span class="mslw-facet-count">{move || paren(&count().to_string(), lang.get())}</span>
                </label>
            </li>
        }
    };
    let items = listed.into_iter().map(option_view).collect_view();
    // The options past the first: a native disclosure (no script; the next Tab after opening it reaches them).
    let more = (!extras.is_empty()).then(|| {
        let n = extras.len();
        let extra_items = extras.into_iter().map(option_view).collect_view();
        view! {
            <details class="mslw-facet-more" data-testid=format!("facet-{}-more", facet.as_str())>
                <summary>{move || format!("{}{}", ui(lang.get()).facet_more, paren(&n.to_string(), lang.get()))}</summary>
                <ul>{extra_items}</ul>
            </details>
        }
    });
    let unlisted_note = (unlisted > 0).then(|| view! {
        <p class="mslw-fine" data-testid=format!("facet-{}-unlisted", facet.as_str())>
            {move || fill(ui(lang.get()).facet_unlisted, &[&format_count(unlisted as u64, lang.get())])}
        </p>
    });
    Some(view! {
        <fieldset class="mslw-facet" data-testid=format!("facet-{}", facet.as_str())>
            <legend>{move || facet_label(facet, ui(lang.get()))}</legend>
            <ul>{items}</ul>
            {more}
            {unlisted_note}
        </fieldset>
    })
}

fn facet_label(facet: Facet, ui: &Ui) -> &'static str {
    match facet {
        Facet::Cohort => ui.facet_cohort,
        Facet::Destination => ui.facet_dest,
        Facet::Prior => ui.facet_prior,
    }
}

fn sort_label(key: SortKey, ui: &Ui) -> &'static str {
    match key {
        SortKey::TenureLongFirst => ui.sort_tenure_desc,
        SortKey::TenureShortFirst => ui.sort_tenure_asc,
        SortKey::Name => ui.sort_name,
        SortKey::AnnouncedNewest => ui.sort_announced,
    }
}
