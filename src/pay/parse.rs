//! What a reader types into a field: one number rule for every field, the units and limits, and why a text was
//! not accepted (each error with its own message; nothing is ever clamped silently).
//!
//! # Accepted number forms (one rule for every field)
//! - Digits with an optional decimal point: `8.5`, `.5`, `1000.25`. "." is always the decimal point.
//! - "," or a space (U+0020, U+00A0 no-break, U+202F narrow no-break) may separate thousands, only between groups
//!   of exactly three digits and one kind per number: `1,000.5`, `1 000`, `12 345 678`.
//! - Anything else is an error telling the reader to use "." for decimals: `1,5`, `1.000,50`, `1,2,3`.
//! - Full-width digits and punctuation (`１００`, `．`, `，`, `＄`) read as their ASCII forms.
//! - No sign ("-5" is "must not be negative"), no exponent (`1e6`), no `inf` / `NaN`, at most 64 characters.
//! - Amounts may start with `$` / `US$` and end with a multiplier (`k`, `M`/`mn`/`million`, `B`/`bn`/`billion`,
//!   `T`, `千`, `万`, `亿`, `万亿`) and a currency word (`美元`, `USD`, `dollars`): `100M`, `1.5B`, `1亿`, `769万`.
//! - Weeks may carry a unit: weeks (`w`, `wk`, `week(s)`, `周`, `星期`), days (`d`, `day(s)`, `天`), months
//!   (`mo`, `month(s)`, `个月`, `月`), years (`y`, `yr(s)`, `year(s)`, `年`): `8.5 weeks`, `3 months`, `2y`, `10周`.

use super::format::{format_usd_full, format_usd_short, format_wan_yi};
use crate::i18n::{fill, format_count};
use crate::model::Lang;

/// Weeks in a pay year (see the note in [`crate::pay`] on why not 52.18).
pub const WEEKS_PER_YEAR: f64 = 52.0;
/// Longest tenure accepted: 20 years, which covers every tenure in the dataset (the longest is 652 weeks).
pub const MAX_WEEKS: f64 = 1040.0;
/// Shortest non-zero tenure accepted (about ten minutes): below it the per-second rate would be meaningless.
pub const MIN_POSITIVE_WEEKS: f64 = 0.001;
/// Largest amount accepted in any money field: one trillion US dollars.
pub const MAX_AMOUNT_USD: f64 = 1e12;
/// Longest package period accepted for "a total over N years".
pub const MAX_YEARS: u32 = 20;
/// Longer inputs are rejected before any parsing (no real number needs more).
pub const MAX_INPUT_CHARS: usize = 64;

// ---------------------------------------------------------------------------------------------------------
// Parse errors
// ---------------------------------------------------------------------------------------------------------

/// What a field holds, for unit and limit messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    Weeks,
    Amount,
    Years,
}

/// Why a field's text was not accepted. Each kind has its own message; nothing is ever clamped silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    TooLong,
    NotANumber,
    Negative,
    NotFinite,
    Exponent,
    /// A "," or space that is not a thousands separator between groups of three digits, or a second ".".
    Separators,
    UnknownUnit(Quantity),
    AboveMax(Quantity),
    BelowMin(Quantity),
    NotWhole,
    /// The base salary is more than the package pays in a year.
    BaseAbovePackage,
}

