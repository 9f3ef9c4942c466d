//! Every UI string in Chinese and English, and the date and number formatting rules for each.
//!
//! Pure: no browser calls, so the wording and formats are tested natively. Strings that come from the
//! dataset live in the dataset ([`crate::model::Text`]); only the widget's own words live here (the pay
//! calculator's in [`CalcUi`]).

use crate::model::{Cohort, Date, DatePrecision, DatedClaim, Lang, Status, Tenure, TenurePrecision};

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
    /// Shown on the page baked at build time when its script could not start (no WebAssembly, a blocked download).
    pub static_notice: &'static str,
    /// Before the links to the data files written by the build, in that notice.
    pub static_files: &'static str,
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
    /// After a source title that is our description, not a confirmed headline.
    pub title_described: &'static str,
    /// The about block's line naming and linking the article this widget fact-checks.
    pub source_article: &'static str,
    /// "reposted {}": the date of the copy we read.
    pub reposted: &'static str,
    pub written: &'static str,
    /// The heading of Meta's reply to the departures.
    pub meta_reply_title: &'static str,
    /// The lead figure: its caption, how to read it, and the path line templates ("{}": tenure, destination).
    pub lead_title: &'static str,
    pub lead_note: &'static str,
    pub lead_path: &'static str,
    /// The path line of someone who may never have started ("{}": destination).
    pub lead_path_never: &'static str,
    /// Read between tenure and destination where the arrow is shown.
    pub then_spoken: &'static str,
    /// The phone's filter disclosure: "Filters", and "{} active" when any is chosen.
    pub filters_toggle: &'static str,
    pub filters_active: &'static str,
    /// A correction note's disclosure of its full text.
    pub full_note: &'static str,
    /// The background block's disclosure.
    pub background_summary: &'static str,
    /// The disclosure, after the fact-check status, of what else Meta's spokesperson said and the source.
    pub reply_more: &'static str,
}

pub const UI_EN: Ui = Ui {
    title: "Who left Meta's Superintelligence Labs",
    intro: "Nine researchers, engineers and a product director left Meta's AI teams around August 2025, about two months \
            after Mark Zuckerberg formed Meta Superintelligence Labs: some after twelve years, some after weeks.",
    language_switch_label: "(switch the page to Chinese)",
    other_language_name: "中文",
    people_list_label: "People who left",
    tenure: "Time at Meta",
    tenure_weeks_note: "≈{} weeks, estimated",
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
    static_notice: "The interactive parts (search, filters, calculator) could not start in this browser; everything below is readable.",
    static_files: "The data:",
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
    details: "Details",
    in_their_words: "In their words",
    all_confirmed: "all confirmed",
    context_title: "Background",
    hiring_title: "Where Meta's 2025 AI hires came from",
    hiring_reported: "Reported (WSJ, Aug 20, 2025)",
    hiring_article: "The article",
    hiring_not_mentioned: "not mentioned",
    hiring_org: "Came from",
    timeline_title: "Timeline",
    date_col: "Date",
    get_data: "Get the data",
    csv_shown: "CSV: shown",
    csv_all: "CSV: all",
    json_shown: "JSON: shown",
    json_all: "JSON: all",
    download_failed: "The download could not be started.",
    share: "Share this view",
    download_on_full_page: "Download on the full page (opens a new tab)",
    link_copied: "Link copied.",
    link_shared: "Shared.",
    copy_failed: "Copy this link:",
    about_title: "About the data",
    method: "The nine people and most claims come from a Chinese article (written in late August 2025, reposted on 2025-12-26); some details come from reporting it does not cite (Liu's newsletter, Nayak's FORT team, Verma's and Knight's time at Tesla, Maher's inference team, Agarwal's move to Periodic Labs). The reporting it cites (Wired, Business Insider, an X post) could not be opened: each claim was checked through outlets that quote or summarise it, and the original links are kept. A status qualifies the text beside it: confirmed (the sources support it), disputed (they contradict it or each other; both sides are shown, each attributed) or unverified (one source or none, and nothing against it). For what someone said, it judges what was said. Relative dates (\"this week\") are stored as absolute dates; Chinese names are the article's transliterations, not names the people use.",
    lead_title: "Time at Meta before leaving, longest first",
    lead_note: "Each bar spans what the reports allow (log scale: days and years both fit). Select a name for the card.",
    lead_path: "{} at Meta → {}",
    lead_path_never: "May never have started at Meta → {}",
    then_spoken: ", then ",
    filters_toggle: "Filters and sort",
    filters_active: "{} active",
    full_note: "Full note",
    reply_more: "what else he said, and the source",
    background_summary: "Where the 2025 hires came from; timeline",
    corrections_title: "What the article got wrong or left out",
    article_says: "The article says",
    sources_say: "Sources say",
    all_sources: "Every source",
    licence: "Licence",
    title_described: "our description; headline not confirmed",
    source_article: "The article checked here",
    reposted: "reposted {}",
    written: "written in late August 2025",
    meta_reply_title: "Meta's reply",
};

