//! The reactive layer: one `Copy` struct of signals and memos, each memo calling one pure function.
//!
//! No DOM here. Components read what they need from [`WidgetState`]; the only effects (URL sync, host
//! callbacks) live in the root component.

use crate::filter::{FilterState, Paging, PeopleIndex, SearchHits};
use crate::model::{Dataset, Lang};
use crate::pay::CalcInputs;
use crate::url_state::{Theme, UrlState};
use leptos::prelude::*;
#[cfg(not(baked_page))]
use std::borrow::Cow;
use std::sync::Arc;

/// The immutable inputs of one widget instance.
pub struct WidgetData {
    pub dataset: Arc<Dataset>,
    pub index: PeopleIndex,
    /// Prefix for every DOM id, so two widgets on one page never share an id.
    pub id_prefix: String,
    /// The dataset as JSON text, for the "whole dataset" download (the standalone page links to the file the build
    /// wrote instead).
    #[cfg(not(baked_page))]
    pub raw_json: Cow<'static, str>,
    /// The host's name for this widget (npm `label`), added to its landmarks' names.
    pub label: Option<String>,
}

impl WidgetData {
    #[cfg(not(baked_page))]
    pub fn new(dataset: Arc<Dataset>, id_prefix: String) -> WidgetData {
        let index = PeopleIndex::new(&dataset);
        WidgetData { dataset, index, id_prefix, raw_json: Cow::Borrowed(crate::browser::BUNDLED_JSON), label: None }
    }

    /// For a host that names this widget.
    pub fn with_label(mut self, label: Option<String>) -> WidgetData {
        self.label = label;
        self
    }

    /// The id of the element holding the host's name for this widget, if it gave one. Only the npm package's `mount`
    /// can: saying so here leaves the labelling code out of the standalone page's wasm.
    pub fn label_id(&self) -> Option<String> {
        self.label.as_ref().filter(|_| cfg!(feature = "npm")).map(|_| self.id("label"))
    }

    /// The standalone page's: the bundled dataset and its search index as build.rs wrote them.
    #[cfg(baked_page)]
    pub fn bundled(id_prefix: String) -> WidgetData {
        WidgetData { dataset: Arc::new(Dataset::bundled()), index: PeopleIndex::bundled(), id_prefix, label: None }
    }

    /// For a host-supplied dataset: the JSON text it was read from.
    #[cfg(not(baked_page))]
    pub fn with_raw_json(mut self, raw_json: String) -> WidgetData {
        self.raw_json = Cow::Owned(raw_json);
        self
    }

    /// A DOM id unique to this widget instance.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{}", self.id_prefix, name)
    }
}

/// The `aria-labelledby` of one of the widget's landmarks: its heading, then the host's name for the widget if it
/// gave one, so that two widgets in one language on a page never share a landmark's name.
pub fn landmark_labelled_by(heading_id: &str, label_id: Option<&str>) -> String {
    match label_id {
        Some(label) => format!("{heading_id} {label}"),
        None => heading_id.to_owned(),
    }
}

/// All reader-changeable state of one widget instance.
#[derive(Clone, Copy)]
pub struct WidgetState {
    pub data: StoredValue<Arc<WidgetData>>,
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Option<Theme>>,
    pub filter: RwSignal<FilterState>,
    /// The calculator's inputs (shared by the cards' "what would this pay" buttons).
    pub calc: RwSignal<CalcInputs>,
    /// How many of the matching cards are rendered ("Show more", "Show all"), for which selection.
    pub paging: RwSignal<Paging>,
    /// The facets and sort the reader chose, without the search text: what the list, the counts and the
    /// checkboxes depend on, so a keystroke in the search box reaches them only through `search_hits`.
    pub choices: Memo<FilterState>,
    /// Who matches the search text. Recomputed only when the query changes, from the previous result.
    pub search_hits: Memo<SearchHits>,
    /// Indices into `dataset.people` of everyone matching, in display order.
    pub matching: Memo<Vec<usize>>,
}

impl WidgetState {
    pub fn new(data: Arc<WidgetData>, initial: UrlState, lang: Lang) -> WidgetState {
        let mut filter = initial.filter;
        filter.retain_known(&data.index);
        let data = StoredValue::new(data);
        let filter = RwSignal::new(filter);
        // The query alone, so that ticking a facet does not redo the text search.
        let query = Memo::new(move |_| filter.with(|f| f.query.clone()));
        let search_hits = Memo::new(move |previous: Option<&SearchHits>| query.with(|q| data.with_value(|d| d.index.search_from(previous, q))));
        let choices = Memo::new(move |_| filter.with(FilterState::without_query));
        let matching = Memo::new(move |_| search_hits.with(|h| choices.with(|f| data.with_value(|d| d.index.visible_with(f, h)))));
        WidgetState {
            data,
            lang: RwSignal::new(lang),
            theme: RwSignal::new(initial.theme),
            filter,
            calc: RwSignal::new(initial.calc),
            paging: RwSignal::new(Paging::default()),
            choices,
            search_hits,
            matching,
        }
    }

    /// The state as it is written to the URL.
    pub fn url_state(&self) -> UrlState {
        UrlState { lang: Some(self.lang.get()), theme: self.theme.get(), filter: self.filter.get(), calc: self.calc.get() }
    }

    pub fn data(&self) -> Arc<WidgetData> {
        self.data.get_value()
    }

    pub fn total(&self) -> usize {
        self.data.with_value(|d| d.dataset.people.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_landmark_is_named_by_its_heading_then_the_hosts_label() {
        assert_eq!(landmark_labelled_by("w-title", None), "w-title");
        assert_eq!(landmark_labelled_by("w-title", Some("w-label")), "w-title w-label");
    }
}
