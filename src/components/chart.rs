//! The pay chart: pre-tax amount against weeks at Meta, one line per pay model, markers for short tenures.
//!
//! Hand-made SVG (no chart library): the geometry is computed by pure functions here (tested natively) from the
//! calculator's `Outcome`, once per change of inputs, and drawn with attributes only (no inline styles, for a
//! strict CSP). A visually hidden table carries the same numbers for screen readers.

use crate::order::{f64_order_key, order_by_keys, sort_f64s};
use crate::markup::{self, svg_number};
use crate::i18n::{calc_ui, fill, format_count, paren};
use crate::model::{Dataset, Lang, Person};
use crate::pay::{format_usd_full_in, format_usd_short_in, format_weeks_input, FieldError, ModelAmounts, Outcome, PayModel, WEEKS_PER_YEAR};
use leptos::prelude::*;
use std::sync::Arc;

/// The SVG's coordinate system; the element scales to its container's width (the CSS sets width 100%).
pub const VIEW_W: f64 = 480.0;
pub const VIEW_H: f64 = 300.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 18.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 46.0;

/// A departure short enough to mark on the chart (tenure known to be at most a year).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
    pub low: f64,
    pub estimate: f64,
    pub high: f64,
}

/// At most this many people are marked: each label takes its own row, and a host dataset may hold thousands
/// of short tenures (drawing them all cost seconds per calculator input at 10,000 people, and was unreadable).
pub const MAX_MARKERS: usize = 12;

/// The people the chart marks, and how many qualified.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartMarkers {
    /// The shortest tenures, shortest first, at most [`MAX_MARKERS`].
    pub shown: Vec<Marker>,
    /// Everyone whose tenure is known to be at most a year.
    pub within_year: usize,
}

impl ChartMarkers {
    /// The chart's note on its markers, saying when only the shortest are drawn.
    pub fn note(&self, lang: Lang) -> String {
        let u = calc_ui(lang);
        if self.shown.len() < self.within_year {
            fill(u.chart_markers_some, &[&self.shown.len().to_string(), &format_count(self.within_year as u64, lang)])
        } else {
            u.chart_markers.to_owned()
        }
    }
}

/// People whose tenure's upper bound is at most 52 weeks, shortest first, the first [`MAX_MARKERS`] drawn.
pub fn chart_markers(dataset: &Dataset) -> ChartMarkers {
    // Weeks for everyone within a year; names copied only for the few shown.
    let within: Vec<(&Person, (f64, f64, f64))> =
        dataset.people.iter().filter(|p| p.tenure.weeks_high <= WEEKS_PER_YEAR).map(|p| (&**p, crate::pay::weeks_for_person(p))).collect();
    let order = order_by_keys(within.iter().map(|(_, (_, estimate, _))| (f64_order_key(*estimate), 0)));
    let shown = order
        .into_iter()
        .take(MAX_MARKERS)
        .map(|i| {
            let (p, (low, estimate, high)) = within[i];
            Marker { id: p.id.clone(), name_en: p.name_en.clone(), name_zh: p.name_zh.text.clone(), low, estimate, high }
        })
        .collect();
    ChartMarkers { shown, within_year: within.len() }
}

/// A marker placed on the chart, in view-box units.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedMarker {
    pub marker: Marker,
    pub x: f64,
    pub x_low: f64,
    pub x_high: f64,
    /// Which label row (labels are stacked so close markers do not overlap).
    pub row: usize,
    /// The label is drawn to the left of the marker (it would leave the plot on the right).
    pub left_side: bool,
}

/// The largest font size of the chart's text, in view-box units (a phone's; see widget.css).
const LABEL_FONT: f64 = 18.0;
/// A label's row height, as a multiple of the font size.
const LABEL_LINE: f64 = 1.5;

/// A name's width in view-box units at [`LABEL_FONT`], generously estimated: a CJK character is one em, any
/// other character at most 0.62 em (measured widths of system and Noto fonts stay under these).
pub fn label_width(name: &str) -> f64 {
    name.chars().map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.62 }).sum::<f64>() * LABEL_FONT
}

