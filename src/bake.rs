//! The page baked at build time: the default view in both languages rendered to HTML by the same views the
//! browser runs, spliced into `index.html`, with the data files the page links to when its script cannot start.
//!
//! Native only (Leptos `ssr`); run by the `bake` binary as Trunk's post-build hook. `static/boot.js` shows the
//! reader's language and theme before the first paint, `static/loader.js` shows the notice when WebAssembly
//! cannot start, and `mount::start_standalone` takes the baked view over in place.

use crate::components::app::{App, AppInput};
use crate::export::{file_name, people_csv};
use crate::i18n::ui;
use crate::markup;
use crate::model::{Dataset, Lang};
use crate::mount::STANDALONE_ID_PREFIX;
use crate::state::WidgetData;
use crate::url_state::UrlState;
use leptos::prelude::*;
use std::sync::Arc;

/// On each baked view's wrapper, naming its language; its `<template>` twin holds the other language.
pub const BAKED_ATTR: &str = "data-mslw-baked";
/// The element whose opening tag the baked views follow.
const ROOT_MARKER: &str = "msl-widget-root";
/// Marks a page that already holds a baked view, so running the hook twice never bakes it twice.
const BAKED_MARK: &str = "data-mslw-baked=";

/// The default view (no search, no filter, the calculator's defaults) in `lang`, as the browser would first
/// render it on the standalone page.
pub fn render_view(dataset: Arc<Dataset>, lang: Lang) -> String {
    let data = Arc::new(WidgetData::new(dataset, STANDALONE_ID_PREFIX.into()));
    // The embed button is shown as on a page with a real address; its snippet is written when it is opened.
    let input = AppInput { data, host_problems: Vec::new(), initial: UrlState::default(), lang, sync_url: false, on_change: None, embed_url: Some(String::new()) };
    Owner::new().with(|| view! { <App input=input /> }.to_html())
}

/// The notice `loader.js` reveals when WebAssembly cannot start, with links to the data files the build wrote.
pub fn static_notice_markup(dataset: &Dataset, lang: Lang) -> String {
    let u = ui(lang);
    let mut out = String::new();
    markup::open(&mut out, "p", &[("class", "mslw-static-notice"), ("data-testid", "static-notice"), ("hidden", "")]);
    // Chinese sets no space after 。 or ：.
    let gap = if lang == Lang::Zh { "" } else { " " };
    markup::push_escaped(&mut out, u.static_notice);
    out.push_str(gap);
    markup::push_escaped(&mut out, u.static_files);
    for (i, (extension, label)) in [("csv", "CSV"), ("json", "JSON")].into_iter().enumerate() {
        out.push_str(if i == 0 { gap } else { " · " });
        let name = file_name(dataset, false, extension);
        markup::element(&mut out, "a", &[("href", &name), ("download", ""), ("data-testid", "static-file")], label);
    }
    out.push_str("</p>");
    out
}

/// One language's baked view: its wrapper, the hidden notice and the widget.
fn baked_view(dataset: &Dataset, lang: Lang, view: &str) -> String {
    format!("<div class=\"mslw-baked\" {BAKED_ATTR}=\"{}\">{}{view}</div>", lang.as_str(), static_notice_markup(dataset, lang))
}

/// Both languages: English shown, then Chinese in an inert `<template>`. English comes first so that its first
/// screen arrives first; for a Chinese reader `boot.js` keeps the English hidden and swaps in the template's copy as
/// soon as the template is complete, before anything of the widget is painted.
pub fn baked_markup(dataset: &Dataset, en: &str, zh: &str) -> String {
    format!("{}<template {BAKED_ATTR}=\"zh\">{}</template>", baked_view(dataset, Lang::En, en), baked_view(dataset, Lang::Zh, zh))
}

/// `index_html` with `baked` placed first inside the widget's root element. Errors name what is missing.
pub fn splice(index_html: &str, baked: &str) -> Result<String, String> {
    if index_html.contains(BAKED_MARK) {
        return Err("index.html already holds a baked view".into());
    }
    let marker = index_html.find(ROOT_MARKER).ok_or_else(|| format!("index.html has no element with id {ROOT_MARKER}"))?;
    let open_end = index_html[marker..].find('>').map(|i| marker + i + 1).ok_or("the root element's tag is not closed")?;
    Ok(format!("{}{baked}{}", &index_html[..open_end], &index_html[open_end..]))
}

