//! Reader-facing exports built from the dataset: the CSV and JSON downloads and the no-script HTML table.
//!
//! Pure string building, tested natively. CSV follows RFC 4180 with a UTF-8 BOM and CRLF so spreadsheet
//! programs read Chinese correctly; cells that a spreadsheet would run as a formula are neutralised.

#[cfg(not(baked_page))]
use crate::i18n::status_label;
#[cfg(not(baked_page))]
use crate::markup::escape_html;
use crate::model::Dataset;
#[cfg(not(baked_page))]
use crate::model::{Lang, Person, Status, Text};
#[cfg(not(baked_page))]
use std::ops::Range;

/// The CSV columns, in order.
#[cfg(not(baked_page))]
pub const CSV_COLUMNS: [&str; 24] = [
    "id",
    "name_en",
    "name_zh",
    "name_zh_status",
    "cohort",
    "cohort_status",
    "tenure_en",
    "tenure_zh",
    "tenure_precision",
    "weeks_low",
    "weeks_estimate",
    "weeks_high",
    "tenure_status",
    "prior_employers_en",
    "prior_employers_zh",
    "destination_en",
    "destination_zh",
    "role_en",
    "role_zh",
    "destination_status",
    "announced",
    "announced_status",
    "source_urls",
    "source_publishers",
];

/// A CSV file of the given people (by index, in that order), with BOM and header row.
#[cfg(not(baked_page))]
pub fn people_csv(dataset: &Dataset, indices: &[usize]) -> String {
    let mut out = String::from("\u{FEFF}");
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| (*c).to_owned()));
    for p in indices.iter().filter_map(|i| dataset.people.get(*i)) {
        push_row(&mut out, person_row(p).into_iter());
    }
    out
}

#[cfg(not(baked_page))]
fn person_row(p: &Person) -> Vec<String> {
    let join = |texts: Vec<&Text>, en: bool| texts.iter().map(|t| if en { t.en.as_str() } else { t.zh.as_str() }).collect::<Vec<_>>().join("; ");
    let priors: Vec<&Text> = p.prior_employers.iter().map(|e| &e.org).collect();
    let opt = |t: &Option<Text>, en: bool| t.as_ref().map(|t| if en { t.en.clone() } else { t.zh.clone() }).unwrap_or_default();
    vec![
        p.id.clone(),
        p.name_en.clone(),
        p.name_zh.text.clone(),
        p.name_zh.check.status.as_str().to_owned(),
        p.cohort.as_str().to_owned(),
        p.cohort_check.status.as_str().to_owned(),
        p.tenure.reported.en.clone(),
        p.tenure.reported.zh.clone(),
        p.tenure.precision.as_str().to_owned(),
        number(p.tenure.weeks_low),
        number(p.tenure.weeks_estimate),
        number(p.tenure.weeks_high),
        p.tenure.check.status.as_str().to_owned(),
        join(priors.clone(), true),
        join(priors, false),
        p.destination.org.as_ref().map(|o| o.en.clone()).unwrap_or_else(|| "not announced".into()),
        p.destination.org.as_ref().map(|o| o.zh.clone()).unwrap_or_else(|| "尚未公布".into()),
        opt(&p.destination.role, true),
        opt(&p.destination.role, false),
        p.destination.check.status.as_str().to_owned(),
        p.announced.map(|a| a.date.iso()).unwrap_or_default(),
        p.announced_check.status.as_str().to_owned(),
        p.sources.iter().map(|s| s.url.as_str()).collect::<Vec<_>>().join(" "),
        p.sources.iter().map(|s| s.publisher.as_str()).collect::<Vec<_>>().join("; "),
    ]
}

/// Whole numbers without a fraction, others to one decimal (weeks are estimates).
#[cfg(not(baked_page))]
fn number(n: f64) -> String {
    let tenths = (n * 10.0).round() as i64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, (tenths % 10).abs())
    }
}

#[cfg(not(baked_page))]
fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, &cell);
    }
    out.push_str("\r\n");
}

