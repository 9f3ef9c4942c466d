//! The pay calculator's own words in Chinese and English, and the labels of its packages, pay models and fields.

use crate::model::Lang;
use crate::pay::{Field, PackageId, PayModel};

/// The calculator's own words in one language. "{}" marks where values go (filled by [`super::fill`]).
pub struct CalcUi {
    pub heading: &'static str,
    pub intro: &'static str,
    pub weeks_label: &'static str,
    pub weeks_hint: &'static str,
    pub weeks_slider_label: &'static str,
    /// "{} weeks": the slider's spoken value.
    pub weeks_value: &'static str,
    pub package_legend: &'static str,
    pub altman_label: &'static str,
    pub altman_detail: &'static str,
    pub wired_label: &'static str,
    pub wired_detail: &'static str,
    pub custom_label: &'static str,
    pub status_prefix: &'static str,
    pub source_prefix: &'static str,
    pub source_missing: &'static str,
    pub amount_label: &'static str,
    pub amount_hint: &'static str,
    pub period_legend: &'static str,
    pub per_year: &'static str,
    pub total_over: &'static str,
    pub years_label: &'static str,
    pub years_hint: &'static str,
    pub model_legend: &'static str,
    pub model_straight: &'static str,
    pub model_straight_detail: &'static str,
    pub model_cliff: &'static str,
    pub model_cliff_detail: &'static str,
    pub model_front: &'static str,
    pub model_front_detail: &'static str,
    /// The payout models' segment labels: short enough for three side by side on a phone.
    pub model_straight_short: &'static str,
    pub model_cliff_short: &'static str,
    pub model_front_short: &'static str,
    pub assumptions_legend: &'static str,
    pub base_label: &'static str,
    pub base_hint: &'static str,
    pub signon_label: &'static str,
    pub signon_hint: &'static str,
    pub result_heading: &'static str,
    /// "Before tax, for {} weeks at Meta on {}, {}:" (weeks, package with its fact-check mark, model name)
    pub result_lead: &'static str,
    /// The custom package as the result's first line names it.
    pub custom_in_lead: &'static str,
    /// "Across the three models: {} to {}."
    pub range: &'static str,
    /// When the three models agree (a tenure past every vesting date): one figure, not "$115M to $115M".
    pub range_same: &'static str,
    pub chosen_marker: &'static str,
    pub stock_part: &'static str,
    pub rates_heading: &'static str,
    pub rates_note: &'static str,
    pub per_week: &'static str,
    pub per_day: &'static str,
    pub per_hour: &'static str,
    pub per_minute: &'static str,
    pub per_second: &'static str,
    pub rates_zero: &'static str,
    /// "In yuan: {} at {} yuan to the dollar, the central parity rate of {}; …" (amount, rate, date); the source follows.
    pub cny: &'static str,
    /// "That is about {} years of a median US full-time worker's pay ({} a week, {})."
    pub median_years: &'static str,
    pub median_weeks: &'static str,
    pub median_zero: &'static str,
    pub median_link: &'static str,
    pub zero_weeks: &'static str,
    pub fix_fields: &'static str,
    /// "Back to {name}'s card": after card → calculator, the way back.
    pub back_to_card: &'static str,
    /// What a slider position past a year writes in the weeks field: "{} months".
    pub slider_months: &'static str,
    /// The chart's accessible name and the marked people in its description and table.
    pub chart_name: &'static str,
    pub chart_marked: &'static str,
    pub chart_people_col: &'static str,
    pub caveat: &'static str,
    /// "Set from {}'s card: reported as “{}”; estimate {} weeks (range {}). For that range this model gives {}."
    pub from_card: &'static str,
    pub never_started: &'static str,
    pub example_heading: &'static str,
    /// "{} a year for “under a month” ≈ {} (one twelfth of a year); 4 weeks ≈ {}. The article said about {}."
    pub example_text: &'static str,
    pub example_button: &'static str,
    pub card_button: &'static str,
    pub chart_title: &'static str,
    /// "Pre-tax amount under each pay model from 0 to {} weeks; at {} weeks: {}."
    pub chart_desc: &'static str,
    pub chart_x_axis: &'static str,
    pub chart_y_axis: &'static str,
    pub chart_markers: &'static str,
    /// "Markers: estimated tenure of the {} shortest of the {} people …" (shown, all within a year)
    pub chart_markers_some: &'static str,
    pub chart_table_caption: &'static str,
    pub chart_weeks_col: &'static str,
    pub chart_unavailable: &'static str,
    pub chart_chosen: &'static str,
}