impl ParseError {
    /// A stable name for tests and `data-error` attributes.
    pub fn kind(self) -> &'static str {
        match self {
            ParseError::Empty => "empty",
            ParseError::TooLong => "too_long",
            ParseError::NotANumber => "not_a_number",
            ParseError::Negative => "negative",
            ParseError::NotFinite => "not_finite",
            ParseError::Exponent => "exponent",
            ParseError::Separators => "separators",
            ParseError::UnknownUnit(_) => "unknown_unit",
            ParseError::AboveMax(_) => "above_max",
            ParseError::BelowMin(_) => "below_min",
            ParseError::NotWhole => "not_whole",
            ParseError::BaseAbovePackage => "base_above_package",
        }
    }

    pub fn message(self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let s: &str = match self {
            ParseError::Empty if zh => "请输入一个数字。",
            ParseError::Empty => "Enter a number.",
            ParseError::TooLong if zh => "太长了：最多64个字符。",
            ParseError::TooLong => "Too long: at most 64 characters.",
            ParseError::NotANumber if zh => "不是数字：请输入数字，例如4、8.5或1000.5。",
            ParseError::NotANumber => "Not a number: type digits, for example 4, 8.5 or 1,000.5.",
            ParseError::Negative if zh => "不能为负数。",
            ParseError::Negative => "Must not be negative.",
            ParseError::NotFinite if zh => "请输入普通数字，例如4或100M。",
            ParseError::NotFinite => "Enter an ordinary number, such as 4 or 100M.",
            ParseError::Exponent if zh => "不接受1e6这样的科学计数法：请写1M、100万或1000000。",
            ParseError::Exponent => "Exponent forms like 1e6 are not accepted: write 1M or 1,000,000.",
            ParseError::Separators if zh => "小数点请用“.”；“,”或空格只能用作千位分隔符，每三位一组。",
            ParseError::Separators => {
                "Use \".\" for decimals; \",\" or a space only between groups of three digits (for example 1,000.5)."
            }
            ParseError::UnknownUnit(Quantity::Amount) if zh => "无法识别的单位：可用“k”“M”“B”“万”或“亿”，也可不写单位。",
            ParseError::UnknownUnit(Quantity::Amount) => "Unknown unit: use k, M, B, 万 or 亿, or none.",
            ParseError::UnknownUnit(Quantity::Weeks) if zh => "无法识别的单位：可用“周”“天”“个月”或“年”（不写单位即为周）。",
            ParseError::UnknownUnit(Quantity::Weeks) => {
                "Unknown unit: use weeks, days, months or years (no unit means weeks)."
            }
            ParseError::UnknownUnit(Quantity::Years) if zh => "请只填写年数，例如4。",
            ParseError::UnknownUnit(Quantity::Years) => "Give a number of years only, for example 4.",
            ParseError::AboveMax(q) => return above_max_message(q, lang),
            ParseError::BelowMin(Quantity::Years) if zh => "至少为1年。",
            ParseError::BelowMin(Quantity::Years) => "Must be at least 1 year.",
            ParseError::BelowMin(_) if zh => "必须是0，或至少0.001周（约10分钟）。",
            ParseError::BelowMin(_) => "Must be 0 or at least 0.001 weeks (about 10 minutes).",
            ParseError::NotWhole if zh => "必须是整数年。",
            ParseError::NotWhole => "Must be a whole number of years.",
            ParseError::BaseAbovePackage if zh => "基本工资高于薪酬包每年的金额：请调低，或选择更大的薪酬包。",
            ParseError::BaseAbovePackage => {
                "The base salary is more than the package pays in a year: lower it or choose a larger package."
            }
        };
        s.to_owned()
    }
}

fn above_max_message(q: Quantity, lang: Lang) -> String {
    // "1,040 weeks" in English, "1040周" in Chinese.
    let max_weeks = format_count(MAX_WEEKS as u64, lang);
    let max_years = MAX_YEARS.to_string();
    let years_in_weeks = format_count((MAX_WEEKS / WEEKS_PER_YEAR) as u64, lang);
    match (q, lang) {
        (Quantity::Weeks, Lang::En) => fill("Above the maximum of {} weeks ({} years).", &[&max_weeks, &years_in_weeks]),
        (Quantity::Weeks, Lang::Zh) => fill("超过上限{}周（{}年）。", &[&max_weeks, &years_in_weeks]),
        (Quantity::Amount, Lang::En) => fill(
            "Above the maximum of {} ({}).",
            &[&format_usd_full(MAX_AMOUNT_USD), &format_usd_short(MAX_AMOUNT_USD)],
        ),
        (Quantity::Amount, Lang::Zh) => fill("超过上限{}。", &[&format_wan_yi(MAX_AMOUNT_USD)]),
        (Quantity::Years, Lang::En) => fill("Above the maximum of {} years.", &[&max_years]),
        (Quantity::Years, Lang::Zh) => fill("超过上限{}年。", &[&max_years]),
    }
}

// ---------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------

/// The three spaces accepted as thousands separators.
const SPACES: [char; 3] = [' ', '\u{A0}', '\u{202F}'];

/// Maps full-width forms to ASCII, bounds the length and trims; the empty string is an error.
fn normalize(input: &str) -> Result<String, ParseError> {
    if input.chars().count() > MAX_INPUT_CHARS {
        return Err(ParseError::TooLong);
    }
    let mapped: String = input
        .chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (u32::from(c) - 0xFF10) as u8),
            '\u{FF0E}' => '.',
            '\u{FF0C}' => ',',
            '\u{FF04}' => '$',
            '\u{3000}' => ' ',
            '\u{2212}' | '\u{FF0D}' => '-',
            _ => c,
        })
        .collect();
    let trimmed = mapped.trim();
    if trimmed.is_empty() {
        Err(ParseError::Empty)
    } else {
        Ok(trimmed.to_owned())
    }
}

