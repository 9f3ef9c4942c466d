//! The result's sentences: its first line, the median-wage comparison and the yuan line's rate and source, in
//! either language, from the calculator's texts in [`crate::i18n::CalcUi`].

use super::format::{format_count, format_usd_full, format_wan_yi, format_weeks_input, round_u64};
use super::format::format_usd_short_in;
use super::inputs::{CalcInputs, Field, FieldError, Outcome};
use super::parse::{is_unfinished, Quantity};
use super::parse::WEEKS_PER_YEAR;
use super::terms::{
    PackageId, CNY_PER_USD, CNY_RATE_DATE, CNY_RATE_SOURCE, CNY_RATE_SOURCE_ZH, MEDIAN_SOURCE, MEDIAN_WEEKLY_USD,
};
use crate::i18n::{calc_ui, fill};
use crate::model::{Lang, Status};

/// The result's first line: the weeks, the package (a preset with the fact-check status of the report it
/// rests on, beside the figure, so a rumoured package is never read as a fact) and the model.
pub fn result_lead(o: &Outcome, package: PackageId, report_status: Option<Status>, lang: Lang) -> String {
    let u = calc_ui(lang);
    let mut pkg = match package {
        PackageId::Custom => u.custom_in_lead.to_owned(),
        preset => preset.label(lang).to_owned(),
    };
    // Mid-sentence in English: "on up to $300M…", not "on Up to".
    if let Some(first) = pkg.get_mut(0..1) {
        first.make_ascii_lowercase();
    }
    if let Some(status) = report_status.filter(|_| package != PackageId::Custom) {
        crate::i18n::push_status_mark(&mut pkg, status, lang);
    }
    fill(u.result_lead, &[&format_weeks_input(o.weeks), &pkg, o.model.label(lang)])
}

/// What the result says while a field is refused: which fields to fix, by their labels. It names them rather than
/// pointing "above": on a wide screen the result sits beside the fields.
pub fn fix_fields_text(errors: &[FieldError], lang: Lang) -> String {
    let u = calc_ui(lang);
    let mut labels: Vec<&str> = Vec::new();
    for e in errors {
        let label = u.field_text(e.field).0;
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    fill(u.fix_fields, &[&labels.join(crate::i18n::list_separator(lang))])
}

/// What the calculator's live region says after the reader pauses: the chosen amount, short ("Result: $7.7M"), or the
/// fields to fix. `None` (say nothing) while every refused field is a unit still being typed ("12 we").
pub fn announcement(computed: &Result<Outcome, Vec<FieldError>>, inputs: &CalcInputs, lang: Lang) -> Option<String> {
    match computed {
        Ok(o) => Some(crate::i18n::labelled(calc_ui(lang).result_heading, &format_usd_short_in(o.chosen_usd, lang), lang)),
        Err(errors) => {
            let unfinished = |e: &FieldError| match e.field {
                Field::Weeks => is_unfinished(inputs.text(e.field), Quantity::Weeks),
                Field::Amount => is_unfinished(inputs.text(e.field), Quantity::Amount),
                _ => false,
            };
            (!errors.iter().all(unfinished)).then(|| fix_fields_text(errors, lang))
        }
    }
}

/// The plain comparison sentence: the chosen amount in years (or weeks) of the US median full-time wage.
pub fn comparison_sentence(outcome: &Outcome, lang: Lang) -> String {
    let u = calc_ui(lang);
    if outcome.chosen_usd <= 0.0 {
        return u.median_zero.to_owned();
    }
    let weekly = match lang {
        Lang::En => format_usd_full(MEDIAN_WEEKLY_USD),
        Lang::Zh => format_wan_yi(MEDIAN_WEEKLY_USD),
    };
    let source = match lang {
        Lang::En => MEDIAN_SOURCE,
        Lang::Zh => "美国劳工统计局《周薪》报告，2025年第三季度",
    };
    let years = outcome.median_weeks / WEEKS_PER_YEAR;
    if years >= 1.0 {
        fill(u.median_years, &[&format_count(years, lang), &weekly, source])
    } else {
        fill(u.median_weeks, &[&format_count(outcome.median_weeks, lang), &weekly, source])
    }
}

/// The CNY rate's source in words, for its link.
pub fn cny_source_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => CNY_RATE_SOURCE,
        Lang::Zh => CNY_RATE_SOURCE_ZH,
    }
}

