//! The footer for readers who dig: downloads of the shown or whole data, sharing the view, and
//! "About the data" with the method, the corrections to the article, every source and the licence.

use crate::browser::{self, Shared};
use crate::components::card::push_source_item;
use crate::components::tr;
use crate::export::{file_name, people_csv};
use crate::i18n::{format_date, status_label, ui};
use crate::markup;
use crate::model::{Dataset, Lang};
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
        let all: Vec<usize> = (0..data.dataset.people.len()).collect();
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
                let ids: Vec<&str> = indices.iter().filter_map(|i| data.dataset.people.get(*i)).map(|p| p.id.as_str()).collect();
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

    // Inside the embed's sandboxed iframe a download silently does nothing: the same view's full page
    // (where it works) opens in a new tab instead. Decided once: a page does not move in or out of a frame.
    let framed = crate::frame::in_host_frame();
    let full_page = move || format!("{}?{}", browser::page_url().unwrap_or_default(), to_query(&state.url_state()));
    view! {
        <footer class="mslw-footer" data-testid="footer">
            <div class="mslw-actions" role="group" aria-label=tr(lang, |u| u.get_data)>
                <span class="mslw-actions-title">{tr(lang, |u| u.get_data)}</span>
                {buttons.into_iter().map(|(kind, testid, label)| view! {
                    <button type="button" data-testid=testid hidden=framed on:click=move |_| download(kind)>{tr(lang, label)}</button>
                }).collect_view()}
                <a data-testid="download-full-page" hidden=!framed href=move || framed.then(full_page) target="_blank" rel="noopener noreferrer">
                    {tr(lang, |u| u.download_on_full_page)}
                </a>
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
    let dataset = state.data().dataset.clone();
    view! {
        <details class="mslw-about" data-testid="about-data" inner_html=move || about_markup(&dataset, lang.get())></details>
    }
}

/// "About the data" as markup, set with one `innerHTML`: summary, method, last update, the corrections to the
/// article (each with its status, what the article says and what the sources say), every source, the licence.
pub fn about_markup(dataset: &Dataset, lang: Lang) -> String {
    let u = ui(lang);
    let mut out = String::with_capacity(8192);
    markup::element(&mut out, "summary", &[], u.about_title);
    markup::element(&mut out, "p", &[], u.method);
    markup::element(&mut out, "p", &[], &format!("{}: {}", u.last_updated, format_date(dataset.last_updated, lang)));
    markup::element(&mut out, "h4", &[], u.corrections_title);
    out.push_str("<ol class=\"mslw-corrections\" data-testid=\"corrections\">");
    for c in &dataset.corrections {
        markup::open(&mut out, "li", &[("data-status", c.status.as_str())]);
        markup::element(&mut out, "strong", &[], &format!("{} ({})", c.topic.get(lang), status_label(c.status, lang)));
        markup::element(&mut out, "p", &[], &format!("{}: {}", u.article_says, c.article_says.get(lang)));
        markup::element(&mut out, "p", &[], &format!("{}: {}", u.sources_say, c.sources_say.get(lang)));
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    markup::element(&mut out, "h4", &[], u.all_sources);
    out.push_str("<ul class=\"mslw-sources\">");
    for source in dataset.all_sources() {
        push_source_item(&mut out, source, lang);
    }
    out.push_str("</ul>");
    markup::element(&mut out, "p", &[], &format!("{}: {}", u.licence, dataset.licence.get(lang)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_lists_every_correction_and_distinct_source() {
        let data = crate::dataset::data_file_for_tests();
        let en = about_markup(&data, Lang::En);
        assert!(en.starts_with("<summary>"));
        assert_eq!(en.matches("<li data-status=").count(), data.corrections.len());
        assert_eq!(en.matches("<a href=").count(), data.all_sources().len());
        assert!(en.contains("CC BY 4.0") || en.contains("Creative Commons"));
        let zh = about_markup(&data, Lang::Zh);
        assert!(zh.contains(&markup::escape_html(ui(Lang::Zh).corrections_title)));
    }
}