pub const UI_ZH: Ui = Ui {
    title: "谁离开了Meta超级智能实验室",
    intro: "扎克伯格于2025年6月底组建Meta超级智能实验室（MSL）；约两个月后，九名研究员、工程师和一位产品总监相继离开\
            Meta的AI团队，有人已任职十二年，有人只待了几周。",
    language_switch_label: "（切换为英文）",
    other_language_name: "English",
    people_list_label: "离职人员",
    tenure: "在Meta任职",
    tenure_weeks_note: "估计约{}周",
    prior: "加入Meta前",
    destination: "去向",
    not_announced: "尚未公布",
    later: "其后",
    announced: "宣布时间",
    date_unknown: "日期不详",
    sources: "来源",
    transliteration_note: "中文名为原文音译",
    status_label: "核查",
    link_not_shown: "链接未显示：不是安全的https地址",
    data_problem_title: "提供的数据无法使用",
    data_problem_fallback: "改为显示内置数据。",
    failed_title: "此互动内容已停止运行",
    failed_body: "内部错误使其停止。下方内容仍可阅读，但控件已无法操作。请刷新页面重试。",
    static_notice: "互动功能（搜索、筛选、计算器）无法在此浏览器中启动；下方内容均可阅读。",
    static_files: "数据文件：",
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
    sort_tenure_desc: "在Meta任职时间（从长到短）",
    sort_tenure_asc: "在Meta任职时间（从短到长）",
    sort_name: "姓名（按英文字母）",
    sort_announced: "宣布时间（从新到旧）",
    clear_all: "全部清除",
    no_results: "没有符合搜索和筛选条件的人。",
    clear_filters: "清除搜索和筛选",
    show_more: "显示更多",
    show_all: "全部显示",
    facet_more: "更多选项",
    facet_unlisted: "另有{}项未列出：在搜索框中输入名称即可找到相关人员。",
    path: "路径",
    new_role: "新职位",
    worked_on: "工作内容",
    details: "详情",
    in_their_words: "本人原话",
    all_confirmed: "均已证实",
    context_title: "背景",
    hiring_title: "Meta在2025年招聘的AI人才来自哪里",
    hiring_reported: "媒体报道（《华尔街日报》，2025年8月20日）",
    hiring_article: "原文",
    hiring_not_mentioned: "未提及",
    hiring_org: "来自",
    timeline_title: "时间线",
    date_col: "日期",
    get_data: "获取数据",
    csv_shown: "CSV：当前显示",
    csv_all: "CSV：全部",
    json_shown: "JSON：当前显示",
    json_all: "JSON：全部",
    download_failed: "无法开始下载。",
    share: "分享此视图",
    download_on_full_page: "在完整页面下载（新标签页打开）",
    link_copied: "链接已复制。",
    link_shared: "已分享。",
    copy_failed: "请复制此链接：",
    about_title: "关于数据",
    method: "这九人及大部分信息来自一篇中文文章（写于2025年8月下旬，2025年12月26日转载）；部分细节出自原文未引用的报道（托尼·刘的新闻通讯、纳亚克的FORT团队、维尔马和奈特在特斯拉的经历、马赫所在的推理团队、阿加瓦尔后来加入Periodic Labs）。原文引用的报道（《连线》《商业内幕》和一条X帖子）无法打开，每条信息都通过引述或转述它们的媒体核对，原始链接仍保留。核查状态只针对旁边的文字：“已证实”指来源支持它；“有争议”指来源与它或彼此不一致，两方说法并列并注明出处；“未经证实”指只有一个来源或没有来源，也没有相反说法。对于某人说的话，状态判断的是话的内容。原文的相对日期（如“本周”）已换算为具体日期；中文姓名为原文音译，并非本人使用的名字。",
    lead_title: "离职前在Meta任职多久（由长到短）",
    lead_note: "横条覆盖各方报道给出的范围（对数刻度，几天和几年都能看清）。点选姓名可查看卡片。",
    lead_path: "在Meta任职{} → {}",
    lead_path_never: "可能从未在Meta到岗 → {}",
    then_spoken: "，随后去了",
    filters_toggle: "筛选与排序",
    filters_active: "已选{}项",
    full_note: "完整说明",
    reply_more: "他还说了什么，以及来源",
    background_summary: "Meta在2025年招募的人从哪里来，以及时间线",
    corrections_title: "原文的错误与遗漏",
    article_says: "原文称",
    sources_say: "来源显示",
    all_sources: "全部来源",
    licence: "许可",
    title_described: "本站描述，非原标题",
    source_article: "本页核查的文章",
    reposted: "{}转载",
    written: "写于2025年8月下旬",
    meta_reply_title: "Meta的回应",
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
        (Cohort::LongTime, Lang::Zh) => "Meta老员工",
        (Cohort::PreMsl, Lang::En) => "Hired before MSL",
        (Cohort::PreMsl, Lang::Zh) => "MSL成立前入职",
        (Cohort::NewMsl, Lang::En) => "New MSL hire",
        (Cohort::NewMsl, Lang::Zh) => "MSL新招募",
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

/// The live result count: "3 of 9 people shown" / "显示3人，共9人".
pub fn result_count(shown: usize, total: usize, lang: Lang) -> String {
    match (lang, shown) {
        (Lang::En, 0) => format!("No one shown of {total} people"),
        (Lang::En, _) if shown == total => format!("All {total} people shown"),
        (Lang::En, _) => format!("{shown} of {total} people shown"),
        (Lang::Zh, 0) => format!("{total}人中无人符合条件"),
        (Lang::Zh, _) if shown == total => format!("显示全部{total}人"),
        (Lang::Zh, _) => format!("显示{shown}人，共{total}人"),
    }
}

/// A card's fact-check summary: "1 disputed · 2 unverified" / "1项有争议 · 2项未经证实".
pub fn check_summary(disputed: usize, unverified: usize, lang: Lang) -> String {
    let mut parts = Vec::new();
    if disputed > 0 {
        parts.push(match lang {
            Lang::En => format!("{disputed} disputed"),
            Lang::Zh => format!("{disputed}项有争议"),
        });
    }
    if unverified > 0 {
        parts.push(match lang {
            Lang::En => format!("{unverified} unverified"),
            Lang::Zh => format!("{unverified}项未经证实"),
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

/// A whole number as each language writes it: "3,032" in English, "3032" in Chinese (no separators).
pub fn format_count(n: u64, lang: Lang) -> String {
    match lang {
        Lang::En => group_thousands(n),
        Lang::Zh => n.to_string(),
    }
}

/// The language a text is written in, judged by its script, for texts that come in one language only (source
/// titles and publishers are quoted as published): Chinese if it holds a Han character, English if it holds a Latin
/// letter and no Han, `None` for digits and marks alone.
pub fn script_lang(text: &str) -> Option<Lang> {
    let han = |c: char| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}');
    if text.chars().any(han) {
        Some(Lang::Zh)
    } else if text.chars().any(|c| c.is_ascii_alphabetic()) {
        Some(Lang::En)
    } else {
        None
    }
}

/// The `lang` attribute's value for a language.
pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-Hans",
        Lang::En => "en",
    }
}

/// Appends `text`, escaped, inside `<span lang>` when its script says it is in another language than `around`'s,
/// so a screen reader reads an English title in an English voice in the Chinese view, and the reverse (WCAG 3.1.2).
pub fn push_in_own_lang(out: &mut String, text: &str, around: Lang) {
    match script_lang(text).filter(|l| *l != around) {
        Some(l) => crate::markup::element(out, "span", &[("lang", lang_tag(l))], text),
        None => crate::markup::push_escaped(out, text),
    }
}

/// " (text)" in English, "（text）" in Chinese: a parenthesis after a word.
pub fn paren(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" ({text})"),
        Lang::Zh => format!("（{text}）"),
    }
}

