//! The validated dataset as plain Rust types: what every view and pure module reads.
//!
//! Nothing here parses or fails; `dataset.rs` builds these from untrusted input and is the
//! only way to obtain them, so a value of these types has already passed validation.

use std::sync::Arc;

/// A user-visible text in both languages. Validation guarantees neither side is empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// The two languages the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Reads a `?lang=` value or a BCP 47 tag such as `zh-Hans-CN` or `en-GB`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Some(Lang::Zh)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// How sure we are of a claim, after the fact-check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// The article agrees with the sources.
    Confirmed,
    /// The article and the sources disagree.
    Disputed,
    /// Nothing found either way.
    Unverified,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Confirmed, Status::Disputed, Status::Unverified];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Disputed => "disputed",
            Status::Unverified => "unverified",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Where the fact-check puts a person relative to MSL's creation on 2025-06-30.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cohort {
    /// Years at Meta before MSL existed.
    LongTime,
    /// Joined Meta in 2024–2025, before MSL was formed.
    PreMsl,
    /// Recruited into MSL in the 2025 hiring push.
    NewMsl,
}

impl Cohort {
    pub const ALL: [Cohort; 3] = [Cohort::LongTime, Cohort::PreMsl, Cohort::NewMsl];

    pub fn as_str(self) -> &'static str {
        match self {
            Cohort::LongTime => "long_time",
            Cohort::PreMsl => "pre_msl",
            Cohort::NewMsl => "new_msl",
        }
    }

    pub fn parse(s: &str) -> Option<Cohort> {
        Cohort::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// How exactly a reported tenure was stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TenurePrecision {
    /// "12 years"
    Exact,
    /// "more than 8 years"
    MoreThan,
    /// "nearly 9 years"
    Nearly,
    /// "about 5 months"
    About,
    /// "under a month"
    Under,
    /// "never started, per Meta"
    NeverStarted,
}

impl TenurePrecision {
    pub const ALL: [TenurePrecision; 6] = [
        TenurePrecision::Exact,
        TenurePrecision::MoreThan,
        TenurePrecision::Nearly,
        TenurePrecision::About,
        TenurePrecision::Under,
        TenurePrecision::NeverStarted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TenurePrecision::Exact => "exact",
            TenurePrecision::MoreThan => "more_than",
            TenurePrecision::Nearly => "nearly",
            TenurePrecision::About => "about",
            TenurePrecision::Under => "under",
            TenurePrecision::NeverStarted => "never_started",
        }
    }

    pub fn parse(s: &str) -> Option<TenurePrecision> {
        TenurePrecision::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// How exactly a date is known. The stored date string agrees with it (checked by validation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    /// `YYYY-MM-DD`, the day itself is reported.
    Day,
    /// `YYYY-MM-DD`, give or take a few days ("this week", "about 26 Aug").
    About,
    /// `YYYY-MM`, only the month is known.
    Month,
}

impl DatePrecision {
    pub const ALL: [DatePrecision; 3] = [DatePrecision::Day, DatePrecision::About, DatePrecision::Month];

    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::About => "about",
            DatePrecision::Month => "month",
        }
    }

    pub fn parse(s: &str) -> Option<DatePrecision> {
        DatePrecision::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A calendar date as validated from an ISO 8601 string; `day` is `None` for month precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
}

/// A date with how well it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatedClaim {
    pub date: Date,
    pub precision: DatePrecision,
}

/// One published source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub publisher: String,
    /// The headline as published, in its own language (headlines are quoted, not translated), or, when
    /// `title_is_description`, our description of a page whose headline could not be confirmed.
    pub title: String,
    pub title_is_description: bool,
    /// Always `https:` after validation.
    pub url: String,
    pub date: Option<Date>,
}

