//! The pay calculator's maths, input parsing, number formatting and wording: pure (no leptos, web-sys or js-sys).
//!
//! Every field a reader types goes through one parse function that returns `Result`; [`compute`] turns the raw
//! inputs into an [`Outcome`] or a list of [`FieldError`]s, so the view never sees NaN, infinity or a negative
//! amount, and no arithmetic here can overflow or panic (all money is `f64`, every input is bounded first).
//!
//! Conventions, also stated to readers in the UI:
//! - A pay year is 52 weeks and a month 52/12 weeks, so "$100M a year for 4 weeks" is 100M × 4/52 = $7,692,308
//!   and one month is exactly a twelfth of a year ($8,333,333). The dataset's tenure estimates use 52.18 weeks a
//!   year; the calculator keeps 52 so that straight-line pay at 52 weeks is exactly the yearly figure.
//! - Rates are per unit of calendar time at Meta (every hour of every day), not per working hour.
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

use crate::i18n::{calc_ui, fill, group_thousands};
use crate::model::{Dataset, Date, Lang, PayReport, Person, Status, TenurePrecision};

// ---------------------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------------------

/// Weeks in a pay year (see the module note on why not 52.18).
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

/// US dollars to yuan: the CFETS central parity rate of Monday 25 Aug 2025 (the week the departures were
/// reported), 7.1161 yuan per dollar, as reported by MENAFN from China Foreign Exchange Trade System data.
/// A fixed, dated rate for illustration: exchange rates move daily.
pub const CNY_PER_USD: f64 = 7.1161;
pub const CNY_RATE_DATE: Date = Date { year: 2025, month: 8, day: Some(25) };
pub const CNY_RATE_SOURCE: &str = "MENAFN, from China Foreign Exchange Trade System data";
pub const CNY_RATE_SOURCE_ZH: &str = "MENAFN（援引中国外汇交易中心数据）";
pub const CNY_RATE_SOURCE_URL: &str = "https://menafn.com/1109970016/Chinese-Edges-Higher-Against-US-Dollar";

/// Median usual weekly earnings of US full-time wage and salary workers, third quarter 2025, not seasonally
/// adjusted: $1,214 (BLS, "Usual Weekly Earnings of Wage and Salary Workers", USDL-25-1529, 4 Dec 2025).
/// Q3 2025 is the quarter of the departures; the Q2 figure could not be checked.
pub const MEDIAN_WEEKLY_USD: f64 = 1214.0;
pub const MEDIAN_SOURCE: &str = "US Bureau of Labor Statistics, Usual Weekly Earnings, Q3 2025";
pub const MEDIAN_SOURCE_URL: &str = "https://www.bls.gov/news.release/archives/wkyeng_12042025.htm";

/// ASSUMPTION, not a reported figure: no source gives these researchers' base salaries.
pub const DEFAULT_BASE_TEXT: &str = "300,000";
/// ASSUMPTION: 0, because the reported "$100M sign-on bonus" was denied (Bosworth; Beyer).
pub const DEFAULT_SIGNON_TEXT: &str = "0";
pub const DEFAULT_WEEKS_TEXT: &str = "4";
pub const DEFAULT_AMOUNT_TEXT: &str = "100M";
pub const DEFAULT_YEARS_TEXT: &str = "4";

/// The slider runs 0–52 weeks in tenths (positions 0–520), then 52–1040 in steps of two weeks (520–1014), so short
/// tenures, the story here, get most of its length.
pub const SLIDER_MAX: u32 = 1014;
const SLIDER_FINE_END: u32 = 520;

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
            ParseError::TooLong if zh => "太长了：最多 64 个字符。",
            ParseError::TooLong => "Too long: at most 64 characters.",
            ParseError::NotANumber if zh => "不是数字：请输入数字，例如 4、8.5 或 1,000.5。",
            ParseError::NotANumber => "Not a number: type digits, for example 4, 8.5 or 1,000.5.",
            ParseError::Negative if zh => "不能为负数。",
            ParseError::Negative => "Must not be negative.",
            ParseError::NotFinite if zh => "请输入普通数字，例如 4 或 100M。",
            ParseError::NotFinite => "Enter an ordinary number, such as 4 or 100M.",
            ParseError::Exponent if zh => "不接受 1e6 这样的科学计数法：请写 1M、100万 或 1,000,000。",
            ParseError::Exponent => "Exponent forms like 1e6 are not accepted: write 1M or 1,000,000.",
            ParseError::Separators if zh => "小数点请用“.”；“,”或空格只能分隔三位一组的数字（例如 1,000.5）。",
            ParseError::Separators => {
                "Use \".\" for decimals; \",\" or a space only between groups of three digits (for example 1,000.5)."
            }
            ParseError::UnknownUnit(Quantity::Amount) if zh => "无法识别的单位：可用 k、M、B、万 或 亿，也可不写单位。",
            ParseError::UnknownUnit(Quantity::Amount) => "Unknown unit: use k, M, B, 万 or 亿, or none.",
            ParseError::UnknownUnit(Quantity::Weeks) if zh => "无法识别的单位：可用 周、天、个月 或 年（默认是周）。",
            ParseError::UnknownUnit(Quantity::Weeks) => {
                "Unknown unit: use weeks, days, months or years (no unit means weeks)."
            }
            ParseError::UnknownUnit(Quantity::Years) if zh => "请只填写年数，例如 4。",
            ParseError::UnknownUnit(Quantity::Years) => "Give a number of years only, for example 4.",
            ParseError::AboveMax(q) => return above_max_message(q, lang),
            ParseError::BelowMin(Quantity::Years) if zh => "至少为 1 年。",
            ParseError::BelowMin(Quantity::Years) => "Must be at least 1 year.",
            ParseError::BelowMin(_) if zh => "必须是 0，或至少 0.001 周（约 10 分钟）。",
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
    let max_weeks = group_thousands(MAX_WEEKS as u64);
    let max_years = MAX_YEARS.to_string();
    let years_in_weeks = group_thousands((MAX_WEEKS / WEEKS_PER_YEAR) as u64);
    match (q, lang) {
        (Quantity::Weeks, Lang::En) => fill("Above the maximum of {} weeks ({} years).", &[&max_weeks, &years_in_weeks]),
        (Quantity::Weeks, Lang::Zh) => fill("超过上限 {} 周（{} 年）。", &[&max_weeks, &years_in_weeks]),
        (Quantity::Amount, Lang::En) => fill(
            "Above the maximum of {} ({}).",
            &[&format_usd_full(MAX_AMOUNT_USD), &format_usd_short(MAX_AMOUNT_USD)],
        ),
        (Quantity::Amount, Lang::Zh) => fill("超过上限 {}。", &[&format_wan_yi(MAX_AMOUNT_USD)]),
        (Quantity::Years, Lang::En) => fill("Above the maximum of {} years.", &[&max_years]),
        (Quantity::Years, Lang::Zh) => fill("超过上限 {} 年。", &[&max_years]),
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

// ---------------------------------------------------------------------------------------------------------
// Packages and pay models
// ---------------------------------------------------------------------------------------------------------

/// How a package turns into money over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum PayModel {
    /// The yearly figure spread evenly over every week: the internet's sum, and the article's $8M.
    #[default]
    StraightLine,
    /// Four-year vesting with a 12-month cliff: before 12 months only base salary and any sign-on bonus.
    Cliff,
    /// The first year's stock vests at once, as Wired reported for some offers.
    FrontLoaded,
}

