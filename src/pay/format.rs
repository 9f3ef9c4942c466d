//! Numbers and amounts as text: dollars and yuan (short, full, 万 / 亿), counts and weeks; "–" for anything that
//! is not an amount, so no NaN, infinity or minus sign ever reaches a reader.

use crate::i18n::{fill, group_thousands};
use crate::model::Lang;

/// Rounds to a whole number; anything not finite and positive is 0 (casts saturate, so no overflow).
pub(super) fn round_u64(x: f64) -> u64 {
    if x.is_finite() && x > 0.0 {
        x.round() as u64
    } else {
        0
    }
}

fn is_amount(x: f64) -> bool {
    x.is_finite() && x >= 0.0
}

/// An integer's digits, grouped in threes ("7,692,308") for English, not for Chinese ("7692308").
fn grouped_if(n: u64, group: bool) -> String {
    if group {
        group_thousands(n)
    } else {
        n.to_string()
    }
}

/// A value below 100 with cents ("3.18", "0.01", "50"); 100 and up as whole numbers, grouped if `group`.
fn plain_number(x: f64, group: bool) -> String {
    if x >= 99.995 {
        return grouped_if(round_u64(x), group);
    }
    let cents = round_u64(x * 100.0);
    let mut s = (cents / 100).to_string();
    if !cents.is_multiple_of(100) {
        s.push('.');
        s.push(char::from(b'0' + (cents / 10 % 10) as u8));
        s.push(char::from(b'0' + (cents % 10) as u8));
    }
    s
}

/// Scales `x` to the largest unit it reaches once rounded to tenths: (digits, unit index or None, shown value).
/// Below 100 of a unit one decimal is kept ("7.7"), from 100 whole units ("769"); a trailing ".0" is dropped.
/// Digits are grouped in threes if `group` (English "$3,000B"; Chinese writes "3000亿").
fn scaled(x: f64, divisors: &[f64], group: bool) -> (String, Option<usize>, f64) {
    for (i, &div) in divisors.iter().enumerate() {
        // A unit is used from 1 of it, or when rounding in the next smaller unit would reach it (999,960 is
        // "$1M", not "$1,000K"); so $999 stays "$999".
        let lower = divisors.get(i + 1).copied().unwrap_or(1.0);
        if (x / lower).round() * lower >= div {
            let tenths = round_u64(x * 10.0 / div);
            if tenths >= 1000 {
                let whole = round_u64(x / div);
                return (grouped_if(whole, group), Some(i), whole as f64 * div);
            }
            let mut s = grouped_if(tenths / 10, group);
            if !tenths.is_multiple_of(10) {
                s.push('.');
                s.push(char::from(b'0' + (tenths % 10) as u8));
            }
            return (s, Some(i), tenths as f64 / 10.0 * div);
        }
    }
    let shown = if x >= 99.995 { round_u64(x) as f64 } else { round_u64(x * 100.0) as f64 / 100.0 };
    (plain_number(x, group), None, shown)
}

const EN_DIVISORS: [f64; 4] = [1e12, 1e9, 1e6, 1e3];
const EN_SUFFIXES: [&str; 4] = ["T", "B", "M", "K"];
const ZH_DIVISORS: [f64; 3] = [1e12, 1e8, 1e4];
const ZH_UNITS: [&str; 3] = ["万亿", "亿", "万"];

/// A short English amount without currency: "7.7M", "120K", "1.2B", "950", "3.18".
fn short_en(x: f64) -> String {
    let (mut s, unit, _) = scaled(x, &EN_DIVISORS, true);
    if let Some(i) = unit {
        s.push_str(EN_SUFFIXES[i]);
    }
    s
}

/// "$7.7M", "$8.3M", "$120K", "$1.2B", "$3.18", "<$0.01"; "–" for anything that is not an amount.
pub fn format_usd_short(usd: f64) -> String {
    if !is_amount(usd) {
        return "–".into();
    }
    if usd > 0.0 && usd < 0.005 {
        return "<$0.01".into();
    }
    let mut s = String::from("$");
    s.push_str(&short_en(usd));
    s
}

/// "$7,692,308": whole dollars, grouped; below $100 with cents ("$3.18").
pub fn format_usd_full(usd: f64) -> String {
    if !is_amount(usd) {
        return "–".into();
    }
    if usd > 0.0 && usd < 0.005 {
        return "<$0.01".into();
    }
    let mut s = String::from("$");
    s.push_str(&plain_number(usd, true));
    s
}