/// The page's `<link rel=preload>` of the wasm marked `fetchpriority=low`: on a slow line it would otherwise share the
/// bandwidth with the stylesheets and the baked HTML that the first paint waits for. It still starts at once, and
/// keeps the integrity hash Trunk wrote.
pub fn wasm_preload_low(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 24);
    let mut rest = html;
    while let Some(start) = rest.find("<link ") {
        let Some(len) = rest[start..].find('>') else { break };
        let tag = &rest[start..start + len];
        out.push_str(&rest[..start]);
        out.push_str(tag);
        if tag.contains("_bg.wasm") && tag.contains("preload") && !tag.contains("fetchpriority") {
            out.push_str(" fetchpriority=low");
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// An attribute's value in one tag as an HTML minifier may write it: `name="v"`, `name='v'` or `name=v`.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let rest = &tag[at..];
    match rest.chars().next()? {
        quote @ ('"' | '\'') => rest[1..].find(quote).map(|end| &rest[1..1 + end]),
        _ => Some(&rest[..rest.find([' ', '\t', '\n', '>']).unwrap_or(rest.len())]),
    }
}

/// The page with its stylesheets inlined, and what the policy and the build need to know about it.
#[derive(Debug, PartialEq)]
pub struct InlinedStyle {
    pub html: String,
    /// The `<style>` element's exact text, whose hash the policy allows.
    pub css: String,
    /// The stylesheet files now inlined, which the page no longer requests.
    pub files: Vec<String>,
}

/// `html` with each `<link rel=stylesheet>` to a file in the page's folder replaced by one `<style>`, in order,
/// where the first one was. A stylesheet is a second round trip before the first paint (150 ms on Slow 4G, and
/// the parser meets it only after `boot.js` has run); inline, the first paint waits for nothing but `boot.js`.
/// `read` gives a file's text by its name in the folder.
pub fn inline_stylesheets(html: &str, read: &dyn Fn(&str) -> Result<String, String>) -> Result<InlinedStyle, String> {
    let (mut out, mut css, mut files) = (String::with_capacity(html.len()), String::new(), Vec::new());
    let (mut rest, mut style_at) = (html, None);
    while let Some(start) = rest.find("<link ") {
        let end = rest[start..].find('>').map(|i| start + i + 1).ok_or("a <link> tag is not closed")?;
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        rest = &rest[end..];
        let href = attribute(tag, "href").filter(|_| attribute(tag, "rel") == Some("stylesheet"));
        let Some(href) = href else {
            out.push_str(tag);
            continue;
        };
        let name = href.strip_prefix("./").unwrap_or(href);
        if name.is_empty() || name.contains(['/', ':', '?', '#']) {
            return Err(format!("the stylesheet {href} is not a file beside index.html"));
        }
        css.push_str(&read(name)?);
        files.push(name.to_owned());
        style_at.get_or_insert(out.len());
    }
    out.push_str(rest);
    let at = style_at.ok_or("index.html links no stylesheet")?;
    if css.to_ascii_lowercase().contains("</style") {
        return Err("a stylesheet contains \"</style\"".into());
    }
    out.insert_str(at, &format!("<style>{css}</style>"));
    Ok(InlinedStyle { html: out, css, files })
}

/// The CSP source that allows exactly the `<style>` whose text is `css`.
pub fn style_hash_source(css: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(css.as_bytes())))
}

/// `html` with the policy of its `<meta http-equiv=content-security-policy>` allowing the inlined style (its
/// `style-src` gains `hash_source`), and that policy, which the build also writes beside the page for the header.
pub fn allow_style_in_policy(html: &str, hash_source: &str) -> Result<(String, String), String> {
    let meta = html
        .match_indices("<meta ")
        .filter_map(|(start, _)| html[start..].find('>').map(|len| (start, &html[start..start + len + 1])))
        .find(|(_, tag)| attribute(tag, "http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy")));
    let (start, tag) = meta.ok_or("index.html has no content-security-policy <meta>")?;
    let policy = attribute(tag, "content").ok_or("the policy <meta> has no content")?;
    let directives: Vec<String> = policy
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| if d.split_whitespace().next() == Some("style-src") { format!("{d} {hash_source}") } else { d.to_owned() })
        .collect();
    if !directives.iter().any(|d| d.ends_with(hash_source)) {
        return Err("the policy has no style-src to allow the inlined style".into());
    }
    let new_policy = directives.join("; ");
    let new_tag = tag.replacen(policy, &new_policy, 1);
    Ok((format!("{}{new_tag}{}", &html[..start], &html[start + tag.len()..]), new_policy))
}

/// Where the build writes the page's policy (with its style hash), for servers that send it as a header.
pub const POLICY_FILE: &str = "content-security-policy.txt";

/// The files the build writes beside `index.html`: the whole dataset as CSV and as JSON (the notice links them).
pub fn data_files(dataset: &Dataset, raw_json: &str) -> Vec<(String, String)> {
    let all: Vec<usize> = (0..dataset.people.len()).collect();
    vec![(file_name(dataset, false, "csv"), people_csv(dataset, &all)), (file_name(dataset, false, "json"), raw_json.to_owned())]
}

