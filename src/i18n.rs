//! Every UI string in Chinese and English, and the date and number formatting rules for each.
//!
//! Pure: no browser calls, so the wording and formats are tested natively. Strings that come from the
//! dataset live in the dataset ([`crate::model::Text`]); only the widget's own words live here.

use crate::model::{Cohort, Date, DatePrecision, DatedClaim, Lang, Status, TenurePrecision};

/// The widget's own words in one language.
pub struct Ui {
    pub title: &'static str,
    pub intro: &'static str,
    pub language_switch_label: &'static str,
    pub other_language_name: &'static str,
    pub people_list_label: &'static str,
    pub tenure: &'static str,
    pub tenure_weeks_note: &'static str,
    pub prior: &'static str,
    pub destination: &'static str,
    pub not_announced: &'static str,
    pub later: &'static str,
    pub announced: &'static str,
    pub date_unknown: &'static str,
    pub sources: &'static str,
    pub transliteration_note: &'static str,
    pub status_label: &'static str,
    pub link_not_shown: &'static str,
    pub data_problem_title: &'static str,
    pub data_problem_fallback: &'static str,
    pub last_updated: &'static str,
}

pub const UI_EN: Ui = Ui {
    title: "Who left Meta's Superintelligence Labs",
    intro: "Nine researchers and engineers left Meta's AI teams in August 2025, weeks after Mark Zuckerberg \
            formed Meta Superintelligence Labs. Each claim below carries the source behind it and how sure we are.",
    language_switch_label: "Language",
    other_language_name: "中文",
    people_list_label: "People who left",
    tenure: "Time at Meta",
    tenure_weeks_note: "weeks, estimated",
    prior: "Before Meta",
    destination: "Went to",
    not_announced: "Not announced",
    later: "Later",
    announced: "Announced",
    date_unknown: "date not found",
    sources: "Sources",
    transliteration_note: "Chinese name as the article transliterates it",
    status_label: "Fact-check",
    link_not_shown: "link withheld: not a safe https address",
    data_problem_title: "The supplied data could not be used",
    data_problem_fallback: "Showing the built-in dataset instead.",
    last_updated: "Data last updated",
};

pub const UI_ZH: Ui = Ui {
    title: "谁离开了 Meta 超级智能实验室",
    intro: "2025年8月，马克·扎克伯格组建 Meta 超级智能实验室（MSL）仅数周后，九名研究员和工程师离开了 Meta 的 AI 团队。\
            下面每条信息都注明了来源和可信程度。",
    language_switch_label: "语言",
    other_language_name: "English",
    people_list_label: "离职人员",
    tenure: "在 Meta 任职",
    tenure_weeks_note: "周（估计）",
    prior: "加入 Meta 前",
    destination: "去向",
    not_announced: "尚未公布",
    later: "其后",
    announced: "宣布时间",
    date_unknown: "日期不详",
    sources: "来源",
    transliteration_note: "中文名为原文音译",
    status_label: "核查",
    link_not_shown: "链接未显示：不是安全的 https 地址",
    data_problem_title: "提供的数据无法使用",
    data_problem_fallback: "改为显示内置数据。",
    last_updated: "数据更新于",
};

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Zh => &UI_ZH,
        Lang::En => &UI_EN,
    }
}

pub fn cohort_label(cohort: Cohort, lang: Lang) -> &'static str {
    match (cohort, lang) {
        (Cohort::LongTime, Lang::En) => "Long-time Meta staff",
        (Cohort::LongTime, Lang::Zh) => "Meta 老员工",
        (Cohort::PreMsl, Lang::En) => "Hired before MSL",
        (Cohort::PreMsl, Lang::Zh) => "MSL 成立前入职",
        (Cohort::NewMsl, Lang::En) => "New MSL hire",
        (Cohort::NewMsl, Lang::Zh) => "MSL 新招募",
    }
}

/// Status spelled out in words, so it never depends on colour.
pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Confirmed, Lang::En) => "Confirmed",
        (Status::Confirmed, Lang::Zh) => "已证实",
        (Status::Disputed, Lang::En) => "Disputed",
        (Status::Disputed, Lang::Zh) => "有争议",
        (Status::Unverified, Lang::En) => "Unverified",
        (Status::Unverified, Lang::Zh) => "未经证实",
    }
}