pub const CALC_UI_EN: CalcUi = CalcUi {
    heading: "What would the package pay for their time at Meta?",
    intro: "Redo the article's sum for any tenure and package; it is not what anyone took home.",
    weeks_label: "Weeks at Meta",
    weeks_hint: "Weeks, or 3 months, 1 year; up to 20 years; \".\" for decimals.",
    weeks_slider_label: "Weeks at Meta, slider",
    weeks_value: "{} weeks",
    package_legend: "Pay package",
    altman_label: "$100M a year",
    altman_detail: "The figure Sam Altman cited in June 2025; denied as a sign-on bonus by Meta's CTO and by Lucas Beyer.",
    wired_label: "Up to $300M over four years, over $100M in the first year",
    wired_detail: "Wired, citing unnamed sources, for a handful of top targets; first-year stock said to vest at once.",
    custom_label: "Your own amount",
    status_prefix: "Fact-check",
    source_prefix: "Source",
    source_missing: "source not in this dataset",
    amount_label: "Amount in US dollars",
    amount_hint: "For example 100M, 1.5B, 300k, 1亿, 769万 or 1,000,000. Up to $1T.",
    period_legend: "The amount is",
    per_year: "per year",
    total_over: "a total over some years",
    years_label: "Number of years",
    years_hint: "A whole number from 1 to 20.",
    model_legend: "How the package pays out",
    model_straight: "Straight-line (the internet's sum)",
    model_straight_detail: "Each year's total spread evenly over its 52 weeks.",
    model_cliff: "Four-year vesting with a 12-month cliff",
    model_cliff_detail: "Before 12 months: base salary and any sign-on bonus only. At 12 months the first year's \
                         stock vests; after that, evenly.",
    model_front: "First-year stock at once (Wired)",
    model_front_detail: "Base salary and any sign-on bonus, plus the whole first year's stock on day one, as Wired \
                         reported for some offers.",
    model_straight_short: "Straight-line",
    model_cliff_short: "1-year cliff",
    model_front_short: "Stock up front",
    assumptions_legend: "Assumptions: salary, sign-on",
    base_label: "Base salary per year (assumed)",
    base_hint: "An assumption, not a reported figure: no source gives these researchers' salaries. It is part of \
                each year's total and paid evenly.",
    signon_label: "Sign-on bonus (assumed)",
    signon_hint: "Assumed 0: the reported \"$100M sign-on\" was denied by Meta's CTO and by Lucas Beyer. Paid on \
                  day one, on top of the package; such bonuses are often repayable after an early exit, which this \
                  ignores.",
    result_heading: "Result",
    result_lead: "Before tax, for {} weeks at Meta on {}, {}:",
    custom_in_lead: "your own amount",
    range: "The three models give {} to {}.",
    range_same: "The three models all give {}.",
    chosen_marker: "chosen",
    stock_part: "of which stock",
    rates_heading: "More: each model, in yuan, per hour",
    rates_note: "Calendar time: every hour of every day counts, not just working hours.",
    per_week: "per week",
    per_day: "per day",
    per_hour: "per hour",
    per_minute: "per minute",
    per_second: "per second",
    rates_zero: "No rate: no time was spent at Meta.",
    cny: "In yuan: {} at {} yuan to the dollar, the central parity rate of {}; a fixed rate, for illustration. \
          Source:",
    median_years: "That is about {} years of pay for a median US full-time worker ({} a week, {}).",
    median_weeks: "That is about {} weeks of pay for a median US full-time worker ({} a week, {}).",
    median_zero: "That is nothing: no pay at all.",
    median_link: "BLS news release",
    zero_weeks: "0 weeks at Meta: every model pays $0. Someone who never started draws no salary and vests no \
                 stock.",
    fix_fields: "To see a result, fix: {}.",
    back_to_card: "Back to {}'s card",
    slider_months: "{} months",
    chart_name: "Chart: pre-tax amount by weeks at Meta, with the people who left within a year",
    chart_marked: "Marked: {}.",
    chart_people_col: "People marked",
    caveat: "Nobody's real pay is known: this applies a reported or hypothetical package to a tenure.",
    from_card: "Set from {}'s card: tenure reported as \"{}\"; estimate {} weeks (range {} weeks). Over that range \
                this model gives {}.",
    // Not "never started" as fact: the accounts differ (for Verma, Meta: never started in a TBD Lab role; the FT:
    // onboarded but never showed up for his first day; Wired and the article: under a month). The reported
    // tenure quoted just before this sentence says whose account is whose.
    never_started: "Accounts differ and this person may never have started, so the estimate is 0 weeks.",
    example_heading: "The article's hypothetical",
    example_text: "{} a year for \"under a month\" ≈ {} (one twelfth of a year); 4 weeks ≈ {}. The article said \
                   about {}.",
    example_button: "Use the article's example",
    card_button: "What would this package pay for their time at Meta?",
    chart_title: "Pre-tax amount by weeks at Meta",
    chart_desc: "One line per pay model, from 0 to {} weeks. At {} weeks: {}.",
    chart_x_axis: "Weeks at Meta",
    chart_y_axis: "US$ before tax",
    chart_markers: "Markers: estimated tenure of each person who left within a year.",
    chart_markers_some: "Markers: estimated tenure of the {} shortest of the {} people who left within a year.",
    chart_table_caption: "Pre-tax amount by weeks at Meta, per pay model (table)",
    chart_weeks_col: "Weeks",
    chart_unavailable: "The chart appears when every field is valid.",
    chart_chosen: "chosen model",
};

