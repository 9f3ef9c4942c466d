//! The pay calculator, from what a reader types to the sentences shown; pure (no leptos, web-sys or js-sys). One
//! module per concern, each using only those listed before it:
//! - `format`: numbers and amounts as text (dollars, yuan, 万 / 亿, counts, weeks);
//! - `parse`: what a reader types into a field, its units and limits, and why a text was not accepted;
//! - `terms`: the pay maths (packages, the three pay models, rates) and the figures an amount is compared with;
//! - `inputs`: the form (every field's text and every choice, their URL form, the slider) and [`compute`];
//! - `wording`: the result's sentences.
//!
//! The calculator's interface texts are in [`crate::i18n::CalcUi`], with every other UI string.
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

mod format;
mod inputs;
mod parse;
mod terms;
#[cfg(test)]
mod test_support;
mod wording;

pub use format::{
    format_cny, format_cny_full, format_cny_short, format_cny_zh, format_count, format_usd, format_usd_full,
    format_usd_full_in, format_usd_short, format_usd_short_in, format_wan_yi, format_wan_yi_bare, format_weeks_input,
};
pub use inputs::{
    compute, error_for, slider_text, slider_to_weeks, weeks_for_person, weeks_to_slider, CalcInputs, Field, FieldError, Outcome,
    PeriodKind, DEFAULT_AMOUNT_TEXT, DEFAULT_BASE_TEXT, DEFAULT_SIGNON_TEXT, DEFAULT_WEEKS_TEXT, DEFAULT_YEARS_TEXT,
    SLIDER_MAX, URL_KEYS,
};
pub use parse::{
    is_unfinished, parse_amount, parse_weeks, parse_years, ParseError, Quantity, MAX_AMOUNT_USD, MAX_INPUT_CHARS, MAX_WEEKS,
    MAX_YEARS, MIN_POSITIVE_WEEKS, WEEKS_PER_YEAR,
};
pub use terms::{
    article_example, ModelAmounts, Package, PackageId, PayModel, Period, Rates, Terms, CNY_PER_USD, CNY_RATE_DATE,
    CNY_RATE_SOURCE, CNY_RATE_SOURCE_URL, CNY_RATE_SOURCE_ZH, MEDIAN_SOURCE, MEDIAN_SOURCE_URL, MEDIAN_WEEKLY_USD,
};
pub use wording::{announcement, cny_rate_text, cny_source_label, comparison_sentence, fix_fields_text, result_lead};
