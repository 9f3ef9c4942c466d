//! One person's card: names in both scripts, cohort, tenure, path, work, date, fact-check summary, and an
//! in-place detail (quote, notes, every source).

use crate::dataset::is_safe_https_url;
use crate::markup;
use crate::lead::card_heading_id;
#[cfg(not(baked_page))]
use crate::lead::path_line;
use crate::i18n::{push_in_own_lang, calc_ui, check_summary, cohort_label, format_date, format_dated, labelled, list_separator, paren, status_label, tenure_line, ui};
use crate::model::{Check, Lang, Person, Source, Status};
use crate::prerendered::{card_slot, FULL_VIEWS};
use crate::read_only;
use crate::state::WidgetState;
use leptos::prelude::*;
use std::sync::Arc;

/// A card for one person in one language: a keyed `<li>` filled with [`card_markup`], or with the nodes it
/// was filled with before (see [`CardCache`]). Its calculator button is handled by the grid (one delegated
/// listener for every card).
#[component]
pub fn Card(
    /// The person shown.
    person: Arc<Person>,
    /// The person's position in the dataset: their place in the cache.
    index: usize,
    lang: Lang,
    cache: StoredValue<CardCache, LocalStorage>,
) -> impl IntoView {
    let id = person.id.clone();
    let state = expect_context::<WidgetState>();
    // At build time (the `bake` binary renders natively) the card is written whole, detail body included: the
    // page arrives as finished HTML. In the browser the directive below fills it instead.
    #[cfg(not(target_arch = "wasm32"))]
    let baked = Some({
        let title_id = state.data.with_value(|d| card_heading_id(&d.id_prefix, &person.id));
        card_markup(&person, lang, &title_id, &card_detail_markup(&person, lang))
    });
    #[cfg(target_arch = "wasm32")]
    let baked: Option<String> = None;
    // Runs when the `<li>` is created, before it is inserted: the card is never empty on screen.
    let fill = move |li: web_sys::Element| {
        if let Some(content) = cache.with_value(|c| c.get(index, lang)) {
            let _ = li.append_child(&content);
            return;
        }
        // The standalone page shows the card the build baked, detail body included.
        let html = read_only!(&card_slot(&person.id), lang, {
            // The one definition of a card heading's id: the lead figure's rows link to it.
            let title_id = state.data.with_value(|d| card_heading_id(&d.id_prefix, &person.id));
            card_markup(&person, lang, &title_id, "")
        });
        li.set_inner_html(&html);
        let Some(content) = li.first_element_child() else { return };
        let details = content.query_selector("details").ok().flatten().filter(|_| FULL_VIEWS);
        let first_pending = cache.try_update_value(|c| {
            c.put(index, lang, content);
            details.is_some_and(|d| c.defer(d, person.clone(), lang))
        });
        if first_pending == Some(true) {
            // After the frame that shows the cards: the keystroke paints without parsing detail bodies.
            request_animation_frame(move || set_timeout(move || fill_pending_details(cache), std::time::Duration::ZERO));
        }
    };
    view! { <li class="mslw-card" data-testid="person-card" data-person-id=id inner_html=baked use:fill></li> }
}

/// Appends the body of every card detail still waiting for it. Also called before the grid handles a click,
/// so a detail the reader opens is never empty.
pub fn fill_pending_details(cache: StoredValue<CardCache, LocalStorage>) {
    // The page's cards arrive whole: none waits.
    #[cfg(not(baked_page))]
    {
        let pending = cache.try_update_value(|c| std::mem::take(&mut c.pending)).unwrap_or_default();
        for (details, person, lang) in pending {
            let _ = details.insert_adjacent_html("beforeend", &card_detail_markup(&person, lang));
        }
    }
}

/// Each card's built content (its `<article>`), by person and language, and the detail bodies not yet
/// written. A card that leaves the grid and comes back (clearing a search brings back the first page) moves
/// its nodes back instead of having its markup parsed again, as a hand-written page keeps its cards; an
/// opened detail stays open. A new card's detail body (about half its nodes, hidden while the detail is
/// closed) is written just after the frame that shows the card. Owned by the grid, so unmounting the
/// widget frees it.
#[derive(Default)]
pub struct CardCache {
    built: Vec<Option<web_sys::Element>>,
    pending: Vec<(web_sys::Element, Arc<Person>, Lang)>,
}

impl CardCache {
    fn slot(index: usize, lang: Lang) -> usize {
        index.saturating_mul(2).saturating_add(usize::from(lang == Lang::Zh))
    }