/// What a spreadsheet may run as a formula at the start of a cell.
#[cfg(not(baked_page))]
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Quotes when needed; a leading `=`, `+`, `-`, `@`, tab or CR gets an apostrophe so a spreadsheet
/// shows the text instead of running it as a formula (a host's dataset is untrusted). A `;` is quoted too, and a
/// formula character after it (spaces aside) also gets an apostrophe: spreadsheets in locales whose list separator
/// is `;` split an unquoted `x;=HYPERLINK(…)` into cells.
#[cfg(not(baked_page))]
fn push_cell(out: &mut String, cell: &str) {
    let guarded = cell.starts_with(FORMULA_START);
    let needs_quotes = guarded || cell.contains([',', '"', '\n', '\r', ';']);
    if needs_quotes {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    let mut after_semicolon = false;
    for c in cell.chars() {
        if after_semicolon && FORMULA_START.contains(&c) {
            out.push('\'');
        }
        if c != ' ' {
            after_semicolon = c == ';';
        }
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

/// The dataset's JSON text `raw` with `people` narrowed to the people with these ids, in this order: their text
/// copied as written, everything else untouched; all of them in order is `raw` itself. One pass over `raw` and
/// an index by id, where a search per id had made the download quadratic (a frozen tab at 10,000 people). `None`
/// when an id is not in `raw` (never the case for the text the widget read), so nothing wrong is saved.
#[cfg(not(baked_page))]
pub fn people_json(raw: &str, ids: &[&str]) -> Option<String> {
    let (inner, items) = crate::json::array_items_of(raw, "people", "id")?;
    if items.len() == ids.len() && items.iter().zip(ids).all(|((_, id), want)| id.as_deref() == Some(*want)) {
        return Some(raw.to_owned());
    }
    // The index by id: the items' ranges sorted by id (the crate's one text sort, no hash map in the wasm), halved.
    let keyed: Vec<(&str, &Range<usize>)> = items.iter().filter_map(|(range, id)| Some((id.as_deref()?, range))).collect();
    let sorted: Vec<(&str, &Range<usize>)> = crate::order::order_by_text(keyed.iter().map(|(id, _)| *id)).into_iter().filter_map(|i| keyed.get(i).copied()).collect();
    let range_of = |id: &str| sorted.binary_search_by(|(key, _)| (*key).cmp(id)).ok().and_then(|k| sorted.get(k)).map(|(_, range)| *range);
    // The separator and the brackets' inner margins as written (e.g. a pretty-printed file's newline and indent).
    let (first, last) = (items.first().map_or(inner.start, |(r, _)| r.start), items.last().map_or(inner.end, |(r, _)| r.end));
    let separator = match (items.first(), items.get(1)) {
        (Some((a, _)), Some((b, _))) => raw.get(a.end..b.start)?,
        _ => ",",
    };
    let mut out = String::with_capacity(raw.len());
    out.push_str(raw.get(..first)?);
    for (n, id) in ids.iter().enumerate() {
        if n > 0 {
            out.push_str(separator);
        }
        out.push_str(raw.get(range_of(id)?.clone())?);
    }
    out.push_str(raw.get(last..)?);
    Some(out)
}

/// The CSV file `all` (as [`people_csv`] writes it) cut to the people with these ids, in this order: its header and
/// their rows, byte for byte. The standalone page cuts "people shown" from the file the build wrote this way. A row
/// ends at a line break outside quotes, and starts with the person's id, which the validator keeps to
/// `[a-z0-9-]` (never quoted). `None` when an id has no row, so nothing wrong is saved.
pub fn csv_subset(all: &str, ids: &[&str]) -> Option<String> {
    let mut rows = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (at, byte) in all.bytes().enumerate() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                rows.push(all.get(start..=at)?);
                start = at + 1;
            }
            _ => {}
        }
    }
    let (header, rows) = rows.split_first()?;
    let by_id: std::collections::HashMap<&str, &str> = rows.iter().map(|row| (row.split(',').next().unwrap_or_default(), *row)).collect();
    let mut out = String::from(*header);
    for id in ids {
        out.push_str(by_id.get(id)?);
    }
    Some(out)
}

/// The download's file name: `msl-departures-2026-11-28.csv`, with `-filtered` for a partial view.
pub fn file_name(dataset: &Dataset, filtered: bool, extension: &str) -> String {
    format!("msl-departures-{}{}.{}", dataset.last_updated.iso(), if filtered { "-filtered" } else { "" }, extension)
}