/// "label: text" / "label：text".
pub fn labelled(label: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{label}: {text}"),
        Lang::Zh => format!("{label}：{text}"),
    }
}

/// Between items of a list: "; " / "；".
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    }
}

/// A tenure line: "12 years (as reported; ≈600–652 weeks, estimated)" / "12年（据报道；估计约600–652周）".
pub fn tenure_line(reported: &str, precision: TenurePrecision, low: f64, high: f64, lang: Lang) -> String {
    let weeks = ui(lang).tenure_weeks_note.replace("{}", &format_weeks_range(low, high, lang));
    let inside = format!("{}{}{}", tenure_precision_label(precision, lang), list_separator(lang), weeks);
    format!("{reported}{}", paren(&inside, lang))
}

/// Weeks for display: whole numbers above 10, one decimal below ("4.3", "626"); thousands grouped in English only.
pub fn format_weeks(weeks: f64, lang: Lang) -> String {
    if !weeks.is_finite() || weeks < 0.0 {
        return "–".into();
    }
    if weeks >= 10.0 {
        format_count(weeks.round() as u64, lang)
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
pub fn format_weeks_range(low: f64, high: f64, lang: Lang) -> String {
    let (l, h) = (format_weeks(low, lang), format_weeks(high, lang));
    if l == h {
        l
    } else {
        format!("{l}–{h}")
    }
}

/// Every UI string in one language, the fixed ones and samples of the composed ones: what the Chinese
/// copy-edit lint (`zh_lint`) reads, the calculator's texts included. Add a new group of UI texts here to lint it.
pub fn all_ui_strings(lang: Lang) -> Vec<String> {
    let u = ui(lang);
    let fixed = [
        u.title, u.intro, u.language_switch_label, u.other_language_name, u.people_list_label, u.tenure, u.tenure_weeks_note,
        u.prior, u.destination, u.not_announced, u.later, u.announced, u.date_unknown, u.sources, u.transliteration_note,
        u.status_label, u.link_not_shown, u.data_problem_title, u.data_problem_fallback, u.failed_title, u.failed_body,
        u.static_notice, u.static_files,
        u.last_updated, u.controls_label, u.theme_label, u.theme_auto, u.theme_light, u.theme_dark, u.filters_label,
        u.search_label, u.search_placeholder, u.facet_cohort, u.facet_dest, u.facet_prior, u.sort_label, u.sort_tenure_desc,
        u.sort_tenure_asc, u.sort_name, u.sort_announced, u.clear_all, u.no_results, u.clear_filters, u.show_more, u.show_all,
        u.facet_unlisted, u.facet_more, u.path, u.new_role, u.worked_on, u.details, u.in_their_words, u.all_confirmed,
        u.context_title, u.hiring_title, u.hiring_reported, u.hiring_article, u.hiring_not_mentioned, u.hiring_org,
        u.timeline_title, u.date_col, u.get_data, u.csv_shown, u.csv_all, u.json_shown, u.json_all, u.download_failed,
        u.share, u.download_on_full_page, u.link_copied, u.link_shared, u.copy_failed, u.about_title, u.method,
        u.corrections_title, u.article_says, u.sources_say, u.all_sources, u.licence, u.title_described, u.source_article,
        u.reposted, u.written, u.meta_reply_title, u.lead_title, u.lead_note, u.lead_path, u.lead_path_never,
        u.then_spoken, u.filters_toggle, u.filters_active, u.full_note, u.background_summary, u.reply_more,
    ];
    let mut out: Vec<String> = fixed.iter().map(|s| (*s).to_owned()).collect();
    out.extend(Cohort::ALL.iter().map(|c| cohort_label(*c, lang).to_owned()));
    out.extend(Status::ALL.iter().map(|s| status_label(*s, lang).to_owned()));
    out.extend(TenurePrecision::ALL.iter().map(|p| tenure_precision_label(*p, lang).to_owned()));
    // Composed strings, with numbers large enough to need grouping in English.
    for (shown, total) in [(0, 9), (4, 9), (9, 9), (1234, 20000)] {
        out.push(result_count(shown, total, lang));
    }
    out.push(check_summary(1, 2, lang));
    out.push(u.facet_unlisted.replace("{}", &format_count(3032, lang)));
    out.push(tenure_line(u.tenure, TenurePrecision::Exact, 600.0, 5200.0, lang));
    out.push(tenure_line(u.tenure, TenurePrecision::NeverStarted, 0.0, 4.3, lang));
    out.push(labelled(u.last_updated, &format_date(Date { year: 2026, month: 11, day: Some(28) }, lang), lang));
    out.push(format!("{}{}", u.show_more, paren("+12", lang)));
    let mut marked = u.not_announced.to_owned();
    push_status_mark(&mut marked, Status::Disputed, lang);
    out.push(marked);
    // The calculator's texts, every field, and each template also filled the ways the calculator fills it: with
    // numbers and with Latin text ("{}周" must read "1040周", not "1040 周"; a template's own "{}" hides a space).
    for text in calc_ui(lang).texts() {
        out.push(text.to_owned());
        if text.contains("{}") {
            for arg in ["1040", "4.3", "Meta"] {
                out.push(fill(text, &[arg; 5]));
            }
        }
    }
    out
}

/// Weeks in a year and a month of the calendar (365.25 days), as the dataset's week estimates use them.
pub const CALENDAR_WEEKS_PER_YEAR: f64 = 365.25 / 7.0;
pub const CALENDAR_WEEKS_PER_MONTH: f64 = CALENDAR_WEEKS_PER_YEAR / 12.0;

/// How a span is rounded to whole units: down for "at least", up for "nearly", else to the nearest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    Down,
    Up,
    Nearest,
}

/// A span of weeks in the unit a reader would use: "3 days", "2 weeks", "5 months", "12 years" / "3天", "2周",
/// "5个月", "12年". Spans just under a unit's size read as that unit (4.3 weeks is "1 month").
pub fn duration_words(weeks: f64, rounding: Rounding, lang: Lang) -> String {
    let weeks = if weeks.is_finite() { weeks.max(0.0) } else { 0.0 };
    let (per_unit, unit) = if weeks >= CALENDAR_WEEKS_PER_YEAR * 0.96 {
        (CALENDAR_WEEKS_PER_YEAR, 3)
    } else if weeks >= CALENDAR_WEEKS_PER_MONTH * 0.96 {
        (CALENDAR_WEEKS_PER_MONTH, 2)
    } else if weeks >= 1.0 {
        (1.0, 1)
    } else {
        (1.0 / 7.0, 0)
    };
    let x = weeks / per_unit;
    // A hair of tolerance so 626 weeks is 12 years whichever way it is rounded.
    let n = match rounding {
        Rounding::Down => (x + 0.02).floor(),
        Rounding::Up => (x - 0.02).ceil(),
        Rounding::Nearest => x.round(),
    }
    .clamp(1.0, 1e6) as u64;
    let count = group_thousands(n);
    match lang {
        Lang::Zh => {
            let word = ["天", "周", "个月", "年"][unit];
            let mut s = n.to_string();
            s.push_str(word);
            s
        }
        Lang::En => {
            let words = [("day", "days"), ("week", "weeks"), ("month", "months"), ("year", "years")][unit];
            let word = if n == 1 { words.0 } else { words.1 };
            let mut s = count;
            s.push(' ');
            s.push_str(word);
            s
        }
    }
}

/// A tenure in a few words with its precision: "12 years", "at least 8 years", "nearly 9 years", "about 5 months",
/// "under 1 month", "may never have started" (and Chinese). The long form, as reported, stays in the card.
pub fn tenure_words(t: &Tenure, lang: Lang) -> String {
    let (prefix, weeks, rounding) = match (t.precision, lang) {
        (TenurePrecision::Exact, _) => ("", t.weeks_estimate, Rounding::Nearest),
        (TenurePrecision::MoreThan, Lang::En) => ("at least ", t.weeks_low, Rounding::Down),
        (TenurePrecision::MoreThan, Lang::Zh) => ("至少", t.weeks_low, Rounding::Down),
        (TenurePrecision::Nearly, Lang::En) => ("nearly ", t.weeks_high, Rounding::Up),
        (TenurePrecision::Nearly, Lang::Zh) => ("近", t.weeks_high, Rounding::Up),
        (TenurePrecision::About, Lang::En) => ("about ", t.weeks_estimate, Rounding::Nearest),
        (TenurePrecision::About, Lang::Zh) => ("约", t.weeks_estimate, Rounding::Nearest),
        (TenurePrecision::Under, Lang::En) => ("under ", t.weeks_high, Rounding::Up),
        (TenurePrecision::Under, Lang::Zh) => ("不到", t.weeks_high, Rounding::Up),
        (TenurePrecision::NeverStarted, _) => return tenure_precision_label(t.precision, lang).to_owned(),
    };
    let mut s = prefix.to_owned();
    s.push_str(&duration_words(weeks, rounding, lang));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_the_other_language_is_marked_as_such() {
        assert_eq!(script_lang("Meta's AI gamble backfires"), Some(Lang::En));
        assert_eq!(script_lang("机器之心，港股通（hstong.com）转载"), Some(Lang::Zh));
        assert_eq!(script_lang("2025-08-27"), None);
        let mut zh = String::new();
        push_in_own_lang(&mut zh, "Wired & co", Lang::Zh);
        assert_eq!(zh, "<span lang=\"en\">Wired &amp; co</span>");
        let mut en = String::new();
        push_in_own_lang(&mut en, "Wired", Lang::En);
        push_in_own_lang(&mut en, "机器之心", Lang::En);
        assert_eq!(en, "Wired<span lang=\"zh-Hans\">机器之心</span>");
    }

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
        assert_eq!(format_weeks(4.35, Lang::En), "4.4");
        assert_eq!(format_weeks(3.0, Lang::En), "3");
        assert_eq!(format_weeks(626.2, Lang::En), "626");
        assert_eq!(format_weeks(f64::NAN, Lang::En), "–");
        assert_eq!(format_weeks_range(0.0, 4.3, Lang::En), "0–4.3");
        assert_eq!(format_weeks_range(626.0, 626.4, Lang::En), "626");
        // Chinese numbers carry no thousands separator: "3032天", not "3,032天".
        assert_eq!(format_weeks(3032.0, Lang::En), "3,032");
        assert_eq!(format_weeks(3032.0, Lang::Zh), "3032");
        assert_eq!(format_count(20_000, Lang::Zh), "20000");
        assert_eq!(format_count(20_000, Lang::En), "20,000");
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
        assert_eq!(result_count(3, 9, Lang::Zh), "显示3人，共9人");
        assert_eq!(result_count(9, 9, Lang::Zh), "显示全部9人");
        assert_eq!(result_count(0, 9, Lang::Zh), "9人中无人符合条件");
        assert_eq!(check_summary(1, 2, Lang::Zh), "1项有争议 · 2项未经证实");
        assert_eq!(result_count(9, 9, Lang::En), "All 9 people shown");
        assert_eq!(result_count(0, 9, Lang::En), "No one shown of 9 people");
        assert_eq!(check_summary(1, 2, Lang::En), "1 disputed · 2 unverified");
        assert_eq!(check_summary(0, 0, Lang::Zh), "均已证实");
        assert_eq!(check_summary(0, 0, Lang::En), "all confirmed");
    }

    #[test]
    fn tenure_lines_use_each_language_s_punctuation() {
        assert_eq!(tenure_line("12 years", TenurePrecision::Exact, 600.0, 652.0, Lang::En), "12 years (as reported; ≈600–652 weeks, estimated)");
        assert_eq!(tenure_line("12年", TenurePrecision::Exact, 600.0, 652.0, Lang::Zh), "12年（据报道；估计约600–652周）");
        assert_eq!(labelled("原文称", "文章", Lang::Zh), "原文称：文章");
        assert_eq!(paren("有争议", Lang::Zh), "（有争议）");
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

    #[test]
    fn tenures_read_in_a_few_words_with_their_precision() {
        let data = crate::dataset::data_file_for_tests();
        let words = |id: &str, lang: Lang| {
            let p = data.people.iter().find(|p| p.id == id).expect("in the data file");
            tenure_words(&p.tenure, lang)
        };
        let expected = [
            ("bert-maher", "12 years", "12年"),
            ("tony-liu", "at least 8 years", "至少8年"),
            ("chi-hao-wu", "at least 5 years", "至少5年"),
            ("aram-markosyan", "at least 4 years", "至少4年"),
            ("chaya-nayak", "nearly 9 years", "近9年"),
            ("afroz-mohiuddin", "about 1 year", "约1年"),
            ("avi-verma", "may never have started", "可能从未到岗"),
            ("ethan-knight", "under 1 month", "不到1个月"),
            ("rishabh-agarwal", "about 5 months", "约5个月"),
        ];
        for (id, en, zh) in expected {
            assert_eq!(words(id, Lang::En), en, "{id}");
            assert_eq!(words(id, Lang::Zh), zh, "{id}");
        }
    }

    #[test]
    fn durations_pick_the_unit_a_reader_would() {
        assert_eq!(duration_words(1.0 / 7.0, Rounding::Nearest, Lang::En), "1 day");
        assert_eq!(duration_words(0.5, Rounding::Nearest, Lang::En), "4 days");
        assert_eq!(duration_words(2.0, Rounding::Nearest, Lang::Zh), "2周");
        assert_eq!(duration_words(CALENDAR_WEEKS_PER_MONTH, Rounding::Nearest, Lang::En), "1 month");
        assert_eq!(duration_words(CALENDAR_WEEKS_PER_YEAR, Rounding::Nearest, Lang::Zh), "1年");
        assert_eq!(duration_words(CALENDAR_WEEKS_PER_YEAR * 10.0, Rounding::Down, Lang::En), "10 years");
        assert_eq!(duration_words(CALENDAR_WEEKS_PER_YEAR * 1500.0, Rounding::Down, Lang::En), "1,500 years");
        assert_eq!(duration_words(CALENDAR_WEEKS_PER_YEAR * 1500.0, Rounding::Down, Lang::Zh), "1500年");
        // Nothing a host's data holds turns into NaN or a negative span.
        assert_eq!(duration_words(f64::NAN, Rounding::Up, Lang::En), "1 day");
        assert_eq!(duration_words(-3.0, Rounding::Down, Lang::En), "1 day");
    }
}
