//! A copy-edit lint for Chinese text, set as a mainland newsroom sets it: full-width punctuation beside
//! Chinese, no space between Chinese and Latin letters or digits, no thousands separators, one term per idea.
//!
//! Pure and dependency-free; a native test runs it over every Chinese UI string (the calculator's included: its
//! texts, error messages, amounts and rendered result and chart) and every Chinese string in the dataset (see the
//! tests below), and over known-bad strings to show that it can fail.

/// One thing in a string that a Chinese copy editor would change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Character offset of the offending character.
    pub at: usize,
    pub rule: Rule,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// ASCII `, ; : ( ) ? !` beside a Chinese character (spaces between them do not excuse it).
    AsciiPunctuation,
    /// A space between a Chinese character and a Latin letter or digit.
    SpaceBesideLatin,
    /// A thousands separator inside a number ("3,032天" is written "3032天").
    ThousandsSeparator,
    /// A 顿号 between two titles in 《》 ("《连线》、《商业内幕》" is written "《连线》《商业内幕》").
    EnumerationCommaBetweenTitles,
    /// "签约金": the widget says "签约奖金".
    SigningBonusTerm,
}

/// A Han character.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Han, or CJK punctuation and full-width forms (what an ASCII mark must not touch either).
fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF60}')
}

/// Every violation in `text`, in order. Text without a Han character is not Chinese and passes.
pub fn lint(text: &str) -> Vec<Violation> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    if !chars.iter().copied().any(is_han) {
        return out;
    }
    // The nearest character that is not a space, looking from `i` in steps of `step`.
    let neighbour = |i: usize, step: isize| -> Option<char> {
        let mut j = i as isize + step;
        while j >= 0 && (j as usize) < chars.len() {
            let c = chars[j as usize];
            if c != ' ' {
                return Some(c);
            }
            j += step;
        }
        None
    };
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '?' | '!')
            && (neighbour(i, -1).is_some_and(is_cjk) || neighbour(i, 1).is_some_and(is_cjk))
        {
            out.push(Violation { at: i, rule: Rule::AsciiPunctuation });
        }
        if c == ' ' && i > 0 && i + 1 < chars.len() {
            let (a, b) = (chars[i - 1], chars[i + 1]);
            if (is_han(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && is_han(b)) {
                out.push(Violation { at: i, rule: Rule::SpaceBesideLatin });
            }
        }
        if (c == ',' || c == '，')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1..i + 4).is_some_and(|d| d.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
        {
            out.push(Violation { at: i, rule: Rule::ThousandsSeparator });
        }
        if c == '、' && i > 0 && chars[i - 1] == '》' && chars.get(i + 1) == Some(&'《') {
            out.push(Violation { at: i, rule: Rule::EnumerationCommaBetweenTitles });
        }
        if c == '签' && chars.get(i + 1..i + 3) == Some(&['约', '金']) {
            out.push(Violation { at: i, rule: Rule::SigningBonusTerm });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Value;
    use crate::model::Lang;

    fn rules(text: &str) -> Vec<Rule> {
        lint(text).into_iter().map(|v| v.rule).collect()
    }

    #[test]
    fn known_bad_strings_are_each_reported() {
        // The strings the issue found in the widget's output, and one of each rule.
        let cases: [(&str, &[Rule]); 17] = [
            ("另有 {} 项未列出:在搜索框中输入", &[Rule::AsciiPunctuation]),
            ("12年 (据报道; ≈600–652 周（估计）)", &[Rule::AsciiPunctuation, Rule::AsciiPunctuation, Rule::SpaceBesideLatin, Rule::AsciiPunctuation]),
            ("原文称: 文章", &[Rule::AsciiPunctuation]),
            ("OpenAI (有争议)", &[Rule::AsciiPunctuation, Rule::AsciiPunctuation]),
            ("尚未公布; 其后: Periodic Labs", &[Rule::AsciiPunctuation, Rule::AsciiPunctuation]),
            ("真的吗?", &[Rule::AsciiPunctuation]),
            ("好!", &[Rule::AsciiPunctuation]),
            ("在 Meta 任职", &[Rule::SpaceBesideLatin, Rule::SpaceBesideLatin]),
            ("他本人告别帖中写的是3,032天", &[Rule::ThousandsSeparator]),
            ("约5，474万元", &[Rule::ThousandsSeparator]),
            ("《连线》、《商业内幕》", &[Rule::EnumerationCommaBetweenTitles]),
            ("那个天文数字的签约金", &[Rule::SigningBonusTerm]),
            // The calculator before its copy edit.
            ("约 769 万美元（7,692,308 美元）", &[Rule::SpaceBesideLatin, Rule::SpaceBesideLatin, Rule::ThousandsSeparator, Rule::ThousandsSeparator, Rule::SpaceBesideLatin]),
            ("约 5,474 万元人民币", &[Rule::SpaceBesideLatin, Rule::ThousandsSeparator, Rule::SpaceBesideLatin]),
            ("核查: 有争议", &[Rule::AsciiPunctuation]),
            ("按时间平摊（网友的算法） (所选模型)", &[Rule::AsciiPunctuation, Rule::AsciiPunctuation]),
            ("假设为 0：报道中的“1 亿美元签约金”", &[Rule::SpaceBesideLatin, Rule::SpaceBesideLatin, Rule::SigningBonusTerm]),
        ];
        for (text, expected) in cases {
            assert_eq!(rules(text), expected, "{text}");
        }
        // A template's "{}" hides the space beside it: only the filled form shows it, which is why the UI test
        // lints every calculator template filled with numbers and with Latin text.
        assert_eq!(rules("在 {} 周"), []);
        assert_eq!(rules(&crate::i18n::fill("在 {} 周", &["4"])), [Rule::SpaceBesideLatin, Rule::SpaceBesideLatin]);
        assert!(crate::i18n::all_ui_strings(Lang::Zh).iter().any(|s| s == "1040周"), "the filled calculator templates are linted");
    }

    #[test]
    fn good_chinese_and_non_chinese_text_pass() {
        for ok in [
            "在Meta任职",
            "12年（据报道；约600–652周，估计）",
            "《连线》《商业内幕》",
            "签约奖金",
            "3032天",
            "1亿美元÷12≈833万美元",
            "谷歌［未经证实］ → Meta → OpenAI",
            "Meta Superintelligence Labs: 3,032 days (per his post)",
            "Agarwal, Knight; who? yes!",
        ] {
            assert_eq!(lint(ok), [], "{ok}");
        }
    }

    /// Every Chinese string in the dataset (not the English halves), with its path, walking the JSON itself so a new
    /// field is covered without touching this test. A source's title quoted as published keeps its own
    /// spacing and is skipped; a title that is our description (`title_is_description`) is ours to set.
    fn dataset_chinese(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
        match v {
            Value::Str(s) if s.chars().any(is_han) => out.push((path.to_owned(), s.to_string())),
            Value::Arr(items) => items.iter().enumerate().for_each(|(i, item)| dataset_chinese(item, &format!("{path}[{i}]"), out)),
            Value::Obj(fields) => {
                let is_source = fields.iter().any(|(k, _)| k == "url") && fields.iter().any(|(k, _)| k == "publisher");
                let described = fields.iter().any(|(k, v)| k == "title_is_description" && *v == Value::Bool(true));
                for (key, value) in fields {
                    // English text may quote a Chinese name ("吴志浩 for Chi-Hao Wu") in English punctuation.
                    if key == "en" || (is_source && key == "title" && !described) {
                        continue;
                    }
                    dataset_chinese(value, &format!("{path}.{key}"), out);
                }
            }
            _ => {}
        }
    }

    fn report(strings: &[(String, String)]) -> Vec<String> {
        strings
            .iter()
            .filter_map(|(place, s)| {
                let found = lint(s);
                (!found.is_empty()).then(|| format!("{place}: {found:?} in {s:?}"))
            })
            .collect()
    }

    #[test]
    fn every_chinese_string_in_the_dataset_passes() {
        let tree = crate::json::parse(include_str!("../data/departures.json"), &|s| s.parse().ok()).expect("the data file parses");
        let mut strings = Vec::new();
        dataset_chinese(&tree, "", &mut strings);
        assert!(strings.len() > 150, "the walk reaches the whole dataset: {}", strings.len());
        let bad = report(&strings);
        assert!(bad.is_empty(), "{} Chinese strings need a copy edit:\n{}", bad.len(), bad.join("\n"));
    }

    /// The text nodes of a markup string, entities decoded: what a reader sees, one node at a time.
    fn text_nodes(html: &str) -> Vec<String> {
        html.split('<')
            .filter_map(|part| part.split_once('>').map(|(_, text)| text))
            .filter(|text| !text.trim().is_empty())
            .map(|text| text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&"))
            .collect()
    }

    #[test]
    fn the_rendered_chinese_views_pass() {
        // Composed strings (a tenure with its range, a destination with a later move, "原文称：…") are where
        // ASCII punctuation crept in: lint what the Chinese views actually show.
        use crate::components::{about, card, context, reply};
        let d = crate::dataset::data_file_for_tests();
        let mut html = about::about_markup(&d, Lang::Zh);
        html += &context::hiring_markup(&d.hiring, Lang::Zh, "t", "d");
        html += &context::timeline_markup(&d.key_dates, Lang::Zh);
        html += &reply::meta_reply_markup(&d.spokesperson, Lang::Zh);
        for p in &d.people {
            html += &card::card_markup(p, Lang::Zh, "t", "");
            html += &card::card_detail_markup(p, Lang::Zh);
        }
        let nodes: Vec<(String, String)> = text_nodes(&html).into_iter().map(|t| ("view".to_owned(), t)).collect();
        assert!(nodes.len() > 300, "{}", nodes.len());
        let bad = report(&nodes);
        assert!(bad.is_empty(), "{} rendered texts need a copy edit:\n{}", bad.len(), bad.join("\n"));
    }

    #[test]
    fn the_rendered_chinese_calculator_passes() {
        // The result, its details, the per-unit rates, a card's note, the presets, the article's example and the
        // chart, as the calculator renders them for tenures from 0 to the maximum, every model and package.
        use crate::components::{calculator, chart};
        use crate::pay::{comparison_sentence, compute, format_usd, result_lead, CalcInputs, PackageId, PayModel, PeriodKind};
        let d = crate::dataset::data_file_for_tests();
        let markers = chart::chart_markers(&d);
        let mut html = String::new();
        let mut plain: Vec<(String, String)> = Vec::new();
        for weeks in ["0", "0.001", "1", "4", "60", "626", "1040"] {
            for model in PayModel::ALL {
                for package in [PackageId::Altman100m, PackageId::Wired300m, PackageId::Custom] {
                    let inputs = CalcInputs {
                        weeks: weeks.into(),
                        model,
                        package,
                        amount: "3亿".into(),
                        period: if package == PackageId::Custom { PeriodKind::Total } else { PeriodKind::PerYear },
                        years: "4".into(),
                        signon: "1,000,000".into(),
                        ..CalcInputs::default()
                    };
                    let o = compute(&inputs).expect("valid inputs");
                    let place = format!("{weeks} weeks, {model:?}, {package:?}");
                    plain.push((place.clone(), result_lead(&o, package, Some(crate::model::Status::Disputed), Lang::Zh)));
                    plain.push((place.clone(), format_usd(o.chosen_usd, Lang::Zh)));
                    plain.push((place.clone(), comparison_sentence(&o, Lang::Zh)));
                    for p in &d.people {
                        plain.push((format!("{place}, {}", p.id), calculator::person_note(p, &o, Lang::Zh)));
                    }
                    html += &calculator::range_markup(&o, Lang::Zh);
                    html += &calculator::details_markup(&o, Lang::Zh);
                    html += &calculator::rates_markup(&o, Lang::Zh);
                    let data = chart::chart_data(&o, &markers.shown);
                    html += &chart::figure_markup(Some(&(data, o.amounts)), &markers, Lang::Zh, "t");
                }
            }
        }
        html += &chart::figure_markup(None, &markers, Lang::Zh, "t");
        html += &calculator::example_markup(&d.hypothetical, "t", Lang::Zh);
        for package in [PackageId::Altman100m, PackageId::Wired300m] {
            html += &calculator::preset_hint_markup(package, package.report(&d), Lang::Zh);
            html += &calculator::preset_hint_markup(package, None, Lang::Zh);
            html += &calculator::preset_status_markup(package.report(&d), Lang::Zh);
        }
        let mut strings: Vec<(String, String)> = text_nodes(&html).into_iter().map(|t| ("calculator view".to_owned(), t)).collect();
        assert!(strings.len() > 1000, "{}", strings.len());
        strings.extend(plain);
        let bad = report(&strings);
        assert!(bad.is_empty(), "{} calculator texts need a copy edit:\n{}", bad.len(), bad.join("\n"));
    }

    #[test]
    fn the_calculator_s_messages_and_amounts_pass() {
        use crate::components::chart::y_label;
        use crate::pay::{
            format_cny, format_count, format_usd, format_usd_full_in, format_usd_short_in, format_wan_yi_bare, ParseError,
            Quantity,
        };
        let mut strings: Vec<(String, String)> = Vec::new();
        let quantities = [Quantity::Weeks, Quantity::Amount, Quantity::Years];
        let mut errors = vec![
            ParseError::Empty,
            ParseError::TooLong,
            ParseError::NotANumber,
            ParseError::Negative,
            ParseError::NotFinite,
            ParseError::Exponent,
            ParseError::Separators,
            ParseError::NotWhole,
            ParseError::BaseAbovePackage,
        ];
        for q in quantities {
            errors.extend([ParseError::UnknownUnit(q), ParseError::AboveMax(q), ParseError::BelowMin(q)]);
        }
        // A new kind of error must be added above: this match has no wildcard.
        for e in &errors {
            match e {
                ParseError::Empty
                | ParseError::TooLong
                | ParseError::NotANumber
                | ParseError::Negative
                | ParseError::NotFinite
                | ParseError::Exponent
                | ParseError::Separators
                | ParseError::UnknownUnit(_)
                | ParseError::AboveMax(_)
                | ParseError::BelowMin(_)
                | ParseError::NotWhole
                | ParseError::BaseAbovePackage => strings.push((format!("error {}", e.kind()), e.message(Lang::Zh))),
            }
        }
        // Amounts from under a cent to beyond 万亿. A bare number has no Chinese to lint beside it, so each is also
        // linted inside a Chinese phrase ("1,214" alone passes; "金额1,214" does not).
        for x in [
            0.0, 0.001, 3.1796, 50.0, 999.0, 1214.0, 23_076.9, 300_000.0, 7_692_307.69, 54_739_332.0, 99_999_999.0, 1e8,
            1.234e8, 3e11, 1e12, 2e13, 1.2346e15,
        ] {
            for s in [
                format_usd(x, Lang::Zh),
                format_usd_short_in(x, Lang::Zh),
                format_usd_full_in(x, Lang::Zh),
                format_cny(x, Lang::Zh),
                format_wan_yi_bare(x),
                format_count(x, Lang::Zh),
                y_label(x, x * 1.25, Lang::Zh),
            ] {
                strings.push((format!("amount {x}"), format!("金额{s}")));
            }
        }
        assert!(strings.len() > 100, "{}", strings.len());
        let bad = report(&strings);
        assert!(bad.is_empty(), "{} calculator messages or amounts need a copy edit:\n{}", bad.len(), bad.join("\n"));
    }

    #[test]
    fn every_ui_string_passes() {
        // The Chinese UI; the English one may quote Chinese ("e.g. Maher, OpenAI, 马赫") in English punctuation.
        let mut strings: Vec<(String, String)> = crate::i18n::all_ui_strings(Lang::Zh).into_iter().map(|s| ("zh".to_owned(), s)).collect();
        // The validator's messages about a host's dataset are UI text too.
        use crate::dataset::{Kind, Problem, Reason};
        let reasons = [
            Reason::Unreadable("x".into()),
            Reason::Missing,
            Reason::WrongType { expected: Kind::Number, found: Kind::String },
            Reason::Empty,
            Reason::TooLong { max: 2000 },
            Reason::TooMany { max: 200 },
            Reason::TooFew { min: 1 },
            Reason::NotHttps,
            Reason::BadDate,
            Reason::DatePrecisionMismatch,
            Reason::NotOneOf(&["confirmed", "disputed"]),
            Reason::OutOfRange { min: 0.0, max: 5200.0 },
            Reason::NotInteger,
            Reason::BoundsOrder,
            Reason::DuplicateId,
            Reason::BadId,
            Reason::NoteRequired,
            Reason::UnknownPerson,
            Reason::UnsupportedVersion,
            Reason::MoreProblems(3),
        ];
        for reason in reasons {
            strings.push(("problem".to_owned(), Problem { path: "people[3].tenure".into(), reason }.message(Lang::Zh)));
        }
        assert!(strings.len() > 100);
        let bad = report(&strings);
        assert!(bad.is_empty(), "{} UI strings need a copy edit:\n{}", bad.len(), bad.join("\n"));
    }
}