/// "约769万" / "1亿" / "3000亿" / "1214": a Chinese amount in 万 / 亿 / 万亿 without currency; "约" when
/// rounded. Set as a mainland newsroom sets it: no space between digits and Chinese, no thousands separators.
pub fn format_wan_yi_bare(x: f64) -> String {
    if !is_amount(x) {
        return "–".into();
    }
    if x > 0.0 && x < 0.005 {
        return "不到0.01".into();
    }
    let (digits, unit, shown) = scaled(x, &ZH_DIVISORS, false);
    let mut s = String::new();
    if (shown - x).abs() >= 0.005 {
        s.push('约');
    }
    s.push_str(&digits);
    if let Some(i) = unit {
        s.push_str(ZH_UNITS[i]);
    }
    s
}

fn with_currency_zh(x: f64, currency: &str) -> String {
    let mut s = format_wan_yi_bare(x);
    if s == "–" {
        return s;
    }
    s.push_str(currency);
    s
}

/// "约769万美元", "1亿美元", "约1.2亿美元", "1214美元".
pub fn format_wan_yi(usd: f64) -> String {
    with_currency_zh(usd, "美元")
}

/// "约5474万元人民币", "约7.1亿元人民币".
pub fn format_cny_zh(cny: f64) -> String {
    with_currency_zh(cny, "元人民币")
}

/// "CNY 54.7M" (short English form for yuan).
pub fn format_cny_short(cny: f64) -> String {
    if !is_amount(cny) {
        return "–".into();
    }
    let mut s = String::from("CNY ");
    s.push_str(&short_en(cny));
    s
}

/// "CNY 54,739,332".
pub fn format_cny_full(cny: f64) -> String {
    if !is_amount(cny) {
        return "–".into();
    }
    let mut s = String::from("CNY ");
    s.push_str(&plain_number(cny, true));
    s
}

/// A short amount in the language: "$7.7M" / "约769万美元".
pub fn format_usd_short_in(usd: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format_usd_short(usd),
        Lang::Zh => format_wan_yi(usd),
    }
}

/// A precise amount in the language: "$7,692,308" / "约769万美元" (万 / 亿 is how Chinese reads an amount).
pub fn format_usd_full_in(usd: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format_usd_full(usd),
        Lang::Zh => format_wan_yi(usd),
    }
}

/// An amount in the active language: "$7.7M ($7,692,308)" / "约769万美元（7692308美元）".
pub fn format_usd(usd: f64, lang: Lang) -> String {
    match lang {
        Lang::En => short_then_full(format_usd_short(usd), format_usd_full(usd), "{} ({})"),
        Lang::Zh => short_then_full(format_wan_yi(usd), plain_amount_zh(usd), "{}（{}）"),
    }
}

/// "$7.7M ($7,692,308)", but "$0" and "CNY 0" once, not "$0 ($0)".
fn short_then_full(short: String, full: String, template: &str) -> String {
    if short == full {
        full
    } else {
        fill(template, &[&short, &full])
    }
}

/// "7692308美元": the full Chinese form (no separators, no space).
fn plain_amount_zh(usd: f64) -> String {
    if !is_amount(usd) {
        return "–".into();
    }
    let mut s = plain_number(usd, false);
    s.push_str("美元");
    s
}

/// Yuan in the active language: "CNY 54.7M (CNY 54,739,231)" / "约5474万元人民币".
pub fn format_cny(cny: f64, lang: Lang) -> String {
    match lang {
        Lang::En => short_then_full(format_cny_short(cny), format_cny_full(cny), "{} ({})"),
        Lang::Zh => format_cny_zh(cny),
    }
}

/// A number with one decimal below 10 and whole above ("4.3", "122"); thousands grouped in English only
/// ("1,214" / "1214").
pub fn format_count(x: f64, lang: Lang) -> String {
    if !is_amount(x) {
        return "–".into();
    }
    if x >= 9.95 {
        return grouped_if(round_u64(x), lang == Lang::En);
    }
    format_weeks_input(x)
}

