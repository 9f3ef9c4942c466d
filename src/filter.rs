//! Filtering, search, sorting and paging of people: facet options with "would leave" counts and how many
//! are listed, a folded search index, how many matching cards are rendered.
//!
//! Pure and allocation-light on the hot path: the search haystack of every person is folded once when the
//! dataset is indexed, so a keystroke folds only the query and runs substring checks over at most everyone
//! (O(N), small constant), and over the previous matches only when it narrows the previous query.

use crate::model::{Cohort, Dataset, Lang, Person, Text};
use crate::order::{first_of_each, order_by_keys, order_by_text};

/// The three facets a reader can filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Cohort,
    Destination,
    Prior,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Cohort, Facet::Destination, Facet::Prior];

    /// The URL key and the `data-testid` suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Cohort => "cohort",
            Facet::Destination => "dest",
            Facet::Prior => "prior",
        }
    }
}

/// How the grid is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    #[default]
    TenureLongFirst,
    TenureShortFirst,
    Name,
    AnnouncedNewest,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [SortKey::TenureLongFirst, SortKey::TenureShortFirst, SortKey::Name, SortKey::AnnouncedNewest];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::TenureLongFirst => "tenure-desc",
            SortKey::TenureShortFirst => "tenure-asc",
            SortKey::Name => "name",
            SortKey::AnnouncedNewest => "announced",
        }
    }

    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What the reader has chosen. Selections are kept sorted and unique so equal views compare equal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterState {
    pub query: String,
    pub cohort: Vec<String>,
    pub dest: Vec<String>,
    pub prior: Vec<String>,
    pub sort: SortKey,
}

impl FilterState {
    pub fn selected(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Cohort => &self.cohort,
            Facet::Destination => &self.dest,
            Facet::Prior => &self.prior,
        }
    }

    pub fn selected_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Cohort => &mut self.cohort,
            Facet::Destination => &mut self.dest,
            Facet::Prior => &mut self.prior,
        }
    }

    /// Adds or removes one option, keeping the selection sorted and unique.
    pub fn toggle(&mut self, facet: Facet, key: &str) {
        let keys = self.selected_mut(facet);
        match keys.binary_search_by(|k| k.as_str().cmp(key)) {
            Ok(i) => {
                keys.remove(i);
            }
            Err(i) => keys.insert(i, key.to_owned()),
        }
    }

    /// True when any filter or search narrows the list (sort does not count).
    pub fn is_filtered(&self) -> bool {
        !self.query.trim().is_empty() || Facet::ALL.iter().any(|f| !self.selected(*f).is_empty())
    }

    /// The facets and the sort without the search text: what the list and the counts need besides the hits.
    pub fn without_query(&self) -> FilterState {
        FilterState { query: String::new(), ..self.clone() }
    }

    /// Clears search and filters, keeping the sort order.
    pub fn cleared(&self) -> FilterState {
        FilterState { sort: self.sort, ..FilterState::default() }
    }

    /// Drops selections that name no option of the dataset (e.g. from an old or edited link).
    pub fn retain_known(&mut self, index: &PeopleIndex) {
        for facet in Facet::ALL {
            let known = index.options(facet);
            self.selected_mut(facet).retain(|k| known.iter().any(|o| &o.key == k));
        }
    }
}

/// How many matching cards are rendered before "Show more". Layout of thousands of cards dominates any
/// framework's cost, so large host datasets are paged (shared/research/performance.md). 24 fills whole rows
/// at one to four columns and is about three screens of cards on a desktop; a keystroke that swaps every
/// rendered card then parses 24 cards, not 60 (`make bench`: see the commit that set it).
pub const PAGE_SIZE: usize = 24;

/// How many options a facet shows before its "More options" disclosure.
pub const FACET_OPTIONS_SHOWN: usize = 12;
/// How many options a facet builds at most. A host dataset may name thousands of employers, and every built
/// option is a checkbox with a live count (their cost would grow with each keystroke); the others are found
/// through the search box, which matches employers too.
pub const FACET_OPTIONS_LISTED: usize = 100;

/// How a facet's options are listed (see [`facet_listing`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetListing {
    /// Positions of the options built as checkboxes, in the order shown.
    pub listed: Vec<usize>,
    /// How many of `listed` come first; the others go in the "More options" disclosure.
    pub shown: usize,
    /// How many options are not built at all.
    pub unlisted: usize,
}

