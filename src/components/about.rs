//! The footer for readers who dig and journalists: downloads of the shown or whole data, sharing the view, the
//! embed snippet, and
//! "About the data" with the method, the corrections to the article, every source and the licence.

use crate::browser::{self, Shared};
#[cfg(not(baked_page))]
use crate::components::card::push_source_item;
use crate::components::embed_dialog::EmbedDialog;
use crate::components::tr;
use crate::export::file_name;
#[cfg(not(baked_page))]
use crate::export::people_csv;
use crate::i18n::{format_date, labelled, paren, status_label, ui};
use crate::markup;
use crate::model::{Dataset, Lang};
use crate::read_only;
use crate::state::{WidgetData, WidgetState};
use crate::url_state::to_query;
use leptos::either::Either;
use leptos::prelude::*;

/// What a download button saves.
#[derive(Clone, Copy)]
enum Download {
    CsvShown,
    CsvAll,
    JsonShown,
    JsonAll,
}

/// Whether the build writes the whole dataset's files beside the page (the standalone page: `bake::data_files`). An
/// npm host has no such files.
const STATIC_DATA_FILES: bool = !cfg!(feature = "npm");

impl Download {
    /// The file the build wrote for this download, if there is one: the whole dataset's.
    fn static_file(self, dataset: &Dataset) -> Option<String> {
        match self {
            Download::CsvAll if STATIC_DATA_FILES => Some(file_name(dataset, false, "csv")),
            Download::JsonAll if STATIC_DATA_FILES => Some(file_name(dataset, false, "json")),
            _ => None,
        }
    }
}

/// Writes the download from the dataset: people shown (in the order shown) or everyone.
#[cfg(not(baked_page))]
fn download_now(data: &WidgetData, kind: Download, shown: &[usize]) -> Result<(), wasm_bindgen::JsValue> {
    let all: Vec<usize> = (0..data.dataset.people.len()).collect();
    let (indices, filtered) = match kind {
        Download::CsvAll | Download::JsonAll => (&all[..], false),
        Download::CsvShown | Download::JsonShown => (shown, shown.len() != all.len()),
    };
    match kind {
        Download::CsvShown | Download::CsvAll => {
            browser::download_text(&file_name(&data.dataset, filtered, "csv"), "text/csv;charset=utf-8", &people_csv(&data.dataset, indices))
        }
        // Everyone: the dataset's own text as it is, with no scan of it.
        Download::JsonShown | Download::JsonAll if !filtered => browser::download_text(&file_name(&data.dataset, false, "json"), "application/json", &data.raw_json),
        Download::JsonShown | Download::JsonAll => {
            let ids: Vec<&str> = indices.iter().filter_map(|i| data.dataset.people.get(*i)).map(|p| p.id.as_str()).collect();
            browser::filtered_json(&data.raw_json, &ids).and_then(|json| browser::download_text(&file_name(&data.dataset, true, "json"), "application/json", &json))
        }
    }
}

/// The standalone page's "people shown" (everyone is a link to the build's file): cut from that file, so the page's
/// wasm writes no CSV or JSON of its own.
#[cfg(baked_page)]
async fn download_from_file(data: &WidgetData, kind: Download, shown: &[usize]) -> Result<(), wasm_bindgen::JsValue> {
    let ids: Vec<&str> = shown.iter().filter_map(|i| data.dataset.people.get(*i)).map(|p| p.id.as_str()).collect();
    let filtered = ids.len() != data.dataset.people.len();
    let csv = matches!(kind, Download::CsvShown | Download::CsvAll);
    let extension = if csv { "csv" } else { "json" };
    let all = browser::fetch_text(&file_name(&data.dataset, false, extension)).await?;
    let name = file_name(&data.dataset, filtered, extension);
    if csv {
        let text = crate::export::csv_subset(&all, &ids).ok_or("the CSV file does not hold these people")?;
        browser::download_text(&name, "text/csv;charset=utf-8", &text)
    } else if filtered {
        browser::download_text(&name, "application/json", &browser::json_subset(&all, &ids)?)
    } else {
        // Everyone: the file as it is.
        browser::download_text(&name, "application/json", &all)
    }
}