/// Weeks as the text field shows them: tenths up to 52, whole weeks above (the slider's own steps), no grouping.
pub fn format_weeks_input(weeks: f64) -> String {
    let tenths = round_u64(weeks * 10.0);
    let mut s = (tenths / 10).to_string();
    if !tenths.is_multiple_of(10) {
        s.push('.');
        s.push(char::from(b'0' + (tenths % 10) as u8));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn english_short_and_full_forms() {
        for (x, short, full) in [
            (7_692_307.69, "$7.7M", "$7,692,308"),
            (120_000.0, "$120K", "$120,000"),
            (1.2e9, "$1.2B", "$1,200,000,000"),
            (100e6, "$100M", "$100,000,000"),
            (999_960.0, "$1M", "$999,960"),
            (999.0, "$999", "$999"),
            (3.1796, "$3.18", "$3.18"),
            (50.0, "$50", "$50"),
            (0.0, "$0", "$0"),
            (0.001, "<$0.01", "<$0.01"),
            (1e12, "$1T", "$1,000,000,000,000"),
        ] {
            assert_eq!(format_usd_short(x), short, "{x}");
            assert_eq!(format_usd_full(x), full, "{x}");
        }
        for bad in [f64::NAN, f64::INFINITY, -1.0] {
            assert_eq!(format_usd_short(bad), "–");
            assert_eq!(format_usd_full(bad), "–");
            assert_eq!(format_wan_yi(bad), "–");
        }
        assert_eq!(format_usd(7_692_307.69, Lang::En), "$7.7M ($7,692,308)");
        assert_eq!(format_usd(7_692_307.69, Lang::Zh), "约769万美元（7692308美元）");
        assert_eq!(format_usd(0.0, Lang::En), "$0");
        assert_eq!(format_usd_short_in(7_692_307.69, Lang::En), "$7.7M");
        assert_eq!(format_usd_full_in(7_692_307.69, Lang::En), "$7,692,308");
        assert_eq!(format_usd_short_in(7_692_307.69, Lang::Zh), "约769万美元");
        assert_eq!(format_usd_full_in(7_692_307.69, Lang::Zh), "约769万美元");
    }

    #[test]
    fn chinese_wan_and_yi() {
        // No space between digits and Chinese, no thousands separators (issue 16).
        for (x, s) in [
            (7_692_307.69, "约769万美元"),
            (1e8, "1亿美元"),
            (1.2e8, "1.2亿美元"),
            (1.234e8, "约1.2亿美元"),
            (300_000.0, "30万美元"),
            (23_076.9, "约2.3万美元"),
            (1214.0, "1214美元"),
            (3.1796, "3.18美元"),
            (0.001, "不到0.01美元"),
            (0.0, "0美元"),
            (99_999_999.0, "约1亿美元"),
            (1e12, "1万亿美元"),
            (3e11, "3000亿美元"),
            (2e13, "20万亿美元"),
            (1.2346e15, "约1235万亿美元"),
        ] {
            assert_eq!(format_wan_yi(x), s, "{x}");
        }
        assert_eq!(format_cny_zh(54_739_332.0), "约5474万元人民币");
        assert_eq!(format_cny(54_739_332.0, Lang::Zh), "约5474万元人民币");
        assert_eq!(format_cny(7.1161e9, Lang::Zh), "约71.2亿元人民币");
        assert_eq!(format_usd(1e8, Lang::Zh), "1亿美元（100000000美元）");
        assert_eq!(format_usd(1_234_567_890.0, Lang::Zh), "约12.3亿美元（1234567890美元）");
        assert_eq!(format_usd(0.0, Lang::Zh), "0美元");
        assert_eq!(format_wan_yi_bare(7_692_307.69), "约769万");
    }

    #[test]
    fn counts_are_grouped_in_english_only() {
        assert_eq!(format_count(1214.4, Lang::En), "1,214");
        assert_eq!(format_count(1214.4, Lang::Zh), "1214");
        assert_eq!(format_count(122.3, Lang::Zh), "122");
        assert_eq!(format_count(4.34, Lang::Zh), "4.3");
        assert_eq!(format_count(f64::NAN, Lang::Zh), "–");
    }

    proptest! {
        #[test]
        fn formatting_never_shows_nan_infinity_or_a_minus(x in prop_oneof![0.0..1e3f64, 0.0..1e9f64, 0.0..2e14f64, Just(0.0)]) {
            for s in [format_usd_short(x), format_usd_full(x), format_wan_yi(x), format_cny_zh(x), format_cny_short(x)] {
                prop_assert!(!s.contains("NaN") && !s.contains("inf") && !s.contains('-') && !s.contains('–'), "{x} -> {s}");
            }
        }
    }
}
