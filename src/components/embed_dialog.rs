//! The "Embed" button and its dialog: the copy-paste iframe snippet for the current view, and a copy button.
//!
//! A native `<dialog>` opened with `showModal()`: the browser moves focus in, traps it, and closes on
//! Escape; on close, focus is put back on the button explicitly. Copying uses the async clipboard and,
//! where that is missing or refused, selects the snippet and asks the reader to copy it.

use crate::model::Lang;
use crate::state::WidgetState;
use crate::url_state::to_query;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The embed feature's own words (kept here rather than in i18n.rs, which is shared with other work).
struct EmbedText {
    button: &'static str,
    title: &'static str,
    intro: &'static str,
    snippet_label: &'static str,
    copy: &'static str,
    close: &'static str,
    copied: &'static str,
    copy_manually: &'static str,
}

const EN: EmbedText = EmbedText {
    button: "Embed",
    title: "Embed this view",
    intro: "Paste this code into your page. It shows the widget with the current filters, sorting, language and theme, and sizes itself to its content.",
    snippet_label: "Embed code",
    copy: "Copy code",
    close: "Close",
    copied: "Copied to the clipboard.",
    copy_manually: "The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
};

const ZH: EmbedText = EmbedText {
    button: "嵌入",
    title: "嵌入当前视图",
    intro: "把这段代码粘贴到你的网页中。它会以当前的筛选、排序、语言和主题显示本组件，并自动适应内容高度。",
    snippet_label: "嵌入代码",
    copy: "复制代码",
    close: "关闭",
    copied: "已复制到剪贴板。",
    copy_manually: "代码已选中：请按Ctrl+C（Mac上为⌘C）复制。",
};

fn text(lang: Lang) -> &'static EmbedText {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The host-page attribute that `embed.js` looks for.
pub const EMBED_ATTR: &str = "data-msl-departures-embed";

/// A host's `embedUrl` as the address of the page's folder: "https://example.org/msl" names the folder `msl/`
/// (its `embed.js` is `msl/embed.js`, not the site root's), while "…/msl/index.html" names the page itself.
pub fn page_url_of_folder(url: &str) -> String {
    let page = url.split(['?', '#']).next().unwrap_or_default();
    let path_start = page.find("://").map(|i| i + 3).and_then(|i| page[i..].find('/').map(|j| i + j));
    match path_start {
        None => format!("{page}/"),
        Some(i) => {
            let last = page[i..].rsplit('/').next().unwrap_or_default();
            if last.is_empty() || last.contains('.') {
                page.to_owned()
            } else {
                format!("{page}/")
            }
        }
    }
}

