//! Context above the grid: where the 2025 hires came from (reported vs the article) and a short timeline.

#[cfg(not(baked_page))]
use crate::components::card::push_source_item;
use crate::i18n::{format_dated, status_label, ui};
use crate::markup::{self, svg_number};
use crate::model::{Check, CountQualifier, HireCount, Hiring, KeyDate, Lang, Status};
use crate::state::WidgetState;
use crate::components::tr;
use crate::order::order_by_keys;
use crate::read_only;
use leptos::prelude::*;

/// The hiring chart and the timeline.
#[component]
pub fn Context() -> impl IntoView {
    let lang = expect_context::<WidgetState>().lang;
    view! {
        <section class="mslw-context" data-testid="context">
            <h3 class="mslw-context-title">{tr(lang, |u| u.context_title)}</h3>
            // Background, after the story and the sum: one click away, and printed open.
            <details class="mslw-context-more" data-testid="context-more">
                <summary>{tr(lang, |u| u.background_summary)}</summary>
                <div class="mslw-context-grid">
                    <HiringChart />
                    <Timeline />
                </div>
            </details>
        </section>
    }
}

/// "20+", "≥13", "3" (and Chinese equivalents): the count as reported, qualifier included.
#[cfg(not(baked_page))]
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
    let (title_id, desc_id) = (data.id("hiring-title"), data.id("hiring-desc"));
    view! {
        <figure class="mslw-hiring" data-testid="hiring-chart" data-mslw-slot="hiring"
            inner_html=move || read_only!("hiring", lang.get(), hiring_markup(&data.dataset.hiring, lang.get(), &title_id, &desc_id))></figure>
    }
}

