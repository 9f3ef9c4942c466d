//! The widget's root: language state, the data-problem notice, and the list of cards.

use crate::components::card::Card;
use crate::dataset::Problem;
use crate::i18n::{format_date, ui};
use crate::model::{Dataset, Lang};
use leptos::prelude::*;
use std::sync::Arc;

/// What the widget is started with, resolved before mounting.
pub struct AppInput {
    /// The dataset to show (the host's, or the bundled one when the host's failed).
    pub dataset: Arc<Dataset>,
    /// Problems with a host-supplied dataset; shown as a notice above the cards.
    pub host_problems: Vec<Problem>,
    pub lang: Lang,
}

/// The whole widget.
#[component]
pub fn App(input: AppInput) -> impl IntoView {
    let AppInput { dataset, host_problems, lang } = input;
    let lang = RwSignal::new(lang);
    let lang_read: Signal<Lang> = lang.into();
    let ds = dataset.clone();
    let toggle_lang = move |_| lang.update(|l| *l = if *l == Lang::En { Lang::Zh } else { Lang::En });
    let people = dataset.people.clone();

    view! {
        <section class="mslw" lang=move || html_lang(lang.get()) data-testid="msl-widget"
            aria-labelledby="mslw-title">
            <header class="mslw-header">
                <div class="mslw-heading">
                    <h2 id="mslw-title" class="mslw-title">{move || ui(lang.get()).title}</h2>
                    <p class="mslw-intro">{move || ui(lang.get()).intro}</p>
                </div>
                <button type="button" class="mslw-lang-switch" data-testid="lang-switch" on:click=toggle_lang
                    aria-label=move || ui(lang.get()).language_switch_label>
                    <span lang=move || html_lang(other(lang.get()))>{move || ui(lang.get()).other_language_name}</span>
                </button>
            </header>
            <DataProblems problems=host_problems lang=lang_read />
            <ul class="mslw-grid" data-testid="card-grid" aria-label=move || ui(lang.get()).people_list_label>
                {people.into_iter().map(|p| view! { <Card person=Arc::new(p) lang=lang_read /> }).collect_view()}
            </ul>
            <footer class="mslw-footer">
                <p>{move || format!("{}: {}", ui(lang.get()).last_updated, format_date(ds.last_updated, lang.get()))}</p>
            </footer>
        </section>
    }
}

/// The notice shown when a host's dataset was rejected: what was wrong, and that built-in data is shown.
#[component]
fn DataProblems(problems: Vec<Problem>, lang: Signal<Lang>) -> impl IntoView {
    if problems.is_empty() {
        return None;
    }
    let problems = Arc::new(problems);
    Some(view! {
        <div class="mslw-notice" role="alert" data-testid="data-problems">
            <p class="mslw-notice-title">{move || ui(lang.get()).data_problem_title}</p>
            <ul>
                {move || problems.iter().map(|p| view! { <li>{p.message(lang.get())}</li> }).collect_view()}
            </ul>
            <p>{move || ui(lang.get()).data_problem_fallback}</p>
        </div>
    })
}

/// The `lang` attribute for content in a language.
pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-Hans",
        Lang::En => "en",
    }
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    }
}