pub const CALC_UI_ZH: CalcUi = CalcUi {
    // Set as a mainland newsroom sets it (issue 16): full-width punctuation, no space between Chinese and Latin
    // letters or digits (nor beside a "{}" filled with either), no thousands separators, titles in 《》.
    heading: "按在Meta的时间，这份薪酬包能拿多少？",
    intro: "按任意任职时间和薪酬包重算文章的这笔账，看看为什么这并不是任何人真正拿到手的钱。",
    weeks_label: "在Meta的周数",
    weeks_hint: "填周数，或3个月、1年；最多20年；小数点用“.”。",
    weeks_slider_label: "在Meta的周数（滑块）",
    weeks_value: "{}周",
    package_legend: "薪酬包",
    altman_label: "每年1亿美元",
    altman_detail: "萨姆·奥尔特曼2025年6月提到的数字；Meta首席技术官和卢卡斯·拜尔都否认这是签约奖金。",
    wired_label: "4年最高3亿美元，第一年超过1亿美元",
    wired_detail: "《连线》援引匿名消息人士，只针对少数顶尖人选；据称第一年的股票立即归属。",
    custom_label: "自定义金额",
    status_prefix: "核查",
    source_prefix: "来源",
    source_missing: "本数据集中没有此来源",
    amount_label: "金额（美元）",
    amount_hint: "例如100M、1.5B、300k、1亿、769万或1000000。上限1万亿美元。",
    period_legend: "这个金额是",
    per_year: "每年",
    total_over: "若干年的总额",
    years_label: "年数",
    years_hint: "1至20的整数。",
    model_legend: "发放方式",
    model_straight: "按时间平摊（网友的算法）",
    model_straight_detail: "每年的总额平均分到这一年的52周。",
    model_cliff: "四年归属，12个月悬崖期",
    model_cliff_detail: "满12个月前：只有基本工资和签约奖金（如有）。满12个月时第一年的股票归属，之后按时间平均归属。",
    model_front: "第一年股票立即归属（据《连线》）",
    model_front_detail: "基本工资和签约奖金（如有），加上第一天就归属的第一年全部股票；据《连线》报道，部分报价是这样安排的。",
    model_straight_short: "按时间平摊",
    model_cliff_short: "一年悬崖期",
    model_front_short: "股票立即归属",
    assumptions_legend: "假设：工资、签约奖金",
    base_label: "年基本工资（假设）",
    base_hint: "这是假设，不是报道的数字：没有任何来源公布这些研究员的工资。它包含在每年的总额中，按时间平均发放。",
    signon_label: "签约奖金（假设）",
    signon_hint: "假设为0：报道中的“1亿美元签约奖金”已被Meta首席技术官和卢卡斯·拜尔否认。第一天发放，另计在薪酬包之外；\
                  这类奖金提前离职时通常要退还，这里没有计入。",
    result_heading: "结果",
    // "在Meta任职4周", not "在Meta4周": the weeks never touch the Latin name.
    result_lead: "税前，在Meta任职{}周，按{}，{}：",
    custom_in_lead: "自定义金额",
    range: "三种模型的结果在{}至{}之间。",
    range_same: "三种模型的结果都是{}。",
    chosen_marker: "所选",
    stock_part: "其中股票",
    rates_heading: "更多：各模型结果、人民币、按时间折算",
    rates_note: "按日历时间计算：每天的每个小时都算，不只是工作时间。",
    per_week: "每周",
    per_day: "每天",
    per_hour: "每小时",
    per_minute: "每分钟",
    per_second: "每秒",
    rates_zero: "无法折算：在Meta的时间为0。",
    cny: "折合人民币：{}，按{}元兑1美元计算，即{}的人民币兑美元中间价；固定汇率，仅作示意。来源：",
    median_years: "这相当于美国全职雇员中位数收入约{}年的工资（每周{}，{}）。",
    median_weeks: "这相当于美国全职雇员中位数收入约{}周的工资（每周{}，{}）。",
    median_zero: "也就是说：分文未得。",
    median_link: "美国劳工统计局发布",
    zero_weeks: "在Meta任职0周：每种模型都是0美元。从未到岗的人既不领工资，也没有股票归属。",
    fix_fields: "请修正以下输入项以查看结果：{}。",
    back_to_card: "返回{}的卡片",
    slider_months: "{}个月",
    chart_name: "图表：按在Meta周数计算的税前金额，并标出一年内离职的人",
    chart_marked: "标出的人：{}。",
    chart_people_col: "标出的人",
    caveat: "没有人知道任何人的真实薪酬：这里只是把报道中的或假设的薪酬包套用到任职时间上。",
    from_card: "由{}的卡片设置：报道的任职时间为“{}”；估计{}周（范围{}周）。在这个范围内，此模型的结果为{}。",
    never_started: "各方说法不一，此人可能从未到岗，因此估计为0周。",
    example_heading: "文章的假设",
    example_text: "年薪{}、工作“不到一个月”：{}（一年的十二分之一）；4周：{}。文章说的是约{}。",
    example_button: "使用文章的例子",
    card_button: "按在Meta的时间，这份薪酬包能拿多少？",
    chart_title: "按在Meta周数计算的税前金额",
    chart_desc: "每种发放方式一条线，从0到{}周。{}周时：{}。",
    chart_x_axis: "在Meta的周数",
    chart_y_axis: "税前金额（美元）",
    chart_markers: "标记：一年内离职者的估计任职时间。",
    chart_markers_some: "标记：任职最短的{}人的估计任职时间（一年内离职者共{}人）。",
    chart_table_caption: "按在Meta周数计算的税前金额，按发放方式列出（表格）",
    chart_weeks_col: "周数",
    chart_unavailable: "所有输入项有效时才显示图表。",
    chart_chosen: "所选模型",
};

