//! The footer for readers who dig: downloads of the shown or whole data, sharing the view, and
//! "About the data" with the method, the corrections to the article, every source and the licence.

use crate::browser::{self, Shared};
use crate::components::card::SourceLink;
use crate::components::tr;
use crate::export::{file_name, people_csv};
use crate::i18n::{format_date, status_label, ui};
use crate::state::WidgetState;
use crate::url_state::to_query;
use leptos::prelude::*;

/// What a download button saves.
#[derive(Clone, Copy)]
enum Download {
    CsvShown,
    CsvAll,
    JsonShown,
    JsonAll,
}

/// Download and share buttons, then the collapsible "About the data".
#[component]
pub fn Footer() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let message = RwSignal::new(None::<String>);

    let download = move |kind: Download| {
        let data = state.data();
        let all: Vec<usize> = (0..data.people.len()).collect();
        let shown = state.matching.get_untracked();
        let (indices, filtered) = match kind {
            Download::CsvAll | Download::JsonAll => (&all, false),
            Download::CsvShown | Download::JsonShown => (&shown, shown.len() != all.len()),
        };
        let result = match kind {
            Download::CsvShown | Download::CsvAll => {
                browser::download_text(&file_name(&data.dataset, filtered, "csv"), "text/csv;charset=utf-8", &people_csv(&data.dataset, indices))
            }
            Download::JsonShown | Download::JsonAll => {
                let ids: Vec<&str> = indices.iter().filter_map(|i| data.people.get(*i)).map(|p| p.id.as_str()).collect();
                browser::filtered_json(&data.raw_json, &ids)
                    .and_then(|json| browser::download_text(&file_name(&data.dataset, filtered, "json"), "application/json", &json))
            }
        };
        message.set(result.is_err().then(|| ui(lang.get_untracked()).download_failed.to_owned()));
    };
    let share = move |_| {
        let url = browser::current_url();
        let title = ui(lang.get_untracked()).title;
        leptos::task::spawn_local(async move {
            let text = match browser::share_or_copy(&url, title).await {
                Shared::Shared => ui(lang.get_untracked()).link_shared.to_owned(),
                Shared::Copied => ui(lang.get_untracked()).link_copied.to_owned(),
                Shared::Failed => format!("{} {url}", ui(lang.get_untracked()).copy_failed),
            };
            message.set(Some(text));
        });
    };
    // Keeps the sharing message from describing a view the reader has since changed.
    Effect::new(move |_| {
        let _ = to_query(&state.url_state());
        message.set(None);
    });

    let buttons = [
        (Download::CsvShown, "download-csv-shown", (|u| u.csv_shown) as fn(&crate::i18n::Ui) -> &'static str),
        (Download::CsvAll, "download-csv-all", |u| u.csv_all),
        (Download::JsonShown, "download-json-shown", |u| u.json_shown),
        (Download::JsonAll, "download-json-all", |u| u.json_all),
    ];

    view! {
        <footer class="mslw-footer" data-testid="footer">
            <div class="mslw-actions" role="group" aria-label=tr(lang, |u| u.get_data)>
                <span class="mslw-actions-title">{tr(lang, |u| u.get_data)}</span>
                {buttons.into_iter().map(|(kind, testid, label)| view! {
                    <button type="button" data-testid=testid on:click=move |_| download(kind)>{tr(lang, label)}</button>
                }).collect_view()}
                <button type="button" data-testid="share" on:click=share>{tr(lang, |u| u.share)}</button>
            </div>
            <p class="mslw-message" role="status" data-testid="footer-message">{move || message.get()}</p>
            <About />
        </footer>
    }
}

/// Method, corrections, sources, licence and last-updated date.
#[component]
fn About() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let data = state.data();
    let dataset = data.dataset.clone();
    let last_updated = dataset.last_updated;
    let corrections = dataset.corrections.clone();
    let sources: Vec<_> = dataset.all_sources().into_iter().cloned().collect();
    let licence = dataset.licence.clone();

    view! {
        <details class="mslw-about" data-testid="about-data">
            <summary>{tr(lang, |u| u.about_title)}</summary>
            <p>{tr(lang, |u| u.method)}</p>
            <p>{move || format!("{}: {}", ui(lang.get()).last_updated, format_date(last_updated, lang.get()))}</p>
            <h4>{tr(lang, |u| u.corrections_title)}</h4>
            <ol class="mslw-corrections" data-testid="corrections">
                {corrections.into_iter().map(|c| {
                    let status = c.status;
                    view! {
                        <li data-status=status.as_str()>
                            <strong>{move || format!("{} ({})", c.topic.get(lang.get()), status_label(status, lang.get()))}</strong>
                            <p>{move || format!("{}: {}", ui(lang.get()).article_says, c.article_says.get(lang.get()))}</p>
                            <p>{move || format!("{}: {}", ui(lang.get()).sources_say, c.sources_say.get(lang.get()))}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <h4>{tr(lang, |u| u.all_sources)}</h4>
            <ul class="mslw-sources">
                {sources.into_iter().map(|s| view! { <SourceLink source=s /> }).collect_view()}
            </ul>
            <p>{move || format!("{}: {}", ui(lang.get()).licence, licence.get(lang.get()))}</p>
        </details>
    }
}