/// A facet's listing: short facets (at most three over [`FACET_OPTIONS_SHOWN`]) whole; longer ones show their
/// first options plus any selected further down (a shared link may select one), then list the rest up to
/// [`FACET_OPTIONS_LISTED`] in a "More options" disclosure.
pub fn facet_listing(options: &[FacetOption], selected: &[String]) -> FacetListing {
    let n = options.len();
    if n <= FACET_OPTIONS_SHOWN + 3 {
        return FacetListing { listed: (0..n).collect(), shown: n, unlisted: 0 };
    }
    let (mut listed, rest): (Vec<usize>, Vec<usize>) =
        (0..n).partition(|&i| i < FACET_OPTIONS_SHOWN || selected.iter().any(|k| *k == options[i].key));
    let shown = listed.len();
    listed.extend(rest.into_iter().take(FACET_OPTIONS_LISTED.saturating_sub(shown)));
    FacetListing { unlisted: n - listed.len(), listed, shown }
}

/// How far the reader has paged, and for which selection: "Show more" and "Show all" widen the list the
/// reader is looking at; a different search or filter starts again at one page, so a new query after "Show
/// all" never renders thousands of cards per keystroke. The sort order is not part of it: re-sorting the same
/// people keeps what the reader opened up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paging {
    widened: Option<(FilterState, usize)>,
}

impl Paging {
    /// How many of the matching cards to render under `filter`.
    pub fn limit(&self, filter: &FilterState) -> usize {
        match &self.widened {
            Some((for_filter, limit)) if Self::same_people(for_filter, filter) => *limit,
            _ => PAGE_SIZE,
        }
    }

    /// "Show more": one page more than is rendered now.
    pub fn show_more(&mut self, filter: &FilterState) {
        let limit = self.limit(filter).saturating_add(PAGE_SIZE);
        self.widened = Some((filter.clone(), limit));
    }

    /// "Show all": every match of this selection.
    pub fn show_all(&mut self, filter: &FilterState) {
        self.widened = Some((filter.clone(), usize::MAX));
    }

    /// Forgets a widening made under another selection, so that returning to it starts at one page again
    /// (clearing a search after "Show all" of 10,000 people must not render all of them on that keystroke's
    /// successor); true when it did. Run after the view has updated: [`Paging::limit`] already ignores it.
    pub fn forget_other(&mut self, filter: &FilterState) -> bool {
        let stale = self.widened.as_ref().is_some_and(|(for_filter, _)| !Self::same_people(for_filter, filter));
        if stale {
            self.widened = None;
        }
        stale
    }

    fn same_people(a: &FilterState, b: &FilterState) -> bool {
        a.query == b.query && a.cohort == b.cohort && a.dest == b.dest && a.prior == b.prior
    }
}

/// One choice within a facet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption {
    pub key: String,
    pub label: Text,
}

/// Per-person facet keys and folded search text, built once per dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct PeopleIndex {
    cohort_options: Vec<FacetOption>,
    dest_options: Vec<FacetOption>,
    prior_options: Vec<FacetOption>,
    entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq)]
struct Entry {
    /// Positions in the facets' option lists (cohort, destination, prior employers), so matching and
    /// counting compare integers, not strings: a keystroke over 10,000 people counts three facets.
    cohort: u32,
    dest: u32,
    priors: Vec<u32>,
    haystack: String,
    /// Position in alphabetical order of the folded English name (ties keep dataset order).
    name_rank: u32,
    /// Weeks × 100, so sorting needs no float comparison.
    tenure_key: i64,
    announced_key: u32,
}

/// A person's option keys before they become positions: cohort, destination, prior employers.
type OptionKeys = (String, String, Vec<String>);

/// The destination key for people whose next step is not announced.
pub const NOT_ANNOUNCED: &str = "not-announced";