/// The fact-check's verdict on one claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub status: Status,
    /// "The article says X; sources say Y". Required unless the status is confirmed.
    #[cfg(not(baked_page))]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChineseName {
    /// The form the article prints, e.g. 伯特·马赫.
    pub text: String,
    /// True when the form is the article's transliteration rather than a name the person uses.
    #[cfg(not(baked_page))]
    pub is_article_transliteration: bool,
    #[cfg(not(baked_page))]
    pub check: Check,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tenure {
    /// As reported, e.g. "more than 8 years" / "超过8年".
    pub reported: Text,
    pub precision: TenurePrecision,
    pub weeks_low: f64,
    pub weeks_estimate: f64,
    pub weeks_high: f64,
    #[cfg(not(baked_page))]
    pub check: Check,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Employer {
    pub org: Text,
    /// Role or length of stay, where reported.
    pub detail: Option<Text>,
    pub check: Check,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Destination {
    /// `None` means "not announced".
    pub org: Option<Text>,
    pub role: Option<Text>,
    pub check: Check,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaterMove {
    pub org: Text,
    pub role: Option<Text>,
    pub date: Option<DatedClaim>,
    pub check: Check,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkItem {
    pub text: Text,
    pub check: Check,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The words as said (English) and the article's or our translation.
    pub text: Text,
    /// Where it was said, e.g. "on X" / "在X上".
    pub context: Text,
    pub check: Check,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: String,
    pub name_en: String,
    pub name_zh: ChineseName,
    #[cfg(not(baked_page))]
    pub cohort: Cohort,
    #[cfg(not(baked_page))]
    pub cohort_check: Check,
    pub tenure: Tenure,
    #[cfg(not(baked_page))]
    pub prior_employers: Vec<Employer>,
    #[cfg(not(baked_page))]
    pub destination: Destination,
    #[cfg(not(baked_page))]
    pub later: Vec<LaterMove>,
    /// `None` when no date was found.
    #[cfg(not(baked_page))]
    pub announced: Option<DatedClaim>,
    #[cfg(not(baked_page))]
    pub announced_check: Check,
    #[cfg(not(baked_page))]
    pub work: Vec<WorkItem>,
    #[cfg(not(baked_page))]
    pub quote: Option<Quote>,
    #[cfg(not(baked_page))]
    pub sources: Vec<Source>,
}

/// How a reported count was qualified ("more than 20", "at least 13", "3").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CountQualifier {
    Exact,
    AtLeast,
    MoreThan,
}

impl CountQualifier {
    pub const ALL: [CountQualifier; 3] = [CountQualifier::Exact, CountQualifier::AtLeast, CountQualifier::MoreThan];

    pub fn as_str(self) -> &'static str {
        match self {
            CountQualifier::Exact => "exact",
            CountQualifier::AtLeast => "at_least",
            CountQualifier::MoreThan => "more_than",
        }
    }

    pub fn parse(s: &str) -> Option<CountQualifier> {
        CountQualifier::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HireCount {
    pub org: Text,
    pub count: u32,
    pub qualifier: CountQualifier,
}

/// Where MSL's 2025 hires came from: the WSJ's figures beside the article's version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hiring {
    pub total: HireCount,
    pub reported: Vec<HireCount>,
    pub reported_source: Source,
    pub article_version: Vec<HireCount>,
    pub check: Check,
}

/// One report about the size of Meta's offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayReport {
    pub id: String,
    #[cfg(not(baked_page))]
    pub who: Text,
    #[cfg(not(baked_page))]
    pub date: DatedClaim,
    #[cfg(not(baked_page))]
    pub claim: Text,
    pub check: Check,
    #[cfg(not(baked_page))]
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyDate {
    pub id: String,
    pub date: DatedClaim,
    pub label: Text,
    pub check: Check,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub speaker: Text,
    pub role: Text,
    pub quote: Text,
    pub date: DatedClaim,
    pub check: Check,
    pub source: Source,
}

/// The article's "$100M a year, gone in under a month ≈ $8M" sum, kept with its premise.
#[derive(Clone, Debug, PartialEq)]
pub struct Hypothetical {
    pub premise: Text,
    pub claim: Text,
    pub annual_usd: f64,
    /// The article's "under a month", as a fraction of a year (1/12).
    pub years: f64,
    pub stated_usd: f64,
    pub check: Check,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub id: String,
    pub topic: Text,
    pub article_says: Text,
    pub sources_say: Text,
    pub status: Status,
    /// Person ids this correction is about (validated to exist).
    pub people: Vec<String>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The article has no headline of its own: this is our description when `title_is_description`.
    pub title: Text,
    pub title_is_description: bool,
    /// Who published (or reposted) it, where known.
    pub publisher: Option<Text>,
    pub url: String,
    pub published: Date,
    pub cites: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    #[cfg(not(baked_page))]
    pub schema_version: u32,
    pub last_updated: Date,
    #[cfg(not(baked_page))]
    pub licence: Text,
    #[cfg(not(baked_page))]
    pub article: Article,
    /// Shared, not copied, with the views and the index (`state::WidgetData::people`).
    pub people: Vec<Arc<Person>>,
    #[cfg(not(baked_page))]
    pub hiring: Hiring,
    pub pay_reports: Vec<PayReport>,
    #[cfg(not(baked_page))]
    pub key_dates: Vec<KeyDate>,
    #[cfg(not(baked_page))]
    pub spokesperson: Statement,
    #[cfg(not(baked_page))]
    pub hypothetical: Hypothetical,
    #[cfg(not(baked_page))]
    pub corrections: Vec<Correction>,
}

#[cfg(not(baked_page))]
impl Person {
    /// Every claim about this person that is not confirmed or carries a note, in reading order: a confirmed
    /// claim's note often gives the article's different version, which the reader should see too.
    pub fn fact_checks(&self) -> Vec<Check> {
        let mut out = Vec::new();
        let mut add = |c: &Check| {
            if c.status != Status::Confirmed || c.note.is_some() {
                out.push(c.clone());
            }
        };
        add(&self.name_zh.check);
        add(&self.cohort_check);
        add(&self.tenure.check);
        self.prior_employers.iter().for_each(|e| add(&e.check));
        add(&self.destination.check);
        self.later.iter().for_each(|l| add(&l.check));
        add(&self.announced_check);
        self.work.iter().for_each(|w| add(&w.check));
        if let Some(q) = &self.quote {
            add(&q.check);
        }
        out
    }
}

impl Dataset {
    /// The bundled dataset as the standalone page's wasm holds it: what build.rs wrote from the data file after
    /// validating it, with only the fields the page's interactive parts read.
    #[cfg(baked_page)]
    pub fn bundled() -> Dataset {
        include!(concat!(env!("OUT_DIR"), "/bundled_dataset.rs"))
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id).map(Arc::as_ref)
    }

    /// Every source the dataset cites, once each (by URL), ordered by publisher.
    #[cfg(not(baked_page))]
    pub fn all_sources(&self) -> Vec<&Source> {
        let mut all: Vec<&Source> = self.article.cites.iter().collect();
        all.extend(self.people.iter().flat_map(|p| &p.sources));
        all.push(&self.hiring.reported_source);
        all.extend(self.pay_reports.iter().map(|r| &r.source));
        all.extend(self.key_dates.iter().map(|k| &k.source));
        all.push(&self.spokesperson.source);
        all.extend(self.corrections.iter().flat_map(|c| &c.sources));
        // Distinct URLs first (a large host dataset repeats a few sources tens of thousands of times), then
        // the survivors by publisher.
        let distinct: Vec<&Source> = crate::order::first_of_each(all.iter().map(|s| s.url.as_str())).into_iter().map(|i| all[i]).collect();
        let keys: Vec<String> = distinct.iter().map(|s| format!("{}\u{0}{}", s.publisher, s.url)).collect();
        crate::order::order_by_text(keys.iter().map(String::as_str)).into_iter().map(|i| distinct[i]).collect()
    }
}