/// " [Unverified · 未经证实]" after a claim that is not confirmed, in both languages like the rest of the table.
#[cfg(not(baked_page))]
fn status_mark(status: Status) -> String {
    if status == Status::Confirmed {
        return String::new();
    }
    format!(" [{} · <span lang=\"zh-Hans\">{}</span>]", status_label(status, Lang::En), status_label(status, Lang::Zh))
}

/// The `<noscript>` fallback of index.html: every person with destination and sources, in both languages.
/// Generated from the dataset; a test fails if index.html differs, so the two can never drift.
#[cfg(not(baked_page))]
pub fn noscript_html(dataset: &Dataset) -> String {
    let mut h = String::from("<noscript>\n<div class=\"mslw-noscript\">\n");
    h.push_str("<h1>Who left Meta Superintelligence Labs · <span lang=\"zh-Hans\">谁离开了Meta超级智能实验室</span></h1>\n");
    h.push_str("<p>This page works best with JavaScript; here is the data without it. <span lang=\"zh-Hans\">此页面需要JavaScript才能完整显示；以下为数据列表。</span></p>\n");
    h.push_str("<table>\n<thead><tr><th scope=\"col\">Name · <span lang=\"zh-Hans\">姓名</span></th><th scope=\"col\">Time at Meta · <span lang=\"zh-Hans\">在Meta任职</span></th><th scope=\"col\">Went to · <span lang=\"zh-Hans\">去向</span></th><th scope=\"col\">Sources · <span lang=\"zh-Hans\">来源</span></th></tr></thead>\n<tbody>\n");
    for p in &dataset.people {
        // Each half names the role in its own language.
        let with_role = |org: &str, role: Option<&str>| match role {
            Some(role) => format!("{org} · {role}"),
            None => org.to_owned(),
        };
        let role = p.destination.role.as_ref();
        let mut dest = match &p.destination.org {
            Some(org) => format!(
                "{} · <span lang=\"zh-Hans\">{}</span>",
                escape_html(&with_role(&org.en, role.map(|r| r.en.as_str()))),
                escape_html(&with_role(&org.zh, role.map(|r| r.zh.as_str())))
            ),
            None => "Not announced · <span lang=\"zh-Hans\">尚未公布</span>".to_owned(),
        };
        dest.push_str(&status_mark(p.destination.check.status));
        for later in &p.later {
            dest.push_str(&format!("; later: {} · <span lang=\"zh-Hans\">其后：{}</span>", escape_html(&later.org.en), escape_html(&later.org.zh)));
        }
        let sources: Vec<String> = p
            .sources
            .iter()
            .filter(|s| crate::dataset::is_safe_https_url(&s.url))
            .map(|s| format!("<li><a href=\"{}\" rel=\"noopener noreferrer\">{}</a></li>", escape_html(&s.url), escape_html(&s.publisher)))
            .collect();
        h.push_str(&format!(
            "<tr><th scope=\"row\">{} · <span lang=\"zh-Hans\">{}</span>{}</th><td data-label=\"Time at Meta · 在Meta任职\">{} · <span lang=\"zh-Hans\">{}</span>{}</td><td data-label=\"Went to · 去向\">{}</td><td data-label=\"Sources · 来源\"><ul>{}</ul></td></tr>\n",
            escape_html(&p.name_en),
            escape_html(&p.name_zh.text),
            status_mark(p.name_zh.check.status),
            escape_html(&p.tenure.reported.en),
            escape_html(&p.tenure.reported.zh),
            status_mark(p.tenure.check.status),
            dest,
            sources.join("")
        ));
    }
    h.push_str("</tbody>\n</table>\n");
    // Meta's reply and the article checked here, as the script version shows them.
    let s = &dataset.spokesperson;
    h.push_str(&format!(
        "<p>Meta's reply · <span lang=\"zh-Hans\">Meta的回应</span>: “{}” — {}, {} · <span lang=\"zh-Hans\">“{}”——{}{}</span></p>\n",
        escape_html(&s.quote.en),
        escape_html(&s.speaker.en),
        escape_html(&s.role.en),
        escape_html(&s.quote.zh),
        escape_html(&s.role.zh),
        escape_html(&s.speaker.zh)
    ));
    let a = &dataset.article;
    if crate::dataset::is_safe_https_url(&a.url) {
        h.push_str(&format!(
            "<p>The article checked here · <span lang=\"zh-Hans\">本页核查的文章</span>: <a href=\"{}\" rel=\"noopener noreferrer\">{} · <span lang=\"zh-Hans\">{}</span></a> (reposted {})</p>\n",
            escape_html(&a.url),
            escape_html(&a.title.en),
            escape_html(&a.title.zh),
            a.published.iso()
        ));
    }
    h.push_str(&format!(
        "<p>Data last updated {} · {}</p>\n</div>\n</noscript>",
        dataset.last_updated.iso(),
        escape_html(&dataset.licence.en)
    ));
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        crate::dataset::data_file_for_tests()
    }

    #[test]
    fn json_of_some_people_keeps_their_text_and_everything_else() {
        let d = dataset();
        let ids: Vec<&str> = d.people.iter().map(|p| p.id.as_str()).collect();
        let raw = include_str!("../data/departures.json");
        let full: serde_json::Value = serde_json::from_str(raw).unwrap();
        let json = people_json(raw, &[ids[3], ids[0]]).unwrap();
        let mut expected = full.clone();
        expected["people"] = serde_json::json!([full["people"][3], full["people"][0]]);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&json).unwrap(), expected);
        // Pretty-printed as the file is: the next person starts on its own line, indented as before.
        assert!(json.contains(&format!("}},\n    {{\n      \"id\": \"{}\"", ids[0])), "{}", &json[..400]);
        assert_eq!(people_json(raw, &ids).as_deref(), Some(raw), "everyone in order is the file itself");
        let none = people_json(raw, &[]).unwrap();
        assert_eq!(serde_json::from_str::<serde_json::Value>(&none).unwrap()["people"], serde_json::json!([]));
        let minified = serde_json::to_string(&full).unwrap();
        let one: serde_json::Value = serde_json::from_str(&people_json(&minified, &[ids[8]]).unwrap()).unwrap();
        assert_eq!(one["people"], serde_json::json!([full["people"][8]]));
        // An id the text does not hold: nothing, never a wrong file.
        assert_eq!(people_json(raw, &[ids[0], "nobody"]), None);
        assert_eq!(people_json("{\"people\": 1}", &[]), None);
    }

    #[test]
    fn csv_has_bom_header_and_one_row_per_person() {
        let d = dataset();
        let all: Vec<usize> = (0..d.people.len()).collect();
        let csv = people_csv(&d, &all);
        assert!(csv.starts_with('\u{FEFF}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 10);
        assert_eq!(lines[0], CSV_COLUMNS.join(","));
        assert!(lines[1].starts_with("bert-maher,Bert Maher,伯特·马赫,confirmed,long_time"));
        assert!(csv.contains("吴志浩"));
        assert!(csv.contains("https://"));
    }

    #[test]
    fn cells_are_quoted_and_formulas_neutralised() {
        let mut out = String::new();
        push_row(&mut out, ["a,b", "say \"hi\"", "=HYPERLINK(\"x\")", "-5", "plain", "line\nbreak"].into_iter().map(String::from));
        assert_eq!(out, "\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\"'-5\",plain,\"line\nbreak\"\r\n");
    }

    #[test]
    fn a_semicolon_is_quoted_and_a_formula_after_it_neutralised() {
        let mut out = String::new();
        push_row(&mut out, ["x;=HYPERLINK(\"https://evil\")", "a; @b;c", "a;b", "x;;+1"].into_iter().map(String::from));
        assert_eq!(out, "\"x;'=HYPERLINK(\"\"https://evil\"\")\",\"a; '@b;c\",\"a;b\",\"x;;'+1\"\r\n");
    }

    #[test]
    fn a_filtered_csv_holds_only_the_given_people() {
        let d = dataset();
        let csv = people_csv(&d, &[6, 7, 99]);
        let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), 3, "header + 2; out-of-range index ignored");
        assert!(rows[1].starts_with("avi-verma,"));
    }

    #[test]
    fn the_page_cuts_people_shown_from_the_whole_file_exactly_as_written_for_them() {
        let d = dataset();
        let all_indices: Vec<usize> = (0..d.people.len()).collect();
        let all = people_csv(&d, &all_indices);
        // Every subset of the first people, in reverse order: the rows the export would write for them.
        for n in 0..=d.people.len() {
            let indices: Vec<usize> = (0..n).rev().collect();
            let ids: Vec<&str> = indices.iter().map(|&i| d.people[i].id.as_str()).collect();
            assert_eq!(csv_subset(&all, &ids).as_deref(), Some(people_csv(&d, &indices).as_str()), "{n} people");
        }
        // A cell holding a line break and a comma, quoted, stays in its row.
        let mut quirky = d.clone();
        std::sync::Arc::make_mut(&mut quirky.people[0]).name_en = "A, \"B\"\r\nC".into();
        let all = people_csv(&quirky, &all_indices);
        let first = [quirky.people[0].id.as_str()];
        assert_eq!(csv_subset(&all, &first).as_deref(), Some(people_csv(&quirky, &[0]).as_str()));
        assert_eq!(csv_subset(&all, &["nobody"]), None);
        assert_eq!(csv_subset("", &[]), None);
    }

    #[test]
    fn file_names_carry_the_last_updated_date() {
        let d = dataset();
        assert_eq!(file_name(&d, false, "csv"), "msl-departures-2026-11-28.csv");
        assert_eq!(file_name(&d, true, "json"), "msl-departures-2026-11-28-filtered.json");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(escape_html("<img src=x onerror='a'>&\""), "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;");
    }

    #[test]
    fn the_noscript_table_marks_every_claim_that_is_not_confirmed_and_gives_later_moves() {
        let html = noscript_html(&dataset());
        let unverified = " [Unverified · <span lang=\"zh-Hans\">未经证实</span>]";
        assert!(html.contains(&format!("<span lang=\"zh-Hans\">吴志浩</span>{unverified}</th>")), "the article's guessed name");
        assert!(html.contains(&format!("<span lang=\"zh-Hans\">超过4年</span>{unverified}</td>")), "Markosyan's tenure");
        // Mohiuddin's move is confirmed; the doubt about his title is in the role itself, in both languages.
        assert!(html.contains("OpenAI · Technical staff, per the article (the title is not confirmed) · <span lang=\"zh-Hans\">OpenAI · 技术团队（据原文；具体职位未经证实）</span></td>"), "Mohiuddin's title");
        assert!(html.contains("Anthropic · Inference team, to make Claude &quot;even faster&quot; · <span lang=\"zh-Hans\">Anthropic · 推理团队"), "roles in Chinese too");
        assert!(html.contains("<p>Meta's reply · ") && html.contains("href=\"https://vpshk.cn/20251212895.html\""), "Meta's reply and the article");
        assert!(html.contains("[Disputed · <span lang=\"zh-Hans\">有争议</span>]"), "Verma's tenure");
        assert!(html.contains("; later: Periodic Labs"), "Agarwal's later move");
        assert!(!html.contains("伯特·马赫</span> ["), "a confirmed name carries no mark");
    }

    /// Regenerate with `make noscript` (UPDATE_NOSCRIPT=1) after changing the dataset.
    #[test]
    fn index_html_noscript_matches_the_dataset() {
        let d = dataset();
        let expected = noscript_html(&d);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
        let html = std::fs::read_to_string(path).expect("index.html");
        let (start, end) = ("<!-- noscript:start -->", "<!-- noscript:end -->");
        let Some(a) = html.find(start).map(|i| i + start.len()) else {
            panic!("index.html lacks the noscript start marker");
        };
        let Some(b) = html[a..].find(end).map(|i| i + a) else {
            panic!("index.html lacks the noscript end marker");
        };
        let current = html[a..b].trim_matches('\n');
        if current != expected && std::env::var_os("UPDATE_NOSCRIPT").is_some() {
            let updated = format!("{}\n{}\n{}", &html[..a], expected, &html[b..]);
            std::fs::write(path, updated).expect("write index.html");
            return;
        }
        assert_eq!(current, expected, "index.html's <noscript> is stale: run `make noscript`");
        for p in &d.people {
            assert!(current.contains(&escape_html(&p.name_en)));
        }
    }
}
