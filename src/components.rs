//! The view layer: components that wire signals to the pure modules and hold no business logic.

pub mod about;
pub mod app;
pub mod calculator;
pub mod card;
pub mod chart;
pub mod context;
pub mod embed_dialog;
pub mod filter_bar;
pub mod grid;
pub mod lead_figure;
pub mod reply;

use crate::i18n::{ui, Ui};
use crate::model::Lang;
use leptos::prelude::*;

/// A UI string that follows the active language. Non-generic on purpose: every call site shares one
/// closure type, so the wasm carries one render effect for all UI strings instead of one per string.
pub fn tr(lang: RwSignal<Lang>, pick: fn(&Ui) -> &'static str) -> impl Fn() -> &'static str + Clone + Send + Sync + 'static {
    move || pick(ui(lang.get()))
}