impl PeopleIndex {
    #[cfg(not(baked_page))]
    pub fn new(dataset: &Dataset) -> PeopleIndex {
        let not_announced = Text { zh: "尚未公布".into(), en: "Not announced".into() };
        // Every person's option keys with their labels; each facet's options are the first of each key. Found
        // by hash (order::first_of_each), not by scanning the options per person: a host dataset of 10,000
        // people with as many distinct employers made that scan quadratic (seconds at mount).
        let dest_keys: Vec<(String, &Text)> = dataset
            .people
            .iter()
            .map(|p| match &p.destination.org {
                Some(org) => (slug(&org.en), org),
                None => (NOT_ANNOUNCED.to_owned(), &not_announced),
            })
            .collect();
        let prior_keys: Vec<(String, &Text)> =
            dataset.people.iter().flat_map(|p| p.prior_employers.iter().map(|e| (slug(&e.org.en), &e.org))).collect();
        let options_of = |keys: &[(String, &Text)]| -> Vec<FacetOption> {
            first_of_each(keys.iter().map(|(k, _)| k.as_str()))
                .into_iter()
                .map(|i| FacetOption { key: keys[i].0.clone(), label: keys[i].1.clone() })
                .collect()
        };
        let (mut dest_options, mut prior_options) = (options_of(&dest_keys), options_of(&prior_keys));
        let mut prior_keys = prior_keys.into_iter().map(|(k, _)| k);
        // Each entry with its option keys, turned into positions once the option lists are sorted.
        let (mut entries, option_keys): (Vec<Entry>, Vec<OptionKeys>) = dataset
            .people
            .iter()
            .zip(dest_keys.iter().map(|(k, _)| k.clone()))
            .map(|(p, dest)| {
                let priors = prior_keys.by_ref().take(p.prior_employers.len()).collect();
                let entry = Entry {
                    cohort: 0,
                    dest: 0,
                    priors: Vec::new(),
                    haystack: haystack(p),
                    name_rank: 0,
                    tenure_key: (p.tenure.weeks_estimate * 100.0).round() as i64,
                    announced_key: p
                        .announced
                        .map(|a| u32::from(a.date.year) * 10_000 + u32::from(a.date.month) * 100 + u32::from(a.date.day.unwrap_or(15)))
                        .unwrap_or(0),
                };
                (entry, (p.cohort.as_str().to_owned(), dest, priors))
            })
            .unzip();
        let names: Vec<String> = dataset.people.iter().map(|p| fold(&p.name_en)).collect();
        for (rank, i) in order_by_text(names.iter().map(String::as_str)).into_iter().enumerate() {
            entries[i].name_rank = rank as u32;
        }
        // "Not announced" last; otherwise alphabetical by folded English label.
        for options in [&mut dest_options, &mut prior_options] {
            let keys: Vec<String> = options.iter().map(|o| format!("{}{}", u8::from(o.key == NOT_ANNOUNCED), fold(&o.label.en))).collect();
            let order = order_by_text(keys.iter().map(String::as_str));
            let mut taken: Vec<Option<FacetOption>> = options.drain(..).map(Some).collect();
            options.extend(order.into_iter().filter_map(|i| taken[i].take()));
        }
        let cohort_options: Vec<FacetOption> = Cohort::ALL
            .iter()
            .filter(|c| dataset.people.iter().any(|p| p.cohort == **c))
            .map(|c| FacetOption { key: c.as_str().to_owned(), label: cohort_text(*c) })
            .collect();
        {
            let (cohort_at, dest_at, prior_at) = (position_of(&cohort_options), position_of(&dest_options), position_of(&prior_options));
            for (e, (cohort, dest, priors)) in entries.iter_mut().zip(option_keys) {
                e.cohort = cohort_at(&cohort);
                e.dest = dest_at(&dest);
                e.priors = priors.iter().map(|k| prior_at(k)).collect();
            }
        }
        PeopleIndex { cohort_options, dest_options, prior_options, entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn options(&self, facet: Facet) -> &[FacetOption] {
        match facet {
            Facet::Cohort => &self.cohort_options,
            Facet::Destination => &self.dest_options,
            Facet::Prior => &self.prior_options,
        }
    }

    /// For each option of `facet`, whether it is selected; `None` when nothing is (the facet passes everyone).
    fn selection(&self, facet: Facet, state: &FilterState) -> Option<Vec<bool>> {
        let keys = state.selected(facet);
        (!keys.is_empty()).then(|| self.options(facet).iter().map(|o| keys.contains(&o.key)).collect())
    }

    fn option_positions(&self, i: usize, facet: Facet) -> &[u32] {
        let e = &self.entries[i];
        match facet {
            Facet::Cohort => std::slice::from_ref(&e.cohort),
            Facet::Destination => std::slice::from_ref(&e.dest),
            Facet::Prior => &e.priors,
        }
    }

    fn in_selection(&self, i: usize, facet: Facet, selection: &Option<Vec<bool>>) -> bool {
        match selection {
            None => true,
            Some(selected) => self.option_positions(i, facet).iter().any(|&p| selected.get(p as usize).copied().unwrap_or(false)),
        }
    }

    /// The people matching the search `query`. Computed once per query (the widget keeps it in its own
    /// memo), then shared by the list and every facet's counts: the substring search is the costly part of
    /// a keystroke, and facet changes never need it again.
    pub fn search(&self, query: &str) -> SearchHits {
        self.search_from(None, query)
    }

    /// [`search`](Self::search), reusing the previous keystroke's result: the same terms ("maher" →
    /// "maher ") cost nothing, and a query that narrows the previous one (every previous term inside one of
    /// the new terms: "ope" → "open", "maher" → "maher 7") searches only the people who matched it, since
    /// whoever matches the new terms matched the old. Typing forward over 10,000 people then scans the
    /// previous matches, not everyone.
    pub fn search_from(&self, previous: Option<&SearchHits>, query: &str) -> SearchHits {
        let terms = query_terms(query);
        let matches = |i: u32| self.entries.get(i as usize).is_some_and(|e| terms.iter().all(|t| e.haystack.contains(t.as_str())));
        let people = match previous {
            Some(p) if p.terms == terms => return p.clone(),
            Some(p) if p.terms.iter().all(|old| terms.iter().any(|new| new.contains(old.as_str()))) => {
                p.people.iter().copied().filter(|&i| matches(i)).collect()
            }
            _ if terms.is_empty() => (0..self.entries.len() as u32).collect(),
            _ => (0..self.entries.len() as u32).filter(|&i| matches(i)).collect(),
        };
        SearchHits { terms, people }
    }

    /// True when person `i` is in every facet's selection except `skip`'s.
    fn in_facets_except(&self, i: usize, selections: &[Option<Vec<bool>>; 3], skip: Option<Facet>) -> bool {
        Facet::ALL.iter().zip(selections).filter(|(f, _)| Some(**f) != skip).all(|(f, sel)| self.in_selection(i, *f, sel))
    }

    fn selections(&self, state: &FilterState) -> [Option<Vec<bool>>; 3] {
        Facet::ALL.map(|f| self.selection(f, state))
    }

    /// Indices of the people shown, in display order.
    pub fn visible(&self, state: &FilterState) -> Vec<usize> {
        self.visible_with(state, &self.search(&state.query))
    }

    /// [`visible`](Self::visible) with the search already done (`hits` from [`search`](Self::search)).
    pub fn visible_with(&self, state: &FilterState, hits: &SearchHits) -> Vec<usize> {
        let selections = self.selections(state);
        let mut out: Vec<usize> = hits.indices().filter(|&i| self.in_facets_except(i, &selections, None)).collect();
        self.sort(&mut out, state.sort);
        out
    }

    /// For each option of `facet`: how many people would be shown with that option as the facet's only
    /// selection, given the search and the other facets. Zero means choosing it would leave nobody.
    pub fn counts(&self, state: &FilterState, facet: Facet) -> Vec<usize> {
        self.counts_with(state, facet, &self.search(&state.query))
    }

    /// [`counts`](Self::counts) with the search already done.
    pub fn counts_with(&self, state: &FilterState, facet: Facet, hits: &SearchHits) -> Vec<usize> {
        let mut counts = vec![0usize; self.options(facet).len()];
        let selections = self.selections(state);
        for i in hits.indices() {
            if self.in_facets_except(i, &selections, Some(facet)) {
                for &p in self.option_positions(i, facet) {
                    if let Some(slot) = counts.get_mut(p as usize) {
                        *slot += 1;
                    }
                }
            }
        }
        counts
    }

    fn sort(&self, order: &mut Vec<usize>, key: SortKey) {
        let keys = order.iter().map(|&i| {
            let e = &self.entries[i];
            let primary = match key {
                SortKey::TenureLongFirst => -e.tenure_key,
                SortKey::TenureShortFirst => e.tenure_key,
                SortKey::Name => 0,
                SortKey::AnnouncedNewest => -i64::from(e.announced_key),
            };
            (primary, e.name_rank)
        });
        let positions = order_by_keys(keys);
        *order = positions.into_iter().map(|p| order[p]).collect();
    }
}

/// Who matches a search: positions in the dataset, ascending, with the folded terms they match (what
/// [`PeopleIndex::search_from`] narrows from). Equal when the same people match, whatever the terms: a
/// longer query that matches the same people changes nothing downstream (list, counts).
#[derive(Clone, Debug, Default)]
pub struct SearchHits {
    terms: Vec<String>,
    people: Vec<u32>,
}

impl PartialEq for SearchHits {
    fn eq(&self, other: &SearchHits) -> bool {
        self.people == other.people
    }
}

impl SearchHits {
    fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.people.iter().map(|&i| i as usize)
    }
}

/// The index as a Rust expression: build.rs writes the bundled dataset's, so the page's wasm neither builds it nor
/// carries the texts it was folded from.
#[cfg(not(baked_page))]
impl crate::rust_literal::RustLiteral for PeopleIndex {
    fn rust(&self) -> String {
        format!(
            "PeopleIndex {{ cohort_options: {}, dest_options: {}, prior_options: {}, entries: {} }}",
            self.cohort_options.rust(),
            self.dest_options.rust(),
            self.prior_options.rust(),
            self.entries.rust()
        )
    }
}

#[cfg(not(baked_page))]
impl crate::rust_literal::RustLiteral for FacetOption {
    fn rust(&self) -> String {
        format!("FacetOption {{ key: {}, label: {} }}", self.key.rust(), self.label.rust())
    }
}

#[cfg(not(baked_page))]
impl crate::rust_literal::RustLiteral for Entry {
    fn rust(&self) -> String {
        format!(
            "Entry {{ cohort: {}, dest: {}, priors: {}, haystack: {}, name_rank: {}, tenure_key: {}, announced_key: {} }}",
            self.cohort,
            self.dest,
            self.priors.rust(),
            self.haystack.rust(),
            self.name_rank,
            self.tenure_key,
            self.announced_key
        )
    }
}

#[cfg(baked_page)]
impl PeopleIndex {
    /// The bundled dataset's index, which build.rs built from the validated data file.
    pub fn bundled() -> PeopleIndex {
        include!(concat!(env!("OUT_DIR"), "/bundled_index.rs"))
    }
}

/// Looks up an option's position by key (options are few, but a large host dataset may have thousands of
/// destinations: binary search over the keys in text order, not a scan per person).
fn position_of(options: &[FacetOption]) -> impl Fn(&str) -> u32 + '_ {
    let order = order_by_text(options.iter().map(|o| o.key.as_str()));
    move |key: &str| {
        let found = order.binary_search_by(|&i| options[i].key.as_str().cmp(key));
        found.map_or(u32::MAX, |at| order[at] as u32)
    }
}

