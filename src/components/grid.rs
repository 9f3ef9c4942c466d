//! The card grid: a keyed list over the matching people, paged, with an empty state.

use crate::components::calculator::show_in_calculator;
use crate::components::card::{fill_pending_details, Card, CardCache, CALC_BUTTON_SELECTOR};
use crate::i18n::{paren, ui};
use crate::filter::PAGE_SIZE;
use crate::state::WidgetState;
use crate::components::tr;
use crate::model::Lang;
use leptos::prelude::*;

/// The cards of everyone matching, at most `limit` of them, then "Show more" / "Show all".
#[component]
pub fn Grid() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let (lang, filter, paging, matching) = (state.lang, state.filter, state.paging, state.matching);
    let limit = move || paging.with(|p| filter.with(|f| p.limit(f)));
    // Keyed by person and language: a language switch swaps every card for its other-language twin.
    let shown = move || {
        let l = lang.get();
        matching.with(|m| m.iter().take(limit()).map(|&i| (i, l)).collect::<Vec<_>>())
    };
    let cache = StoredValue::new_local(CardCache::default());
    let hidden_count = move || matching.with(Vec::len).saturating_sub(limit());
    let count_id = state.data().id("count");
    // The button goes with the empty state it belongs to: focus moves to the count that now says everyone is
    // shown, not to <body> (WCAG 2.4.3).
    let clear = move |_| {
        filter.update(|f| *f = f.cleared());
        crate::browser::focus_by_id(&count_id);
    };
    // A new search or filter forgets the last one's "Show more" (the view already ignores it; see Paging).
    Effect::new(move |_| filter.with(|f| paging.maybe_update(|p| p.forget_other(f))));
    let grid = NodeRef::<leptos::html::Ul>::new();
    // "Show more" / "Show all", then focus on the first card added: the button the reader pressed moves below
    // the new cards (or goes, when all are shown), and a keyboard or screen-reader user continues from the
    // first card they have not seen.
    let widen = move |all: bool| {
        let first_new = paging.with_untracked(|p| filter.with_untracked(|f| p.limit(f)));
        filter.with_untracked(|f| paging.update(|p| if all { p.show_all(f) } else { p.show_more(f) }));
        request_animation_frame(move || {
            // try_: the widget may have been unmounted before this frame.
            let card = grid.try_get_untracked().flatten().and_then(|ul| ul.children().item(u32::try_from(first_new).unwrap_or(u32::MAX)));
            let article = card.and_then(|li| li.first_element_child());
            if let Some(article) = article.and_then(|a| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a).ok()) {
                let _ = article.focus();
            }
        });
    };
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
            if let Some(person) = id.and_then(|id| data.dataset.person(&id)) {
                show_in_calculator(state.calc, person, &data.id_prefix);
            }
        }
    };

    // A language switch swaps every card for its twin in the other language: a detail the reader had opened
    // opens in the twin too (the cache still holds the cards just left).
    Effect::new(move |previous: Option<Lang>| {
        let now = lang.get();
        if let Some(before) = previous.filter(|b| *b != now) {
            let opened: Vec<usize> = matching.with_untracked(|m| m.iter().take(untrack(limit)).copied().collect::<Vec<_>>()).into_iter()
                .filter(|&i| cache.with_value(|c| c.detail_open(i, before)))
                .collect();
            if !opened.is_empty() {
                // After the frame that built the twins.
                request_animation_frame(move || {
                    fill_pending_details(cache);
                    cache.try_with_value(|c| opened.iter().for_each(|&i| c.open_detail(i, now)));
                });
            }
        }
        now
    });
    let heading_id = data.id("people-heading");
    let labelled_by = heading_id.clone();
    view! {
        <h3 class="mslw-sr-only" id=heading_id>{tr(lang, |u| u.people_list_label)}</h3>
        <ul class="mslw-grid" data-testid="card-grid" node_ref=grid aria-labelledby=labelled_by on:click=on_card_click>
            <For each=shown key=|k| *k children=move |(i, l)| {
                view! { <Card person=data.dataset.people[i].clone() index=i lang=l cache=cache /> }
            } />
        </ul>
        // Both blocks stay in the DOM, hidden when they do not apply: a view built and dropped as they come
        // and go (Show) cost 2.7 KB of wasm for the two.
        <div class="mslw-empty" data-testid="empty-state" hidden=move || !matching.with(Vec::is_empty)>
            <p>{tr(lang, |u| u.no_results)}</p>
            <button type="button" data-testid="empty-clear" on:click=clear>{tr(lang, |u| u.clear_filters)}</button>
        </div>
        <div class="mslw-more" data-testid="more" hidden=move || hidden_count() == 0>
            <button type="button" data-testid="show-more" on:click=move |_| widen(false)>
                {move || format!("{}{}", ui(lang.get()).show_more, paren(&format!("+{}", hidden_count().min(PAGE_SIZE)), lang.get()))}
            </button>
            <button type="button" data-testid="show-all" on:click=move |_| widen(true)>
                {move || format!("{}{}", ui(lang.get()).show_all, paren(&matching.with(Vec::len).to_string(), lang.get()))}
            </button>
        </div>
    }
}
