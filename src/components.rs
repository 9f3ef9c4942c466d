//! The view layer: components that wire signals to the pure modules and hold no business logic.

pub mod app;
pub mod card;