    fn get(&self, index: usize, lang: Lang) -> Option<web_sys::Element> {
        self.built.get(Self::slot(index, lang)).cloned().flatten()
    }

    fn put(&mut self, index: usize, lang: Lang, content: web_sys::Element) {
        let slot = Self::slot(index, lang);
        if self.built.len() <= slot {
            self.built.resize(slot + 1, None);
        }
        self.built[slot] = Some(content);
    }

    /// Whether the card's detail is open in this language's built card.
    pub fn detail_open(&self, index: usize, lang: Lang) -> bool {
        self.get(index, lang).and_then(|c| c.query_selector("details").ok().flatten()).is_some_and(|d| d.has_attribute("open"))
    }

    /// Opens the card's detail in this language's built card.
    pub fn open_detail(&self, index: usize, lang: Lang) {
        if let Some(details) = self.get(index, lang).and_then(|c| c.query_selector("details").ok().flatten()) {
            let _ = details.set_attribute("open", "");
        }
    }

    /// Queues a detail body; true when the queue was empty (the caller schedules the writing).
    fn defer(&mut self, details: web_sys::Element, person: Arc<Person>, lang: Lang) -> bool {
        self.pending.push((details, person, lang));
        self.pending.len() == 1
    }
}

/// The selector of a card's "what would this package pay" button, for the grid's delegated click.
pub const CALC_BUTTON_SELECTOR: &str = "[data-testid=card-to-calc]";

/// Everything inside a card, as markup: names, one line of path, cohort and a fact-check chip in words, then a
/// closed detail with the facts in full and the calculator button (the rest of its body, quote, notes and
/// sources, is [`card_detail_markup`], given as `detail_body` at build time and appended later in the browser). One string and one `innerHTML` per card: a grid-flipping
/// keystroke builds a page of cards with one DOM write each instead of ~2,000 element and text-node calls from the wasm,
/// and the page's wasm carries no per-element view code for cards. Every text and attribute is escaped
/// (a host's dataset may hold markup); links only for safe https URLs.
#[cfg(not(baked_page))]
pub fn card_markup(person: &Person, lang: Lang, title_id: &str, detail_body: &str) -> String {
    let u = ui(lang);
    let checks = person.fact_checks();
    let disputed = checks.iter().filter(|c| c.status == Status::Disputed).count();
    let unverified = checks.iter().filter(|c| c.status == Status::Unverified).count();
    let worst = if disputed > 0 {
        "disputed"
    } else if unverified > 0 {
        "unverified"
    } else {
        "confirmed"
    };
    let mut out = String::with_capacity(3072);
    // Focusable by script only: "Show more" and the lead figure move focus to a card.
    markup::open(&mut out, "article", &[("aria-labelledby", title_id), ("tabindex", "-1")]);
    markup::open(&mut out, "h3", &[("class", "mslw-name"), ("id", title_id)]);
    markup::element(&mut out, "span", &[("lang", "en")], &person.name_en);
    out.push(' ');
    markup::element(&mut out, "span", &[("class", "mslw-name-zh"), ("lang", "zh-Hans")], &person.name_zh.text);
    // A Chinese name no source gives (the article's guess) is marked where it is shown, not only in the detail.
    let mut name_mark = String::new();
    push_status(&mut name_mark, &person.name_zh.check, lang);
    if !name_mark.is_empty() {
        markup::element(&mut out, "span", &[("class", "mslw-name-mark"), ("data-testid", "name-zh-status")], &name_mark);
    }
    out.push_str("</h3>");
    markup::element(&mut out, "p", &[("class", "mslw-card-path"), ("data-testid", "card-path")], &path_line(person, lang));
    out.push_str("<p class=\"mslw-card-meta\">");
    markup::element(&mut out, "span", &[("class", "mslw-badge"), ("data-cohort", person.cohort.as_str())], cohort_label(person.cohort, lang));
    out.push(' ');
    let summary = [("data-testid", "check-summary"), ("class", "mslw-check-summary"), ("data-worst", worst)];
    markup::element(&mut out, "span", &summary, &labelled(u.status_label, &check_summary(disputed, unverified, lang), lang));
    out.push_str("</p><details class=\"mslw-detail\" data-testid=\"card-detail\"><summary>");
    markup::push_escaped(&mut out, u.details);
    // Nine disclosures of one name would be indistinguishable in a list of controls: each names its person, in the
    // view's language.
    let name = match lang {
        Lang::En => &person.name_en,
        Lang::Zh => &person.name_zh.text,
    };
    markup::element(&mut out, "span", &[("class", "mslw-sr-only")], &paren(name, lang));
    out.push_str("</summary><dl class=\"mslw-facts\">");
    let mut fact = |term: &str, testid: Option<&str>, text: &str| {
        markup::element(&mut out, "dt", &[], term);
        match testid {
            Some(testid) => markup::element(&mut out, "dd", &[("data-testid", testid)], text),
            None => markup::element(&mut out, "dd", &[], text),
        }
    };
    fact(u.tenure, Some("tenure"), &tenure_text(person, lang));
    fact(u.path, Some("path"), &path_text(person, lang));
    fact(u.new_role, Some("destination"), &destination_text(person, lang));
    if !person.work.is_empty() {
        fact(u.worked_on, None, &work_text(person, lang));
    }
    fact(u.announced, Some("announced"), &announced_text(person, lang));
    out.push_str("</dl>");
    let button = [("type", "button"), ("class", "mslw-calc-card-button"), ("data-testid", "card-to-calc"), ("aria-describedby", title_id)];
    markup::element(&mut out, "button", &button, calc_ui(lang).card_button);
    out.push_str(detail_body);
    out.push_str("</details></article>");
    out
}