pub fn tenure_precision_label(p: TenurePrecision, lang: Lang) -> &'static str {
    match (p, lang) {
        (TenurePrecision::Exact, Lang::En) => "as reported",
        (TenurePrecision::Exact, Lang::Zh) => "据报道",
        (TenurePrecision::MoreThan, Lang::En) => "at least",
        (TenurePrecision::MoreThan, Lang::Zh) => "至少",
        (TenurePrecision::Nearly, Lang::En) => "just under",
        (TenurePrecision::Nearly, Lang::Zh) => "略少于",
        (TenurePrecision::About, Lang::En) => "approximate",
        (TenurePrecision::About, Lang::Zh) => "约数",
        (TenurePrecision::Under, Lang::En) => "upper bound",
        (TenurePrecision::Under, Lang::Zh) => "上限",
        (TenurePrecision::NeverStarted, Lang::En) => "may never have started",
        (TenurePrecision::NeverStarted, Lang::Zh) => "可能从未到岗",
    }
}

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "Aug 25, 2025" / "2025年8月25日"; month precision drops the day.
pub fn format_date(date: Date, lang: Lang) -> String {
    let month = usize::from(date.month.clamp(1, 12)) - 1;
    match (lang, date.day) {
        (Lang::En, Some(d)) => format!("{} {}, {}", MONTHS_EN[month], d, date.year),
        (Lang::En, None) => format!("{} {}", MONTHS_EN[month], date.year),
        (Lang::Zh, Some(d)) => format!("{}年{}月{}日", date.year, date.month, d),
        (Lang::Zh, None) => format!("{}年{}月", date.year, date.month),
    }
}

/// A date with its precision in words: "about Aug 26, 2025" / "约2025年8月26日".
pub fn format_dated(claim: DatedClaim, lang: Lang) -> String {
    let date = format_date(claim.date, lang);
    match (claim.precision, lang) {
        (DatePrecision::About, Lang::En) => format!("about {date}"),
        (DatePrecision::About, Lang::Zh) => format!("约{date}"),
        _ => date,
    }
}

/// Groups an integer's digits in threes with commas: 7692308 -> "7,692,308".
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Weeks for display: whole numbers above 10, one decimal below ("4.3", "626").
pub fn format_weeks(weeks: f64) -> String {
    if !weeks.is_finite() || weeks < 0.0 {
        return "–".into();
    }
    if weeks >= 10.0 {
        group_thousands(weeks.round() as u64)
    } else {
        let tenths = (weeks * 10.0).round() as u64;
        if tenths % 10 == 0 {
            (tenths / 10).to_string()
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        }
    }
}

/// "0–4.3" for a range, "626" when the bounds agree after rounding.
pub fn format_weeks_range(low: f64, high: f64) -> String {
    let (l, h) = (format_weeks(low), format_weeks(high));
    if l == h {
        l
    } else {
        format!("{l}–{h}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally_in_both_languages() {
        let d = Date { year: 2025, month: 8, day: Some(25) };
        assert_eq!(format_date(d, Lang::En), "Aug 25, 2025");
        assert_eq!(format_date(d, Lang::Zh), "2025年8月25日");
        let m = Date { year: 2025, month: 8, day: None };
        assert_eq!(format_date(m, Lang::En), "Aug 2025");
        assert_eq!(format_date(m, Lang::Zh), "2025年8月");
        let about = DatedClaim { date: d, precision: DatePrecision::About };
        assert_eq!(format_dated(about, Lang::En), "about Aug 25, 2025");
        assert_eq!(format_dated(about, Lang::Zh), "约2025年8月25日");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(7_692_308), "7,692,308");
        assert_eq!(group_thousands(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn weeks_are_rounded_for_reading() {
        assert_eq!(format_weeks(4.35), "4.4");
        assert_eq!(format_weeks(3.0), "3");
        assert_eq!(format_weeks(626.2), "626");
        assert_eq!(format_weeks(f64::NAN), "–");
        assert_eq!(format_weeks_range(0.0, 4.3), "0–4.3");
        assert_eq!(format_weeks_range(626.0, 626.4), "626");
    }

    #[test]
    fn both_languages_define_every_string() {
        for lang in [Lang::En, Lang::Zh] {
            let u = ui(lang);
            for s in [u.title, u.intro, u.tenure, u.destination, u.not_announced, u.sources, u.data_problem_title] {
                assert!(!s.trim().is_empty());
            }
        }
        assert_ne!(UI_EN.title, UI_ZH.title);
    }
}