/// Splits a normalized string into its number (finite, ≥ 0) and its unit (trimmed, ASCII-lowercased).
fn split_number(s: &str, allow_dollar: bool) -> Result<(f64, String), ParseError> {
    if s.starts_with('-') {
        return Err(ParseError::Negative);
    }
    let s = if allow_dollar { s.strip_prefix("US$").or_else(|| s.strip_prefix('$')).unwrap_or(s).trim_start() } else { s };
    if s.starts_with('-') {
        return Err(ParseError::Negative);
    }
    let body_end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ',' || SPACES.contains(c)))
        .map_or(s.len(), |(i, _)| i);
    let (body, rest) = s.split_at(body_end);
    let body = body.trim_end_matches(&SPACES[..]);
    let unit = rest.trim().to_ascii_lowercase();
    let mut unit_chars = unit.chars();
    if unit_chars.next() == Some('e') && unit_chars.next().is_some_and(|c| c.is_ascii_digit() || c == '+' || c == '-') {
        return Err(ParseError::Exponent);
    }
    if !body.chars().any(|c| c.is_ascii_digit()) {
        let lower = s.to_ascii_lowercase();
        return Err(if lower.starts_with("inf") || lower.starts_with("nan") || lower.starts_with("+inf") {
            ParseError::NotFinite
        } else {
            ParseError::NotANumber
        });
    }
    Ok((read_digits(body)?, unit))
}

/// Applies the one separator rule to `body` (digits, ".", "," and the three spaces) and reads its value.
fn read_digits(body: &str) -> Result<f64, ParseError> {
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(ParseError::Separators);
    }
    let mut separator: Option<char> = None;
    let mut group_len = 0usize;
    let mut groups = 0usize;
    for c in int.chars() {
        if c.is_ascii_digit() {
            group_len += 1;
            continue;
        }
        if separator.is_some_and(|s| s != c) {
            return Err(ParseError::Separators);
        }
        let ok_group = if groups == 0 { (1..=3).contains(&group_len) } else { group_len == 3 };
        if !ok_group {
            return Err(ParseError::Separators);
        }
        separator = Some(c);
        groups += 1;
        group_len = 0;
    }
    if groups > 0 && group_len != 3 {
        return Err(ParseError::Separators);
    }
    // mantissa × 10^exp: exact for up to 17 significant digits, so "4.3" reads as the same f64 as Rust's parser.
    let mut mantissa: u64 = 0;
    let mut exp10: i32 = 0;
    for d in int.bytes().filter(u8::is_ascii_digit) {
        if mantissa < 10_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
        } else {
            exp10 += 1;
        }
    }
    for d in frac.bytes() {
        if mantissa < 10_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
            exp10 -= 1;
        }
    }
    let scale = pow10(exp10.unsigned_abs());
    let value = if exp10 >= 0 { mantissa as f64 * scale } else { mantissa as f64 / scale };
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(ParseError::NotFinite)
    }
}

/// 10^n by repeated multiplication: exact up to 10^22, and n ≤ 64 here (inputs are at most 64 characters).
fn pow10(n: u32) -> f64 {
    let mut p = 1.0;
    for _ in 0..n.min(400) {
        p *= 10.0;
    }
    p
}

fn amount_multiplier(unit: &str) -> Option<f64> {
    let unit = ["美元", "usd", "dollars", "dollar"].iter().find_map(|c| unit.strip_suffix(c)).unwrap_or(unit).trim_end();
    Some(match unit {
        "" => 1.0,
        "k" | "thousand" | "千" => 1e3,
        "万" => 1e4,
        "m" | "mn" | "million" => 1e6,
        "亿" => 1e8,
        "b" | "bn" | "billion" => 1e9,
        "t" | "tn" | "trillion" | "万亿" => 1e12,
        _ => return None,
    })
}

/// Weeks per unit as a fraction (numerator, denominator), so "3 months" is exactly 3 × 52 / 12 = 13.
fn weeks_per_unit(unit: &str) -> Option<(f64, f64)> {
    Some(match unit {
        "" | "w" | "wk" | "wks" | "week" | "weeks" | "周" | "星期" | "个星期" | "週" => (1.0, 1.0),
        "d" | "day" | "days" | "天" | "日" => (1.0, 7.0),
        "mo" | "mos" | "month" | "months" | "个月" | "月" => (WEEKS_PER_YEAR, 12.0),
        "y" | "yr" | "yrs" | "year" | "years" | "年" => (WEEKS_PER_YEAR, 1.0),
        _ => return None,
    })
}