/// The body of a card's closed detail: the quote, the transliteration note, every fact-check and every
/// source. Appended to the card's `<details>` after the card has been shown (see [`CardCache`]).
#[cfg(not(baked_page))]
pub fn card_detail_markup(person: &Person, lang: Lang) -> String {
    let u = ui(lang);
    let mut out = String::with_capacity(2048);
    if let Some(q) = &person.quote {
        out.push_str("<figure class=\"mslw-quote\">");
        markup::element(&mut out, "blockquote", &[], q.text.get(lang));
        markup::element(&mut out, "figcaption", &[], &format!("{} — {}", u.in_their_words, q.context.get(lang)));
        out.push_str("</figure>");
    }
    if person.name_zh.is_article_transliteration {
        markup::element(&mut out, "p", &[("class", "mslw-fine")], u.transliteration_note);
    }
    out.push_str("<ul class=\"mslw-checks\">");
    for c in &person.fact_checks() {
        markup::open(&mut out, "li", &[("class", "mslw-check"), ("data-status", c.status.as_str()), ("data-testid", "fact-check")]);
        markup::element(&mut out, "strong", &[("class", "mslw-status")], &labelled(status_label(c.status, lang), "", lang));
        if let Some(note) = &c.note {
            markup::push_escaped(&mut out, note.get(lang));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    markup::element(&mut out, "h4", &[("class", "mslw-sources-title")], u.sources);
    out.push_str("<ul class=\"mslw-sources\">");
    for source in &person.sources {
        push_source_item(&mut out, source, lang);
    }
    out.push_str("</ul>");
    out
}

#[cfg(not(baked_page))]
fn tenure_text(p: &Person, l: Lang) -> String {
    let t = &p.tenure;
    let mut s = tenure_line(t.reported.get(l), t.precision, t.weeks_low, t.weeks_high, l);
    push_status(&mut s, &t.check, l);
    s
}

#[cfg(not(baked_page))]
fn path_text(p: &Person, l: Lang) -> String {
    let mut steps: Vec<String> = p
        .prior_employers
        .iter()
        .map(|e| {
            let mut step = e.org.get(l).to_owned();
            push_status(&mut step, &e.check, l);
            step
        })
        .collect();
    steps.push("Meta".to_owned());
    steps.push(p.destination.org.as_ref().map(|o| o.get(l)).unwrap_or(ui(l).not_announced).to_owned());
    let mut s = steps.join(" → ");
    for later in &p.later {
        s.push_str(&format!(" → {}{}", later.org.get(l), paren(ui(l).later, l)));
    }
    s
}

#[cfg(not(baked_page))]
fn destination_text(p: &Person, l: Lang) -> String {
    let d = &p.destination;
    let mut s = match (&d.org, &d.role) {
        (Some(org), Some(role)) => format!("{} · {}", org.get(l), role.get(l)),
        (Some(org), None) => org.get(l).to_owned(),
        (None, _) => ui(l).not_announced.to_owned(),
    };
    for later in &p.later {
        s.push_str(list_separator(l));
        s.push_str(&labelled(ui(l).later, later.org.get(l), l));
        if let Some(role) = &later.role {
            s.push_str(&format!(" · {}", role.get(l)));
        }
        if let Some(date) = later.date {
            s.push_str(&paren(&format_dated(date, l), l));
        }
    }
    push_status(&mut s, &d.check, l);
    s
}

#[cfg(not(baked_page))]
fn work_text(p: &Person, l: Lang) -> String {
    let items: Vec<String> = p
        .work
        .iter()
        .map(|w| {
            let mut s = w.text.get(l).to_owned();
            push_status(&mut s, &w.check, l);
            s
        })
        .collect();
    items.join(list_separator(l))
}

#[cfg(not(baked_page))]
fn announced_text(p: &Person, l: Lang) -> String {
    let mut s = p.announced.map(|d| format_dated(d, l)).unwrap_or_else(|| ui(l).date_unknown.to_owned());
    push_status(&mut s, &p.announced_check, l);
    s
}

#[cfg(not(baked_page))]
fn push_status(s: &mut String, check: &Check, l: Lang) {
    crate::i18n::push_status_mark(s, check.status, l);
}

/// Appends a source as an `<li>`: a link when its URL is a safe https address, else plain text with a note.
/// A title that is our description (no confirmed headline) is set in italics and says so.
#[cfg(not(baked_page))]
pub fn push_source_item(out: &mut String, source: &Source, lang: Lang) {
    let safe = is_safe_https_url(&source.url);
    out.push_str("<li>");
    if safe {
        let link = [("href", source.url.as_str()), ("target", "_blank"), ("rel", "noopener noreferrer"), ("class", "mslw-source-described")];
        markup::open(out, "a", &link[..if source.title_is_description { 4 } else { 3 }]);
    }
    // Publisher and title as published, each marked with its own language when it is not the view's.
    push_in_own_lang(out, &source.publisher, lang);
    markup::push_escaped(out, &labelled("", "", lang));
    if source.title_is_description {
        out.push_str("<em>");
        push_in_own_lang(out, &source.title, lang);
        out.push_str("</em>");
    } else {
        push_in_own_lang(out, &source.title, lang);
    }
    if safe {
        out.push_str("</a>");
    }
    if source.title_is_description {
        markup::element(out, "span", &[("class", "mslw-fine")], &paren(ui(lang).title_described, lang));
    }
    if let Some(d) = source.date {
        markup::push_escaped(out, &paren(&format_date(d, lang), lang));
    }
    if !safe {
        out.push(' ');
        markup::element(out, "span", &[("class", "mslw-fine")], ui(lang).link_not_shown);
    }
    out.push_str("</li>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str) -> Person {
        let data = crate::dataset::data_file_for_tests();
        data.people.into_iter().find(|p| p.id == id).map(std::sync::Arc::unwrap_or_clone).expect("in the data file")
    }

    #[test]
    fn a_card_carries_every_hook_in_both_languages() {
        let p = person("chi-hao-wu");
        let en = card_markup(&p, Lang::En, "w-name-chi-hao-wu", "");
        for hook in ["tenure", "path", "destination", "announced", "check-summary", "card-to-calc", "card-detail"] {
            assert_eq!(en.matches(&format!("data-testid=\"{hook}\"")).count(), 1, "{hook}: {en}");
        }
        assert!(en.starts_with("<article aria-labelledby=\"w-name-chi-hao-wu\" tabindex=\"-1\"><h3 class=\"mslw-name\" id=\"w-name-chi-hao-wu\">"));
        assert!(en.contains("aria-describedby=\"w-name-chi-hao-wu\""));
        assert!(en.contains("What would this package pay"));
        // Closed, the card shows names, one line of path, cohort and the fact-check chip; the facts in full and
        // the calculator button are inside the detail, whose body is appended later (card_detail_markup).
        let (closed, detail) = en.split_once("<details").expect("a detail");
        assert!(closed.contains("data-testid=\"card-path\">At least 5 years at Meta → Memories.ai</p>"), "{closed}");
        assert!(closed.contains("data-testid=\"check-summary\"") && !closed.contains("data-testid=\"tenure\""));
        assert!(detail.contains(&format!("<summary>{}<span class=\"mslw-sr-only\"> (Chi-Hao Wu)</span></summary><dl", ui(Lang::En).details)), "{detail}");
        assert!(en.ends_with("</button></details></article>"), "{en}");
        for tag in ["article", "h3", "dl", "details", "span", "dd", "dt"] {
            assert_eq!(en.matches(&format!("<{tag}")).count(), en.matches(&format!("</{tag}>")).count(), "<{tag}>");
        }
        let zh = card_markup(&p, Lang::Zh, "w-name-chi-hao-wu", "");
        assert!(zh.contains(cohort_label(p.cohort, Lang::Zh)));
        // The disclosure names its person in the view's language (an English name in the Chinese view was unmarked).
        assert!(zh.contains("<span class=\"mslw-sr-only\">（吴志浩）</span></summary>"), "{zh}");
    }

    #[test]
    fn an_unverified_chinese_name_and_employer_are_marked_where_they_are_shown() {
        // No source gives 吴志浩 (the article's guess at "Chi-Hao"): the heading says so beside the name.
        let wu = card_markup(&person("chi-hao-wu"), Lang::En, "t", "");
        assert!(wu.contains("<span class=\"mslw-name-zh\" lang=\"zh-Hans\">吴志浩</span><span class=\"mslw-name-mark\" data-testid=\"name-zh-status\"> [Unverified]</span></h3>"), "{wu}");
        assert!(card_markup(&person("chi-hao-wu"), Lang::Zh, "t", "").contains("吴志浩</span><span class=\"mslw-name-mark\" data-testid=\"name-zh-status\">［未经证实］</span>"));
        assert!(!card_markup(&person("bert-maher"), Lang::En, "t", "").contains("name-zh-status"));
        // Ethan Knight's OpenAI internship before Meta is unverified; the rest of his path is confirmed.
        assert_eq!(path_text(&person("ethan-knight"), Lang::En), "OpenAI [Unverified] → Tesla → xAI → Meta → OpenAI");
        assert!(path_text(&person("afroz-mohiuddin"), Lang::Zh).starts_with("谷歌［未经证实］ → Meta"), "{}", path_text(&person("afroz-mohiuddin"), Lang::Zh));
    }

    #[test]
    fn a_detail_body_has_every_fact_check_and_source() {
        for id in ["chi-hao-wu", "tony-liu", "avi-verma"] {
            let p = person(id);
            let en = card_detail_markup(&p, Lang::En);
            assert_eq!(en.matches("data-testid=\"fact-check\"").count(), p.fact_checks().len(), "{id}");
            assert_eq!(en.matches("<a href=\"https://").count(), p.sources.len(), "{id}");
            assert_eq!(en.matches("<figure class=\"mslw-quote\">").count(), usize::from(p.quote.is_some()), "{id}");
            assert!(en.ends_with("</ul>"));
            for tag in ["ul", "li", "h4", "figure", "blockquote", "p", "strong"] {
                let opened = en.matches(&format!("<{tag}>")).count() + en.matches(&format!("<{tag} ")).count();
                assert_eq!(opened, en.matches(&format!("</{tag}>")).count(), "{id} <{tag}>");
            }
            assert!(card_detail_markup(&p, Lang::Zh).contains(ui(Lang::Zh).sources));
        }
    }

    #[test]
    fn a_source_in_the_other_language_is_marked_with_its_own() {
        let mut source = person("bert-maher").sources[0].clone();
        source.publisher = "Business Insider".into();
        source.title = "Meta researchers exit".into();
        let (mut zh, mut en) = (String::new(), String::new());
        push_source_item(&mut zh, &source, Lang::Zh);
        push_source_item(&mut en, &source, Lang::En);
        assert!(zh.contains(">Business Insider</span>：<span lang=\"en\">Meta researchers exit</span></a>"), "{zh}");
        assert!(en.contains("\">Business Insider: Meta researchers exit</a>"), "{en}");
        source.publisher = "机器之心".into();
        source.title_is_description = true;
        let mut en = String::new();
        push_source_item(&mut en, &source, Lang::En);
        assert!(en.contains("class=\"mslw-source-described\"><span lang=\"zh-Hans\">机器之心</span>: <em>Meta researchers exit</em></a>"), "{en}");
    }

    #[test]
    fn host_text_is_escaped_and_unsafe_links_are_text() {
        let mut p = person("bert-maher");
        p.name_en = "<img src=x onerror=alert(1)>".into();
        p.sources[0].url = "javascript:alert(1)".into();
        p.sources[0].title = "\"quoted\" & <b>".into();
        let html = card_markup(&p, Lang::En, "a\"b", "") + &card_detail_markup(&p, Lang::En);
        assert!(!html.contains("<img") && html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!html.contains("javascript:"));
        assert!(html.contains("&quot;quoted&quot; &amp; &lt;b&gt;"));
        assert!(html.contains("id=\"a&quot;b\""));
        assert!(html.contains(ui(Lang::En).link_not_shown));
    }
}