impl PayModel {
    pub const ALL: [PayModel; 3] = [PayModel::StraightLine, PayModel::Cliff, PayModel::FrontLoaded];

    pub fn as_str(self) -> &'static str {
        match self {
            PayModel::StraightLine => "straight",
            PayModel::Cliff => "cliff",
            PayModel::FrontLoaded => "front",
        }
    }

    pub fn parse(s: &str) -> Option<PayModel> {
        PayModel::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Which package the reader picked: a reported preset or their own amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum PackageId {
    /// "$100M a year": the figure Sam Altman cited in June 2025; denied as a sign-on bonus.
    #[default]
    Altman100m,
    /// "Up to $300M over four years, over $100M in the first year": Wired, unnamed sources.
    Wired300m,
    Custom,
}

impl PackageId {
    pub const ALL: [PackageId; 3] = [PackageId::Altman100m, PackageId::Wired300m, PackageId::Custom];

    /// Also the id of the dataset's pay report each preset rests on.
    pub fn as_str(self) -> &'static str {
        match self {
            PackageId::Altman100m => "altman-100m",
            PackageId::Wired300m => "wired-300m",
            PackageId::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<PackageId> {
        PackageId::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The `context.pay_reports[].id` the preset comes from, for its source and fact-check status.
    pub fn report_id(self) -> Option<&'static str> {
        match self {
            PackageId::Custom => None,
            p => Some(p.as_str()),
        }
    }

    /// The dataset's report the preset rests on (`None` for the reader's own amount, or a dataset without it).
    pub fn report(self, dataset: &Dataset) -> Option<&PayReport> {
        let id = self.report_id()?;
        dataset.pay_reports.iter().find(|r| r.id == id)
    }
}

/// Whether a custom amount is a yearly rate or a total spread over some years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum PeriodKind {
    #[default]
    PerYear,
    Total,
}

impl PeriodKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodKind::PerYear => "year",
            PeriodKind::Total => "total",
        }
    }

    pub fn parse(s: &str) -> Option<PeriodKind> {
        [PeriodKind::PerYear, PeriodKind::Total].into_iter().find(|p| p.as_str() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Period {
    PerYear,
    TotalOverYears(u32),
}

/// A validated package.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Package {
    /// `Altman100m` or `Wired300m` (a `Custom` id here is read as the default preset).
    Preset(PackageId),
    Custom { amount: f64, period: Period },
}

impl Package {
    /// (first-year total, each later year's total, years the package lasts; `None` = a yearly rate that goes on).
    pub fn schedule(self) -> (f64, f64, Option<u32>) {
        match self {
            Package::Preset(PackageId::Wired300m) => (100e6, 200e6 / 3.0, Some(4)),
            Package::Preset(_) => (100e6, 100e6, None),
            Package::Custom { amount, period: Period::PerYear } => (amount, amount, None),
            Package::Custom { amount, period: Period::TotalOverYears(n) } => {
                let per_year = amount / f64::from(n.max(1));
                (per_year, per_year, Some(n.max(1)))
            }
        }
    }
}

/// Everything the pay maths needs, in US dollars. Values that are not finite and ≥ 0 are read as 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Terms {
    pub first_year_usd: f64,
    pub later_year_usd: f64,
    /// `Some(n)`: the package is a total over n years and pays nothing after them.
    pub years: Option<u32>,
    /// Yearly base salary, part of each year's total, paid evenly.
    pub base_usd: f64,
    /// On top of the package, paid on the first day (weeks > 0).
    pub signon_usd: f64,
}

/// One amount per pay model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelAmounts {
    pub straight: f64,
    pub cliff: f64,
    pub front: f64,
}

impl ModelAmounts {
    pub fn get(&self, model: PayModel) -> f64 {
        match model {
            PayModel::StraightLine => self.straight,
            PayModel::Cliff => self.cliff,
            PayModel::FrontLoaded => self.front,
        }
    }

    pub fn low(&self) -> f64 {
        self.straight.min(self.cliff).min(self.front)
    }

    pub fn high(&self) -> f64 {
        self.straight.max(self.cliff).max(self.front)
    }
}

fn non_negative(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x
    } else {
        0.0
    }
}

impl Terms {
    pub fn new(package: Package, base_usd: f64, signon_usd: f64) -> Terms {
        let (first_year_usd, later_year_usd, years) = package.schedule();
        Terms { first_year_usd, later_year_usd, years, base_usd, signon_usd }
    }

    /// Weeks after which nothing more is paid: the package's years, and never past [`MAX_WEEKS`].
    pub fn cap_weeks(&self) -> f64 {
        self.years.map_or(MAX_WEEKS, |n| f64::from(n.max(1)) * WEEKS_PER_YEAR).min(MAX_WEEKS)
    }

    /// Weeks where a model's line bends or jumps (the chart draws straight segments between them).
    pub fn breakpoints(&self) -> [f64; 2] {
        [WEEKS_PER_YEAR, self.cap_weeks()]
    }

    /// The stock part of a vesting model's amount; `None` for straight-line, which has no split.
    pub fn stock_usd(&self, model: PayModel, weeks: f64) -> Option<f64> {
        let w = self.served(weeks);
        let base = non_negative(self.base_usd);
        let first_stock = (non_negative(self.first_year_usd) - base).max(0.0);
        let later_stock = (non_negative(self.later_year_usd) - base).max(0.0);
        let later_years = (w - WEEKS_PER_YEAR).max(0.0) / WEEKS_PER_YEAR;
        match model {
            PayModel::StraightLine => None,
            _ if w <= 0.0 => Some(0.0),
            PayModel::Cliff if w < WEEKS_PER_YEAR => Some(0.0),
            PayModel::Cliff | PayModel::FrontLoaded => Some(first_stock + later_stock * later_years),
        }
    }

