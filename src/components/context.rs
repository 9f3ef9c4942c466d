//! Context above the grid: where the 2025 hires came from (reported vs the article) and a short timeline.

use crate::components::card::SourceLink;
use crate::i18n::{format_dated, status_label, svg_num, ui};
use crate::model::{CountQualifier, HireCount, Lang, Status};
use crate::state::WidgetState;
use crate::components::tr;
use crate::order::order_by_keys;
use leptos::prelude::*;

/// The hiring chart and the timeline.
#[component]
pub fn Context() -> impl IntoView {
    let lang = expect_context::<WidgetState>().lang;
    view! {
        <section class="mslw-context" data-testid="context">
            <h3 class="mslw-context-title">{tr(lang, |u| u.context_title)}</h3>
            <div class="mslw-context-grid">
                <HiringChart />
                <Timeline />
            </div>
        </section>
    }
}

/// "20+", "≥13", "3" (and Chinese equivalents): the count as reported, qualifier included.
pub fn count_label(h: &HireCount, lang: Lang) -> String {
    match (h.qualifier, lang) {
        (CountQualifier::Exact, _) => h.count.to_string(),
        (CountQualifier::MoreThan, Lang::En) => format!("{}+", h.count),
        (CountQualifier::MoreThan, Lang::Zh) => format!("{}多", h.count),
        (CountQualifier::AtLeast, Lang::En) => format!("≥{}", h.count),
        (CountQualifier::AtLeast, Lang::Zh) => format!("至少{}", h.count),
    }
}

const ROW_H: f64 = 40.0;
const LABEL_W: f64 = 84.0;
const BAR_MAX_W: f64 = 180.0;
const CHART_W: f64 = 320.0;

