//! The result's sentences: its first line, the median-wage comparison and the yuan line's rate and source, in
//! either language, from the calculator's texts in [`crate::i18n::CalcUi`].

use super::format::{format_count, format_usd_full, format_wan_yi, format_weeks_input, round_u64};
use super::inputs::Outcome;
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
