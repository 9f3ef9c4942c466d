//! The lead figure in the page: [`crate::lead`]'s markup for the active language, paged like the grid, and each
//! row taking the reader to that person's card (bringing the card back when a search or filter hides it).

use crate::filter::{FilterState, PAGE_SIZE};
use crate::i18n::{group_thousands, ui};
use crate::lead::card_heading_id;
#[cfg(not(baked_page))]
use crate::lead::{lead_markup, tenure_order, LogAxis};
use crate::read_only;
use crate::state::WidgetState;
use crate::url_state::searchable;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Everyone's time at Meta, longest first; with more than a page of people, the first page and "Show all".
#[component]
pub fn LeadFigure() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let data = state.data();
    let expanded = RwSignal::new(false);
    let total = data.dataset.people.len();
    #[cfg(not(baked_page))]
    let render = {
        let people = data.dataset.people.clone();
        let order = tenure_order(&people);
        let axis = LogAxis::for_people(people.iter().map(|p| &**p));
        let prefix = data.id_prefix.clone();
        move |limit: usize, l| lead_markup(&people, &order, &axis, limit, l, &prefix)
    };
    // With more people than a page, the first page and, after "Show all", every row. The bake writes both; the
    // second in a template the page's wasm reads when asked.
    #[cfg(not(target_arch = "wasm32"))]
    let every_row = (total > PAGE_SIZE).then(|| render(usize::MAX, lang.get_untracked()));
    #[cfg(target_arch = "wasm32")]
    let every_row: Option<String> = None;
    let rows = move || match expanded.get() {
        true => read_only!("lead-all", lang.get(), render(usize::MAX, lang.get())),
        false => read_only!("lead", lang.get(), render(PAGE_SIZE, lang.get())),
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let row = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("[data-testid=lead-row]").ok().flatten());
        let Some(id) = row.and_then(|r| r.get_attribute("data-lead-person")) else { return };
        ev.prevent_default();
        show_card(state, &id);
    };
    view! {
        <figure class="mslw-lead" data-testid="lead-figure" on:click=on_click>
            <div class="mslw-lead-body" data-mslw-slot="lead" inner_html=rows></div>
            {every_row.map(|html| view! { <template data-mslw-slot="lead-all" inner_html=html></template> })}
            <button type="button" class="mslw-lead-all" data-testid="lead-show-all" hidden=move || expanded.get() || total <= PAGE_SIZE
                on:click=move |_| expanded.set(true)>
                {move || format!("{} ({})", ui(lang.get()).show_all, group_thousands(total as u64))}
            </button>
        </figure>
    }
}

/// Moves focus to a person's card. A card that the current search, filters or paging hide is brought back by
/// searching for the person's name (which the reader sees in the search box and can clear).
fn show_card(state: WidgetState, person_id: &str) {
    let data = state.data();
    let heading_id = card_heading_id(&data.id_prefix, person_id);
    let present = crate::browser::element_by_id(&heading_id).is_some();
    if !present {
        let Some(person) = data.dataset.person(person_id) else { return };
        let query = searchable(&person.name_en);
        state.filter.update(|f| *f = FilterState { query, ..f.cleared() });
    }
    // After the grid has rendered the change.
    request_animation_frame(move || {
        let heading = crate::browser::element_by_id(&heading_id);
        let article = heading.and_then(|h| h.closest("article").ok().flatten()).and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(article) = article {
            let _ = article.focus();
        }
    });
}