    /// Pre-tax US dollars for `weeks` at Meta under `model`: finite, ≥ 0 and non-decreasing in `weeks`.
    pub fn amount(&self, model: PayModel, weeks: f64) -> f64 {
        let w = self.served(weeks);
        if w <= 0.0 {
            return 0.0;
        }
        match model {
            PayModel::StraightLine => {
                let year_one = w.min(WEEKS_PER_YEAR) / WEEKS_PER_YEAR;
                let later_years = (w - WEEKS_PER_YEAR).max(0.0) / WEEKS_PER_YEAR;
                non_negative(self.first_year_usd) * year_one + non_negative(self.later_year_usd) * later_years
            }
            PayModel::Cliff | PayModel::FrontLoaded => {
                let cash = non_negative(self.base_usd) * (w / WEEKS_PER_YEAR) + non_negative(self.signon_usd);
                cash + self.stock_usd(model, weeks).unwrap_or(0.0)
            }
        }
    }

    pub fn amounts(&self, weeks: f64) -> ModelAmounts {
        ModelAmounts {
            straight: self.amount(PayModel::StraightLine, weeks),
            cliff: self.amount(PayModel::Cliff, weeks),
            front: self.amount(PayModel::FrontLoaded, weeks),
        }
    }

    /// Weeks that count: 0 for anything not a positive number (NaN included), capped at the package's end.
    fn served(&self, weeks: f64) -> f64 {
        if weeks > 0.0 {
            weeks.min(self.cap_weeks())
        } else {
            0.0
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// The calculator's inputs, and their URL form
// ---------------------------------------------------------------------------------------------------------

/// The raw text of every field and every choice, exactly as the reader left them.
#[derive(Clone, Debug, PartialEq)]
pub struct CalcInputs {
    pub weeks: String,
    pub package: PackageId,
    pub amount: String,
    pub period: PeriodKind,
    pub years: String,
    pub model: PayModel,
    pub base: String,
    pub signon: String,
    /// The person whose card set the weeks (cleared when the reader edits the weeks; not kept in the URL).
    pub person: Option<String>,
}

impl Default for CalcInputs {
    fn default() -> Self {
        CalcInputs {
            weeks: DEFAULT_WEEKS_TEXT.into(),
            package: PackageId::default(),
            amount: DEFAULT_AMOUNT_TEXT.into(),
            period: PeriodKind::default(),
            years: DEFAULT_YEARS_TEXT.into(),
            model: PayModel::default(),
            base: DEFAULT_BASE_TEXT.into(),
            signon: DEFAULT_SIGNON_TEXT.into(),
            person: None,
        }
    }
}

/// The calculator's query keys, in canonical order.
pub const URL_KEYS: [&str; 8] = ["weeks", "pkg", "amt", "per", "yrs", "model", "base", "signon"];

/// A text field's URL value: its trimmed text when it parses and differs in value from the default.
fn text_pair<T: PartialEq>(
    out: &mut Vec<(&'static str, String)>,
    key: &'static str,
    text: &str,
    default: &str,
    parse: fn(&str) -> Result<T, ParseError>,
) {
    if let Ok(v) = parse(text) {
        if parse(default).ok().as_ref() != Some(&v) {
            out.push((key, text.trim().to_owned()));
        }
    }
}

impl CalcInputs {
    /// The non-default values as query pairs in canonical order (keys in [`URL_KEYS`]). Fields that do not apply
    /// (a custom amount while a preset is chosen) and fields that do not parse are left out.
    pub fn url_pairs(&self) -> Vec<(&'static str, String)> {
        let d = CalcInputs::default();
        let mut out = Vec::new();
        text_pair(&mut out, "weeks", &self.weeks, &d.weeks, parse_weeks);
        if self.package != d.package {
            out.push(("pkg", self.package.as_str().to_owned()));
        }
        if self.package == PackageId::Custom {
            text_pair(&mut out, "amt", &self.amount, &d.amount, parse_amount);
            if self.period != d.period {
                out.push(("per", self.period.as_str().to_owned()));
            }
            if self.period == PeriodKind::Total {
                text_pair(&mut out, "yrs", &self.years, &d.years, parse_years);
            }
        }
        if self.model != d.model {
            out.push(("model", self.model.as_str().to_owned()));
        }
        text_pair(&mut out, "base", &self.base, &d.base, parse_amount);
        text_pair(&mut out, "signon", &self.signon, &d.signon, parse_amount);
        out
    }

    /// Applies one query pair. Invalid or over-long values are ignored (the field keeps its value); returns whether
    /// `key` is one of the calculator's keys.
    pub fn apply_url_pair(&mut self, key: &str, value: &str) -> bool {
        if !URL_KEYS.contains(&key) {
            return false;
        }
        if value.chars().count() > MAX_INPUT_CHARS {
            return true;
        }
        match key {
            "weeks" if parse_weeks(value).is_ok() => self.weeks = value.trim().to_owned(),
            "pkg" => self.package = PackageId::parse(value).unwrap_or(self.package),
            "amt" if parse_amount(value).is_ok() => self.amount = value.trim().to_owned(),
            "per" => self.period = PeriodKind::parse(value).unwrap_or(self.period),
            "yrs" if parse_years(value).is_ok() => self.years = value.trim().to_owned(),
            "model" => self.model = PayModel::parse(value).unwrap_or(self.model),
            "base" if parse_amount(value).is_ok() => self.base = value.trim().to_owned(),
            "signon" if parse_amount(value).is_ok() => self.signon = value.trim().to_owned(),
            _ => {}
        }
        true
    }

    /// Card → calculator: the weeks become the person's estimate (0 for "never started").
    /// What the reader typed into `field`.
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Weeks => &self.weeks,
            Field::Amount => &self.amount,
            Field::Years => &self.years,
            Field::Base => &self.base,
            Field::Signon => &self.signon,
        }
    }

    /// Sets what the reader typed into `field` (or the weeks the slider chose). Weeks set by hand replace a
    /// card's, so the note about that card's person goes.
    pub fn set_text(&mut self, field: Field, text: String) {
        let slot = match field {
            Field::Weeks => {
                self.person = None;
                &mut self.weeks
            }
            Field::Amount => &mut self.amount,
            Field::Years => &mut self.years,
            Field::Base => &mut self.base,
            Field::Signon => &mut self.signon,
        };
        *slot = text;
    }

    pub fn set_person(&mut self, person: &Person) {
        let (_, estimate, _) = weeks_for_person(person);
        self.weeks = format_weeks_input(estimate);
        self.person = Some(person.id.clone());
    }
}

/// A person's tenure as (low, estimate, high) weeks; the estimate is 0 for "never started".
pub fn weeks_for_person(person: &Person) -> (f64, f64, f64) {
    let t = &person.tenure;
    let estimate = if t.precision == TenurePrecision::NeverStarted { 0.0 } else { t.weeks_estimate };
    (non_negative(t.weeks_low), non_negative(estimate), non_negative(t.weeks_high))
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

/// The weeks a slider position stands for (see [`SLIDER_MAX`]).
pub fn slider_to_weeks(position: u32) -> f64 {
    let p = position.min(SLIDER_MAX);
    if p <= SLIDER_FINE_END {
        f64::from(p) / 10.0
    } else {
        WEEKS_PER_YEAR + f64::from(p - SLIDER_FINE_END) * 2.0
    }
}

/// The slider position nearest to `weeks` (the slider only shows the value; the text field holds it exactly).
pub fn weeks_to_slider(weeks: f64) -> u32 {
    if weeks.is_nan() || weeks <= 0.0 {
        0
    } else if weeks <= WEEKS_PER_YEAR {
        round_u64(weeks * 10.0).min(u64::from(SLIDER_FINE_END)) as u32
    } else {
        let steps = round_u64((weeks - WEEKS_PER_YEAR) / 2.0).min(u64::from(SLIDER_MAX - SLIDER_FINE_END));
        SLIDER_FINE_END + steps as u32
    }
}

// ---------------------------------------------------------------------------------------------------------
// Computing the outcome
// ---------------------------------------------------------------------------------------------------------

/// The fields a reader types into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Weeks,
    Amount,
    Years,
    Base,
    Signon,
}

impl Field {
    pub const ALL: [Field; 5] = [Field::Weeks, Field::Amount, Field::Years, Field::Base, Field::Signon];

    /// Used in element ids and test ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Weeks => "weeks",
            Field::Amount => "amount",
            Field::Years => "years",
            Field::Base => "base",
            Field::Signon => "signon",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub error: ParseError,
}

/// Amounts per unit of calendar time at Meta (every hour of every day counts).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rates {
    pub per_week: f64,
    pub per_day: f64,
    pub per_hour: f64,
    pub per_minute: f64,
    pub per_second: f64,
}

impl Rates {
    /// `None` when no time was served: a rate over zero weeks is undefined, not infinite.
    pub fn new(amount: f64, weeks: f64) -> Option<Rates> {
        if !weeks.is_finite() || weeks < MIN_POSITIVE_WEEKS {
            return None;
        }
        let amount = non_negative(amount);
        let per_week = amount / weeks;
        Some(Rates {
            per_week,
            per_day: per_week / 7.0,
            per_hour: per_week / (7.0 * 24.0),
            per_minute: per_week / (7.0 * 24.0 * 60.0),
            per_second: per_week / (7.0 * 24.0 * 3600.0),
        })
    }
}

/// What the calculator shows for valid inputs. Every amount is finite and ≥ 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub weeks: f64,
    pub terms: Terms,
    pub model: PayModel,
    pub amounts: ModelAmounts,
    pub chosen_usd: f64,
    pub rates: Option<Rates>,
    pub chosen_cny: f64,
    /// The chosen amount in weeks of the US median full-time wage ([`MEDIAN_WEEKLY_USD`]).
    pub median_weeks: f64,
}

