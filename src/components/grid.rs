//! The card grid: a keyed list over the matching people, paged, with an empty state.

use crate::components::calculator::show_in_calculator;
use crate::components::card::{fill_pending_details, Card, CardCache, CALC_BUTTON_SELECTOR};
use crate::i18n::ui;
use crate::state::{WidgetState, PAGE_SIZE};
use crate::components::tr;
use leptos::prelude::*;

/// The cards of everyone matching, at most `limit` of them, then "Show more" / "Show all".
#[component]
pub fn Grid() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let (lang, filter, limit, matching) = (state.lang, state.filter, state.limit, state.matching);
    // Keyed by person and language: a language switch swaps every card for its other-language twin.
    let shown = move || {
        let l = lang.get();
        matching.with(|m| m.iter().take(limit.get()).map(|&i| (i, l)).collect::<Vec<_>>())
    };
    let cache = StoredValue::new_local(CardCache::default());
    let hidden_count = move || matching.with(Vec::len).saturating_sub(limit.get());
    let clear = move |_| filter.update(|f| *f = f.cleared());
    let data = state.data();
    // One listener for every card (cards are markup, see card.rs): detail bodies, calculator buttons.
    let on_card_click = {
        let data = data.clone();
        move |ev: leptos::ev::MouseEvent| {
            // A click may open a card's detail: its body must be there first.
            fill_pending_details(cache);
            let Some(target) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) else {
                return;
            };
            let card = target.closest(CALC_BUTTON_SELECTOR).ok().flatten().and_then(|button| button.closest("[data-person-id]").ok().flatten());
            let id = card.and_then(|c| c.get_attribute("data-person-id"));
            if let Some(person) = id.and_then(|id| data.people.iter().find(|p| p.id == id)) {
                show_in_calculator(state.calc, person, &data.id_prefix);
            }
        }
    };

    view! {
        <ul class="mslw-grid" data-testid="card-grid" aria-label=tr(lang, |u| u.people_list_label) on:click=on_card_click>
            <For each=shown key=|k| *k children=move |(i, l)| {
                view! { <Card person=data.people[i].clone() index=i lang=l cache=cache /> }
            } />
        </ul>
        <Show when=move || matching.with(Vec::is_empty)>
            <div class="mslw-empty" data-testid="empty-state">
                <p>{tr(lang, |u| u.no_results)}</p>
                <button type="button" data-testid="empty-clear" on:click=clear>{tr(lang, |u| u.clear_filters)}</button>
            </div>
        </Show>
        <Show when=move || { hidden_count() > 0 }>
            <div class="mslw-more">
                <button type="button" data-testid="show-more" on:click=move |_| limit.update(|l| *l = l.saturating_add(PAGE_SIZE))>
                    {move || format!("{} (+{})", ui(lang.get()).show_more, hidden_count().min(PAGE_SIZE))}
                </button>
                <button type="button" data-testid="show-all" on:click=move |_| limit.set(usize::MAX)>
                    {move || format!("{} ({})", ui(lang.get()).show_all, matching.with(Vec::len))}
                </button>
            </div>
        </Show>
    }
}
