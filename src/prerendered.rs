//! The read-only blocks the build rendered into the standalone page, kept for the live view: the page's wasm
//! shows them in either language without the code that writes them.
//!
//! Where the full views are compiled (natively for the bake, and in the npm package, where a host's dataset is
//! known only at run time), [`read_only`] calls the block's markup function. In the standalone page's wasm
//! (`cfg(not(full_views))`, set by build.rs) that call is dead code, so the markup functions are left out of the
//! module; the block's markup comes from the baked page instead.

use crate::model::Lang;
#[cfg(not(full_views))]
use std::{cell::RefCell, collections::HashMap};

/// Names a read-only block in the baked page; the element carrying it holds the block's markup.
pub const SLOT_ATTR: &str = "data-mslw-slot";

/// Whether this build carries the code that writes the read-only blocks.
pub const FULL_VIEWS: bool = cfg!(full_views);

/// The markup of the read-only block `slot` in `lang`: `render()` where the full views are compiled, else the
/// markup the build baked for it.
pub fn read_only(slot: &str, lang: Lang, render: impl FnOnce() -> String) -> String {
    if FULL_VIEWS {
        render()
    } else {
        baked_html(slot, lang)
    }
}

/// The slot of a person's card: the card's `<li>` holds it.
pub fn card_slot(person_id: &str) -> String {
    format!("card:{person_id}")
}

#[cfg(full_views)]
fn baked_html(_slot: &str, _lang: Lang) -> String {
    String::new()
}

#[cfg(not(full_views))]
thread_local! {
    /// Each baked view (the shown one, and its twin's in a `<template>`) until its language is first asked for.
    static UNREAD: RefCell<Vec<(Lang, web_sys::Element)>> = const { RefCell::new(Vec::new()) };
    /// The slots of each language read so far.
    static SLOTS: RefCell<HashMap<(Lang, String), String>> = RefCell::new(HashMap::new());
}

#[cfg(not(full_views))]
fn baked_html(slot: &str, lang: Lang) -> String {
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

#[cfg(not(full_views))]
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
#[cfg(not(full_views))]
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
        assert!(FULL_VIEWS, "the bake and the native tests render every view");
        assert_eq!(read_only("anything", Lang::Zh, || "<p>x</p>".into()), "<p>x</p>");
    }

    #[test]
    fn a_card_slot_names_its_person() {
        assert_eq!(card_slot("bert-maher"), "card:bert-maher");
    }
}