/// Parses every field that applies and computes the three models, or returns every field's error in field order.
pub fn compute(inputs: &CalcInputs) -> Result<Outcome, Vec<FieldError>> {
    let mut errors = Vec::new();
    let weeks = take(&mut errors, Field::Weeks, parse_weeks(&inputs.weeks));
    let package = match inputs.package {
        PackageId::Custom => {
            let amount = take(&mut errors, Field::Amount, parse_amount(&inputs.amount));
            let period = match inputs.period {
                PeriodKind::PerYear => Some(Period::PerYear),
                PeriodKind::Total => take(&mut errors, Field::Years, parse_years(&inputs.years)).map(Period::TotalOverYears),
            };
            amount.zip(period).map(|(amount, period)| Package::Custom { amount, period })
        }
        preset => Some(Package::Preset(preset)),
    };
    let base = take(&mut errors, Field::Base, parse_amount(&inputs.base));
    let signon = take(&mut errors, Field::Signon, parse_amount(&inputs.signon));
    if let (Some(package), Some(base)) = (package, base) {
        let (first, later, _) = package.schedule();
        if base > first.min(later) {
            errors.push(FieldError { field: Field::Base, error: ParseError::BaseAbovePackage });
        }
    }
    match (weeks, package, base, signon) {
        (Some(weeks), Some(package), Some(base), Some(signon)) if errors.is_empty() => {
            let terms = Terms::new(package, base, signon);
            let amounts = terms.amounts(weeks);
            let chosen_usd = amounts.get(inputs.model);
            Ok(Outcome {
                weeks,
                terms,
                model: inputs.model,
                amounts,
                chosen_usd,
                rates: Rates::new(chosen_usd, weeks),
                chosen_cny: chosen_usd * CNY_PER_USD,
                median_weeks: chosen_usd / MEDIAN_WEEKLY_USD,
            })
        }
        _ => {
            // In the form's field order (no sort: a stable sort would add its own code to the wasm).
            Err(Field::ALL.iter().flat_map(|f| errors.iter().filter(move |e| e.field == *f).cloned()).collect())
        }
    }
}

fn take<T>(errors: &mut Vec<FieldError>, field: Field, r: Result<T, ParseError>) -> Option<T> {
    r.map_err(|error| errors.push(FieldError { field, error })).ok()
}

/// The error shown for one field, if any.
pub fn error_for(errors: &[FieldError], field: Field) -> Option<ParseError> {
    errors.iter().find(|e| e.field == field).map(|e| e.error)
}

// ---------------------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------------------