fn cohort_text(c: Cohort) -> Text {
    Text {
        zh: crate::i18n::cohort_label(c, Lang::Zh).to_owned(),
        en: crate::i18n::cohort_label(c, Lang::En).to_owned(),
    }
}

/// Everything a reader might type to find a person: names, companies and roles, in both languages.
#[cfg(not(baked_page))]
fn haystack(p: &Person) -> String {
    let mut texts: Vec<&Text> = p.prior_employers.iter().map(|e| &e.org).collect();
    texts.extend(p.destination.org.iter().chain(p.destination.role.iter()));
    for later in &p.later {
        texts.push(&later.org);
        texts.extend(later.role.iter());
    }
    let names = [p.name_en.as_str(), p.name_zh.text.as_str()];
    let fields = names.into_iter().chain(texts.iter().flat_map(|t| [t.en.as_str(), t.zh.as_str()]));
    // A separator that folding never produces keeps a term from matching across two fields.
    fields.map(fold).collect::<Vec<_>>().join("|")
}

/// Splits a query into folded terms; every term must occur for a person to match.
pub fn query_terms(query: &str) -> Vec<String> {
    query.split(|c: char| c.is_whitespace() || c == '\u{3000}').map(fold).filter(|t| !t.is_empty()).collect()
}

/// Folds text for matching: case, accents and full width removed; punctuation and spaces dropped,
/// so "Chi-Hao", "chihao" and "ＣＨＩＨＡＯ" all fold to "chihao" and "伯特·马赫" to "伯特马赫".
/// Uses small tables rather than Unicode case mapping, which would add about 10 KB to the wasm.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        let c = strip_accent(c).to_ascii_lowercase();
        if c.is_alphanumeric() {
            out.push(c);
        }
    }
    out
}

