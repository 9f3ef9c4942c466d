//! The lead figure: everyone's time at Meta on one shared log axis, longest first, each row a link to the
//! person's card. Geometry and markup only (pure); `components::lead_figure` sets it in the page.
//!
//! Rows are HTML list items with text for every person (a screen reader reads a list of links, not an
//! image); each row's bar is a small SVG positioned in percentages of the row's width, so the same markup
//! fits 320 px and 1280 px without a view box that would stretch its text.

use crate::i18n::{push_status_mark, tenure_words, ui, CALENDAR_WEEKS_PER_MONTH, CALENDAR_WEEKS_PER_YEAR};
use crate::markup::{self, push_svg_number};
use crate::model::{Lang, Person, Status};
use crate::order::{f64_order_key, order_by_keys};

/// The axis starts at one day: a tenure of zero (someone who may never have started) sits at its edge.
pub const AXIS_MIN_WEEKS: f64 = 1.0 / 7.0;
/// The axis reaches at least twelve years, and further when a tenure does.
pub const AXIS_MIN_SPAN_WEEKS: f64 = 12.0 * CALENDAR_WEEKS_PER_YEAR;

/// The shared log axis of the figure: from one day to just past the longest tenure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogAxis {
    log_min: f64,
    log_max: f64,
}

impl LogAxis {
    /// An axis that holds every tenure in `people` (non-finite or negative weeks are ignored).
    pub fn for_people<'a>(people: impl Iterator<Item = &'a Person>) -> LogAxis {
        let longest = people.map(|p| p.tenure.weeks_high).filter(|w| w.is_finite()).fold(AXIS_MIN_SPAN_WEEKS, f64::max);
        LogAxis { log_min: AXIS_MIN_WEEKS.log10(), log_max: (longest * 1.08).log10() }
    }

    /// Where `weeks` falls, from 0 (one day or less) to 100 (the axis's end), in percent.
    pub fn percent(&self, weeks: f64) -> f64 {
        if !weeks.is_finite() || weeks <= AXIS_MIN_WEEKS {
            return 0.0;
        }
        ((weeks.log10() - self.log_min) / (self.log_max - self.log_min) * 100.0).clamp(0.0, 100.0)
    }
}