/// Places each marker and gives its label the first row where it clears every label already there, in either
/// language (the wider of the two names is reserved), so labels never overlap at any width: the SVG scales as
/// a whole. A label that would leave the plot on the right is drawn to the left of its marker.
fn place_labels(markers: &[Marker], x_max: f64) -> Vec<PlacedMarker> {
    let mut row_ends: Vec<Vec<(f64, f64)>> = Vec::new();
    markers
        .iter()
        .map(|m| {
            let x = x_pos(m.estimate, x_max);
            let width = label_width(&m.name_en).max(label_width(&m.name_zh));
            let left_side = x + 4.0 + width > VIEW_W - RIGHT / 2.0;
            let span = if left_side { (x - 4.0 - width, x - 4.0) } else { (x + 4.0, x + 4.0 + width) };
            let gap = LABEL_FONT * 0.4;
            let free = |spans: &Vec<(f64, f64)>| spans.iter().all(|&(a, b)| span.1 + gap <= a || b + gap <= span.0);
            let row = match row_ends.iter().position(free) {
                Some(r) => r,
                None => {
                    row_ends.push(Vec::new());
                    row_ends.len() - 1
                }
            };
            row_ends[row].push(span);
            PlacedMarker { marker: m.clone(), x, x_low: x_pos(m.low, x_max), x_high: x_pos(m.high, x_max), row, left_side }
        })
        .collect()
}

/// Everything the SVG and its table need, in view-box units.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub x_max: f64,
    pub y_max: f64,
    /// (position, weeks)
    pub x_ticks: Vec<(f64, f64)>,
    /// (position, US dollars)
    pub y_ticks: Vec<(f64, f64)>,
    /// One `d` attribute per model, in `PayModel::ALL` order.
    pub paths: Vec<(PayModel, String)>,
    pub chosen: PayModel,
    pub weeks: f64,
    /// The chosen model's point at the chosen weeks.
    pub point: (f64, f64),
    pub markers: Vec<PlacedMarker>,
    /// (weeks, amounts) for the table alternative.
    pub rows: Vec<(f64, ModelAmounts)>,
    /// The y axis unit (index into the language's unit list; None = plain dollars).
    pub y_unit: Option<usize>,
}

/// The largest of 1, 2 or 5 × 10^k that is at most `raw` rounded up: a "nice" tick step.
pub fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let mut p = 1.0;
    // Bounded loops: raw is at most about 1e14 here, but never loop forever on anything.
    for _ in 0..40 {
        if p * 10.0 > raw {
            break;
        }
        p *= 10.0;
    }
    for _ in 0..40 {
        if p <= raw {
            break;
        }
        p /= 10.0;
    }
    let f = raw / p;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * p
}

fn x_pos(weeks: f64, x_max: f64) -> f64 {
    LEFT + (weeks / x_max).clamp(0.0, 1.0) * (VIEW_W - LEFT - RIGHT)
}

fn y_pos(usd: f64, y_max: f64) -> f64 {
    let plot_h = VIEW_H - TOP - BOTTOM;
    TOP + plot_h - (usd / y_max).clamp(0.0, 1.0) * plot_h
}

/// The polyline of one model from 0 to `x_max`. Every model is linear between the package's breakpoints (0, 52
/// weeks, the package's end) and may jump at them (sign-on and front-loaded stock just after 0, the cliff at 52),
/// so its left value, value and right value at each breakpoint draw it exactly.
fn model_path(outcome: &Outcome, model: PayModel, x_max: f64, y_max: f64) -> String {
    let t = &outcome.terms;
    let mut xs: Vec<f64> = vec![0.0, x_max];
    xs.extend(t.breakpoints().into_iter().filter(|b| *b > 0.0 && *b < x_max));
    sort_f64s(&mut xs);
    xs.dedup();
    let mut d = String::with_capacity(xs.len() * 24);
    let mut first = true;
    let mut last: Option<(f64, f64)> = None;
    for &x in &xs {
        let eps = 1e-9 * x.max(1.0);
        let mut values = Vec::with_capacity(3);
        if x > 0.0 {
            values.push(t.amount(model, x - eps));
        }
        values.push(t.amount(model, x));
        if x < x_max {
            values.push(t.amount(model, x + eps));
        }
        for v in values {
            let p = (x_pos(x, x_max), y_pos(v, y_max));
            if last.is_some_and(|l| (l.0 - p.0).abs() < 0.05 && (l.1 - p.1).abs() < 0.05) {
                continue;
            }
            d.push(if first { 'M' } else { 'L' });
            first = false;
            markup::push_svg_number(&mut d, p.0);
            d.push(',');
            markup::push_svg_number(&mut d, p.1);
            last = Some(p);
        }
    }
    d
}