/// Every unit word the weeks field and the amount field read (their lowercase forms), for [`is_unfinished`].
const WEEK_UNITS: [&str; 27] = [
    "w", "wk", "wks", "week", "weeks", "周", "星期", "个星期", "週", "d", "day", "days", "天", "日", "mo", "mos", "month", "months",
    "个月", "月", "y", "yr", "yrs", "year", "years", "年", "",
];
const AMOUNT_UNITS: [&str; 14] = ["k", "thousand", "千", "万", "m", "mn", "million", "亿", "b", "bn", "billion", "t", "tn", "trillion"];

/// Whether a text refused by [`parse_weeks`] or [`parse_amount`] is still being typed: a number followed by the start
/// of a unit word ("12 we" on the way to "12 weeks", "100 mil"). The calculator makes no error announcement for it.
pub fn is_unfinished(input: &str, quantity: Quantity) -> bool {
    let Ok(text) = normalize(input) else { return false };
    let Ok((_, unit)) = split_number(&text, quantity == Quantity::Amount) else { return false };
    let units: &[&str] = match quantity {
        Quantity::Weeks => &WEEK_UNITS,
        Quantity::Amount => &AMOUNT_UNITS,
        Quantity::Years => &[],
    };
    !unit.is_empty() && !units.contains(&unit.as_str()) && units.iter().any(|u| u.starts_with(unit.as_str()))
}

/// Reads a US-dollar amount: `1,000.5`, `1 000`, `100M`, `1.5B`, `300k`, `1亿`, `769万`, `$100M`, full-width digits.
/// At most [`MAX_AMOUNT_USD`]; above it is [`ParseError::AboveMax`], never clamped.
pub fn parse_amount(input: &str) -> Result<f64, ParseError> {
    let (value, unit) = split_number(&normalize(input)?, true)?;
    let usd = value * amount_multiplier(&unit).ok_or(ParseError::UnknownUnit(Quantity::Amount))?;
    if !usd.is_finite() {
        return Err(ParseError::NotFinite);
    }
    if usd > MAX_AMOUNT_USD {
        return Err(ParseError::AboveMax(Quantity::Amount));
    }
    Ok(usd)
}

/// Reads a tenure in weeks: `8.5`, `8.5 weeks`, `3 months`, `1 year`, `2y`, `10周`, `3个月`, `1年`, `10 days`.
/// 0 is allowed ("never started"); otherwise between [`MIN_POSITIVE_WEEKS`] and [`MAX_WEEKS`], else an error.
pub fn parse_weeks(input: &str) -> Result<f64, ParseError> {
    let (value, unit) = split_number(&normalize(input)?, false)?;
    let (num, den) = weeks_per_unit(&unit).ok_or(ParseError::UnknownUnit(Quantity::Weeks))?;
    let weeks = value * num / den;
    if !weeks.is_finite() {
        return Err(ParseError::NotFinite);
    }
    if weeks > MAX_WEEKS {
        return Err(ParseError::AboveMax(Quantity::Weeks));
    }
    if weeks > 0.0 && weeks < MIN_POSITIVE_WEEKS {
        return Err(ParseError::BelowMin(Quantity::Weeks));
    }
    Ok(weeks)
}