/// The hiring figure's content as markup (caption, legend, SVG bars, the table alternative, the fact-check
/// and the source), set with one `innerHTML`.
#[cfg(not(baked_page))]
pub fn hiring_markup(hiring: &Hiring, lang: Lang, title_id: &str, desc_id: &str) -> String {
    let u = ui(lang);
    let max = hiring.reported.iter().chain(&hiring.article_version).map(|h| h.count).max().unwrap_or(1).max(1);
    let width = |count: u32| f64::from(count) / f64::from(max) * BAR_MAX_W;
    let rows: Vec<(&HireCount, Option<&HireCount>)> =
        hiring.reported.iter().map(|r| (r, hiring.article_version.iter().find(|a| a.org.en == r.org.en))).collect();
    let article_text = |a: Option<&HireCount>| a.map(|a| count_label(a, lang)).unwrap_or_else(|| u.hiring_not_mentioned.to_owned());
    let height = ROW_H * rows.len() as f64 + 8.0;
    let mut out = String::with_capacity(4096);
    markup::element(&mut out, "figcaption", &[("class", "mslw-figure-title")], u.hiring_title);
    out.push_str("<ul class=\"mslw-legend\" aria-hidden=\"true\"><li><span class=\"mslw-swatch mslw-swatch-reported\"></span>");
    markup::push_escaped(&mut out, u.hiring_reported);
    out.push_str("</li><li><span class=\"mslw-swatch mslw-swatch-article\"></span>");
    markup::push_escaped(&mut out, u.hiring_article);
    out.push_str("</li></ul>");
    let view_box = format!("0 0 {} {}", svg_number(CHART_W), svg_number(height));
    let labelled_by = format!("{title_id} {desc_id}");
    markup::open(&mut out, "svg", &[("class", "mslw-chart"), ("viewBox", &view_box), ("role", "img"), ("aria-labelledby", &labelled_by)]);
    markup::element(&mut out, "title", &[("id", title_id)], u.hiring_title);
    markup::element(&mut out, "desc", &[("id", desc_id)], &hiring_summary(&hiring.total, lang));
    // A label or value (text-anchor "start" is SVG's default, so it is written only for "end").
    let text = |out: &mut String, x: f64, y: f64, anchor: &str, class: &str, text: &str| {
        let (x, y) = (svg_number(x), svg_number(y));
        let attrs = [("x", x.as_str()), ("y", y.as_str()), ("class", class), ("text-anchor", anchor)];
        markup::element(out, "text", if anchor == "start" { &attrs[..3] } else { &attrs }, text);
    };
    let bar = |out: &mut String, x: f64, y: f64, w: f64, h: &str, class: &str| {
        markup::void(out, "rect", &[("x", &svg_number(x)), ("y", &svg_number(y)), ("width", &svg_number(w.max(1.0))), ("height", h), ("class", class)]);
    };
    for (i, (reported, article)) in rows.iter().enumerate() {
        let y = ROW_H * i as f64 + 4.0;
        let (reported_w, article_w) = (width(reported.count), article.map(|a| width(a.count)).unwrap_or(0.0));
        out.push_str("<g class=\"mslw-bar-row\">");
        text(&mut out, LABEL_W - 6.0, y + 22.0, "end", "mslw-chart-label", reported.org.get(lang));
        bar(&mut out, LABEL_W, y + 2.0, reported_w, "14", "mslw-bar-reported");
        text(&mut out, LABEL_W + reported_w + 4.0, y + 14.0, "start", "mslw-chart-value", &count_label(reported, lang));
        bar(&mut out, LABEL_W + 0.5, y + 20.5, article_w, "13", "mslw-bar-article");
        text(&mut out, LABEL_W + article_w + 4.0, y + 32.0, "start", "mslw-chart-value", &article_text(*article));
        out.push_str("</g>");
    }
    out.push_str("</svg><div class=\"mslw-sr-only\"><table>");
    markup::element(&mut out, "caption", &[], u.hiring_title);
    out.push_str("<thead><tr>");
    for head in [u.hiring_org, u.hiring_reported, u.hiring_article] {
        markup::element(&mut out, "th", &[("scope", "col")], head);
    }
    out.push_str("</tr></thead><tbody>");
    for (reported, article) in &rows {
        out.push_str("<tr>");
        markup::element(&mut out, "th", &[("scope", "row")], reported.org.get(lang));
        markup::element(&mut out, "td", &[], &count_label(reported, lang));
        markup::element(&mut out, "td", &[], &article_text(*article));
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    push_check(&mut out, &hiring.check, lang);
    out.push_str("<ul class=\"mslw-sources\">");
    push_source_item(&mut out, &hiring.reported_source, lang);
    out.push_str("</ul>");
    out
}

/// A claim's status as a short labelled note where the claim appears: the status word and the note's first
/// sentence, with the rest one click away in a native disclosure.
#[cfg(not(baked_page))]
pub fn push_check(out: &mut String, check: &Check, lang: Lang) {
    let label = crate::i18n::labelled(status_label(check.status, lang), "", lang);
    let note = check.note.as_ref().map(|n| n.get(lang)).unwrap_or_default();
    let (first, rest) = first_sentence(note);
    if rest.is_empty() {
        markup::open(out, "p", &[("class", "mslw-note"), ("data-status", check.status.as_str())]);
        markup::element(out, "strong", &[], &label);
        markup::push_escaped(out, first);
        out.push_str("</p>");
        return;
    }
    markup::open(out, "details", &[("class", "mslw-note"), ("data-status", check.status.as_str())]);
    out.push_str("<summary>");
    markup::element(out, "strong", &[], &label);
    markup::push_escaped(out, first);
    out.push_str(" <span class=\"mslw-note-more\">");
    markup::push_escaped(out, ui(lang).full_note);
    out.push_str("</span></summary>");
    markup::element(out, "p", &[], rest);
    out.push_str("</details>");
}

/// A note's first sentence and the rest ("…July\". Zuckerberg's memo…" splits after the full stop, and so does
/// "…7月初”。实际上…"); a note of one sentence has an empty rest.
pub fn first_sentence(note: &str) -> (&str, &str) {
    let ends = [". ", "。", "! ", "? ", "！", "？"];
    let cut = ends.iter().filter_map(|e| note.find(e).map(|i| i + e.trim_end().len())).min();
    match cut {
        Some(i) if note[i..].trim().is_empty() => (note.trim(), ""),
        Some(i) => (note[..i].trim(), note[i..].trim()),
        None => (note.trim(), ""),
    }
}

#[cfg(not(baked_page))]
fn hiring_summary(total: &HireCount, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "Meta hired {} AI researchers and engineers by mid-August 2025. The WSJ reported OpenAI as the largest source; the article leaves OpenAI out.",
            count_label(total, lang)
        ),
        Lang::Zh => format!("截至2025年8月中旬，Meta招募了{}名AI研究员和工程师。《华尔街日报》报道OpenAI是最大来源，原文却未提及OpenAI。", count_label(total, lang)),
    }
}