/// The copy-paste snippet for the page at `page_url` (origin and path, no query) showing `query`.
/// `embed.js` sits next to the page. Attribute values are HTML-escaped, so any URL is safe to paste.
pub fn embed_snippet(page_url: &str, query: &str) -> String {
    let page = page_url.split(['?', '#']).next().unwrap_or_default();
    let dir = match page.rfind('/') {
        // Keep "https://host/" whole: the last slash of the scheme is not a path separator.
        Some(i) if page[..i].ends_with('/') || page[..i].ends_with(':') => format!("{page}/"),
        Some(i) => page[..=i].to_owned(),
        None => format!("{page}/"),
    };
    let src = if query.is_empty() { page.to_owned() } else { format!("{page}?{query}") };
    format!(
        "<div {EMBED_ATTR} data-src=\"{}\"></div>\n<script src=\"{}embed.js\" async></script>",
        crate::markup::escape_html(&src),
        crate::markup::escape_html(&dir)
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CopyStatus {
    Idle,
    Copied,
    Manual,
}

/// The button and its dialog.
#[component]
pub fn EmbedDialog(
    /// The standalone page's URL (origin and path), which the snippet's iframe loads.
    page_url: String,
) -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let data = state.data();
    let (title_id, intro_id, snippet_id) = (data.id("embed-title"), data.id("embed-intro"), data.id("embed-snippet"));
    let (labelled_by, described_by, snippet_label_for) = (title_id.clone(), intro_id.clone(), snippet_id.clone());
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let status = RwSignal::new(CopyStatus::Idle);
    let snippet = Memo::new(move |_| embed_snippet(&page_url, &to_query(&state.url_state())));

    let open = move |_| {
        status.set(CopyStatus::Idle);
        if let Some(d) = dialog.get() {
            let framed = crate::frame::in_host_frame();
            // Placed before opening too: opening focuses the dialog, and the host page scrolls to wherever it is.
            // Before it is shown its height is unknown (0): a generous guess keeps it inside the frame even when
            // the button sits at the widget's foot, so focusing it never scrolls the host page elsewhere.
            if framed {
                place_by_opener(&d, button.get().as_ref(), UNMEASURED_DIALOG_HEIGHT);
            }
            // Fails only if already open or detached; either way there is nothing to do.
            let _ = d.show_modal();
            if framed {
                place_by_opener(&d, button.get().as_ref(), 0.0);
                // The frame is as tall as the widget: the dialog is inside it but may reach below the host's screen
                // (42 px at 390 px wide). The host page scrolls it into view, no further than needed.
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                d.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // Escape, the close button and form submission all end here: focus goes back where it came from.
    let restore_focus = move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    };
    let select_snippet = move || {
        // try_: also called after the clipboard answered, when the widget may have been unmounted.
        if let Some(t) = textarea.try_get_untracked().flatten() {
            let _ = t.focus();
            t.select();
        }
    };
    let copy = move |_| {
        let value = snippet.get_untracked();
        match clipboard_write(&value) {
            Some(promise) => leptos::task::spawn_local(async move {
                let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                if !copied {
                    select_snippet();
                }
                // try_set: the widget may have been unmounted while the clipboard answered.
                let _ = status.try_set(if copied { CopyStatus::Copied } else { CopyStatus::Manual });
            }),
            None => {
                select_snippet();
                status.set(CopyStatus::Manual);
            }
        }
    };
    let status_text = move || match status.get() {
        CopyStatus::Idle => "",
        CopyStatus::Copied => text(lang.get()).copied,
        CopyStatus::Manual => text(lang.get()).copy_manually,
    };
    let t = move |pick: fn(&EmbedText) -> &'static str| move || pick(text(lang.get()));

    view! {
        <button type="button" class="mslw-embed-button" data-testid="embed-button" aria-haspopup="dialog"
            node_ref=button on:click=open>
            {t(|x| x.button)}
        </button>
        <dialog class="mslw-dialog" data-testid="embed-dialog" node_ref=dialog
            aria-labelledby=labelled_by aria-describedby=described_by on:close=restore_focus>
            <h3 id=title_id class="mslw-dialog-title">{t(|x| x.title)}</h3>
            <p id=intro_id>{t(|x| x.intro)}</p>
            <label for=snippet_label_for class="mslw-dialog-label">{t(|x| x.snippet_label)}</label>
            <textarea id=snippet_id class="mslw-snippet" data-testid="embed-snippet" readonly rows="5"
                spellcheck="false" autocomplete="off" node_ref=textarea prop:value=move || snippet.get()></textarea>
            <div class="mslw-dialog-actions">
                <button type="button" data-testid="embed-copy" on:click=copy>{t(|x| x.copy)}</button>
                <button type="button" data-testid="embed-close" on:click=close>
                    {t(|x| x.close)}
                </button>
            </div>
            <p class="mslw-copy-status" role="status" data-testid="embed-copy-status">{status_text}</p>
        </dialog>
    }
}

/// `navigator.clipboard.writeText(text)`, or `None` where the API is missing (insecure context, old
/// browser) or throws. Looked up by reflection so a missing API is a `None`, never a JS exception.
fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let navigator = crate::browser::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(JsValue::is_object)?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    write.call1(&clipboard, &text.into()).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// The dialog's height assumed before it is first laid out, in CSS pixels (it is shorter at every width).
const UNMEASURED_DIALOG_HEIGHT: f64 = 640.0;

/// Inside the embed's iframe, puts the dialog at its opener's height (see [`crate::frame::dialog_top`]), assuming it is at least `min_height` tall.
fn place_by_opener(dialog: &web_sys::HtmlDialogElement, opener: Option<&web_sys::HtmlButtonElement>, min_height: f64) {
    let (Some(opener), Some(window)) = (opener, crate::browser::window()) else {
        return;
    };
    let viewport = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let height = dialog.get_bounding_client_rect().height().max(min_height);
    let top = crate::frame::dialog_top(opener.get_bounding_client_rect().top(), height, viewport);
    // Through the CSSOM, which a strict style-src allows (a style attribute it would not). Whole pixels:
    // formatting an f64 would pull the float printer (about 7 KB) into the wasm.
    if let Ok(style) = js_sys::Reflect::get(dialog, &"style".into()) {
        let _ = js_sys::Reflect::set(&style, &"margin".into(), &format!("{}px auto auto", top.round() as i64).into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chinese_texts_pass_the_copy_edit_lint() {
        let t = text(Lang::Zh);
        for s in [t.button, t.title, t.intro, t.snippet_label, t.copy, t.close, t.copied, t.copy_manually] {
            assert_eq!(crate::zh_lint::lint(s), [], "{s}");
        }
    }

    #[test]
    fn an_embed_url_without_a_trailing_slash_names_its_folder() {
        for (given, page) in [
            ("https://example.org/msl", "https://example.org/msl/"),
            ("https://example.org/msl/", "https://example.org/msl/"),
            ("https://example.org", "https://example.org/"),
            ("https://example.org/msl/index.html", "https://example.org/msl/index.html"),
            ("https://example.org/2025/graphics/msl?lang=zh#x", "https://example.org/2025/graphics/msl/"),
        ] {
            assert_eq!(page_url_of_folder(given), page, "{given}");
        }
        assert!(embed_snippet(&page_url_of_folder("https://example.org/msl"), "").contains("src=\"https://example.org/msl/embed.js\""));
    }

    #[test]
    fn the_snippet_loads_the_page_with_the_view_and_embed_js_beside_it() {
        assert_eq!(
            embed_snippet("https://news.example/msl/", "lang=zh&dest=openai"),
            "<div data-msl-departures-embed data-src=\"https://news.example/msl/?lang=zh&amp;dest=openai\"></div>\n\
             <script src=\"https://news.example/msl/embed.js\" async></script>"
        );
        assert_eq!(
            embed_snippet("http://127.0.0.1:8080/index.html?x=1#y", ""),
            "<div data-msl-departures-embed data-src=\"http://127.0.0.1:8080/index.html\"></div>\n\
             <script src=\"http://127.0.0.1:8080/embed.js\" async></script>"
        );
        assert!(embed_snippet("https://a.example", "").contains("src=\"https://a.example/embed.js\""));
    }

    #[test]
    fn markup_in_a_url_cannot_break_out_of_the_attribute() {
        let s = embed_snippet("https://a.example/\"><script>x</script>/", "q=a");
        assert!(!s.contains("\"><script>x"), "{s}");
        assert!(s.contains("&quot;&gt;&lt;script&gt;"));
    }
}