impl CalcUi {
    /// Every text, field by field: what the Chinese copy-edit lint (`zh_lint`) reads. The `let` names every field
    /// (no `..`), so a new text cannot be left out of the lint: it would not compile.
    pub fn texts(&self) -> [&'static str; 81] {
        let CalcUi {
            heading, intro, weeks_label, weeks_hint, weeks_slider_label, weeks_value, package_legend, altman_label,
            altman_detail, wired_label, wired_detail, custom_label, status_prefix, source_prefix, source_missing, amount_label,
            amount_hint, period_legend, per_year, total_over, years_label, years_hint, model_legend, model_straight,
            model_straight_detail, model_cliff, model_cliff_detail, model_front, model_front_detail, model_straight_short, model_cliff_short,
            model_front_short, assumptions_legend, base_label, base_hint, signon_label, signon_hint, result_heading, result_lead, custom_in_lead, range, range_same, chosen_marker,
            stock_part, rates_heading, rates_note, per_week, per_day, per_hour, per_minute, per_second,
            rates_zero, cny, median_years, median_weeks, median_zero, median_link, zero_weeks, fix_fields, back_to_card, slider_months, chart_name, chart_marked, chart_people_col,
            caveat, from_card, never_started, example_heading, example_text, example_button, card_button, chart_title,
            chart_desc, chart_x_axis, chart_y_axis, chart_markers, chart_markers_some, chart_table_caption, chart_weeks_col, chart_unavailable,
            chart_chosen,
        } = self;
        [
            *heading, *intro, *weeks_label, *weeks_hint, *weeks_slider_label, *weeks_value, *package_legend, *altman_label,
            *altman_detail, *wired_label, *wired_detail, *custom_label, *status_prefix, *source_prefix, *source_missing, *amount_label,
            *amount_hint, *period_legend, *per_year, *total_over, *years_label, *years_hint, *model_legend, *model_straight,
            *model_straight_detail, *model_cliff, *model_cliff_detail, *model_front, *model_front_detail, *model_straight_short, *model_cliff_short,
            *model_front_short, *assumptions_legend, *base_label, *base_hint, *signon_label, *signon_hint, *result_heading, *result_lead, *custom_in_lead, *range, *range_same, *chosen_marker,
            *stock_part, *rates_heading, *rates_note, *per_week, *per_day, *per_hour, *per_minute, *per_second,
            *rates_zero, *cny, *median_years, *median_weeks, *median_zero, *median_link, *zero_weeks, *fix_fields, *back_to_card, *slider_months, *chart_name, *chart_marked, *chart_people_col,
            *caveat, *from_card, *never_started, *example_heading, *example_text, *example_button, *card_button, *chart_title,
            *chart_desc, *chart_x_axis, *chart_y_axis, *chart_markers, *chart_markers_some, *chart_table_caption, *chart_weeks_col, *chart_unavailable,
            *chart_chosen,
        ]
    }