/// Horizontal bars, two per source organisation: reported (solid) and the article's (outlined), so the
/// difference never depends on colour; values are written at the end of each bar.
#[component]
fn HiringChart() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let data = state.data();
    let hiring = data.dataset.hiring.clone();
    let (title_id, desc_id) = (data.id("hiring-title"), data.id("hiring-desc"));
    let svg_labelled_by = format!("{title_id} {desc_id}");
    let max = hiring.reported.iter().chain(&hiring.article_version).map(|h| h.count).max().unwrap_or(1).max(1);
    let width = move |count: u32| f64::from(count) / f64::from(max) * BAR_MAX_W;
    let rows: Vec<(HireCount, Option<HireCount>)> = hiring
        .reported
        .iter()
        .map(|r| (r.clone(), hiring.article_version.iter().find(|a| a.org.en == r.org.en).cloned()))
        .collect();
    let height = ROW_H * rows.len() as f64 + 8.0;
    let note = hiring.check.note.clone();
    let status = hiring.check.status;
    let total = hiring.total.clone();
    let rows_for_table = rows.clone();

    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (reported, article))| {
            let y = ROW_H * i as f64 + 4.0;
            let org = reported.org.clone();
            let reported_w = width(reported.count);
            let article_w = article.as_ref().map(|a| width(a.count)).unwrap_or(0.0);
            let reported_label = reported.clone();
            let article_label = article.clone();
            view! {
                <g class="mslw-bar-row">
                    <text x=svg_num(LABEL_W - 6.0) y=svg_num(y + 22.0) text-anchor="end" class="mslw-chart-label">{move || org.get(lang.get()).to_owned()}</text>
                    <rect x=svg_num(LABEL_W) y=svg_num(y + 2.0) width=svg_num(reported_w.max(1.0)) height="14" class="mslw-bar-reported" />
                    <text x=svg_num(LABEL_W + reported_w + 4.0) y=svg_num(y + 14.0) class="mslw-chart-value">{move || count_label(&reported_label, lang.get())}</text>
                    <rect x=svg_num(LABEL_W + 0.5) y=svg_num(y + 20.5) width=svg_num(article_w.max(1.0)) height="13" class="mslw-bar-article" />
                    <text x=svg_num(LABEL_W + article_w + 4.0) y=svg_num(y + 32.0) class="mslw-chart-value">
                        {move || article_label.as_ref().map(|a| count_label(a, lang.get())).unwrap_or_else(|| ui(lang.get()).hiring_not_mentioned.to_owned())}
                    </text>
                </g>
            }
        })
        .collect_view();

    view! {
        <figure class="mslw-hiring" data-testid="hiring-chart">
            <figcaption class="mslw-figure-title">{tr(lang, |u| u.hiring_title)}</figcaption>
            <ul class="mslw-legend" aria-hidden="true">
                <li><span class="mslw-swatch mslw-swatch-reported"></span>{tr(lang, |u| u.hiring_reported)}</li>
                <li><span class="mslw-swatch mslw-swatch-article"></span>{tr(lang, |u| u.hiring_article)}</li>
            </ul>
            <svg class="mslw-chart" viewBox=format!("0 0 {} {}", svg_num(CHART_W), svg_num(height)) role="img"
                aria-labelledby=svg_labelled_by>
                <title id=title_id>{tr(lang, |u| u.hiring_title)}</title>
                <desc id=desc_id>{move || hiring_summary(&total, lang.get())}</desc>
                {bars}
            </svg>
            <div class="mslw-sr-only">
            <table>
                <caption>{tr(lang, |u| u.hiring_title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(lang, |u| u.hiring_org)}</th>
                        <th scope="col">{tr(lang, |u| u.hiring_reported)}</th>
                        <th scope="col">{tr(lang, |u| u.hiring_article)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows_for_table.into_iter().map(|(r, a)| view! {
                        <tr>
                            <th scope="row">{let org = r.org.clone(); move || org.get(lang.get()).to_owned()}</th>
                            <td>{let r = r.clone(); move || count_label(&r, lang.get())}</td>
                            <td>{move || a.as_ref().map(|a| count_label(a, lang.get())).unwrap_or_else(|| ui(lang.get()).hiring_not_mentioned.to_owned())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <p class="mslw-check" data-status=status.as_str()>
                <strong>{move || format!("{}: ", status_label(status, lang.get()))}</strong>
                {move || note.as_ref().map(|n| n.get(lang.get()).to_owned())}
            </p>
            <ul class="mslw-sources">
                <SourceLink source=hiring.reported_source.clone() />
            </ul>
        </figure>
    }
}

fn hiring_summary(total: &HireCount, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "Meta hired {} AI researchers and engineers by mid-August 2025. The WSJ reported OpenAI as the largest source; the article leaves OpenAI out.",
            count_label(total, lang)
        ),
        Lang::Zh => format!("截至2025年8月中旬，Meta 招募了{}名AI研究员和工程师。《华尔街日报》报道 OpenAI 是最大来源，原文却未提及 OpenAI。", count_label(total, lang)),
    }
}

/// Key dates in order, each with its status where the article got it wrong.
#[component]
fn Timeline() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let all = state.data().dataset.key_dates.clone();
    // Date order; equal dates keep the dataset's order.
    let order = order_by_keys(all.iter().map(|d| {
        let date = &d.date.date;
        (i64::from(date.year) * 10_000 + i64::from(date.month) * 100 + i64::from(date.day.unwrap_or(0)), 0)
    }));
    let dates: Vec<_> = order.into_iter().map(|i| all[i].clone()).collect();
    view! {
        <div class="mslw-timeline" data-testid="timeline">
            <h4 class="mslw-figure-title">{tr(lang, |u| u.timeline_title)}</h4>
            <ol>
                {dates.into_iter().map(|d| {
                    let label = d.label.clone();
                    let note = d.check.note.clone();
                    let status = d.check.status;
                    view! {
                        <li>
                            <time datetime=d.date.date.iso()>{move || format_dated(d.date, lang.get())}</time>
                            " "<span>{move || label.get(lang.get()).to_owned()}</span>
                            {(status != Status::Confirmed).then(|| view! {
                                <p class="mslw-check" data-status=status.as_str()>
                                    <strong>{move || format!("{}: ", status_label(status, lang.get()))}</strong>
                                    {move || note.as_ref().map(|n| n.get(lang.get()).to_owned())}
                                </p>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}