/// The dated rate for the CNY line: ("7.1161", "Aug 25, 2025" / "2025年8月25日").
pub fn cny_rate_text(lang: Lang) -> (String, String) {
    let rate_tenthousandths = round_u64(CNY_PER_USD * 10_000.0);
    let mut rate = (rate_tenthousandths / 10_000).to_string();
    rate.push('.');
    let frac = (rate_tenthousandths % 10_000).to_string();
    for _ in frac.len()..4 {
        rate.push('0');
    }
    rate.push_str(&frac);
    (rate, crate::i18n::format_date(CNY_RATE_DATE, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::CALC_UI_EN;
    use crate::pay::test_support::inputs_with;
    use crate::pay::{compute, CalcInputs, PayModel};

    #[test]
    fn the_result_lead_names_the_package_and_marks_a_rumoured_one_beside_the_figure() {
        let o = compute(&CalcInputs::default()).expect("the default inputs compute");
        assert_eq!(
            result_lead(&o, PackageId::Altman100m, Some(Status::Disputed), Lang::En),
            "Before tax, for 4 weeks at Meta on $100M a year [Disputed], Straight-line (the internet's sum):"
        );
        assert_eq!(result_lead(&o, PackageId::Altman100m, Some(Status::Disputed), Lang::Zh), "税前，在Meta任职4周，按每年1亿美元［有争议］，按时间平摊（网友的算法）：");
        assert!(result_lead(&o, PackageId::Wired300m, Some(Status::Unverified), Lang::En).contains("on up to $300M over four years, over $100M in the first year [Unverified], "));
        // A confirmed report needs no mark; the reader's own amount has no report at all.
        assert!(result_lead(&o, PackageId::Altman100m, Some(Status::Confirmed), Lang::En).contains("on $100M a year, "));
        assert!(result_lead(&o, PackageId::Custom, Some(Status::Disputed), Lang::En).contains("on your own amount, "));
    }

    #[test]
    fn the_announcement_is_short_and_silent_while_a_unit_is_typed() {
        let announce = |weeks: &str, lang: Lang| {
            let i = inputs_with(|i| i.weeks = weeks.into());
            announcement(&compute(&i), &i, lang)
        };
        assert_eq!(announce("12 weeks", Lang::En).as_deref(), Some("Result: $23.1M"));
        assert_eq!(announce("12", Lang::Zh).as_deref(), Some("结果：约2308万美元"));
        // "12 we" on the way to "12 weeks": nothing to say yet, rather than a false error mid-word.
        for partial in ["12 we", "12 wee", "3个"] {
            assert_eq!(announce(partial, Lang::En), None, "{partial}");
        }
        assert!(announce("12 wx", Lang::En).is_some());
        // A real error names the field to fix, not a place on the screen.
        assert_eq!(announce("abc", Lang::En).as_deref(), Some("To see a result, fix: Weeks at Meta."));
        let both = inputs_with(|i| {
            i.weeks = "12 we".into();
            i.base = "x".into();
        });
        let said = announcement(&compute(&both), &both, Lang::Zh).expect("the base salary is wrong");
        assert!(said.contains(calc_ui(Lang::Zh).base_label) && !said.contains("上面"), "{said}");
    }

    #[test]
    fn the_comparison_sentence_is_sourced_and_scaled() {
        let o = compute(&CalcInputs::default()).expect("valid");
        let en = comparison_sentence(&o, Lang::En);
        assert!(en.contains("122 years") && en.contains("$1,214") && !en.contains("BLS"), "{en}");
        assert!(en.contains("Bureau of Labor Statistics"), "{en}");
        let zh = comparison_sentence(&o, Lang::Zh);
        assert!(zh.contains("约122年的工资（每周1214美元，美国劳工统计局《周薪》报告，2025年第三季度）"), "{zh}");
        let small = compute(&inputs_with(|i| {
            i.model = PayModel::Cliff;
            i.weeks = "1".into();
        }))
        .expect("valid");
        assert!(comparison_sentence(&small, Lang::En).contains("4.8 weeks"), "{}", comparison_sentence(&small, Lang::En));
        let zero = compute(&inputs_with(|i| i.weeks = "0".into())).expect("valid");
        assert_eq!(comparison_sentence(&zero, Lang::En), CALC_UI_EN.median_zero);
        assert_eq!(cny_rate_text(Lang::En), ("7.1161".to_owned(), "Aug 25, 2025".to_owned()));
    }
}
