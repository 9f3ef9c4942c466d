//! The pay maths: packages, what each of the three pay models pays for a tenure, rates per unit of time, and the
//! dated exchange rate and median wage an amount is compared with. Every amount is finite and ≥ 0.

use super::parse::{MAX_WEEKS, MIN_POSITIVE_WEEKS, WEEKS_PER_YEAR};
use crate::model::{Dataset, Date, PayReport};

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

pub(super) fn non_negative(x: f64) -> f64 {
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
    use crate::pay::test_support::{any_model, inputs_with};
    use crate::pay::{compute, format_usd_full, format_usd_short, format_wan_yi, CalcInputs, MAX_AMOUNT_USD, MAX_YEARS};
    use proptest::prelude::*;

    fn altman() -> Terms {
        Terms::new(Package::Preset(PackageId::Altman100m), 300_000.0, 0.0)
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
        assert_eq!(format_wan_yi(four_weeks), "约769万美元");
        assert_eq!(format_wan_yi(one_month), "约833万美元");
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
    }
}
