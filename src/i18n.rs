//! Every UI string in Chinese and English, and the date and number formatting rules for each.
//!
//! Pure: no browser calls, so the wording and formats are tested natively. Strings that come from the
//! dataset live in the dataset ([`crate::model::Text`]); only the widget's own words live here (the pay
//! calculator's in [`CalcUi`]).

use crate::model::{Cohort, Date, DatePrecision, DatedClaim, Lang, Status, TenurePrecision};

mod calc;
pub use calc::{calc_ui, CalcUi, CALC_UI_EN, CALC_UI_ZH};

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
    /// The last-resort notice after an internal error (see panic_fallback.rs).
    pub failed_title: &'static str,
    pub failed_body: &'static str,
    pub last_updated: &'static str,
    pub controls_label: &'static str,
    pub theme_label: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub filters_label: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub facet_cohort: &'static str,
    pub facet_dest: &'static str,
    pub facet_prior: &'static str,
    pub sort_label: &'static str,
    pub sort_tenure_desc: &'static str,
    pub sort_tenure_asc: &'static str,
    pub sort_name: &'static str,
    pub sort_announced: &'static str,
    pub clear_all: &'static str,
    pub no_results: &'static str,
    pub clear_filters: &'static str,
    pub show_more: &'static str,
    pub show_all: &'static str,
    /// A long facet's note on the options it does not list: "{}" is how many.
    pub facet_unlisted: &'static str,
    /// The disclosure holding a long facet's further options.
    pub facet_more: &'static str,
    pub path: &'static str,
    pub new_role: &'static str,
    pub worked_on: &'static str,
    pub details: &'static str,
    pub in_their_words: &'static str,
    pub all_confirmed: &'static str,
    pub context_title: &'static str,
    pub hiring_title: &'static str,
    pub hiring_reported: &'static str,
    pub hiring_article: &'static str,
    pub hiring_not_mentioned: &'static str,
    pub hiring_org: &'static str,
    pub timeline_title: &'static str,
    pub date_col: &'static str,
    pub get_data: &'static str,
    pub csv_shown: &'static str,
    pub csv_all: &'static str,
    pub json_shown: &'static str,
    pub json_all: &'static str,
    pub download_failed: &'static str,
    pub share: &'static str,
    /// Inside the embed's iframe (no downloads allowed there): a link to the full page instead.
    pub download_on_full_page: &'static str,
    pub link_copied: &'static str,
    pub link_shared: &'static str,
    pub copy_failed: &'static str,
    pub about_title: &'static str,
    pub method: &'static str,
    pub corrections_title: &'static str,
    pub article_says: &'static str,
    pub sources_say: &'static str,
    pub all_sources: &'static str,
    pub licence: &'static str,
}