/// Bakes the page in `dir` (Trunk's staging folder): rewrites `index.html` and writes the data files.
pub fn bake_dir(dir: &std::path::Path) -> Result<(), String> {
    let dataset = Arc::new(crate::browser::bundled_dataset().map_err(|p| format!("the bundled dataset is invalid: {p:?}"))?);
    let index_path = dir.join("index.html");
    let index_html = std::fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let en = render_view(dataset.clone(), Lang::En);
    let zh = render_view(dataset.clone(), Lang::Zh);
    let page = wasm_preload_low(&splice(&index_html, &baked_markup(&dataset, &en, &zh))?);
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let inlined = inline_stylesheets(&page, &read)?;
    let (page, policy) = allow_style_in_policy(&inlined.html, &style_hash_source(&inlined.css))?;
    let mut written = vec![(POLICY_FILE.to_owned(), format!("{policy}\n"))];
    written.push(("index.html".to_owned(), page));
    for name in &inlined.files {
        std::fs::remove_file(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
    }
    written.extend(data_files(&dataset, crate::browser::BUNDLED_JSON));
    for (name, text) in written {
        let path = dir.join(&name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Arc<Dataset> {
        Arc::new(crate::browser::bundled_dataset().expect("the bundled data is valid"))
    }

    #[test]
    fn the_baked_view_holds_the_whole_default_view() {
        let data = dataset();
        for lang in [Lang::En, Lang::Zh] {
            let html = render_view(data.clone(), lang);
            // Every person: a lead row, a card with its heading, its detail body and every source link.
            assert_eq!(html.matches("data-testid=\"lead-row\"").count(), data.people.len(), "{lang:?}");
            assert_eq!(html.matches("data-testid=\"person-card\"").count(), data.people.len(), "{lang:?}");
            for p in &data.people {
                assert!(html.contains(&format!("id=\"mslw-name-{}\"", p.id)), "{}", p.id);
                for s in &p.sources {
                    assert!(html.contains(&format!("href=\"{}\"", markup::escape_html(&s.url))), "{}: {}", p.id, s.url);
                }
            }
            assert_eq!(html.matches("data-testid=\"fact-check\"").count(), data.people.iter().map(|p| p.fact_checks().len()).sum::<usize>());
            // The calculator with its default result, background and about.
            for hook in ["calculator", "calc-result", "calc-chosen", "about-data", "corrections", "result-count", "search", "meta-reply"] {
                assert!(html.contains(&format!("data-testid=\"{hook}\"")), "{lang:?} {hook}");
            }
            assert!(html.contains(ui(lang).title));
        }
    }

    #[test]
    fn more_people_than_a_page_bake_every_lead_row_for_show_all() {
        let mut data = (*dataset()).clone();
        let first = data.people[0].clone();
        data.people = (0..crate::filter::PAGE_SIZE + 3)
            .map(|n| {
                let mut p = (*first).clone();
                p.id = format!("p{n}");
                Arc::new(p)
            })
            .collect();
        let html = render_view(Arc::new(data), Lang::En);
        let (shown, all) = html.split_once("<template data-mslw-slot=\"lead-all\">").expect("every row in a template");
        assert_eq!(shown.matches("data-testid=\"lead-row\"").count(), crate::filter::PAGE_SIZE);
        let all = &all[..all.find("</template>").expect("closed")];
        assert_eq!(all.matches("data-testid=\"lead-row\"").count(), crate::filter::PAGE_SIZE + 3);
        // A page of people bakes no such template.
        assert!(!render_view(dataset(), Lang::En).contains("data-mslw-slot=\"lead-all\""));
    }

    #[test]
    fn the_page_gets_both_languages_once_with_chinese_inert() {
        let data = dataset();
        let baked = baked_markup(&data, "<section>EN</section>", "<section>ZH</section>");
        let page = splice("<body><main id=\"msl-widget-root\" class=\"mslw-root\"><noscript>x</noscript></main></body>", &baked).expect("spliced");
        let zh_at = page.find("<template data-mslw-baked=\"zh\"><div class=\"mslw-baked\" data-mslw-baked=\"zh\">").expect("zh template");
        let en_at = page.find("<main id=\"msl-widget-root\" class=\"mslw-root\"><div class=\"mslw-baked\" data-mslw-baked=\"en\">").expect("en view");
        assert!(en_at < zh_at && page[en_at..zh_at].ends_with("EN</section></div>"), "{page}");
        // boot.js knows the template is complete when the next element (here the no-script table) starts.
        assert!(page.ends_with("<section>ZH</section></div></template><noscript>x</noscript></main></body>"), "{page}");
        assert_eq!(page.matches("data-testid=\"static-notice\" hidden=\"\"").count(), 2);
        // A minified page (unquoted attributes) is found too; a page without the root, or baked already, is refused.
        assert!(splice("<main class=mslw-root id=msl-widget-root></main>", "B").expect("minified").contains("msl-widget-root>B</main>"));
        assert!(splice("<main></main>", "B").unwrap_err().contains("msl-widget-root"));
        assert!(splice(&page, &baked).unwrap_err().contains("already"));
    }

    #[test]
    fn the_wasm_preload_waits_behind_what_the_first_paint_needs() {
        let head = "<link href=/w.css rel=stylesheet><link as=fetch crossorigin href=/m-1_bg.wasm integrity=sha384-x rel=preload type=application/wasm><link href=/m-1.js rel=modulepreload>";
        let out = wasm_preload_low(head);
        assert_eq!(out, head.replace("type=application/wasm>", "type=application/wasm fetchpriority=low>"));
        assert_eq!(wasm_preload_low(&out), out, "once");
        assert_eq!(wasm_preload_low("<p>no links</p>"), "<p>no links</p>");
    }

    #[test]
    fn the_stylesheets_are_inlined_in_order_where_the_first_was() {
        let files = |name: &str| match name {
            "w-1.css" => Ok("a{color:red}".to_owned()),
            "p-2.css" => Ok("b{color:blue}".to_owned()),
            other => Err(format!("{other}: no such file")),
        };
        // Minified (unquoted, Trunk's order) and quoted forms; other links stay.
        let head = "<script src=boot.js></script><link href=./w-1.css integrity=sha384-x rel=stylesheet><link href=./p-2.css integrity=sha384-y rel=stylesheet><link href=./m.js rel=modulepreload>";
        let out = inline_stylesheets(head, &files).expect("inlined");
        assert_eq!(out.html, "<script src=boot.js></script><style>a{color:red}b{color:blue}</style><link href=./m.js rel=modulepreload>");
        assert_eq!((out.css.as_str(), out.files), ("a{color:red}b{color:blue}", vec!["w-1.css".to_owned(), "p-2.css".to_owned()]));
        let quoted = inline_stylesheets("<link rel=\"stylesheet\" href=\"./w-1.css\"/><p>x</p>", &files).expect("quoted");
        assert_eq!(quoted.html, "<style>a{color:red}</style><p>x</p>");
        // What cannot be inlined is an error that names it, never a page without its style.
        assert!(inline_stylesheets("<link rel=stylesheet href=./gone.css>", &files).unwrap_err().contains("gone.css"));
        assert!(inline_stylesheets("<link rel=stylesheet href=https://cdn.example/x.css>", &files).unwrap_err().contains("not a file"));
        assert!(inline_stylesheets("<link rel=icon href=data:,>", &files).unwrap_err().contains("no stylesheet"));
        let closes = |_: &str| Ok("a{}</STYLE><script>".to_owned());
        assert!(inline_stylesheets("<link rel=stylesheet href=a.css>", &closes).unwrap_err().contains("</style"));
    }

    #[test]
    fn the_policy_allows_exactly_the_inlined_style() {
        // The SHA-256 of the empty string, as a CSP source.
        assert_eq!(style_hash_source(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
        let page = "<meta charset=utf-8><meta content=\"default-src 'none'; style-src 'self'; img-src 'self'\" http-equiv=content-security-policy><title>t</title>";
        let (html, policy) = allow_style_in_policy(page, "'sha256-X'").expect("allowed");
        assert_eq!(policy, "default-src 'none'; style-src 'self' 'sha256-X'; img-src 'self'");
        assert_eq!(html, page.replace("style-src 'self'", "style-src 'self' 'sha256-X'"));
        assert!(allow_style_in_policy("<meta charset=utf-8>", "'sha256-X'").unwrap_err().contains("no content-security-policy"));
        let no_style = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">";
        assert!(allow_style_in_policy(no_style, "'sha256-X'").unwrap_err().contains("no style-src"));
    }

    #[test]
    fn the_notice_links_the_data_files_the_build_writes() {
        let data = dataset();
        let files = data_files(&data, crate::browser::BUNDLED_JSON);
        for lang in [Lang::En, Lang::Zh] {
            let notice = static_notice_markup(&data, lang);
            for (name, _) in &files {
                assert!(notice.contains(&format!("href=\"{name}\" download=\"\"")), "{notice}");
            }
            assert!(notice.contains(ui(lang).static_notice));
            assert!(!notice.contains("。 ") && !notice.contains("： "), "{notice}");
        }
        assert!(files[0].1.contains("Bert Maher") && files[1].1 == crate::browser::BUNDLED_JSON);
    }
}
