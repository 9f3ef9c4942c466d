//! The calculator's form: the raw text of every field and every choice, their URL form, the weeks slider, a
//! card's person, and [`compute`], which turns the form into an [`Outcome`] or every field's error.

use super::format::{format_weeks_input, round_u64};
use super::parse::{parse_amount, parse_weeks, parse_years, ParseError, MAX_INPUT_CHARS, WEEKS_PER_YEAR};
use super::terms::{
    non_negative, ModelAmounts, Package, PackageId, PayModel, Period, Rates, Terms, CNY_PER_USD, MEDIAN_WEEKLY_USD,
};
use crate::model::{Person, TenurePrecision};

/// ASSUMPTION, not a reported figure: no source gives these researchers' base salaries.
pub const DEFAULT_BASE_TEXT: &str = "300,000";
/// ASSUMPTION: 0, because the reported "$100M sign-on bonus" was denied (Bosworth; Beyer).
pub const DEFAULT_SIGNON_TEXT: &str = "0";
pub const DEFAULT_WEEKS_TEXT: &str = "4";
pub const DEFAULT_AMOUNT_TEXT: &str = "100M";
pub const DEFAULT_YEARS_TEXT: &str = "4";

/// The slider takes the steps a person counts in: whole weeks up to a year (positions 0–52), then whole months up to
/// twenty years (53–280, 13 to 240 months). An arrow press is one week or one month; finer values are typed.
pub const SLIDER_MAX: u32 = 280;
/// The last position counted in weeks (a year).
const SLIDER_WEEKS_END: u32 = 52;
const MONTHS_PER_YEAR: u32 = 12;

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

    /// Card → calculator: the weeks become the person's estimate (0 for "never started").
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

/// The weeks a slider position stands for (see [`SLIDER_MAX`]).
pub fn slider_to_weeks(position: u32) -> f64 {
    let p = position.min(SLIDER_MAX);
    if p <= SLIDER_WEEKS_END {
        f64::from(p)
    } else {
        f64::from(slider_months(p)) * WEEKS_PER_YEAR / f64::from(MONTHS_PER_YEAR)
    }
}

/// Months for a position past the first year.
fn slider_months(position: u32) -> u32 {
    position - SLIDER_WEEKS_END + MONTHS_PER_YEAR
}

/// The text a slider position writes into the weeks field, in the reader's language: "12" (weeks) or "13 months",
/// which the field reads back exactly ("13 months" is 56.33… weeks, which no decimal would be).
pub fn slider_text(position: u32, lang: crate::model::Lang) -> String {
    let p = position.min(SLIDER_MAX);
    if p <= SLIDER_WEEKS_END {
        p.to_string()
    } else {
        crate::i18n::fill(crate::i18n::calc_ui(lang).slider_months, &[&slider_months(p).to_string()])
    }
}

/// The slider position nearest to `weeks` (the slider only shows the value; the text field holds it exactly).
pub fn weeks_to_slider(weeks: f64) -> u32 {
    if weeks.is_nan() || weeks <= 0.0 {
        0
    } else if weeks < f64::from(SLIDER_WEEKS_END) + WEEKS_PER_YEAR / f64::from(MONTHS_PER_YEAR) / 2.0 {
        round_u64(weeks).min(u64::from(SLIDER_WEEKS_END)) as u32
    } else {
        let months = round_u64(weeks * f64::from(MONTHS_PER_YEAR) / WEEKS_PER_YEAR).max(u64::from(MONTHS_PER_YEAR + 1));
        (SLIDER_WEEKS_END as u64 + months - u64::from(MONTHS_PER_YEAR)).min(u64::from(SLIDER_MAX)) as u32
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::calc_ui;
    use crate::model::Lang;
    use crate::pay::test_support::{any_model, hostile_text, inputs_with};
    use crate::pay::{comparison_sentence, format_cny, format_usd, format_usd_full, Quantity, MAX_WEEKS};
    use proptest::prelude::*;

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
        assert_eq!(format_cny(o.chosen_cny, Lang::Zh), "约5474万元人民币");
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
        use crate::model::Lang;
        assert_eq!(slider_to_weeks(0), 0.0);
        assert_eq!(slider_to_weeks(4), 4.0);
        assert_eq!(slider_to_weeks(52), 52.0);
        assert_eq!(slider_to_weeks(53), 13.0 * 52.0 / 12.0);
        assert_eq!(slider_to_weeks(SLIDER_MAX), MAX_WEEKS);
        assert_eq!(slider_to_weeks(u32::MAX), MAX_WEEKS);
        // A person's steps: a year in 52 presses, twenty years in 280 (it was 1,014 positions of a tenth of a week).
        assert_eq!(SLIDER_MAX, 280);
        assert_eq!(slider_text(12, Lang::En), "12");
        assert_eq!(slider_text(53, Lang::En), "13 months");
        assert_eq!(slider_text(53, Lang::Zh), "13个月");
        for p in 0..=SLIDER_MAX {
            let w = slider_to_weeks(p);
            assert_eq!(weeks_to_slider(w), p, "position {p}");
            for lang in [Lang::En, Lang::Zh] {
                assert_eq!(parse_weeks(&slider_text(p, lang)), Ok(w), "position {p} {lang:?}");
            }
        }
        // A typed value sits at the nearest step.
        assert_eq!(weeks_to_slider(4.3), 4);
        assert_eq!(weeks_to_slider(53.0), 52);
        assert_eq!(weeks_to_slider(55.0), 53);
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

    proptest! {
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
    }
}