/// The chart's geometry for an outcome: x from 0 to max(52, chosen weeks), y from 0 to a nice bound over every
/// model, ticks, paths, the chosen point, the placed markers and the table rows.
pub fn chart_data(outcome: &Outcome, markers: &[Marker]) -> ChartData {
    let x_max = outcome.weeks.max(WEEKS_PER_YEAR);
    // Every model is non-decreasing in weeks, so the largest value is at the right edge.
    let top = outcome.terms.amounts(x_max).high();
    let y_step = nice_step(top / 4.0);
    let y_max = if top > 0.0 { (top / y_step).ceil().max(1.0) * y_step } else { 1.0 };
    let y_ticks: Vec<(f64, f64)> = (0..=20)
        .map(|i| f64::from(i) * y_step)
        .take_while(|v| *v <= y_max * (1.0 + 1e-9))
        .map(|v| (y_pos(v, y_max), v))
        .collect();
    let x_step = if x_max <= WEEKS_PER_YEAR { 13.0 } else { nice_step(x_max / 5.0) };
    let x_ticks: Vec<(f64, f64)> = (0..=20)
        .map(|i| f64::from(i) * x_step)
        .take_while(|w| *w <= x_max * (1.0 + 1e-9))
        .map(|w| (x_pos(w, x_max), w))
        .collect();
    let paths = PayModel::ALL.into_iter().map(|m| (m, model_path(outcome, m, x_max, y_max))).collect();
    let placed = place_labels(markers, x_max);
    let mut weeks_rows: Vec<f64> = x_ticks.iter().map(|t| t.1).collect();
    weeks_rows.push(outcome.weeks);
    weeks_rows.extend(markers.iter().map(|m| m.estimate));
    sort_f64s(&mut weeks_rows);
    weeks_rows.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    let rows = weeks_rows.into_iter().map(|w| (w, outcome.terms.amounts(w))).collect();
    let y_unit = [1e12, 1e9, 1e6, 1e3].iter().position(|d| y_max >= *d);
    ChartData {
        x_max,
        y_max,
        x_ticks,
        y_ticks,
        paths,
        chosen: outcome.model,
        weeks: outcome.weeks,
        point: (x_pos(outcome.weeks, x_max), y_pos(outcome.chosen_usd, y_max)),
        markers: placed,
        rows,
        y_unit,
    }
}