/// The labelled gridlines: one week, one month, one year, ten years.
pub fn gridlines(lang: Lang) -> [(f64, &'static str); 4] {
    let labels = match lang {
        Lang::En => ["1 week", "1 month", "1 year", "10 years"],
        Lang::Zh => ["1周", "1个月", "1年", "10年"],
    };
    let weeks = [1.0, CALENDAR_WEEKS_PER_MONTH, CALENDAR_WEEKS_PER_YEAR, 10.0 * CALENDAR_WEEKS_PER_YEAR];
    [(weeks[0], labels[0]), (weeks[1], labels[1]), (weeks[2], labels[2]), (weeks[3], labels[3])]
}

/// The people in the figure's order: longest estimated tenure first, ties in dataset order.
pub fn tenure_order(people: &[impl AsRef<Person>]) -> Vec<usize> {
    order_by_keys(people.iter().map(|p| (f64_order_key(-p.as_ref().tenure.weeks_estimate), 0)))
}

/// The destination as a reader sees it, with its status: "Anthropic", "Not announced", "OpenAI [Unverified]".
#[cfg(not(baked_page))]
pub fn destination_words(p: &Person, lang: Lang) -> String {
    let mut s = p.destination.org.as_ref().map(|o| o.get(lang)).unwrap_or(ui(lang).not_announced).to_owned();
    push_status_mark(&mut s, p.destination.check.status, lang);
    s
}

/// The tenure in a few words with its status: "at least 4 years [Unverified]".
#[cfg(not(baked_page))]
pub fn tenure_words_marked(p: &Person, lang: Lang) -> String {
    let mut s = tenure_words(&p.tenure, lang);
    push_status_mark(&mut s, p.tenure.check.status, lang);
    s
}

/// The card's one line of path: "12 years at Meta → Anthropic" / "在Meta任职12年 → Anthropic", marks included.
#[cfg(not(baked_page))]
pub fn path_line(p: &Person, lang: Lang) -> String {
    let u = ui(lang);
    let destination = destination_words(p, lang);
    let mut s = if p.tenure.precision == crate::model::TenurePrecision::NeverStarted {
        u.lead_path_never.replacen("{}", &destination, 1)
    } else {
        u.lead_path.replacen("{}", &tenure_words_marked(p, lang), 1).replacen("{}", &destination, 1)
    };
    if p.tenure.precision == crate::model::TenurePrecision::NeverStarted {
        push_status_mark(&mut s, p.tenure.check.status, lang);
    }
    for later in &p.later {
        s.push_str(" → ");
        s.push_str(later.org.get(lang));
    }
    // A line that starts with "at least" or "under" starts a sentence.
    // ASCII only: the English templates start with an ASCII letter, and Unicode case tables cost the wasm bytes.
    if let Some(first) = s.get(..1).filter(|f| f.as_bytes()[0].is_ascii_lowercase()) {
        let upper = first.to_ascii_uppercase();
        s.replace_range(..1, &upper);
    }
    s
}

/// The id of a person's card heading, which a row links to (the card's `aria-labelledby` target).
pub fn card_heading_id(id_prefix: &str, person_id: &str) -> String {
    let mut s = String::with_capacity(id_prefix.len() + 6 + person_id.len());
    s.push_str(id_prefix);
    s.push_str("-name-");
    s.push_str(person_id);
    s
}

/// The figure's axis and rows as markup (without the `<figure>` element): a caption, a note, the axis labels and
/// one `<li>` per person in `order`, at most `limit` of them.
#[cfg(not(baked_page))]
pub fn lead_markup(people: &[impl AsRef<Person>], order: &[usize], axis: &LogAxis, limit: usize, lang: Lang, id_prefix: &str) -> String {
    let u = ui(lang);
    let mut out = String::with_capacity(512 + 640 * order.len().min(limit));
    markup::element(&mut out, "figcaption", &[("class", "mslw-lead-title")], u.lead_title);
    markup::element(&mut out, "p", &[("class", "mslw-lead-note")], u.lead_note);
    let grid = gridlines(lang);
    // The axis labels, in a row laid out like the bars below them.
    out.push_str("<div class=\"mslw-lead-axis\" aria-hidden=\"true\"><span></span><svg class=\"mslw-lead-scale\" width=\"100%\" height=\"18\" focusable=\"false\">");
    for (weeks, label) in grid {
        let at = axis.percent(weeks);
        let x = percent_attr(at);
        // Labels near an end are anchored inside the row so they never leave it.
        let anchor = if at > 88.0 { "end" } else if at < 8.0 { "start" } else { "middle" };
        markup::element(&mut out, "text", &[("x", &x), ("y", "13"), ("text-anchor", anchor)], label);
    }
    out.push_str("</svg></div><ol class=\"mslw-lead-rows\" data-testid=\"lead-rows\">");
    for &i in order.iter().take(limit) {
        let Some(p) = people.get(i).map(AsRef::as_ref) else { continue };
        push_row(&mut out, p, axis, &grid, lang, id_prefix);
    }
    out.push_str("</ol>");
    out
}

#[cfg(not(baked_page))]
fn percent_attr(at: f64) -> String {
    let mut s = String::with_capacity(6);
    push_svg_number(&mut s, at);
    s.push('%');
    s
}

#[cfg(not(baked_page))]
fn push_row(out: &mut String, p: &Person, axis: &LogAxis, grid: &[(f64, &str); 4], lang: Lang, id_prefix: &str) {
    let (primary, secondary, secondary_lang) = match lang {
        Lang::En => (p.name_en.as_str(), p.name_zh.text.as_str(), "zh-Hans"),
        Lang::Zh => (p.name_zh.text.as_str(), p.name_en.as_str(), "en"),
    };
    let href = {
        let mut h = String::from("#");
        h.push_str(&card_heading_id(id_prefix, &p.id));
        h
    };
    markup::open(out, "li", &[("class", "mslw-lead-row"), ("data-lead-person", &p.id), ("data-testid", "lead-row")]);
    markup::open(out, "a", &[("class", "mslw-lead-link"), ("href", &href)]);
    out.push_str("<span class=\"mslw-lead-who\">");
    markup::element(out, "span", &[("class", "mslw-lead-name")], primary);
    out.push(' ');
    markup::element(out, "span", &[("class", "mslw-lead-alt"), ("lang", secondary_lang)], secondary);
    let mut name_mark = String::new();
    push_status_mark(&mut name_mark, p.name_zh.check.status, lang);
    if !name_mark.is_empty() {
        markup::element(out, "span", &[("class", "mslw-lead-mark")], &name_mark);
    }
    out.push_str("</span><span class=\"mslw-lead-what\">");
    markup::element(out, "span", &[("class", "mslw-lead-tenure")], &tenure_words_marked(p, lang));
    out.push_str("<span aria-hidden=\"true\"> → </span>");
    markup::element(out, "span", &[("class", "mslw-sr-only")], ui(lang).then_spoken);
    markup::element(out, "span", &[("class", "mslw-lead-dest")], &destination_words(p, lang));
    out.push_str("</span>");
    push_track(out, p, axis, grid);
    out.push_str("</a></li>");
}

/// The row's bar: gridlines and the low–high range; a range that starts below the axis (a tenure that may be
/// zero) is drawn open, dashed from the axis's start.
#[cfg(not(baked_page))]
fn push_track(out: &mut String, p: &Person, axis: &LogAxis, grid: &[(f64, &str); 4]) {
    let t = &p.tenure;
    let (low, high) = (axis.percent(t.weeks_low), axis.percent(t.weeks_high.max(t.weeks_low)));
    let class = match t.check.status {
        Status::Confirmed => "mslw-lead-bar",
        _ => "mslw-lead-bar mslw-lead-bar-doubt",
    };
    out.push_str("<svg class=\"mslw-lead-track\" width=\"100%\" height=\"14\" aria-hidden=\"true\" focusable=\"false\">");
    for (weeks, _) in grid {
        let x = percent_attr(axis.percent(*weeks));
        markup::void(out, "line", &[("class", "mslw-lead-grid"), ("x1", &x), ("x2", &x), ("y1", "0"), ("y2", "14")]);
    }
    let open_start = t.weeks_low <= AXIS_MIN_WEEKS;
    if open_start {
        let end = percent_attr(high);
        markup::void(out, "line", &[("class", "mslw-lead-open"), ("x1", "0%"), ("x2", &end), ("y1", "7"), ("y2", "7")]);
    }
    // A range narrower than the bar's rounded ends is still drawn: the stroke gives it a visible minimum.
    let (x, width) = (percent_attr(low), percent_attr((high - low).max(0.0)));
    let bar_class = if open_start { "mslw-lead-bar mslw-lead-bar-open" } else { class };
    markup::void(out, "rect", &[("class", bar_class), ("x", &x), ("width", &width), ("y", "4"), ("height", "6"), ("rx", "3")]);
    out.push_str("</svg>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn people() -> Vec<Arc<Person>> {
        crate::dataset::data_file_for_tests().people
    }

    #[test]
    fn rows_run_longest_first_with_every_person_once() {
        let people = people();
        let order = tenure_order(&people);
        let ids: Vec<&str> = order.iter().map(|&i| people[i].id.as_str()).collect();
        assert_eq!(ids.first(), Some(&"bert-maher"));
        assert_eq!(ids.last(), Some(&"avi-verma"));
        let axis = LogAxis::for_people(people.iter().map(|p| &**p));
        for lang in [Lang::En, Lang::Zh] {
            let html = lead_markup(&people, &order, &axis, 100, lang, "w");
            assert_eq!(html.matches("data-testid=\"lead-row\"").count(), people.len());
            for p in &people {
                assert_eq!(html.matches(&format!("href=\"#w-name-{}\"", p.id)).count(), 1, "{}", p.id);
            }
            for tag in ["li", "a", "svg", "ol", "span", "div", "text", "p", "figcaption"] {
                let opened = html.matches(&format!("<{tag} ")).count() + html.matches(&format!("<{tag}>")).count();
                assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "<{tag}>");
            }
        }
        // Paged like the grid: the first rows only.
        let first = lead_markup(&people, &order, &axis, 3, Lang::En, "w");
        assert_eq!(first.matches("data-testid=\"lead-row\"").count(), 3);
    }

    #[test]
    fn a_row_says_tenure_destination_and_status_in_words() {
        let people = people();
        let axis = LogAxis::for_people(people.iter().map(|p| &**p));
        let row = |id: &str, lang: Lang| {
            let i = people.iter().position(|p| p.id == id).expect("in the data");
            lead_markup(&people, &[i], &axis, 1, lang, "w")
        };
        let maher = row("bert-maher", Lang::En);
        assert!(maher.contains("<span class=\"mslw-lead-tenure\">12 years</span>") && maher.contains(">Anthropic</span>"), "{maher}");
        assert!(row("aram-markosyan", Lang::En).contains("at least 4 years [Unverified]"));
        assert!(row("aram-markosyan", Lang::Zh).contains("至少4年［未经证实］"));
        assert!(row("tony-liu", Lang::Zh).contains(ui(Lang::Zh).not_announced));
        assert!(row("chi-hao-wu", Lang::En).contains("<span class=\"mslw-lead-mark\"> [Unverified]</span>"));
        // Someone who may never have started: an open bar from the axis's start, and the words.
        let verma = row("avi-verma", Lang::En);
        assert!(verma.contains("mslw-lead-open") && verma.contains("may never have started"), "{verma}");
    }

    #[test]
    fn the_axis_is_logarithmic_from_a_day_past_the_longest_tenure() {
        let people = people();
        let axis = LogAxis::for_people(people.iter().map(|p| &**p));
        assert_eq!(axis.percent(0.0), 0.0);
        assert_eq!(axis.percent(f64::NAN), 0.0);
        let [week, month, year, decade] = gridlines(Lang::En).map(|(w, _)| axis.percent(w));
        assert!(0.0 < week && week < month && month < year && year < decade && decade < 100.0);
        // Equal ratios, equal distances: a week to ten weeks spans what a year to ten years does.
        let step = axis.percent(10.0) - axis.percent(1.0);
        assert!((axis.percent(10.0 * CALENDAR_WEEKS_PER_YEAR) - axis.percent(CALENDAR_WEEKS_PER_YEAR) - step).abs() < 1e-9);
        assert!(axis.percent(652.0) < 100.0);
        assert_eq!(gridlines(Lang::Zh).map(|(_, l)| l), ["1周", "1个月", "1年", "10年"]);
    }

    #[test]
    fn host_text_is_escaped() {
        let mut p = (*people()[0]).clone();
        p.name_en = "<img src=x onerror=alert(1)>".into();
        p.id = "a\"b".into();
        let people = vec![Arc::new(p)];
        let axis = LogAxis::for_people(people.iter().map(|p| &**p));
        let html = lead_markup(&people, &[0], &axis, 1, Lang::En, "w");
        assert!(!html.contains("<img") && html.contains("&lt;img"));
        assert!(html.contains("href=\"#w-name-a&quot;b\""));
    }

    #[test]
    fn the_path_line_is_one_line_of_tenure_and_destination() {
        let people = people();
        let p = |id: &str| people.iter().find(|p| p.id == id).expect("in the data");
        assert_eq!(path_line(p("bert-maher"), Lang::En), "12 years at Meta → Anthropic");
        assert_eq!(path_line(p("bert-maher"), Lang::Zh), "在Meta任职12年 → Anthropic");
        assert!(path_line(p("avi-verma"), Lang::En).starts_with("May never have started at Meta → OpenAI"));
        assert!(path_line(p("rishabh-agarwal"), Lang::En).starts_with("About 5 months at Meta → Not announced → Periodic Labs"));
    }
}