/// Download and share buttons, then the collapsible "About the data".
#[component]
pub fn Footer(
    /// The standalone page's URL that the "Embed" snippet points to; `None` hides the button.
    embed_url: Option<String>,
) -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let message = RwSignal::new(None::<String>);

    let download = move |kind: Download| {
        let data = state.data();
        let shown = state.matching.get_untracked();
        #[cfg(not(baked_page))]
        message.set(download_now(&data, kind, &shown).is_err().then(|| ui(lang.get_untracked()).download_failed.to_owned()));
        #[cfg(baked_page)]
        leptos::task::spawn_local(async move {
            let failed = download_from_file(&data, kind, &shown).await.is_err();
            // try_: a task that outlives its view must not panic.
            if let Some(l) = lang.try_get_untracked() {
                let _ = message.try_set(failed.then(|| ui(l).download_failed.to_owned()));
            }
        });
    };
    let share = move |_| {
        let url = browser::current_url();
        let title = ui(lang.get_untracked()).title;
        leptos::task::spawn_local(async move {
            let shared = browser::share_or_copy(&url, title).await;
            // The host may have unmounted the widget while the share sheet was open: its signals are gone, and
            // reading one would panic (and stop every widget on the page).
            let Some(u) = lang.try_get_untracked().map(ui) else { return };
            let text = match shared {
                Shared::Shared => u.link_shared.to_owned(),
                Shared::Copied => u.link_copied.to_owned(),
                Shared::Failed => format!("{} {url}", u.copy_failed),
            };
            let _ = message.try_set(Some(text));
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
                {buttons.into_iter().map(|(kind, testid, label)| match kind.static_file(&state.data().dataset) {
                    // A link to the file the build wrote: it works before the WebAssembly has started, and without it.
                    Some(file) => Either::Left(view! {
                        <a class="mslw-file-link" data-testid=testid hidden=framed href=file.clone() download=file>{tr(lang, label)}</a>
                    }),
                    None => Either::Right(view! {
                        <button type="button" data-testid=testid hidden=framed on:click=move |_| download(kind)>{tr(lang, label)}</button>
                    }),
                }).collect_view()}
                <a data-testid="download-full-page" hidden=!framed href=move || framed.then(full_page) target="_blank" rel="noopener noreferrer">
                    {tr(lang, |u| u.download_on_full_page)}
                </a>
                <button type="button" data-testid="share" on:click=share>{tr(lang, |u| u.share)}</button>
                {embed_url.map(|page_url| view! { <EmbedDialog page_url=page_url /> })}
            </div>
            <p class="mslw-message" role="status" data-testid="footer-message">{move || message.get()}</p>
            <About />
        </footer>
    }
}

const SLOT: &str = "about";

/// Method, corrections, sources, licence and last-updated date.
#[component]
fn About() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let dataset = state.data().dataset.clone();
    view! {
        <details class="mslw-about" data-testid="about-data" data-mslw-slot=SLOT
            inner_html=move || read_only!(SLOT, lang.get(), about_markup(&dataset, lang.get()))></details>
    }
}