pub const UI_EN: Ui = Ui {
    title: "Who left Meta's Superintelligence Labs",
    intro: "Nine researchers and engineers left Meta's AI teams in August 2025, weeks after Mark Zuckerberg \
            formed Meta Superintelligence Labs. Each claim below carries the source behind it and how sure we are.",
    language_switch_label: "(switch the page to Chinese)",
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
    failed_title: "This interactive stopped working",
    failed_body: "An internal error stopped it. What is shown below stays readable, but its controls no longer respond. Reload the page to try again.",
    last_updated: "Data last updated",
    controls_label: "Language and theme",
    theme_label: "Colours",
    theme_auto: "Match system",
    theme_light: "Light",
    theme_dark: "Dark",
    filters_label: "Find people",
    search_label: "Search names, companies and roles",
    search_placeholder: "e.g. Maher, OpenAI, 马赫",
    facet_cohort: "Who they were",
    facet_dest: "Went to",
    facet_prior: "Worked before at",
    sort_label: "Sort by",
    sort_tenure_desc: "Time at Meta, longest first",
    sort_tenure_asc: "Time at Meta, shortest first",
    sort_name: "Name (A–Z)",
    sort_announced: "Announcement, newest first",
    clear_all: "Clear all",
    no_results: "No one matches this search and these filters.",
    clear_filters: "Clear search and filters",
    show_more: "Show more",
    show_all: "Show all",
    facet_more: "More options",
    facet_unlisted: "{} more not listed: type one in the search box to find its people.",
    path: "Path",
    new_role: "New role",
    worked_on: "Worked on",
    details: "Sources and fact-check",
    in_their_words: "In their words",
    all_confirmed: "all claims confirmed",
    context_title: "Background",
    hiring_title: "Where Meta's 2025 AI hires came from",
    hiring_reported: "Reported (WSJ, Aug 20, 2025)",
    hiring_article: "The article",
    hiring_not_mentioned: "not mentioned",
    hiring_org: "Came from",
    timeline_title: "Timeline",
    date_col: "Date",
    get_data: "Get the data",
    csv_shown: "CSV: people shown",
    csv_all: "CSV: everyone",
    json_shown: "JSON: people shown",
    json_all: "JSON: whole dataset",
    download_failed: "The download could not be started.",
    share: "Share this view",
    download_on_full_page: "Download on the full page (opens a new tab)",
    link_copied: "Link copied.",
    link_shared: "Shared.",
    copy_failed: "Copy this link:",
    about_title: "About the data",
    method: "Every claim about the nine people comes from a Chinese article (reposted on 2025-12-26, written in late August 2025) and was checked against the reporting it cites (Wired, Business Insider) and outlets that quote or summarise it. Each claim is marked confirmed, disputed (the article and the sources disagree; both are shown) or unverified (nothing found either way). The article's relative dates (\"this week\") are stored as absolute dates. Chinese names are the article's transliterations, not names the people use.",
    corrections_title: "What the article got wrong or left out",
    article_says: "The article says",
    sources_say: "Sources say",
    all_sources: "Every source",
    licence: "Licence",
};

pub const UI_ZH: Ui = Ui {
    title: "谁离开了 Meta 超级智能实验室",
    intro: "2025年8月，马克·扎克伯格组建 Meta 超级智能实验室（MSL）仅数周后，九名研究员和工程师离开了 Meta 的 AI 团队。\
            下面每条信息都注明了来源和可信程度。",
    language_switch_label: "（切换为英文）",
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
    failed_title: "此互动内容已停止运行",
    failed_body: "内部错误使其停止。下方内容仍可阅读，但控件已无法操作。请刷新页面重试。",
    last_updated: "数据更新于",
    controls_label: "语言与配色",
    theme_label: "配色",
    theme_auto: "跟随系统",
    theme_light: "浅色",
    theme_dark: "深色",
    filters_label: "查找人员",
    search_label: "搜索姓名、公司和职位",
    search_placeholder: "例如：马赫、OpenAI、Maher",
    facet_cohort: "身份",
    facet_dest: "去向",
    facet_prior: "此前任职",
    sort_label: "排序",
    sort_tenure_desc: "在 Meta 任职时间（从长到短）",
    sort_tenure_asc: "在 Meta 任职时间（从短到长）",
    sort_name: "姓名（按英文字母）",
    sort_announced: "宣布时间（从新到旧）",
    clear_all: "全部清除",
    no_results: "没有符合搜索和筛选条件的人。",
    clear_filters: "清除搜索和筛选",
    show_more: "显示更多",
    show_all: "全部显示",
    facet_more: "更多选项",
    facet_unlisted: "另有 {} 项未列出:在搜索框中输入名称即可找到相关人员。",
    path: "路径",
    new_role: "新职位",
    worked_on: "工作内容",
    details: "来源与核查",
    in_their_words: "本人原话",
    all_confirmed: "各项信息均已证实",
    context_title: "背景",
    hiring_title: "Meta 2025年AI招聘的人才来源",
    hiring_reported: "媒体报道（《华尔街日报》，2025年8月20日）",
    hiring_article: "原文",
    hiring_not_mentioned: "未提及",
    hiring_org: "来自",
    timeline_title: "时间线",
    date_col: "日期",
    get_data: "获取数据",
    csv_shown: "CSV：当前显示的人员",
    csv_all: "CSV：全部人员",
    json_shown: "JSON：当前显示的人员",
    json_all: "JSON：完整数据集",
    download_failed: "无法开始下载。",
    share: "分享此视图",
    download_on_full_page: "在完整页面下载（新标签页打开）",
    link_copied: "链接已复制。",
    link_shared: "已分享。",
    copy_failed: "请复制此链接：",
    about_title: "关于数据",
    method: "九人的每一条信息都来自一篇中文文章（2025年12月26日转载，原文写于2025年8月下旬），并与其引用的报道（《连线》、《商业内幕》）以及转述这些报道的媒体逐一核对。每条信息标注为“已证实”、“有争议”（原文与来源不一致，两者并列）或“未经证实”（未找到任何佐证）。原文中的相对日期（如“本周”）已换算为具体日期。中文姓名为原文音译，并非本人使用的名字。",
    corrections_title: "原文的错误与遗漏",
    article_says: "原文称",
    sources_say: "来源显示",
    all_sources: "全部来源",
    licence: "许可",
};

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Zh => &UI_ZH,
        Lang::En => &UI_EN,
    }
}