    /// A text field's label and hint.
    pub fn field_text(&self, field: Field) -> (&'static str, &'static str) {
        match field {
            Field::Weeks => (self.weeks_label, self.weeks_hint),
            Field::Amount => (self.amount_label, self.amount_hint),
            Field::Years => (self.years_label, self.years_hint),
            Field::Base => (self.base_label, self.base_hint),
            Field::Signon => (self.signon_label, self.signon_hint),
        }
    }
}

pub fn calc_ui(lang: Lang) -> &'static CalcUi {
    match lang {
        Lang::Zh => &CALC_UI_ZH,
        Lang::En => &CALC_UI_EN,
    }
}

impl PayModel {
    pub fn label(self, lang: Lang) -> &'static str {
        let u = calc_ui(lang);
        match self {
            PayModel::StraightLine => u.model_straight,
            PayModel::Cliff => u.model_cliff,
            PayModel::FrontLoaded => u.model_front,
        }
    }

    /// The segment's label; the full name ([`PayModel::label`]) is read in the result and the chart's legend.
    pub fn short_label(self, lang: Lang) -> &'static str {
        let u = calc_ui(lang);
        match self {
            PayModel::StraightLine => u.model_straight_short,
            PayModel::Cliff => u.model_cliff_short,
            PayModel::FrontLoaded => u.model_front_short,
        }
    }

    pub fn detail(self, lang: Lang) -> &'static str {
        let u = calc_ui(lang);
        match self {
            PayModel::StraightLine => u.model_straight_detail,
            PayModel::Cliff => u.model_cliff_detail,
            PayModel::FrontLoaded => u.model_front_detail,
        }
    }
}

impl PackageId {
    pub fn label(self, lang: Lang) -> &'static str {
        let u = calc_ui(lang);
        match self {
            PackageId::Altman100m => u.altman_label,
            PackageId::Wired300m => u.wired_label,
            PackageId::Custom => u.custom_label,
        }
    }

    pub fn detail(self, lang: Lang) -> Option<&'static str> {
        let u = calc_ui(lang);
        match self {
            PackageId::Altman100m => Some(u.altman_detail),
            PackageId::Wired300m => Some(u.wired_detail),
            PackageId::Custom => None,
        }
    }
}