/// A y-axis label: every tick in one unit, chosen from the axis's top ("$20M", "$100M" / "0.2亿", "1亿"); thousands
/// grouped in English only.
pub fn y_label(v: f64, y_max: f64, lang: Lang) -> String {
    let (units, names): (&[f64], &[&str]) = match lang {
        Lang::En => (&[1e12, 1e9, 1e6, 1e3], &["T", "B", "M", "K"]),
        Lang::Zh => (&[1e12, 1e8, 1e4], &["万亿", "亿", "万"]),
    };
    let unit = units.iter().position(|d| y_max >= *d);
    let div = unit.map_or(1.0, |i| units[i]);
    let hundredths = if v.is_finite() && v > 0.0 { (v / div * 100.0).round() as u64 } else { 0 };
    let mut num = format_count(hundredths / 100, lang);
    let frac = hundredths % 100;
    if frac != 0 {
        num.push('.');
        num.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 != 0 {
            num.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
    match (lang, unit) {
        (_, _) if hundredths == 0 => match lang {
            Lang::En => "$0".into(),
            Lang::Zh => "0".into(),
        },
        (Lang::En, Some(i)) => fill("${}{}", &[&num, names[i]]),
        (Lang::En, None) => fill("${}", &[&num]),
        (Lang::Zh, Some(i)) => fill("{}{}", &[&num, names[i]]),
        (Lang::Zh, None) => num,
    }
}

/// The `<desc>`: what the lines are and the three values at the chosen weeks.
pub fn chart_description(data: &ChartData, amounts: &ModelAmounts, markers: &ChartMarkers, lang: Lang) -> String {
    let values: Vec<String> = PayModel::ALL
        .into_iter()
        .map(|m| match lang {
            Lang::En => fill("{} {}", &[m.label(lang), &format_usd_short_in(amounts.get(m), lang)]),
            // "按时间平摊（网友的算法）：约769万美元": a label that ends in "）" needs a mark before the amount.
            Lang::Zh => crate::i18n::labelled(m.label(lang), &format_usd_short_in(amounts.get(m), lang), lang),
        })
        .collect();
    let joined = values.join(crate::i18n::list_separator(lang));
    let mut s = fill(
        calc_ui(lang).chart_desc,
        &[&format_count(data.x_max.round() as u64, lang), &format_weeks_input(data.weeks), &joined],
    );
    if !data.markers.is_empty() {
        // A Chinese "。" carries its own space.
        if lang == Lang::En {
            s.push(' ');
        }
        s.push_str(&markers.note(lang));
        if lang == Lang::En {
            s.push(' ');
        }
        // The people the lines mark, as the labels name them: the description used to give only their weeks.
        let people: Vec<String> = data.markers.iter().map(|pm| marker_text(&pm.marker, lang)).collect();
        s.push_str(&fill(calc_ui(lang).chart_marked, &[&people.join(crate::i18n::list_separator(lang))]));
    }
    s
}

/// A marked person as the description and the table give them: "Ethan Knight, 3 weeks (1–4.3)".
fn marker_text(m: &Marker, lang: Lang) -> String {
    let name = match lang {
        Lang::En => &m.name_en,
        Lang::Zh => &m.name_zh,
    };
    let weeks = fill(calc_ui(lang).weeks_value, &[&format_weeks_input(m.estimate)]);
    let range = crate::i18n::format_weeks_range(m.low, m.high, lang);
    match lang {
        Lang::En => fill("{}, {} ({})", &[name, &weeks, &range]),
        Lang::Zh => fill("{}，{}（{}）", &[name, &weeks, &range]),
    }
}

/// The chart's table alternative as markup (for screen readers; the same numbers as the lines): one row
/// per tick and marker, one column per model. Set in one assignment, like the SVG.
pub fn table_markup(d: &ChartData, lang: Lang) -> String {
    let u = calc_ui(lang);
    let mut out = String::with_capacity(2048);
    markup::open(&mut out, "table", &[("data-testid", "calc-chart-table")]);
    markup::element(&mut out, "caption", &[], u.chart_table_caption);
    out.push_str("<thead><tr>");
    markup::element(&mut out, "th", &[("scope", "col")], u.chart_weeks_col);
    for m in PayModel::ALL {
        markup::element(&mut out, "th", &[("scope", "col")], m.label(lang));
    }
    markup::element(&mut out, "th", &[("scope", "col")], u.chart_people_col);
    out.push_str("</tr></thead><tbody>");
    for (w, a) in &d.rows {
        out.push_str("<tr>");
        markup::element(&mut out, "th", &[("scope", "row")], &format_weeks_input(*w));
        for usd in [a.straight, a.cliff, a.front] {
            markup::element(&mut out, "td", &[], &format_usd_full_in(usd, lang));
        }
        // The people marked at these weeks (their estimate), as on the chart.
        let people: Vec<String> = d.markers.iter().filter(|pm| (pm.marker.estimate - *w).abs() < 1e-9).map(|pm| marker_text(&pm.marker, lang)).collect();
        markup::element(&mut out, "td", &[], &people.join(crate::i18n::list_separator(lang)));
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// The `<svg>`'s content as markup: title, description, axes, ticks, markers, one line per model and the
/// chosen point. Built as one string and set in one assignment: a calculator input redraws the chart with
/// one DOM operation, and the page's wasm carries no per-element view code for it.
pub fn svg_markup(d: &ChartData, amounts: &ModelAmounts, markers: &ChartMarkers, lang: Lang, title_id: &str, desc_id: &str) -> String {
    let u = calc_ui(lang);
    let plot_bottom = VIEW_H - BOTTOM;
    let plot_right = VIEW_W - RIGHT;
    let mut out = String::with_capacity(4096);
    markup::element(&mut out, "title", &[("id", title_id)], u.chart_title);
    markup::element(&mut out, "desc", &[("id", desc_id)], &chart_description(d, amounts, markers, lang));
    out.push_str("<g aria-hidden=\"true\">");
    for &(y, v) in &d.y_ticks {
        let y = svg_number(y);
        markup::void(&mut out, "line", &[("class", "mslw-chart-grid"), ("x1", &svg_number(LEFT)), ("x2", &svg_number(plot_right)), ("y1", &y), ("y2", &y)]);
        let attrs = [("class", "mslw-chart-tick"), ("x", &svg_number(LEFT - 6.0)), ("y", &y), ("dy", "0.35em"), ("text-anchor", "end")];
        markup::element(&mut out, "text", &attrs, &y_label(v, d.y_max, lang));
    }
    for &(x, w) in &d.x_ticks {
        let x = svg_number(x);
        markup::void(&mut out, "line", &[("class", "mslw-chart-grid"), ("x1", &x), ("x2", &x), ("y1", &svg_number(TOP)), ("y2", &svg_number(plot_bottom))]);
        let attrs = [("class", "mslw-chart-tick"), ("x", &x), ("y", &svg_number(plot_bottom + 6.0)), ("dy", "0.9em"), ("text-anchor", "middle")];
        markup::element(&mut out, "text", &attrs, &format_count(w.round() as u64, lang));
    }
    let axis = [(svg_number(LEFT), svg_number(plot_right), svg_number(plot_bottom), svg_number(plot_bottom)), (svg_number(LEFT), svg_number(LEFT), svg_number(TOP), svg_number(plot_bottom))];
    for (x1, x2, y1, y2) in &axis {
        markup::void(&mut out, "line", &[("class", "mslw-chart-axis"), ("x1", x1), ("x2", x2), ("y1", y1), ("y2", y2)]);
    }
    let title = [("class", "mslw-chart-axis-title"), ("x", &svg_number(LEFT)), ("y", "4"), ("dy", "0.9em"), ("text-anchor", "start")];
    markup::element(&mut out, "text", &title, u.chart_y_axis);
    let title = [("class", "mslw-chart-axis-title"), ("x", &svg_number((LEFT + plot_right) / 2.0)), ("y", &svg_number(VIEW_H - 2.0)), ("text-anchor", "middle")];
    markup::element(&mut out, "text", &title, u.chart_x_axis);
    // The names are drawn last, over every line, so that their halo (widget.css) keeps each one legible where another
    // person's marker or a model's line passes under it.
    let mut labels = String::new();
    for pm in &d.markers {
        let name = match lang {
            Lang::En => &pm.marker.name_en,
            Lang::Zh => &pm.marker.name_zh,
        };
        let row_y = svg_number(plot_bottom - 4.0 - 5.0 * pm.row as f64);
        // Each label one row lower: (row + 1) rows of LABEL_LINE em.
        let mut dy = svg_number((pm.row + 1) as f64 * LABEL_LINE);
        dy.push_str("em");
        markup::open(&mut out, "g", &[("class", "mslw-chart-marker"), ("data-person-marker", &pm.marker.id)]);
        let x = svg_number(pm.x);
        markup::void(&mut out, "line", &[("class", "mslw-chart-marker-line"), ("x1", &x), ("x2", &x), ("y1", &svg_number(TOP)), ("y2", &svg_number(plot_bottom))]);
        let range = [("class", "mslw-chart-range"), ("x1", &svg_number(pm.x_low)), ("x2", &svg_number(pm.x_high.max(pm.x_low + 2.0))), ("y1", &row_y), ("y2", &row_y)];
        markup::void(&mut out, "line", &range);
        let (label_x, anchor) = if pm.left_side { (pm.x - 4.0, "end") } else { (pm.x + 4.0, "start") };
        let label = [("class", "mslw-chart-marker-label"), ("x", &svg_number(label_x)), ("y", &svg_number(TOP)), ("dy", &dy), ("text-anchor", anchor)];
        markup::element(&mut labels, "text", &label, name);
        out.push_str("</g>");
    }
    for (m, path) in &d.paths {
        let mut class = String::from("mslw-chart-line mslw-chart-line-");
        class.push_str(m.as_str());
        if *m == d.chosen {
            class.push_str(" mslw-chart-chosen");
        }
        markup::void(&mut out, "path", &[("class", &class), ("d", path), ("data-model", m.as_str())]);
    }
    let (px, py) = (svg_number(d.point.0), svg_number(d.point.1));
    markup::void(&mut out, "line", &[("class", "mslw-chart-now"), ("x1", &px), ("x2", &px), ("y1", &py), ("y2", &svg_number(plot_bottom))]);
    markup::void(&mut out, "circle", &[("class", "mslw-chart-point"), ("cx", &px), ("cy", &py), ("r", "5")]);
    out.push_str(&labels);
    out.push_str("</g>");
    out
}

/// The whole figure as markup: the SVG (or, while any field is invalid, a note that it cannot be drawn),
/// the legend, the note on markers and the table alternative. One string, one `innerHTML` write per
/// calculator input: the page's wasm carries no per-element view code for the chart.
pub fn figure_markup(chart: Option<&(ChartData, ModelAmounts)>, markers: &ChartMarkers, lang: Lang, id_prefix: &str) -> String {
    let u = calc_ui(lang);
    let mut out = String::with_capacity(8192);
    match chart {
        Some((d, amounts)) => {
            let title_id = fill("{}-chart-title", &[id_prefix]);
            let desc_id = fill("{}-chart-desc", &[id_prefix]);
            let view_box = fill("0 0 {} {}", &[&svg_number(VIEW_W), &svg_number(VIEW_H)]);
            let labelled_by = fill("{} {}", &[&title_id, &desc_id]);
            let attrs = [("class", "mslw-chart-svg"), ("viewBox", &view_box), ("width", "100%"), ("role", "img"), ("aria-labelledby", &labelled_by), ("data-testid", "calc-chart"), ("focusable", "false")];
            markup::open(&mut out, "svg", &attrs);
            out.push_str(&svg_markup(d, amounts, markers, lang, &title_id, &desc_id));
            out.push_str("</svg>");
        }
        None => markup::element(&mut out, "p", &[("class", "mslw-chart-empty")], u.chart_unavailable),
    }
    out.push_str("<figcaption><ul class=\"mslw-chart-legend\">");
    let chosen = chart.map(|(d, _)| d.chosen);
    for m in PayModel::ALL {
        let is_chosen = chosen == Some(m);
        markup::open(&mut out, "li", if is_chosen { &[("class", "mslw-chart-legend-chosen")] } else { &[] });
        out.push_str("<svg class=\"mslw-chart-swatch\" viewBox=\"0 0 32 10\" width=\"32\" height=\"10\" aria-hidden=\"true\" focusable=\"false\">");
        let mut class = String::from("mslw-chart-line mslw-chart-line-");
        class.push_str(m.as_str());
        if is_chosen {
            class.push_str(" mslw-chart-chosen");
        }
        markup::void(&mut out, "line", &[("class", &class), ("x1", "1"), ("x2", "31"), ("y1", "5"), ("y2", "5")]);
        out.push_str("</svg> ");
        markup::push_escaped(&mut out, m.label(lang));
        if is_chosen {
            markup::push_escaped(&mut out, &paren(u.chart_chosen, lang));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    markup::element(&mut out, "p", &[("class", "mslw-chart-note"), ("data-testid", "calc-chart-note")], &markers.note(lang));
    out.push_str("</figcaption>");
    if let Some((d, _)) = chart {
        // The wrapper hides the table: a table box ignores width and overflow, a div does not.
        out.push_str("<div class=\"mslw-sr-only\">");
        out.push_str(&table_markup(d, lang));
        out.push_str("</div>");
    }
    out
}

/// The chart figure, redrawn from [`figure_markup`] when the outcome or the language changes.
#[component]
pub fn Chart(
    computed: Memo<Result<Outcome, Vec<FieldError>>>,
    markers: Arc<ChartMarkers>,
    lang: Signal<Lang>,
    #[prop(into)] id_prefix: String,
) -> impl IntoView {
    // Geometry is recomputed only when the outcome changes (a memo of a memo), not on a language switch.
    let shown = markers.clone();
    let data: Memo<Option<(ChartData, ModelAmounts)>> = Memo::new(move |_| {
        computed.with(|c| c.as_ref().ok().map(|o| (chart_data(o, &shown.shown), o.amounts)))
    });
    let figure = move || data.with(|d| figure_markup(d.as_ref(), &markers, lang.get(), &id_prefix));
    // Its own name: a figure is otherwise named by its figcaption, here the legend.
    view! { <figure class="mslw-chart" data-testid="calc-chart-figure" aria-label=move || calc_ui(lang.get()).chart_name inner_html=figure></figure> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pay::{compute, CalcInputs};

    fn outcome(weeks: &str) -> Outcome {
        compute(&CalcInputs { weeks: weeks.into(), ..CalcInputs::default() }).expect("valid")
    }

    fn markers() -> Vec<Marker> {
        chart_markers(&crate::dataset::data_file_for_tests()).shown
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(25e6), 50e6);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(1.5), 2.0);
        assert_eq!(nice_step(0.3), 0.5);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn short_tenures_are_marked() {
        let ids: Vec<String> = markers().into_iter().map(|m| m.id).collect();
        assert_eq!(ids, ["avi-verma", "ethan-knight", "rishabh-agarwal"]);
        let all = chart_markers(&crate::dataset::data_file_for_tests());
        assert_eq!(all.within_year, 3);
        assert_eq!(all.note(Lang::En), "Markers: estimated tenure of each person who left within a year.");
    }

    #[test]
    fn a_large_dataset_marks_only_the_shortest_and_says_so() {
        let mut data = crate::dataset::data_file_for_tests();
        let short: Vec<_> = data.people.iter().filter(|p| p.tenure.weeks_high <= WEEKS_PER_YEAR).cloned().collect();
        data.people = (0..2_000)
            .map(|i| {
                let mut p = Person::clone(&short[i % short.len()]);
                p.id = format!("{}-{i}", p.id);
                std::sync::Arc::new(p)
            })
            .collect();
        let m = chart_markers(&data);
        assert_eq!((m.shown.len(), m.within_year), (MAX_MARKERS, 2_000));
        assert!(m.shown.windows(2).all(|w| w[0].estimate <= w[1].estimate));
        let fewest = data.people.iter().map(|p| crate::pay::weeks_for_person(p).1).fold(f64::INFINITY, f64::min);
        assert_eq!(m.shown[0].estimate, fewest);
        assert_eq!(m.note(Lang::En), "Markers: estimated tenure of the 12 shortest of the 2,000 people who left within a year.");
        assert_eq!(m.note(Lang::Zh), "标记：任职最短的12人的估计任职时间（一年内离职者共2000人）。");
        let d = chart_data(&outcome("4"), &m.shown);
        assert_eq!(d.markers.len(), MAX_MARKERS);
        assert!(d.rows.len() <= 5 + 1 + MAX_MARKERS);
    }

    #[test]
    fn geometry_spans_a_year_or_the_chosen_weeks() {
        let d = chart_data(&outcome("4"), &markers());
        assert_eq!(d.x_max, 52.0);
        assert_eq!(d.x_ticks.iter().map(|t| t.1).collect::<Vec<_>>(), vec![0.0, 13.0, 26.0, 39.0, 52.0]);
        // The highest line at 52 weeks is $100M (all three meet there); the axis reaches it.
        assert!(d.y_max >= 100e6 && d.y_max <= 125e6, "{}", d.y_max);
        assert_eq!(d.paths.len(), 3);
        // The front-loaded line jumps at 0, the cliff at 52: vertical segments in the path.
        let cliff = &d.paths[1].1;
        assert!(cliff.starts_with("M78,254"), "{cliff}");
        for (_, p) in &d.paths {
            assert!(!p.contains("NaN") && !p.contains("inf"), "{p}");
        }
        let long = chart_data(&outcome("626"), &[]);
        assert_eq!(long.x_max, 626.0);
        assert!(long.x_ticks.iter().all(|t| t.0 >= LEFT && t.0 <= VIEW_W - RIGHT));
        assert!(long.rows.iter().any(|r| r.0 == 626.0));
        // All-zero package: the axis still has a positive height.
        let zero = compute(&CalcInputs {
            package: crate::pay::PackageId::Custom,
            amount: "0".into(),
            base: "0".into(),
            ..CalcInputs::default()
        })
        .expect("valid");
        let z = chart_data(&zero, &[]);
        assert_eq!(z.y_max, 1.0);
    }

    #[test]
    fn the_svg_markup_draws_every_part_and_escapes_names() {
        let mut all = chart_markers(&crate::dataset::data_file_for_tests());
        all.shown[0].name_en = "<img src=x onerror=alert(1)> & \"co\"".into();
        all.shown[0].id = "a\"b".into();
        let o = outcome("4");
        let d = chart_data(&o, &all.shown);
        let svg = svg_markup(&d, &o.amounts, &all, Lang::En, "w-t", "w-d");
        assert!(svg.starts_with("<title id=\"w-t\">Pre-tax amount by weeks at Meta</title><desc id=\"w-d\">"), "{svg}");
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;") && !svg.contains("<img"), "{svg}");
        assert!(svg.contains("data-person-marker=\"a&quot;b\""));
        assert_eq!(svg.matches("<path ").count(), 3);
        assert_eq!(svg.matches("mslw-chart-chosen").count(), 1);
        assert_eq!(svg.matches("<g class=\"mslw-chart-marker\"").count(), 3);
        // Every name is drawn after every line, so no line crosses a name.
        let first_label = svg.find("mslw-chart-marker-label").expect("labels");
        assert_eq!(svg.matches("mslw-chart-marker-label").count(), 3);
        assert!(svg.rfind("<line ").expect("lines") < first_label && svg.rfind("<path ").expect("paths") < first_label, "{svg}");
        assert_eq!(svg.matches("class=\"mslw-chart-tick\"").count(), d.x_ticks.len() + d.y_ticks.len());
        assert!(svg.contains("<circle class=\"mslw-chart-point\""));
        assert!(svg.ends_with("</g>"));
        // Every element that is opened is closed.
        let opened = svg.matches("<g ").count() + svg.matches("<title").count() + svg.matches("<desc").count() + svg.matches("<text").count();
        let closed = svg.matches("</g>").count() + svg.matches("</title>").count() + svg.matches("</desc>").count() + svg.matches("</text>").count();
        assert_eq!(opened, closed);
        let zh = svg_markup(&d, &o.amounts, &all, Lang::Zh, "w-t", "w-d");
        assert!(zh.contains(">在Meta的周数</text>"), "{zh}");
    }

    #[test]
    fn the_figure_has_the_chart_legend_note_and_table_or_says_why_not() {
        let all = chart_markers(&crate::dataset::data_file_for_tests());
        let o = outcome("4");
        let chart = (chart_data(&o, &all.shown), o.amounts);
        let fig = figure_markup(Some(&chart), &all, Lang::En, "w");
        assert!(fig.starts_with("<svg class=\"mslw-chart-svg\" viewBox=\"0 0 480 300\" width=\"100%\" role=\"img\" aria-labelledby=\"w-chart-title w-chart-desc\" data-testid=\"calc-chart\""), "{fig}");
        assert!(fig.contains("<title id=\"w-chart-title\">") && fig.contains("<desc id=\"w-chart-desc\">"));
        assert_eq!(fig.matches("<li>").count(), 2);
        assert_eq!(fig.matches("<li class=\"mslw-chart-legend-chosen\">").count(), 1);
        let chosen_label = markup::escape_html(&format!("{} ({})", o.model.label(Lang::En), calc_ui(Lang::En).chart_chosen)) + "</li>";
        assert_eq!(fig.matches(&chosen_label).count(), 1, "{fig}");
        assert!(fig.contains("data-testid=\"calc-chart-note\">Markers: estimated tenure"));
        assert!(fig.contains("<div class=\"mslw-sr-only\"><table data-testid=\"calc-chart-table\">") && fig.ends_with("</table></div>"));
        assert!(!fig.contains("mslw-chart-empty"));
        for tag in ["svg", "figcaption", "ul", "li", "p", "div", "table", "g", "text"] {
            let opened = fig.matches(&format!("<{tag}>")).count() + fig.matches(&format!("<{tag} ")).count();
            assert_eq!(opened, fig.matches(&format!("</{tag}>")).count(), "{tag}");
        }

        let blank = figure_markup(None, &all, Lang::Zh, "w");
        assert!(blank.starts_with("<p class=\"mslw-chart-empty\">"), "{blank}");
        assert!(!blank.contains("calc-chart\"") && !blank.contains("<table") && !blank.contains("legend-chosen"));
        assert_eq!(blank.matches("<li>").count(), 3);
    }

    #[test]
    fn the_table_has_a_row_per_tick_and_marker_and_a_column_per_model() {
        let o = outcome("4");
        let d = chart_data(&o, &markers());
        let table = table_markup(&d, Lang::En);
        assert!(table.starts_with("<table data-testid=\"calc-chart-table\"><caption>Pre-tax amount by weeks at Meta"), "{table}");
        assert_eq!(table.matches("<th scope=\"col\">").count(), 5);
        assert_eq!(table.matches("<th scope=\"row\">").count(), d.rows.len());
        assert_eq!(table.matches("<td>").count(), 4 * d.rows.len());
        // The marked people are in the table, not only their weeks.
        for m in markers() {
            assert_eq!(table.matches(&format!("<td>{}, ", m.name_en)).count(), 1, "{}: {table}", m.name_en);
        }
        assert_eq!(table.matches("<tr>").count(), table.matches("</tr>").count());
        assert!(table.ends_with("</tbody></table>"));
        assert!(table_markup(&d, Lang::Zh).contains("周数"));
    }

    #[test]
    fn axis_labels_use_one_unit_per_axis() {
        assert_eq!(y_label(50e6, 100e6, Lang::En), "$50M");
        assert_eq!(y_label(0.0, 100e6, Lang::En), "$0");
        assert_eq!(y_label(25e6, 125e6, Lang::Zh), "0.25亿");
        assert_eq!(y_label(1e8, 125e6, Lang::Zh), "1亿");
        assert_eq!(y_label(20_000.0, 50_000.0, Lang::Zh), "2万");
        // No thousands separator inside a Chinese number; English keeps its grouping.
        assert_eq!(y_label(50e6, 90e6, Lang::Zh), "5000万");
        assert_eq!(y_label(5e12, 8e12, Lang::En), "$5T");
        assert_eq!(y_label(2500.0, 5000.0, Lang::En), "$2.5K");
        assert_eq!(y_label(500.0, 800.0, Lang::Zh), "500");
        assert_eq!(y_label(500.0, 800.0, Lang::En), "$500");
        assert_eq!(svg_number(12.345), "12.3");
        assert_eq!(svg_number(-3.0), "-3");
    }

    #[test]
    fn the_description_names_every_model_in_both_languages() {
        let o = outcome("4");
        let d = chart_data(&o, &markers());
        let all = chart_markers(&crate::dataset::data_file_for_tests());
        let en = chart_description(&d, &o.amounts, &all, Lang::En);
        assert!(en.contains("$7.7M") && en.contains("52 weeks") && en.contains("Markers"), "{en}");
        let zh = chart_description(&d, &o.amounts, &all, Lang::Zh);
        assert!(zh.contains("4周时：按时间平摊（网友的算法）：约769万美元；"), "{zh}");
        assert!(zh.contains("。标记："), "{zh}");
        // The description names the people the chart labels, with their weeks.
        for m in &all.shown {
            assert!(en.contains(&format!("{}, ", m.name_en)) && zh.contains(&format!("{}，", m.name_zh)), "{}: {en} {zh}", m.name_en);
        }
        assert!(en.contains("Marked: Avi Verma, 0 weeks (0–4.3); Ethan Knight, 3 weeks (1–4.3); "), "{en}");
    }
}