/// Replaces each "{}" in `template` with the next argument, so each language keeps its own word order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push_str(args.get(i).copied().unwrap_or(""));
        out.push_str(part);
    }
    out
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
/// Appends " [Disputed]" / "［有争议］" to a text whose claim is not confirmed: how every fact carries its status.
pub fn push_status_mark(s: &mut String, status: Status, lang: Lang) {
    if status != Status::Confirmed {
        let (open, close) = if lang == Lang::Zh { ("［", "］") } else { (" [", "]") };
        s.push_str(open);
        s.push_str(status_label(status, lang));
        s.push_str(close);
    }
}

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

/// The live result count: "3 of 9 people shown" / "显示 3 / 9 人".
pub fn result_count(shown: usize, total: usize, lang: Lang) -> String {
    match (lang, shown) {
        (Lang::En, 0) => format!("No one shown of {total} people"),
        (Lang::En, _) if shown == total => format!("All {total} people shown"),
        (Lang::En, _) => format!("{shown} of {total} people shown"),
        (Lang::Zh, 0) => format!("{total} 人中无人符合条件"),
        (Lang::Zh, _) => format!("显示 {shown} / {total} 人"),
    }
}

/// A card's fact-check summary: "1 disputed · 2 unverified" / "1 项有争议 · 2 项未经证实".
pub fn check_summary(disputed: usize, unverified: usize, lang: Lang) -> String {
    let mut parts = Vec::new();
    if disputed > 0 {
        parts.push(match lang {
            Lang::En => format!("{disputed} disputed"),
            Lang::Zh => format!("{disputed} 项有争议"),
        });
    }
    if unverified > 0 {
        parts.push(match lang {
            Lang::En => format!("{unverified} unverified"),
            Lang::Zh => format!("{unverified} 项未经证实"),
        });
    }
    if parts.is_empty() {
        ui(lang).all_confirmed.to_owned()
    } else {
        parts.join(" · ")
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
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
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
        if tenths.is_multiple_of(10) {
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
    fn fill_places_arguments_in_order() {
        assert_eq!(fill("{} to {}.", &["a", "b"]), "a to b.");
        assert_eq!(fill("no slots", &["a"]), "no slots");
        assert_eq!(fill("{} {}", &["a"]), "a ");
    }

    #[test]
    fn result_counts_read_naturally() {
        assert_eq!(result_count(3, 9, Lang::En), "3 of 9 people shown");
        assert_eq!(result_count(3, 9, Lang::Zh), "显示 3 / 9 人");
        assert_eq!(result_count(9, 9, Lang::En), "All 9 people shown");
        assert_eq!(result_count(0, 9, Lang::En), "No one shown of 9 people");
        assert_eq!(check_summary(1, 2, Lang::En), "1 disputed · 2 unverified");
        assert_eq!(check_summary(0, 0, Lang::Zh), "各项信息均已证实");
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