/// Reads the number of years a total package is spread over: a whole number from 1 to [`MAX_YEARS`].
pub fn parse_years(input: &str) -> Result<u32, ParseError> {
    let (value, unit) = split_number(&normalize(input)?, false)?;
    if !matches!(unit.as_str(), "" | "y" | "yr" | "yrs" | "year" | "years" | "年") {
        return Err(ParseError::UnknownUnit(Quantity::Years));
    }
    if value > f64::from(MAX_YEARS) {
        return Err(ParseError::AboveMax(Quantity::Years));
    }
    if value.fract() != 0.0 {
        return Err(ParseError::NotWhole);
    }
    if value < 1.0 {
        return Err(ParseError::BelowMin(Quantity::Years));
    }
    Ok(value as u32)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_unit_being_typed_is_unfinished_not_wrong() {
        for text in ["12 we", "12 wee", "12 mon", "3个", "1 ye"] {
            assert!(is_unfinished(text, Quantity::Weeks), "{text}");
        }
        for text in ["12", "12 weeks", "12 wx", "abc", "-5", "1,5", "12 weeksx", ""] {
            assert!(!is_unfinished(text, Quantity::Weeks), "{text}");
        }
        assert!(is_unfinished("100 mil", Quantity::Amount) && is_unfinished("$2 bil", Quantity::Amount));
        assert!(!is_unfinished("100 weeks", Quantity::Amount) && !is_unfinished("4 y", Quantity::Years));
        // Every listed unit is one the field reads, so a finished word is never "unfinished".
        for unit in WEEK_UNITS {
            assert!(weeks_per_unit(unit).is_some(), "{unit}");
        }
        for unit in AMOUNT_UNITS {
            assert!(amount_multiplier(unit).is_some(), "{unit}");
        }
    }

    use super::*;
    use crate::pay::test_support::{hostile_text, inputs_with};
    use crate::pay::{compute, format_usd, format_usd_short, PackageId, PayModel};
    use proptest::prelude::*;

    // ---- parsing: accepted forms ----

    #[test]
    fn amounts_in_every_documented_form() {
        for (s, v) in [
            ("1,000.5", 1000.5),
            ("1 000", 1000.0),
            ("1\u{A0}000", 1000.0),
            ("1\u{202F}000", 1000.0),
            ("12 345 678", 12_345_678.0),
            ("100M", 1e8),
            ("100 m", 1e8),
            ("1.5B", 1.5e9),
            ("300k", 3e5),
            ("1亿", 1e8),
            ("769万", 7.69e6),
            ("769万美元", 7.69e6),
            ("$100M", 1e8),
            ("US$ 2 million", 2e6),
            ("１００Ｍ".replace('Ｍ', "M").as_str(), 1e8),
            ("１，０００．５", 1000.5),
            ("  42  ", 42.0),
            (".5", 0.5),
            ("0", 0.0),
            ("1万亿", 1e12),
            ("1T", 1e12),
        ] {
            assert_eq!(parse_amount(s), Ok(v), "{s:?}");
        }
    }

    #[test]
    fn weeks_in_every_documented_form() {
        for (s, v) in [
            ("8.5", 8.5),
            ("8.5 weeks", 8.5),
            ("4.3", 4.3),
            ("3 months", 13.0),
            ("1 month", 52.0 / 12.0),
            ("1 year", 52.0),
            ("2y", 104.0),
            ("10周", 10.0),
            ("3个月", 13.0),
            ("1年", 52.0),
            ("14 days", 2.0),
            ("0", 0.0),
            ("1 000", 1000.0),
            ("1,040", 1040.0),
            ("20 years", 1040.0),
            ("0.001", 0.001),
        ] {
            assert_eq!(parse_weeks(s), Ok(v), "{s:?}");
        }
    }

    // ---- parsing: reliability items 12, 13 and 14 ----

    /// reliability.md item 12: every hostile input is an error, each with its own kind.
    #[test]
    fn hostile_inputs_are_errors_with_their_kind() {
        let cases = [
            ("", "empty"),
            ("  ", "empty"),
            ("abc", "not_a_number"),
            ("-5", "negative"),
            ("1e400", "exponent"),
            ("inf", "not_finite"),
            ("NaN", "not_finite"),
            ("99999999999999999999", "above_max"),
            ("1,2,3", "separators"),
        ];
        for (s, kind) in cases {
            assert_eq!(parse_amount(s).map_err(ParseError::kind), Err(kind), "amount {s:?}");
            assert_eq!(parse_weeks(s).map_err(ParseError::kind), Err(kind), "weeks {s:?}");
        }
        for (s, kind) in [("-5", "negative"), ("abc", "not_a_number"), ("2.5", "not_whole"), ("0", "below_min")] {
            assert_eq!(parse_years(s).map_err(ParseError::kind), Err(kind), "years {s:?}");
        }
        assert_eq!(parse_amount("5 parsecs"), Err(ParseError::UnknownUnit(Quantity::Amount)));
        assert_eq!(parse_weeks("5 m"), Err(ParseError::UnknownUnit(Quantity::Weeks)));
        assert_eq!(parse_amount(&"1".repeat(65)), Err(ParseError::TooLong));
        assert_eq!(parse_amount("1E5"), Err(ParseError::Exponent));
        assert_eq!(parse_amount("$-5"), Err(ParseError::Negative));
        assert_eq!(parse_amount("−5"), Err(ParseError::Negative));
        assert_eq!(parse_weeks("Infinity"), Err(ParseError::NotFinite));
    }

    /// reliability.md item 13: one documented rule for locale separators, the same every run.
    #[test]
    fn locale_numbers_follow_one_rule() {
        assert_eq!(parse_amount("1,5"), Err(ParseError::Separators));
        assert_eq!(parse_amount("1.000,50"), Err(ParseError::Separators));
        assert_eq!(parse_amount("1,000.50"), Ok(1000.5));
        for sep in [' ', '\u{A0}', '\u{202F}'] {
            assert_eq!(parse_amount(&format!("1{sep}000")), Ok(1000.0));
            assert_eq!(parse_weeks(&format!("1{sep}000")), Ok(1000.0));
        }
        for bad in ["1.000.000", "1,000 000", "10,00", "1,0000", ",100", "1,", "1 0"] {
            assert_eq!(parse_amount(bad), Err(ParseError::Separators), "{bad:?}");
        }
        let msg = ParseError::Separators.message(Lang::En);
        assert!(msg.contains("\".\" for decimals"), "{msg}");
        assert!(ParseError::Separators.message(Lang::Zh).contains("小数点"));
    }

    /// reliability.md item 14: inputs at their maxima are accepted, one past is flagged, never clamped.
    #[test]
    fn maxima_and_one_past() {
        assert_eq!(parse_weeks("1040"), Ok(MAX_WEEKS));
        assert_eq!(parse_weeks("1041"), Err(ParseError::AboveMax(Quantity::Weeks)));
        assert_eq!(parse_weeks("1040.1"), Err(ParseError::AboveMax(Quantity::Weeks)));
        assert_eq!(parse_weeks("21 years"), Err(ParseError::AboveMax(Quantity::Weeks)));
        assert_eq!(parse_weeks("0.0009"), Err(ParseError::BelowMin(Quantity::Weeks)));
        assert_eq!(parse_amount("1,000,000,000,000"), Ok(MAX_AMOUNT_USD));
        assert_eq!(parse_amount("1,000,000,000,001"), Err(ParseError::AboveMax(Quantity::Amount)));
        assert_eq!(parse_amount("1.000001T"), Err(ParseError::AboveMax(Quantity::Amount)));
        assert_eq!(parse_years("20"), Ok(MAX_YEARS));
        assert_eq!(parse_years("21"), Err(ParseError::AboveMax(Quantity::Years)));
        assert_eq!(ParseError::AboveMax(Quantity::Weeks).message(Lang::En), "Above the maximum of 1,040 weeks (20 years).");
        assert_eq!(ParseError::AboveMax(Quantity::Weeks).message(Lang::Zh), "超过上限1040周（20年）。");
        assert_eq!(
            ParseError::AboveMax(Quantity::Amount).message(Lang::En),
            "Above the maximum of $1,000,000,000,000 ($1T)."
        );
        assert_eq!(ParseError::AboveMax(Quantity::Amount).message(Lang::Zh), "超过上限1万亿美元。");
        assert_eq!(ParseError::AboveMax(Quantity::Years).message(Lang::Zh), "超过上限20年。");
        assert_eq!(ParseError::AboveMax(Quantity::Years).message(Lang::En), "Above the maximum of 20 years.");
        // The largest inputs together stay finite: $1T a year for 20 years under every model.
        let big = compute(&inputs_with(|i| {
            i.package = PackageId::Custom;
            i.amount = "1T".into();
            i.weeks = "1040".into();
            i.base = "1T".into();
            i.signon = "1T".into();
        }))
        .expect("maxima are valid");
        for m in PayModel::ALL {
            let v = big.amounts.get(m);
            assert!(v.is_finite() && v > 0.0, "{m:?}");
        }
        assert!(!format_usd(big.chosen_usd, Lang::En).contains('–'));
        assert_eq!(format_usd_short(big.chosen_usd), "$20T");
    }

    proptest! {
        #[test]
        fn any_string_parses_to_ok_or_err_without_panic(s in hostile_text()) {
            if let Ok(v) = parse_amount(&s) {
                prop_assert!(v.is_finite() && (0.0..=MAX_AMOUNT_USD).contains(&v), "{s:?} -> {v}");
            }
            if let Ok(v) = parse_weeks(&s) {
                prop_assert!(v.is_finite() && (0.0..=MAX_WEEKS).contains(&v), "{s:?} -> {v}");
            }
            if let Ok(v) = parse_years(&s) {
                prop_assert!((1..=MAX_YEARS).contains(&v));
            }
        }
    }
}