/// Rounds to a whole number; anything not finite and positive is 0 (casts saturate, so no overflow).
fn round_u64(x: f64) -> u64 {
    if x.is_finite() && x > 0.0 {
        x.round() as u64
    } else {
        0
    }
}

fn is_amount(x: f64) -> bool {
    x.is_finite() && x >= 0.0
}

/// A value below 100 with cents ("3.18", "0.01", "50"); 100 and up as whole grouped numbers.
fn plain_number(x: f64) -> String {
    if x >= 99.995 {
        return group_thousands(round_u64(x));
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
fn scaled(x: f64, divisors: &[f64]) -> (String, Option<usize>, f64) {
    for (i, &div) in divisors.iter().enumerate() {
        // A unit is used from 1 of it, or when rounding in the next smaller unit would reach it (999,960 is
        // "$1M", not "$1,000K"); so $999 stays "$999".
        let lower = divisors.get(i + 1).copied().unwrap_or(1.0);
        if (x / lower).round() * lower >= div {
            let tenths = round_u64(x * 10.0 / div);
            if tenths >= 1000 {
                let whole = round_u64(x / div);
                return (group_thousands(whole), Some(i), whole as f64 * div);
            }
            let mut s = group_thousands(tenths / 10);
            if !tenths.is_multiple_of(10) {
                s.push('.');
                s.push(char::from(b'0' + (tenths % 10) as u8));
            }
            return (s, Some(i), tenths as f64 / 10.0 * div);
        }
    }
    let shown = if x >= 99.995 { round_u64(x) as f64 } else { round_u64(x * 100.0) as f64 / 100.0 };
    (plain_number(x), None, shown)
}

const EN_DIVISORS: [f64; 4] = [1e12, 1e9, 1e6, 1e3];
const EN_SUFFIXES: [&str; 4] = ["T", "B", "M", "K"];
const ZH_DIVISORS: [f64; 3] = [1e12, 1e8, 1e4];
const ZH_UNITS: [&str; 3] = ["万亿", "亿", "万"];

/// A short English amount without currency: "7.7M", "120K", "1.2B", "950", "3.18".
fn short_en(x: f64) -> String {
    let (mut s, unit, _) = scaled(x, &EN_DIVISORS);
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
    s.push_str(&plain_number(usd));
    s
}

/// "约 769 万" / "1 亿" / "1,214": a Chinese amount in 万 / 亿 / 万亿 without currency; "约" when rounded.
pub fn format_wan_yi_bare(x: f64) -> String {
    if !is_amount(x) {
        return "–".into();
    }
    if x > 0.0 && x < 0.005 {
        return "不到 0.01".into();
    }
    let (digits, unit, shown) = scaled(x, &ZH_DIVISORS);
    let mut s = String::new();
    if (shown - x).abs() >= 0.005 {
        s.push_str("约 ");
    }
    s.push_str(&digits);
    if let Some(i) = unit {
        s.push(' ');
        s.push_str(ZH_UNITS[i]);
    }
    s
}

fn with_currency_zh(x: f64, currency: &str) -> String {
    let mut s = format_wan_yi_bare(x);
    if s == "–" {
        return s;
    }
    // "769 万美元" but "1,214 美元": the unit character binds to the currency, a bare number does not.
    if !ZH_UNITS.iter().any(|u| s.ends_with(u)) {
        s.push(' ');
    }
    s.push_str(currency);
    s
}

/// "约 769 万美元", "1 亿美元", "约 1.2 亿美元", "1,214 美元".
pub fn format_wan_yi(usd: f64) -> String {
    with_currency_zh(usd, "美元")
}

/// "约 5,474 万元人民币", "约 7.1 亿元人民币".
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
    s.push_str(&plain_number(cny));
    s
}

/// A short amount in the language: "$7.7M" / "约 769 万美元".
pub fn format_usd_short_in(usd: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format_usd_short(usd),
        Lang::Zh => format_wan_yi(usd),
    }
}

/// A precise amount in the language: "$7,692,308" / "约 769 万美元" (万 / 亿 is how Chinese reads an amount).
pub fn format_usd_full_in(usd: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format_usd_full(usd),
        Lang::Zh => format_wan_yi(usd),
    }
}

/// An amount in the active language: "$7.7M ($7,692,308)" / "约 769 万美元（7,692,308 美元）".
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

/// "7,692,308 美元": the full Chinese form.
fn plain_amount_zh(usd: f64) -> String {
    if !is_amount(usd) {
        return "–".into();
    }
    let mut s = plain_number(usd);
    s.push_str(" 美元");
    s
}

/// Yuan in the active language: "CNY 54.7M (CNY 54,739,231)" / "约 5,474 万元人民币".
pub fn format_cny(cny: f64, lang: Lang) -> String {
    match lang {
        Lang::En => short_then_full(format_cny_short(cny), format_cny_full(cny), "{} ({})"),
        Lang::Zh => format_cny_zh(cny),
    }
}