/// Key dates in order, each with its status and note where it has one (a note gives the article's version).
#[component]
fn Timeline() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let data = state.data();
    let html = move || read_only!("timeline", lang.get(), timeline_markup(&in_date_order(&data.dataset.key_dates), lang.get()));
    view! { <div class="mslw-timeline" data-testid="timeline" data-mslw-slot="timeline" inner_html=html></div> }
}

/// The key dates in date order; equal dates keep the dataset's order.
#[cfg(not(baked_page))]
fn in_date_order(all: &[KeyDate]) -> Vec<KeyDate> {
    let order = order_by_keys(all.iter().map(|d| {
        let date = &d.date.date;
        (i64::from(date.year) * 10_000 + i64::from(date.month) * 100 + i64::from(date.day.unwrap_or(0)), 0)
    }));
    order.into_iter().map(|i| all[i].clone()).collect()
}

/// The timeline's content as markup: a heading and one item per date (in the order given).
#[cfg(not(baked_page))]
pub fn timeline_markup(dates: &[KeyDate], lang: Lang) -> String {
    let mut out = String::with_capacity(2048);
    markup::element(&mut out, "h4", &[("class", "mslw-figure-title")], ui(lang).timeline_title);
    out.push_str("<ol>");
    for d in dates {
        out.push_str("<li>");
        markup::element(&mut out, "time", &[("datetime", &d.date.date.iso())], &format_dated(d.date, lang));
        out.push(' ');
        markup::element(&mut out, "span", &[], d.label.get(lang));
        if d.check.status != Status::Confirmed || d.check.note.is_some() {
            push_check(&mut out, &d.check, lang);
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_context_figures_are_whole_markup_in_both_languages() {
        let data = crate::dataset::data_file_for_tests();
        for lang in [Lang::En, Lang::Zh] {
            let hiring = hiring_markup(&data.hiring, lang, "w-t", "w-d");
            assert!(hiring.contains("<svg class=\"mslw-chart\"") && hiring.contains("aria-labelledby=\"w-t w-d\""));
            assert_eq!(hiring.matches("<g class=\"mslw-bar-row\">").count(), data.hiring.reported.len());
            assert_eq!(hiring.matches("<th scope=\"row\">").count(), data.hiring.reported.len());
            assert!(hiring.contains(&markup::escape_html(ui(lang).hiring_title)));
            for tag in ["svg", "g", "text", "table", "tr", "ul", "li", "p"] {
                assert_eq!(hiring.matches(&format!("<{tag}")).count(), hiring.matches(&format!("</{tag}>")).count(), "<{tag}>");
            }
            let timeline = timeline_markup(&data.key_dates, lang);
            assert_eq!(timeline.matches("<time datetime=").count(), data.key_dates.len());
            let checked = data.key_dates.iter().filter(|d| d.check.status != Status::Confirmed || d.check.note.is_some()).count();
            assert_eq!(timeline.matches("class=\"mslw-note\"").count(), checked);
            assert!(checked >= 3, "the article's versions of the key dates stay visible");
        }
    }

    #[test]
    fn a_correction_note_shows_its_first_sentence_and_keeps_the_rest_one_click_away() {
        assert_eq!(first_sentence("The article says \"early July\". The memo went out on 30 June."), ("The article says \"early July\".", "The memo went out on 30 June."));
        assert_eq!(first_sentence("文章说“7月初”。实际上是6月30日。"), ("文章说“7月初”。", "实际上是6月30日。"));
        assert_eq!(first_sentence("One sentence only."), ("One sentence only.", ""));
        assert_eq!(first_sentence("Version 2.5 is out"), ("Version 2.5 is out", ""));
        let mut out = String::new();
        let check = Check { status: Status::Disputed, note: Some(crate::model::Text { en: "A <b>. B.".into(), zh: "甲。乙。".into() }) };
        push_check(&mut out, &check, Lang::En);
        assert!(out.starts_with("<details class=\"mslw-note\" data-status=\"disputed\"><summary><strong>Disputed: </strong>A &lt;b&gt;."), "{out}");
        assert!(out.ends_with("<p>B.</p></details>"), "{out}");
    }
}
