//! The read-only blocks the build rendered into the standalone page, kept for the live view: the page's wasm
//! shows them in either language without the code that writes them.
//!
//! Where the full views are compiled (natively for the bake, and in the npm package, where a host's dataset is
//! known only at run time), [`read_only!`] calls the block's markup function. In the standalone page's wasm
//! (`cfg(baked_page)`, set by build.rs) that call is not compiled, nor are the markup functions and the data they
//! read; the block's markup comes from the baked page instead.

#[cfg(baked_page)]
use crate::model::Lang;
#[cfg(baked_page)]
use std::{cell::RefCell, collections::HashMap};

/// Names a read-only block in the baked page; the element carrying it holds the block's markup.
pub const SLOT_ATTR: &str = "data-mslw-slot";

/// Whether this build carries the code that writes the read-only blocks.
pub const FULL_VIEWS: bool = !cfg!(baked_page);

/// `read_only!(slot, lang, render)`: the markup of the read-only block `slot` in `lang`. Where the full views are
/// compiled, the expression `render` writes it. In the standalone page's wasm `render` is not compiled at all (the
/// data it reads is not there either: see `Dataset::bundled`), and the markup is the one the build baked.
#[macro_export]
macro_rules! read_only {
    ($slot:expr, $lang:expr, $render:expr) => {{
        // The slot is named but not needed here (a closure never called: nothing is computed).
        #[cfg(not(baked_page))]
        let html: String = {
            let _ = || {
                let _ = &$slot;
            };
            $render
        };
        #[cfg(baked_page)]
        let html: String = $crate::prerendered::baked_html(&$slot, $lang);
        html
    }};
}

/// The slot of a person's card: the card's `<li>` holds it.
pub fn card_slot(person_id: &str) -> String {
    format!("card:{person_id}")
}

#[cfg(baked_page)]
thread_local! {
    /// Each baked view (the shown one, and its twin's in a `<template>`) until its language is first asked for.
    static UNREAD: RefCell<Vec<(Lang, web_sys::Element)>> = const { RefCell::new(Vec::new()) };
    /// The slots of each language read so far.
    static SLOTS: RefCell<HashMap<(Lang, String), String>> = RefCell::new(HashMap::new());
}

/// The markup the build baked for `slot` in `lang` (see [`read_only!`]).
#[cfg(baked_page)]
pub fn baked_html(slot: &str, lang: Lang) -> String {
    // Read at the first block asked for in a language: the shown one's while the live view is first built, before it
    // replaces the baked one; the other's at the first language switch, if there is one.
    let unread = UNREAD.with(|u| {
        let mut u = u.borrow_mut();
        u.iter().position(|(l, _)| *l == lang).map(|at| u.swap_remove(at).1)
    });
    if let Some(root) = unread {
        read_slots(&root, lang);
    }
    let found = SLOTS.with(|s| s.borrow().get(&(lang, slot.to_owned())).cloned());
    found.unwrap_or_else(|| {
        // A build that baked this block differently: say so to whoever debugs the page.
        web_sys::console::error_1(&format!("msl-departures: the page has no baked block {slot:?} in {}", lang.as_str()).into());
        String::new()
    })
}

#[cfg(baked_page)]
fn read_slots(root: &web_sys::Element, lang: Lang) {
    use wasm_bindgen::JsCast;
    let Ok(slots) = root.query_selector_all(&format!("[{SLOT_ATTR}], li[data-person-id]")) else { return };
    SLOTS.with(|s| {
        let mut s = s.borrow_mut();
        for slot in (0..slots.length()).filter_map(|i| slots.item(i)?.dyn_into::<web_sys::Element>().ok()) {
            let name = slot.get_attribute(SLOT_ATTR).or_else(|| slot.get_attribute("data-person-id").map(|id| card_slot(&id)));
            if let Some(name) = name {
                s.insert((lang, name), slot.inner_html());
            }
        }
    });
}

/// Keeps the baked views in `document` (the shown one, and its twin in a `<template>`) for their blocks, before the
/// live view replaces them. Returns the languages found; the page's views need both.
#[cfg(baked_page)]
pub fn keep(document: &web_sys::Document) -> Vec<Lang> {
    use wasm_bindgen::JsCast;
    let mut found = Vec::new();
    let Ok(all) = document.query_selector_all("[data-mslw-baked]") else { return found };
    for node in (0..all.length()).filter_map(|i| all.item(i)) {
        let Ok(element) = node.dyn_into::<web_sys::Element>() else { continue };
        let Some(lang) = element.get_attribute("data-mslw-baked").as_deref().and_then(Lang::from_tag) else { continue };
        // A <template>'s view is in its inert content.
        let root: Option<web_sys::Element> = match element.dyn_ref::<web_sys::HtmlTemplateElement>() {
            Some(template) => template.content().first_element_child(),
            None => Some(element),
        };
        let Some(root) = root else { continue };
        UNREAD.with(|u| u.borrow_mut().push((lang, root)));
        found.push(lang);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natively_a_block_is_written_by_its_own_code() {
        assert_eq!(crate::read_only!("anything", crate::model::Lang::Zh, "<p>x</p>".to_owned()), "<p>x</p>");
    }

    #[test]
    fn a_card_slot_names_its_person() {
        assert_eq!(card_slot("bert-maher"), "card:bert-maher");
    }
}