/// Maps Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A) to their base letter.
fn strip_accent(c: char) -> char {
    const LATIN1: &str = "AAAAAAACEEEEIIIIDNOOOOO OUUUUYTsaaaaaaaceeeeiiiidnooooo ouuuuyty";
    const EXT_A: &str = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    let table_char = |table: &str, offset: u32| table.as_bytes().get(offset as usize).map(|b| *b as char);
    let mapped = match c as u32 {
        0xC0..=0xFF => table_char(LATIN1, c as u32 - 0xC0),
        0x100..=0x17F => table_char(EXT_A, c as u32 - 0x100),
        _ => None,
    };
    match mapped {
        Some(' ') | None => c,
        Some(m) => m,
    }
}

/// The longest facet key: what the URL reader accepts (url_state.rs), so every key the widget writes is read back.
pub const MAX_SLUG_BYTES: usize = 60;

/// A stable URL-safe key from an English label: "Memories.ai" -> "memories-ai"; at most [`MAX_SLUG_BYTES`].
pub fn slug(label: &str) -> String {
    let mut out = String::new();
    for c in fold_keep_spaces(label).chars() {
        if out.len() >= MAX_SLUG_BYTES {
            break;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("other");
    }
    out
}

fn fold_keep_spaces(s: &str) -> String {
    s.chars().map(|c| strip_accent(c).to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dataset() -> Dataset {
        crate::dataset::data_file_for_tests()
    }

    fn ids(d: &Dataset, idx: &[usize]) -> Vec<String> {
        idx.iter().map(|i| d.people[*i].id.clone()).collect()
    }

    fn search(q: &str) -> Vec<String> {
        let d = dataset();
        let index = PeopleIndex::new(&d);
        ids(&d, &index.visible(&FilterState { query: q.into(), ..Default::default() }))
    }

    #[test]
    fn paging_widens_only_the_selection_it_was_asked_for() {
        let under = |query: &str, sort: SortKey| FilterState { query: query.into(), sort, ..Default::default() };
        let (op, ope) = (under("op", SortKey::default()), under("ope", SortKey::default()));
        let mut paging = Paging::default();
        assert_eq!(paging.limit(&op), PAGE_SIZE);
        paging.show_more(&op);
        paging.show_more(&op);
        assert_eq!(paging.limit(&op), 3 * PAGE_SIZE);
        // Re-sorting the same people keeps the widened list; another search starts at one page.
        assert_eq!(paging.limit(&under("op", SortKey::Name)), 3 * PAGE_SIZE);
        assert_eq!(paging.limit(&ope), PAGE_SIZE);
        let mut with_facet = op.clone();
        with_facet.toggle(Facet::Cohort, "x");
        assert_eq!(paging.limit(&with_facet), PAGE_SIZE);
        // "Show more" under the new search widens from its own first page.
        paging.show_more(&ope);
        assert_eq!(paging.limit(&ope), 2 * PAGE_SIZE);
        assert_eq!(paging.limit(&op), PAGE_SIZE);
        paging.show_more(&op);
        assert_eq!(paging.limit(&op), 2 * PAGE_SIZE);
        paging.show_more(&ope);
        assert_eq!(paging.limit(&ope), 2 * PAGE_SIZE, "one selection remembered at a time");
        // Back to "op" after the grid has forgotten the other search's widening: one page again.
        assert!(paging.forget_other(&op));
        assert!(!paging.forget_other(&op), "nothing left to forget");
        assert_eq!(paging.limit(&ope), PAGE_SIZE);
        paging.show_all(&ope);
        assert!(!paging.forget_other(&under("ope", SortKey::Name)), "a new sort keeps it");
        assert_eq!(paging.limit(&ope), usize::MAX);
        paging.show_more(&ope);
        assert_eq!(paging.limit(&ope), usize::MAX, "never wraps past everyone");
    }

    #[test]
    fn many_distinct_employers_each_become_one_option_that_finds_its_people() {
        let mut d = dataset();
        let template = d.people.iter().find(|p| p.prior_employers.len() > 1).expect("someone with two employers before").clone();
        d.people = (0..3_000)
            .map(|i| {
                let mut p = Person::clone(&template);
                p.id = format!("p{i}");
                // 1,000 distinct destinations, each shared by three people; every prior employer distinct.
                p.destination.org = Some(Text { en: format!("Org {}", i % 1_000), zh: format!("机构{}", i % 1_000) });
                for (k, e) in p.prior_employers.iter_mut().enumerate() {
                    e.org = Text { en: format!("Prior {i} {k}"), zh: format!("前雇主{i}") };
                }
                std::sync::Arc::new(p)
            })
            .collect();
        let index = PeopleIndex::new(&d);
        let dest = index.options(Facet::Destination);
        assert_eq!(dest.len(), 1_000);
        let priors = index.options(Facet::Prior);
        assert_eq!(priors.len(), 3_000 * template.prior_employers.len());
        let mut keys: Vec<&str> = priors.iter().map(|o| o.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), priors.len(), "each key once");
        let org_7 = dest.iter().find(|o| o.label.en == "Org 7").expect("an option for Org 7");
        assert_eq!(org_7.key, "org-7");
        let mut state = FilterState::default();
        state.toggle(Facet::Destination, &org_7.key);
        let mut found = ids(&d, &index.visible(&state));
        found.sort();
        assert_eq!(found, ["p1007", "p2007", "p7"]);
        let mut state = FilterState::default();
        state.toggle(Facet::Prior, &slug("Prior 1234 0"));
        assert_eq!(ids(&d, &index.visible(&state)), ["p1234"]);
    }

    #[test]
    fn a_long_facet_shows_its_first_options_and_any_selected_one_and_builds_at_most_a_hundred() {
        let options = |n: usize| (0..n).map(|i| FacetOption { key: format!("k{i}"), label: Text { en: "e".into(), zh: "z".into() } }).collect::<Vec<_>>();
        let all = |n: usize| (0..n).collect::<Vec<_>>();
        assert_eq!(facet_listing(&options(4), &[]), FacetListing { listed: all(4), shown: 4, unlisted: 0 });
        let short = FACET_OPTIONS_SHOWN + 3;
        assert_eq!(facet_listing(&options(short), &[]), FacetListing { listed: all(short), shown: short, unlisted: 0 });
        let n = FACET_OPTIONS_SHOWN + 4;
        assert_eq!(facet_listing(&options(n), &[]), FacetListing { listed: all(n), shown: FACET_OPTIONS_SHOWN, unlisted: 0 });
        let selected = ["k3".to_owned(), "k500".to_owned(), "gone".to_owned()];
        let long = facet_listing(&options(1_000), &selected);
        assert_eq!(long.shown, FACET_OPTIONS_SHOWN + 1);
        assert_eq!(long.listed[..long.shown], [all(FACET_OPTIONS_SHOWN), vec![500]].concat());
        assert_eq!(long.listed.len(), FACET_OPTIONS_LISTED);
        assert_eq!(long.listed[long.shown..], (FACET_OPTIONS_SHOWN..FACET_OPTIONS_LISTED - 1).collect::<Vec<_>>()[..]);
        assert_eq!(long.unlisted, 1_000 - FACET_OPTIONS_LISTED);
    }

    #[test]
    fn hits_compare_by_who_matches_not_by_what_was_typed() {
        let d = dataset();
        let index = PeopleIndex::new(&d);
        let mahe = index.search("mahe");
        let maher = index.search_from(Some(&mahe), "maher");
        // The same people: the list and the counts downstream of the memo are not recomputed.
        assert_eq!(mahe, maher);
        assert_ne!(mahe.terms, maher.terms);
        assert_ne!(index.search("ma"), mahe);
        assert_eq!(index.search_from(Some(&maher), " maher  ").terms, maher.terms);
    }

    #[test]
    fn folding_removes_case_accents_width_and_punctuation() {
        assert_eq!(fold("Bert Maher"), "bertmaher");
        assert_eq!(fold("ＭＡＨＥＲ"), "maher");
        assert_eq!(fold("Mâhér"), "maher");
        assert_eq!(fold("Chi-Hao"), "chihao");
        assert_eq!(fold("伯特·马赫"), "伯特马赫");
        assert_eq!(fold("Łódź Żółć"), "lodzzolc");
        assert_eq!(fold("  "), "");
    }

    #[test]
    fn search_finds_people_by_name_in_either_script() {
        assert_eq!(search("maher"), ["bert-maher"]);
        assert_eq!(search("马赫"), ["bert-maher"]);
        assert_eq!(search("  MAHER "), ["bert-maher"]);
        assert_eq!(search("ｍａｈｅｒ"), ["bert-maher"]);
        assert_eq!(search("mähér"), ["bert-maher"]);
        assert_eq!(search("bert maher"), ["bert-maher"]);
        assert_eq!(search("chi hao"), ["chi-hao-wu"]);
        assert!(search("nobody-by-this-name").is_empty());
    }

    #[test]
    fn search_matches_companies_and_roles_in_both_languages() {
        assert!(search("memories").contains(&"chi-hao-wu".to_string()));
        assert!(search("periodic").contains(&"rishabh-agarwal".to_string()));
        let openai = search("openai");
        assert!(openai.contains(&"ethan-knight".to_string()) && openai.contains(&"avi-verma".to_string()));
        assert_eq!(search("首席AI官"), ["chi-hao-wu"]);
        assert_eq!(search("chief ai officer"), ["chi-hao-wu"]);
        assert_eq!(search("谷歌大脑"), ["rishabh-agarwal"]);
    }

    #[test]
    fn an_empty_query_shows_everyone() {
        assert_eq!(search("").len(), 9);
        assert_eq!(search(" \u{3000} ").len(), 9);
    }

    #[test]
    fn destination_openai_shows_exactly_those_the_data_sends_there() {
        let d = dataset();
        let index = PeopleIndex::new(&d);
        let mut state = FilterState::default();
        state.toggle(Facet::Destination, "openai");
        let shown = ids(&d, &index.visible(&state));
        let mut expected: Vec<String> =
            d.people.iter().filter(|p| p.destination.org.as_ref().is_some_and(|o| o.en == "OpenAI")).map(|p| p.id.clone()).collect();
        let mut shown_sorted = shown.clone();
        shown_sorted.sort();
        expected.sort();
        assert_eq!(shown_sorted, expected);
        assert_eq!(expected.len(), 4);
    }

    #[test]
    fn options_or_within_a_facet_and_and_across_facets() {
        let d = dataset();
        let index = PeopleIndex::new(&d);
        let mut state = FilterState::default();
        state.toggle(Facet::Destination, "openai");
        state.toggle(Facet::Destination, "anthropic");
        assert_eq!(index.visible(&state).len(), 5);
        state.toggle(Facet::Cohort, "new_msl");
        let shown = ids(&d, &index.visible(&state));
        assert_eq!(shown.len(), 2);
        assert!(shown.contains(&"avi-verma".into()) && shown.contains(&"ethan-knight".into()));
        state.toggle(Facet::Cohort, "new_msl");
        assert_eq!(index.visible(&state).len(), 5, "toggling twice removes the option");
    }

    #[test]
    fn counts_say_how_many_each_option_would_leave() {
        let d = dataset();
        let index = PeopleIndex::new(&d);
        let mut state = FilterState::default();
        let dest_counts = index.counts(&state, Facet::Destination);
        assert_eq!(dest_counts.iter().sum::<usize>(), 9, "every person has exactly one destination");
        state.toggle(Facet::Cohort, "new_msl");
        let dest_counts = index.counts(&state, Facet::Destination);
        let anthropic = index.options(Facet::Destination).iter().position(|o| o.key == "anthropic").expect("anthropic");
        assert_eq!(dest_counts[anthropic], 0, "no new MSL hire went to Anthropic");
        let openai = index.options(Facet::Destination).iter().position(|o| o.key == "openai").expect("openai");
        assert_eq!(dest_counts[openai], 2);
        // A facet's own selection does not narrow its own counts.
        let cohort_counts = index.counts(&state, Facet::Cohort);
        assert_eq!(cohort_counts.iter().sum::<usize>(), 9);
    }

    #[test]
    fn sorting_orders_by_tenure_name_and_date() {
        let d = dataset();
        let index = PeopleIndex::new(&d);
        let order = |sort| ids(&d, &index.visible(&FilterState { sort, ..Default::default() }));
        assert_eq!(order(SortKey::TenureLongFirst)[0], "bert-maher");
        assert_eq!(order(SortKey::TenureShortFirst)[0], "avi-verma");
        assert_eq!(order(SortKey::Name)[0], "afroz-mohiuddin");
        let newest = order(SortKey::AnnouncedNewest);
        assert_eq!(newest.last().map(String::as_str), Some("aram-markosyan"), "unknown date last");
        let long = order(SortKey::TenureLongFirst);
        let mut short = order(SortKey::TenureShortFirst);
        short.reverse();
        assert_eq!(long.len(), short.len());
    }

    #[test]
    fn unknown_selections_are_dropped() {
        let d = dataset();
        let index = PeopleIndex::new(&d);
        let mut state = FilterState { dest: vec!["openai".into(), "nowhere".into()], ..Default::default() };
        state.retain_known(&index);
        assert_eq!(state.dest, ["openai"]);
    }

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slug("Memories.ai"), "memories-ai");
        assert_eq!(slug("Google DeepMind"), "google-deepmind");
        assert_eq!(slug("Tesla (Autopilot)"), "tesla-autopilot");
        assert_eq!(slug("谷歌"), "other");
    }

    proptest! {
        /// A count is, by definition, how many would be shown with that option as the facet's only selection.
        #[test]
        fn counts_agree_with_the_list_they_predict(picks in proptest::collection::vec(any::<bool>(), 40), q in prop_oneof![Just(""), Just("o"), Just("meta"), Just("openai")]) {
            let d = dataset();
            let index = PeopleIndex::new(&d);
            let mut bits = picks.into_iter();
            let mut state = FilterState { query: q.into(), ..Default::default() };
            for facet in Facet::ALL {
                *state.selected_mut(facet) = index.options(facet).iter().filter(|_| bits.next().unwrap_or(false)).map(|o| o.key.clone()).collect();
            }
            for facet in Facet::ALL {
                let counts = index.counts(&state, facet);
                for (option, count) in index.options(facet).iter().zip(counts) {
                    let mut only = state.clone();
                    *only.selected_mut(facet) = vec![option.key.clone()];
                    prop_assert_eq!(count, index.visible(&only).len(), "{:?} {}", facet, option.key);
                }
            }
        }

        #[test]
        fn any_query_filters_without_panic(q in "\\PC{0,60}") {
            let d = dataset();
            let index = PeopleIndex::new(&d);
            let shown = index.visible(&FilterState { query: q, ..Default::default() });
            prop_assert!(shown.len() <= d.people.len());
        }

        /// Reusing the previous keystroke's hits gives exactly what a fresh search gives, for any pair of
        /// queries: typing forward (narrowing), backspacing, replacing, repeating, adding spaces.
        #[test]
        fn a_search_from_the_previous_hits_equals_a_fresh_search(
            first in "[a-z ]{0,5}|(o|op|ope|open|meta|ai|ma|maher|bert|x) ?[a-z]{0,2}",
            second in "[a-z ]{0,6}|(o|op|ope|open|openai|meta|ai|ma|maher|bert maher|chi|x) ?[a-z7]{0,2}",
            typed_forward in any::<bool>(),
        ) {
            let d = dataset();
            let index = PeopleIndex::new(&d);
            let second = if typed_forward { format!("{first}{second}") } else { second };
            let previous = index.search(&first);
            let reused = index.search_from(Some(&previous), &second);
            let fresh = index.search(&second);
            prop_assert_eq!(&reused.people, &fresh.people, "{:?} then {:?}", first, second);
            prop_assert_eq!(&reused.terms, &fresh.terms);
            // And a third keystroke from the reused result still agrees.
            let third = format!("{second}a");
            prop_assert_eq!(index.search_from(Some(&reused), &third).people, index.search(&third).people);
        }

        #[test]
        fn padding_and_case_never_change_results(q in "[a-zA-Z]{1,6}") {
            prop_assert_eq!(search(&q), search(&format!("  {}  ", q.to_uppercase())));
        }
    }
}