/// A number with one decimal below 10 and whole above ("4.3", "122"), grouped.
pub fn format_count(x: f64) -> String {
    if !is_amount(x) {
        return "–".into();
    }
    if x >= 9.95 {
        return group_thousands(round_u64(x));
    }
    format_weeks_input(x)
}

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
        Lang::Zh => "美国劳工统计局《周薪》报告，2025 年第三季度",
    };
    let years = outcome.median_weeks / WEEKS_PER_YEAR;
    if years >= 1.0 {
        fill(u.median_years, &[&format_count(years), &weekly, source])
    } else {
        fill(u.median_weeks, &[&format_count(outcome.median_weeks), &weekly, source])
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

/// The article's example, reproduced: (one twelfth of a year, 4 weeks, the article's own figure) in US dollars,
/// from the dataset's hypothetical (annual figure and its "under a month" as a fraction of a year).
pub fn article_example(annual_usd: f64, years: f64, stated_usd: f64) -> (f64, f64, f64) {
    let terms = Terms::new(Package::Custom { amount: non_negative(annual_usd), period: Period::PerYear }, 0.0, 0.0);
    let under_a_month = terms.amount(PayModel::StraightLine, non_negative(years) * WEEKS_PER_YEAR);
    (under_a_month, terms.amount(PayModel::StraightLine, 4.0), non_negative(stated_usd))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::CALC_UI_EN;
    use proptest::prelude::*;

    fn altman() -> Terms {
        Terms::new(Package::Preset(PackageId::Altman100m), 300_000.0, 0.0)
    }

    #[test]
    fn each_text_field_reads_and_writes_its_own_input_and_only_weeks_drop_the_cards_person() {
        for field in Field::ALL {
            let mut i = CalcInputs { person: Some("ethan-knight".into()), ..CalcInputs::default() };
            let typed = format!("typed into {}", field.as_str());
            i.set_text(field, typed.clone());
            assert_eq!(i.text(field), typed);
            for other in Field::ALL.into_iter().filter(|o| *o != field) {
                assert_eq!(i.text(other), CalcInputs::default().text(other), "{field:?} left {other:?} alone");
            }
            assert_eq!(i.person.is_none(), field == Field::Weeks, "{field:?}");
            for lang in [Lang::En, Lang::Zh] {
                let (label, hint) = calc_ui(lang).field_text(field);
                assert!(!label.is_empty() && !hint.is_empty());
            }
        }
    }

    fn inputs_with(f: impl FnOnce(&mut CalcInputs)) -> CalcInputs {
        let mut i = CalcInputs::default();
        f(&mut i);
        i
    }

    // ---- the article's example ----

    #[test]
    fn the_result_lead_names_the_package_and_marks_a_rumoured_one_beside_the_figure() {
        let o = compute(&CalcInputs::default()).expect("the default inputs compute");
        assert_eq!(
            result_lead(&o, PackageId::Altman100m, Some(Status::Disputed), Lang::En),
            "Before tax, for 4 weeks at Meta on $100M a year [Disputed], Straight-line (the internet's sum):"
        );
        assert_eq!(result_lead(&o, PackageId::Altman100m, Some(Status::Disputed), Lang::Zh), "税前，在 Meta 4 周，按每年 1 亿美元［有争议］，按时间平摊（网友的算法）：");
        assert!(result_lead(&o, PackageId::Wired300m, Some(Status::Unverified), Lang::En).contains("on up to $300M over four years, over $100M in the first year [Unverified], "));
        // A confirmed report needs no mark; the reader's own amount has no report at all.
        assert!(result_lead(&o, PackageId::Altman100m, Some(Status::Confirmed), Lang::En).contains("on $100M a year, "));
        assert!(result_lead(&o, PackageId::Custom, Some(Status::Disputed), Lang::En).contains("on your own amount, "));
    }

    #[test]
    fn the_articles_example_is_reproduced() {
        let t = altman();
        let four_weeks = t.amount(PayModel::StraightLine, 4.0);
        let one_month = t.amount(PayModel::StraightLine, WEEKS_PER_YEAR / 12.0);
        assert_eq!(format_usd_full(four_weeks), "$7,692,308");
        assert_eq!(format_usd_short(four_weeks), "$7.7M");
        assert_eq!(format_usd_full(one_month), "$8,333,333");
        assert_eq!(format_usd_short(one_month), "$8.3M");
        assert_eq!(format_wan_yi(four_weeks), "约 769 万美元");
        assert_eq!(format_wan_yi(one_month), "约 833 万美元");
        // Through the dataset's hypothetical (years = 0.0833333333, stated $8M).
        let (month, weeks4, stated) = article_example(100_000_000.0, 0.0833333333, 8_000_000.0);
        assert_eq!(format_usd_short(month), "$8.3M");
        assert_eq!(format_usd_short(weeks4), "$7.7M");
        assert_eq!(format_usd_short(stated), "$8M");
        // The default inputs are the article's 4 weeks at $100M a year, straight-line.
        let o = compute(&CalcInputs::default()).expect("defaults are valid");
        assert_eq!(format_usd_full(o.chosen_usd), "$7,692,308");
        // "1 month" typed in the field is exactly a twelfth of a year.
        let o = compute(&inputs_with(|i| i.weeks = "1 month".into())).expect("valid");
        assert_eq!(format_usd_full(o.chosen_usd), "$8,333,333");
    }

    #[test]
    fn the_three_models_differ_as_documented() {
        let t = altman();
        // Cliff at 4 weeks: base only (300,000 × 4/52).
        assert_eq!(format_usd_full(t.amount(PayModel::Cliff, 4.0)), "$23,077");
        // Front-loaded at 4 weeks: base so far plus the first year's stock (100M − 300k).
        assert_eq!(format_usd_full(t.amount(PayModel::FrontLoaded, 4.0)), "$99,723,077");
        // At 52 weeks cliff and front-loaded meet the straight line (no sign-on).
        for m in PayModel::ALL {
            assert_eq!(format_usd_full(t.amount(m, 52.0)), "$100,000,000", "{m:?}");
        }
        // Sign-on is paid on day one under the vesting models, and not at 0 weeks.
        let s = Terms { signon_usd: 1e6, ..t };
        assert_eq!(s.amount(PayModel::Cliff, 0.0), 0.0);
        assert_eq!(format_usd_full(s.amount(PayModel::Cliff, 1.0)), "$1,005,769");
        // Wired: $100M in year one, then $200M over three years; nothing after four years.
        let w = Terms::new(Package::Preset(PackageId::Wired300m), 300_000.0, 0.0);
        assert_eq!(format_usd_full(w.amount(PayModel::StraightLine, 52.0)), "$100,000,000");
        assert_eq!(format_usd_full(w.amount(PayModel::StraightLine, 208.0)), "$300,000,000");
        assert_eq!(w.amount(PayModel::StraightLine, 300.0), w.amount(PayModel::StraightLine, 208.0));
        // A total over 4 years is $X/4 a year.
        let c = Terms::new(Package::Custom { amount: 4e6, period: Period::TotalOverYears(4) }, 0.0, 0.0);
        assert_eq!(format_usd_full(c.amount(PayModel::StraightLine, 52.0)), "$1,000,000");
    }

    #[test]
    fn rates_are_per_calendar_time_and_absent_at_zero_weeks() {
        let o = compute(&CalcInputs::default()).expect("valid");
        let r = o.rates.expect("4 weeks has rates");
        assert_eq!(format_usd_full(r.per_week), "$1,923,077");
        assert_eq!(format_usd_full(r.per_day), "$274,725");
        assert_eq!(format_usd_full(r.per_hour), "$11,447");
        assert_eq!(format_usd_full(r.per_minute), "$191");
        assert_eq!(format_usd_full(r.per_second), "$3.18");
        let zero = compute(&inputs_with(|i| i.weeks = "0".into())).expect("0 weeks is valid");
        assert_eq!(zero.rates, None);
        assert_eq!(zero.amounts, ModelAmounts { straight: 0.0, cliff: 0.0, front: 0.0 });
        assert_eq!(format_usd_full(zero.chosen_usd), "$0");
        assert_eq!(format_cny(o.chosen_cny, Lang::En), "CNY 54.7M (CNY 54,739,231)");
        assert_eq!(format_cny(o.chosen_cny, Lang::Zh), "约 5,474 万元人民币");
    }

    #[test]
    fn the_comparison_sentence_is_sourced_and_scaled() {
        let o = compute(&CalcInputs::default()).expect("valid");
        let en = comparison_sentence(&o, Lang::En);
        assert!(en.contains("122 years") && en.contains("$1,214") && !en.contains("BLS"), "{en}");
        assert!(en.contains("Bureau of Labor Statistics"), "{en}");
        let zh = comparison_sentence(&o, Lang::Zh);
        assert!(zh.contains("约 122 年") && zh.contains("1,214 美元"), "{zh}");
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

    // ---- formatting ----

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
        assert_eq!(format_usd(7_692_307.69, Lang::Zh), "约 769 万美元（7,692,308 美元）");
        assert_eq!(format_usd(0.0, Lang::En), "$0");
        assert_eq!(format_usd_short_in(7_692_307.69, Lang::En), "$7.7M");
        assert_eq!(format_usd_full_in(7_692_307.69, Lang::En), "$7,692,308");
        assert_eq!(format_usd_short_in(7_692_307.69, Lang::Zh), "约 769 万美元");
        assert_eq!(format_usd_full_in(7_692_307.69, Lang::Zh), "约 769 万美元");
    }

    #[test]
    fn chinese_wan_and_yi() {
        for (x, s) in [
            (7_692_307.69, "约 769 万美元"),
            (1e8, "1 亿美元"),
            (1.2e8, "1.2 亿美元"),
            (1.234e8, "约 1.2 亿美元"),
            (300_000.0, "30 万美元"),
            (23_076.9, "约 2.3 万美元"),
            (1214.0, "1,214 美元"),
            (99_999_999.0, "约 1 亿美元"),
            (1e12, "1 万亿美元"),
            (3e11, "3,000 亿美元"),
        ] {
            assert_eq!(format_wan_yi(x), s, "{x}");
        }
        assert_eq!(format_cny_zh(54_739_332.0), "约 5,474 万元人民币");
    }

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
        assert_eq!(ParseError::AboveMax(Quantity::Weeks).message(Lang::Zh), "超过上限 1,040 周（20 年）。");
        assert_eq!(
            ParseError::AboveMax(Quantity::Amount).message(Lang::En),
            "Above the maximum of $1,000,000,000,000 ($1T)."
        );
        assert_eq!(ParseError::AboveMax(Quantity::Amount).message(Lang::Zh), "超过上限 1 万亿美元。");
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

    #[test]
    fn field_errors_are_collected_per_field() {
        let e = compute(&inputs_with(|i| {
            i.weeks = "abc".into();
            i.base = "-1".into();
        }))
        .expect_err("two bad fields");
        assert_eq!(error_for(&e, Field::Weeks), Some(ParseError::NotANumber));
        assert_eq!(error_for(&e, Field::Base), Some(ParseError::Negative));
        assert_eq!(error_for(&e, Field::Amount), None, "a preset ignores the custom amount field");
        let e = compute(&inputs_with(|i| i.base = "200M".into())).expect_err("base above package");
        assert_eq!(error_for(&e, Field::Base), Some(ParseError::BaseAbovePackage));
        let e = compute(&inputs_with(|i| {
            i.package = PackageId::Custom;
            i.amount = "1,5".into();
            i.period = PeriodKind::Total;
            i.years = "0".into();
        }))
        .expect_err("bad custom");
        assert_eq!(e.iter().map(|e| e.field).collect::<Vec<_>>(), vec![Field::Amount, Field::Years]);
        for err in [ParseError::Empty, ParseError::BaseAbovePackage, ParseError::UnknownUnit(Quantity::Years)] {
            assert_ne!(err.message(Lang::En), err.message(Lang::Zh));
        }
    }

    // ---- URL state, slider, card ----

    #[test]
    fn url_pairs_are_canonical_and_round_trip() {
        assert!(CalcInputs::default().url_pairs().is_empty());
        let i = inputs_with(|i| {
            i.weeks = " 3 months ".into();
            i.package = PackageId::Custom;
            i.amount = "2B".into();
            i.period = PeriodKind::Total;
            i.years = "5".into();
            i.model = PayModel::Cliff;
            i.base = "250k".into();
            i.signon = "1M".into();
        });
        let pairs = i.url_pairs();
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, URL_KEYS.to_vec());
        assert_eq!(pairs[0], ("weeks", "3 months".to_owned()));
        let mut back = CalcInputs::default();
        for (k, v) in &pairs {
            assert!(back.apply_url_pair(k, v));
        }
        assert_eq!(back.url_pairs(), pairs);
        // Equal to the default in value is not written; custom fields are left out for a preset.
        let same = inputs_with(|i| {
            i.weeks = "4.0".into();
            i.amount = "5M".into();
        });
        assert!(same.url_pairs().is_empty());
        // Invalid and foreign values are ignored.
        let mut x = CalcInputs::default();
        assert!(x.apply_url_pair("weeks", "1e400"));
        assert!(x.apply_url_pair("model", "<script>"));
        assert!(x.apply_url_pair("amt", &"9".repeat(10_000)));
        assert!(!x.apply_url_pair("lang", "zh"));
        assert_eq!(x, CalcInputs::default());
    }

    #[test]
    fn slider_and_text_agree() {
        assert_eq!(slider_to_weeks(0), 0.0);
        assert_eq!(slider_to_weeks(43), 4.3);
        assert_eq!(slider_to_weeks(520), 52.0);
        assert_eq!(slider_to_weeks(SLIDER_MAX), MAX_WEEKS);
        assert_eq!(slider_to_weeks(u32::MAX), MAX_WEEKS);
        for p in 0..=SLIDER_MAX {
            let w = slider_to_weeks(p);
            assert_eq!(weeks_to_slider(w), p);
            assert_eq!(parse_weeks(&format_weeks_input(w)), Ok(w), "position {p}");
        }
        assert_eq!(weeks_to_slider(f64::NAN), 0);
        assert_eq!(weeks_to_slider(1e9), SLIDER_MAX);
    }

    #[test]
    fn people_map_to_weeks() {
        let ds = crate::dataset::data_file_for_tests();
        let knight = ds.person("ethan-knight").expect("knight");
        assert_eq!(weeks_for_person(knight), (1.0, 3.0, 4.3));
        let verma = ds.person("avi-verma").expect("verma");
        assert_eq!(weeks_for_person(verma).1, 0.0);
        let mut i = CalcInputs::default();
        i.set_person(verma);
        assert_eq!(i.weeks, "0");
        assert_eq!(i.person.as_deref(), Some("avi-verma"));
        let o = compute(&i).expect("valid");
        assert_eq!(o.chosen_usd, 0.0);
        // Every person's estimate is a valid weeks input.
        for p in &ds.people {
            let mut i = CalcInputs::default();
            i.set_person(p);
            assert!(parse_weeks(&i.weeks).is_ok(), "{}: {}", p.id, i.weeks);
        }
        // The presets point at reports in the dataset.
        for id in PackageId::ALL.iter().filter_map(|p| p.report_id()) {
            assert!(ds.pay_reports.iter().any(|r| r.id == id), "{id}");
        }
    }

    // ---- properties ----

    fn any_terms() -> impl Strategy<Value = Terms> {
        (0.0..=MAX_AMOUNT_USD, 0.0..=MAX_AMOUNT_USD, proptest::option::of(1u32..=MAX_YEARS), 0.0..=1.0f64, 0.0..=MAX_AMOUNT_USD)
            .prop_map(|(first, later, years, base_share, signon)| Terms {
                first_year_usd: first,
                later_year_usd: later,
                years,
                base_usd: first.min(later) * base_share,
                signon_usd: signon,
            })
    }

    fn any_model() -> impl Strategy<Value = PayModel> {
        prop::sample::select(PayModel::ALL.to_vec())
    }

    fn hostile_text() -> impl Strategy<Value = String> {
        prop_oneof![
            ".{0,80}",
            "[0-9,. \u{A0}\u{202F}eE+$-]{0,30}",
            "[0-9]{1,25}[.]?[0-9]{0,5} ?(k|M|B|T|万|亿|weeks|months|y|年|周|个月|e5)?",
            "[０-９，．]{1,10}",
        ]
    }

    proptest! {
        #[test]
        fn amount_is_non_decreasing_in_weeks(t in any_terms(), m in any_model(), a in 0.0..=MAX_WEEKS, b in 0.0..=MAX_WEEKS) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            let (x, y) = (t.amount(m, lo), t.amount(m, hi));
            prop_assert!(x <= y, "{m:?}: {lo} -> {x}, {hi} -> {y}");
            prop_assert!(x.is_finite() && x >= 0.0 && y.is_finite());
        }

        #[test]
        fn straight_line_at_52_weeks_is_the_annual_amount(amount in 0.0..=MAX_AMOUNT_USD, years in proptest::option::of(1u32..=MAX_YEARS), base in 0.0..=1.0f64) {
            let period = years.map_or(Period::PerYear, Period::TotalOverYears);
            let package = Package::Custom { amount, period };
            let (annual, _, _) = package.schedule();
            let t = Terms::new(package, annual * base, 0.0);
            prop_assert_eq!(t.amount(PayModel::StraightLine, WEEKS_PER_YEAR), annual);
            let per_year = Terms::new(Package::Custom { amount, period: Period::PerYear }, 0.0, 0.0);
            prop_assert_eq!(per_year.amount(PayModel::StraightLine, WEEKS_PER_YEAR), amount);
        }

        #[test]
        fn the_cliff_pays_no_stock_before_52_weeks(t in any_terms(), w in 0.0..WEEKS_PER_YEAR) {
            prop_assert_eq!(t.stock_usd(PayModel::Cliff, w), Some(0.0));
            let cash = if w > 0.0 { t.base_usd * (w / WEEKS_PER_YEAR) + t.signon_usd } else { 0.0 };
            prop_assert_eq!(t.amount(PayModel::Cliff, w), cash);
            let no_cash = Terms { base_usd: 0.0, signon_usd: 0.0, ..t };
            prop_assert_eq!(no_cash.amount(PayModel::Cliff, w), 0.0);
        }

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

        #[test]
        fn the_outcome_is_always_a_showable_amount(weeks in hostile_text(), amount in hostile_text(), base in hostile_text(),
                                                   signon in hostile_text(), years in hostile_text(),
                                                   pkg in 0usize..3, m in any_model(), total in any::<bool>()) {
            let i = CalcInputs {
                weeks, amount, base, signon, years,
                package: PackageId::ALL[pkg],
                period: if total { PeriodKind::Total } else { PeriodKind::PerYear },
                model: m,
                person: None,
            };
            match compute(&i) {
                Ok(o) => {
                    for v in [o.amounts.straight, o.amounts.cliff, o.amounts.front, o.chosen_cny, o.median_weeks] {
                        prop_assert!(v.is_finite() && v >= 0.0);
                    }
                    for lang in [Lang::En, Lang::Zh] {
                        let text = format_usd(o.chosen_usd, lang) + &comparison_sentence(&o, lang) + &format_cny(o.chosen_cny, lang);
                        // No negative amount: a dash may only join words ("full-time"), never precede a figure.
                        let signed = text.char_indices().any(|(at, c)| matches!(c, '-' | '–' | '−') && !text[at + c.len_utf8()..].starts_with(char::is_alphabetic));
                        prop_assert!(!text.contains("NaN") && !text.contains("inf") && !signed, "{text}");
                    }
                }
                Err(errors) => prop_assert!(!errors.is_empty()),
            }
            let mut back = CalcInputs { person: None, ..CalcInputs::default() };
            for (k, v) in i.url_pairs() {
                prop_assert!(back.apply_url_pair(k, &v));
            }
            prop_assert_eq!(back.url_pairs(), i.url_pairs());
        }

        #[test]
        fn formatting_never_shows_nan_infinity_or_a_minus(x in prop_oneof![0.0..1e3f64, 0.0..1e9f64, 0.0..2e14f64, Just(0.0)]) {
            for s in [format_usd_short(x), format_usd_full(x), format_wan_yi(x), format_cny_zh(x), format_cny_short(x)] {
                prop_assert!(!s.contains("NaN") && !s.contains("inf") && !s.contains('-') && !s.contains('–'), "{x} -> {s}");
            }
        }
    }
}
