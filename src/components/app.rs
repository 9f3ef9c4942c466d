//! The widget's root: builds the state, keeps the URL in step, and lays out the story first: title, lead figure,
//! filters and cards, calculator, background, then the footer's tools.

use crate::browser;
use crate::components::about::Footer;
use crate::components::calculator::Calculator;
use crate::components::context::Context;
use crate::components::filter_bar::FilterBar;
use crate::components::grid::Grid;
use crate::components::lead_figure::LeadFigure;
use crate::components::reply::MetaReply;
use crate::dataset::Problem;
use crate::model::Lang;
use crate::state::{landmark_labelled_by, WidgetData, WidgetState};
use crate::url_state::{to_query, Theme, UrlState};
use crate::components::tr;
use leptos::prelude::*;
use std::sync::Arc;

/// What the widget is started with, resolved before mounting.
pub struct AppInput {
    pub data: Arc<WidgetData>,
    /// Problems with a host-supplied dataset; shown as a notice above the cards.
    pub host_problems: Vec<Problem>,
    /// State read from the URL or given by the host.
    pub initial: UrlState,
    pub lang: Lang,
    /// Whether the widget owns the page (standalone page, iframe): it keeps the URL and `<html lang>` in step.
    pub sync_url: bool,
    /// Called with the canonical query string after each change of state (not on first render):
    /// how an npm host keeps its own URL in step.
    pub on_change: Option<Box<dyn Fn(String)>>,
    /// The standalone page's URL (origin + path) that the "Embed" snippet points to; `None` hides the button.
    pub embed_url: Option<String>,
}

/// The whole widget.
#[component]
pub fn App(input: AppInput) -> impl IntoView {
    let AppInput { data, host_problems, initial, lang, sync_url, on_change, embed_url } = input;
    let state = WidgetState::new(data.clone(), initial, lang);
    provide_context(state);
    let lang = state.lang;

    if sync_url {
        // replaceState, not pushState: Back leaves the page instead of stepping through keystrokes.
        Effect::new(move |_| browser::replace_query(&to_query(&state.url_state())));
        // The widget owns this document: its language is the page's (WCAG 3.1.1).
        Effect::new(move |_| browser::set_document_lang(html_lang(lang.get())));
    }
    if let Some(on_change) = on_change {
        // The effect's first run only records the initial query; later runs report real changes.
        Effect::new(move |previous: Option<String>| {
            let query = to_query(&state.url_state());
            if previous.is_some_and(|p| p != query) {
                on_change(query.clone());
            }
            query
        });
    }

    let title_id = data.id("title");
    let label_id = data.label_id();
    let labelled_by = landmark_labelled_by(&title_id, label_id.as_deref());
    // The host's name for the widget: only the npm package's `mount` can give one.
    #[cfg(feature = "npm")]
    let host_label = data.label.clone().zip(label_id.clone()).map(|(text, id)| view! { <span id=id hidden>{text}</span> });
    #[cfg(not(feature = "npm"))]
    let host_label = ();
    let toggle_lang = move |_| lang.update(|l| *l = other(*l));
    let set_theme = move |ev: leptos::ev::Event| state.theme.set(Theme::parse(&event_target_value(&ev)));
    let theme_id = data.id("theme");
    let theme_label_for = theme_id.clone();

    // Only a host's dataset can be refused: the page's is checked by the build, and its wasm has no messages for it.
    #[cfg(not(baked_page))]
    let problems_notice = view! { <DataProblems problems=host_problems /> };
    #[cfg(baked_page)]
    let problems_notice = ();
    view! {
        <section class="mslw" lang=move || html_lang(lang.get()) data-testid="msl-widget"
            data-theme=move || state.theme.get().map(Theme::as_str)
            aria-labelledby=labelled_by>
            {host_label}
            <header class="mslw-header">
                <div class="mslw-toolbar" role="group" aria-label=tr(lang, |u| u.controls_label)>
                    // Named by what it shows ("中文"), then what it does: a spoken name that contains the visible
                    // label (WCAG 2.5.3), with the language's own name read in that language.
                    <button type="button" class="mslw-lang-switch" data-testid="lang-switch" on:click=toggle_lang>
                        <span lang=move || html_lang(other(lang.get()))>{tr(lang, |u| u.other_language_name)}</span>
                        " "
                        <span class="mslw-sr-only">{tr(lang, |u| u.language_switch_label)}</span>
                    </button>
                    <label class="mslw-inline-field" for=theme_label_for>
                        <span class="mslw-sr-only">{tr(lang, |u| u.theme_label)}</span>
                        <select id=theme_id data-testid="theme-select" on:change=set_theme
                            prop:value=move || state.theme.get().map(Theme::as_str).unwrap_or("auto")>
                            <option value="auto">{tr(lang, |u| u.theme_auto)}</option>
                            <option value="light">{tr(lang, |u| u.theme_light)}</option>
                            <option value="dark">{tr(lang, |u| u.theme_dark)}</option>
                        </select>
                    </label>
                </div>
                <h2 id=title_id class="mslw-title">{tr(lang, |u| u.title)}</h2>
                <p class="mslw-intro">{tr(lang, |u| u.intro)}</p>
            </header>
            {problems_notice}
            <LeadFigure />
            <MetaReply />
            <FilterBar />
            <Grid />
            <Calculator dataset=data.dataset.clone() lang=Signal::from(lang) inputs=state.calc id_prefix=data.id_prefix.clone() label_id=label_id />
            <Context />
            <Footer embed_url=embed_url />
        </section>
    }
}

/// The notice shown when a host's dataset was rejected: what was wrong, and that built-in data is shown.
#[component]
fn DataProblems(problems: Vec<Problem>) -> impl IntoView {
    let lang = expect_context::<WidgetState>().lang;
    (!problems.is_empty()).then(|| {
        let problems = Arc::new(problems);
        view! {
            <div class="mslw-notice" role="alert" data-testid="data-problems">
                <p class="mslw-notice-title">{tr(lang, |u| u.data_problem_title)}</p>
                <ul inner_html=move || problem_list_markup(&problems, lang.get())></ul>
                <p>{tr(lang, |u| u.data_problem_fallback)}</p>
            </div>
        }
    })
}

/// The problems as `<li>` items, escaped: a host's dataset chooses the keys and values they quote.
pub fn problem_list_markup(problems: &[Problem], lang: Lang) -> String {
    let mut out = String::new();
    for problem in problems {
        crate::markup::element(&mut out, "li", &[], &problem.message(lang));
    }
    out
}

/// The `lang` attribute for content in a language.
pub fn html_lang(lang: Lang) -> &'static str {
    crate::i18n::lang_tag(lang)
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_listed_one_per_item_as_text() {
        let mut problems = crate::dataset::unreadable("<img src=x onerror=alert(1)> & more");
        problems.extend(crate::dataset::unreadable("second"));
        let html = problem_list_markup(&problems, Lang::En);
        assert_eq!(html.matches("<li>").count(), 2);
        assert!(!html.contains("<img") && html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; more"), "{html}");
        assert_eq!(problem_list_markup(&[], Lang::Zh), "");
    }
}