/// "About the data" as markup, set with one `innerHTML`: summary, method, last update, the corrections to the
/// article (each with its status, what the article says and what the sources say), every source, the licence.
#[cfg(not(baked_page))]
pub fn about_markup(dataset: &Dataset, lang: Lang) -> String {
    let u = ui(lang);
    let mut out = String::with_capacity(8192);
    markup::element(&mut out, "summary", &[], u.about_title);
    // The summary is a control, not a heading: without this one the h4s below sat under the section before.
    markup::element(&mut out, "h3", &[("class", "mslw-sr-only")], u.about_title);
    push_source_article(&mut out, dataset, lang);
    markup::element(&mut out, "p", &[], u.method);
    markup::element(&mut out, "p", &[], &labelled(u.last_updated, &format_date(dataset.last_updated, lang), lang));
    markup::element(&mut out, "h4", &[], u.corrections_title);
    out.push_str("<ol class=\"mslw-corrections\" data-testid=\"corrections\">");
    for c in &dataset.corrections {
        markup::open(&mut out, "li", &[("data-status", c.status.as_str())]);
        markup::element(&mut out, "strong", &[], &format!("{}{}", c.topic.get(lang), paren(status_label(c.status, lang), lang)));
        markup::element(&mut out, "p", &[], &labelled(u.article_says, c.article_says.get(lang), lang));
        markup::element(&mut out, "p", &[], &labelled(u.sources_say, c.sources_say.get(lang), lang));
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    markup::element(&mut out, "h4", &[], u.all_sources);
    out.push_str("<ul class=\"mslw-sources\">");
    for source in dataset.all_sources() {
        push_source_item(&mut out, source, lang);
    }
    out.push_str("</ul>");
    markup::element(&mut out, "p", &[], &labelled(u.licence, dataset.licence.get(lang), lang));
    out
}

/// The article this widget fact-checks, named and linked: our description of it (it has no headline), who
/// reposted it, when it was written and when reposted.
#[cfg(not(baked_page))]
fn push_source_article(out: &mut String, dataset: &Dataset, lang: Lang) {
    let u = ui(lang);
    let a = &dataset.article;
    markup::open(out, "p", &[("class", "mslw-source-article"), ("data-testid", "source-article")]);
    markup::element(out, "strong", &[], &labelled(u.source_article, "", lang));
    let title = a.title.get(lang);
    if crate::dataset::is_safe_https_url(&a.url) {
        markup::open(out, "a", &[("href", &a.url), ("target", "_blank"), ("rel", "noopener noreferrer")]);
        markup::element(out, if a.title_is_description { "em" } else { "span" }, &[], title);
        out.push_str("</a>");
    } else {
        markup::push_escaped(out, title);
    }
    let mut facts: Vec<String> = a.publisher.iter().map(|p| p.get(lang).to_owned()).collect();
    facts.push(u.written.to_owned());
    facts.push(u.reposted.replace("{}", &format_date(a.published, lang)));
    let separator = if lang == Lang::Zh { "，" } else { ", " };
    markup::push_escaped(out, &paren(&facts.join(separator), lang));
    out.push_str("</p>");
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
        // Every source, and the article checked here.
        assert_eq!(en.matches("<a href=").count(), data.all_sources().len() + 1);
        assert!(en.contains("CC BY 4.0") || en.contains("Creative Commons"));
        let zh = about_markup(&data, Lang::Zh);
        assert!(zh.contains(&markup::escape_html(ui(Lang::Zh).corrections_title)));
    }

    #[test]
    fn about_names_and_links_the_article_it_checks() {
        let data = crate::dataset::data_file_for_tests();
        let en = about_markup(&data, Lang::En);
        let start = en.find("<p class=\"mslw-source-article\" data-testid=\"source-article\">").expect("the source article");
        let line = &en[start..start + en[start..].find("</p>").unwrap()];
        assert!(line.contains("<a href=\"https://vpshk.cn/20251212895.html\" target=\"_blank\" rel=\"noopener noreferrer\""), "{line}");
        assert!(line.contains("<em>A Chinese report"), "the title is our description, set as one: {line}");
        assert!(line.contains("vpshk.cn") && line.contains("reposted Dec 26, 2025") && line.contains("late August 2025"), "{line}");
        let zh = about_markup(&data, Lang::Zh);
        assert!(zh.contains("2025年12月26日转载") && zh.contains("主机测评网"), "{zh}");
        assert!(zh.contains("原文称：") && !zh.contains("原文称:"), "full-width colon in Chinese");
    }
}
