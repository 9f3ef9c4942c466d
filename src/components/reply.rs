//! Meta's reply to the departures: its spokesperson's statement, what else he said, and the source.
//!
//! A news piece about named people gives the company's answer; this block sits near the top of the widget.

#[cfg(not(baked_page))]
use crate::components::card::push_source_item;
use crate::i18n::{format_dated, labelled, status_label, ui};
use crate::markup;
use crate::model::{Lang, Statement};
use crate::state::WidgetState;
use crate::read_only;
use leptos::prelude::*;

const SLOT: &str = "meta-reply";

/// The spokesperson's statement, set with one `innerHTML` that follows the language.
#[component]
pub fn MetaReply() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let data = state.data();
    let html = move || read_only!(SLOT, lang.get(), meta_reply_markup(&data.dataset.spokesperson, lang.get()));
    view! { <div class="mslw-reply" data-testid="meta-reply" data-mslw-slot=SLOT inner_html=html></div> }
}

/// The reply as markup: heading, the quote with who said it and when, the fact-check note (what he also
/// told other outlets) and the source. Every text is escaped; the link only for a safe https URL.
#[cfg(not(baked_page))]
pub fn meta_reply_markup(s: &Statement, lang: Lang) -> String {
    let mut out = String::with_capacity(1024);
    markup::element(&mut out, "h3", &[("class", "mslw-reply-title")], ui(lang).meta_reply_title);
    out.push_str("<figure class=\"mslw-quote\">");
    markup::element(&mut out, "blockquote", &[("data-testid", "meta-reply-quote")], s.quote.get(lang));
    let date = format_dated(s.date, lang);
    let who = match lang {
        Lang::En => format!("{}, {}, {date}", s.speaker.en, s.role.en),
        Lang::Zh => format!("{}{}，{date}", s.role.zh, s.speaker.zh),
    };
    markup::element(&mut out, "figcaption", &[], &who);
    out.push_str("</figure>");
    // The status in words stays in view; what else he said (to other outlets) and the source are one click away.
    markup::open(&mut out, "details", &[("class", "mslw-reply-more"), ("data-status", s.check.status.as_str())]);
    out.push_str("<summary>");
    markup::element(&mut out, "strong", &[], &labelled(status_label(s.check.status, lang), "", lang));
    markup::push_escaped(&mut out, ui(lang).reply_more);
    out.push_str("</summary>");
    if let Some(note) = &s.check.note {
        markup::element(&mut out, "p", &[("class", "mslw-note"), ("data-status", s.check.status.as_str())], note.get(lang));
    }
    out.push_str("<ul class=\"mslw-sources\">");
    push_source_item(&mut out, &s.source, lang);
    out.push_str("</ul></details>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reply_gives_the_quote_who_said_it_and_the_source_in_both_languages() {
        let data = crate::dataset::data_file_for_tests();
        let s = &data.spokesperson;
        let en = meta_reply_markup(s, Lang::En);
        assert!(en.starts_with("<h3 class=\"mslw-reply-title\">Meta&#39;s reply</h3>"), "{en}");
        assert!(en.contains("During an intense recruiting process, some people will decide to stay in their current job"), "{en}");
        assert!(en.contains("<figcaption>Dave Arnold, Meta spokesperson, about Aug 26, 2025</figcaption>"), "{en}");
        assert!(en.contains("The Verge") && en.contains("Ethan Knight"), "what he told The Verge: {en}");
        // Folded behind its status in words: the quote is the reply, the rest is one click away.
        assert!(en.contains("<details class=\"mslw-reply-more\" data-status=\"confirmed\"><summary><strong>Confirmed: </strong>what else he said, and the source</summary>"), "{en}");
        assert!(en.contains(&format!("<a href=\"{}\"", markup::escape_html(&s.source.url))), "{en}");
        let zh = meta_reply_markup(s, Lang::Zh);
        assert!(zh.starts_with("<h3 class=\"mslw-reply-title\">Meta的回应</h3>"), "{zh}");
        assert!(zh.contains("这很正常") && zh.contains("<figcaption>Meta发言人戴夫·阿诺德，约2025年8月26日</figcaption>"), "{zh}");
        for html in [&en, &zh] {
            for tag in ["figure", "blockquote", "figcaption", "details", "summary", "p", "ul", "li", "a", "strong"] {
                let opened = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
                assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "<{tag}>");
            }
        }
    }

    #[test]
    fn host_text_in_the_reply_is_escaped() {
        let mut s = crate::dataset::data_file_for_tests().spokesperson;
        s.quote.en = "<script>alert(1)</script>".into();
        s.source.url = "javascript:alert(1)".into();
        let html = meta_reply_markup(&s, Lang::En);
        assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
        assert!(!html.contains("javascript:"));
    }
}
