//! Query string <-> widget state: tolerant reading (unknown or bad values are ignored), canonical writing.
//!
//! Pure string handling, no browser calls. A hostile query never panics: undecodable escapes are kept
//! literally, over-long values are dropped, and anything not understood falls back to the default.

use crate::filter::{FilterState, SortKey};
use crate::model::Lang;
use crate::pay::CalcInputs;

/// A value longer than this is ignored rather than parsed (a 10 KB parameter is not a real view).
pub const MAX_PARAM_CHARS: usize = 200;
/// At most this many options per facet are read from a URL.
const MAX_SELECTED: usize = 50;
/// The URL parameters that list facet keys.
const FACET_PARAMS: [&str; 3] = ["cohort", "dest", "prior"];
/// A facet list's longest value: [`MAX_SELECTED`] keys of the longest length and their commas.
const MAX_FACET_PARAM_CHARS: usize = MAX_SELECTED * (crate::filter::MAX_SLUG_BYTES + 1);

/// A forced colour theme; absent means "follow the reader's system setting".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark].into_iter().find(|t| t.as_str() == s)
    }
}

/// The parts of the widget's state that live in the URL.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UrlState {
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    pub filter: FilterState,
    pub calc: CalcInputs,
}

/// Reads a query string (with or without the leading `?`). Unknown keys and invalid values are
/// ignored; a repeated key keeps its last valid value.
pub fn parse_query(query: &str) -> UrlState {
    let mut state = UrlState::default();
    for (key, value) in query_pairs(query) {
        // Facet lists are keys, each short and checked below: they have their own, longer limit.
        let limit = if FACET_PARAMS.contains(&key.as_str()) { MAX_FACET_PARAM_CHARS } else { MAX_PARAM_CHARS };
        if value.chars().count() > limit {
            continue;
        }
        match key.as_str() {
            "lang" => state.lang = Lang::from_tag(&value).or(state.lang),
            "theme" => state.theme = Theme::parse(&value).or(state.theme),
            "q" => state.filter.query = value.trim().to_owned(),
            "sort" => state.filter.sort = SortKey::parse(&value).unwrap_or(state.filter.sort),
            "cohort" => state.filter.cohort = parse_keys(&value),
            "dest" => state.filter.dest = parse_keys(&value),
            "prior" => state.filter.prior = parse_keys(&value),
            other => {
                state.calc.apply_url_pair(other, &value);
            }
        }
    }
    state
}

/// The search text as the widget keeps it: at most [`MAX_PARAM_CHARS`] characters (the search box
/// has the same `maxlength`), so every search the widget writes into its URL is read back on reload.
pub fn searchable(typed: &str) -> String {
    typed.chars().take(MAX_PARAM_CHARS).collect()
}

/// Writes the canonical query (no leading `?`): fixed key order, defaults omitted, values encoded.
pub fn to_query(state: &UrlState) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(lang) = state.lang {
        pairs.push(("lang", lang.as_str().to_owned()));
    }
    if let Some(theme) = state.theme {
        pairs.push(("theme", theme.as_str().to_owned()));
    }
    let f = &state.filter;
    if !f.query.trim().is_empty() {
        pairs.push(("q", f.query.trim().to_owned()));
    }
    for (key, keys) in [("cohort", &f.cohort), ("dest", &f.dest), ("prior", &f.prior)] {
        if !keys.is_empty() {
            pairs.push((key, keys.join(",")));
        }
    }
    if f.sort != SortKey::default() {
        pairs.push(("sort", f.sort.as_str().to_owned()));
    }
    pairs.extend(state.calc.url_pairs());
    join_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

/// `k=v&k2=v2` with values percent-encoded.
pub fn join_pairs<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (k, v) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        percent_encode_into(v, &mut out);
    }
    out
}

/// Facet keys: comma-separated slugs, sorted and unique; anything not slug-shaped is dropped.
fn parse_keys(value: &str) -> Vec<String> {
    let keys: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= crate::filter::MAX_SLUG_BYTES && k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'))
        .take(MAX_SELECTED)
        .collect();
    let mut sorted: Vec<String> = crate::order::order_by_text(keys.iter().copied()).into_iter().map(|i| keys[i].to_owned()).collect();
    sorted.dedup();
    sorted
}

/// Encodes everything but RFC 3986 unreserved characters.
fn percent_encode_into(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b',') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
}

/// Splits `a=1&b=2` into decoded pairs; `+` is a space, as in form encoding.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(k), percent_decode(v))
    })
}

/// Decodes `%XX` escapes and `+`; invalid escapes and invalid UTF-8 become U+FFFD, never a panic.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && hex(bytes[i + 1]).is_some() && hex(bytes[i + 2]).is_some() => {
                let (hi, lo) = (hex(bytes[i + 1]).unwrap_or(0), hex(bytes[i + 2]).unwrap_or(0));
                out.push(hi * 16 + lo);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lang_is_read_from_the_query() {
        assert_eq!(parse_query("?lang=zh").lang, Some(Lang::Zh));
        assert_eq!(parse_query("lang=en&x=1").lang, Some(Lang::En));
        assert_eq!(parse_query("?lang=zh-Hant").lang, Some(Lang::Zh));
        assert_eq!(parse_query("?lang=fr").lang, None);
        assert_eq!(parse_query("?lang=%7A%68").lang, Some(Lang::Zh));
        assert_eq!(parse_query("").lang, None);
    }

    #[test]
    fn bad_escapes_are_kept_not_fatal() {
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%E9"), "\u{FFFD}");
        assert_eq!(percent_decode("a+b%20c"), "a b c");
        assert_eq!(percent_decode("%E9%A9%AC"), "马");
    }

    #[test]
    fn the_whole_view_round_trips_in_canonical_order() {
        let q = "sort=name&dest=openai,anthropic&q=%E9%A9%AC%E8%B5%AB&theme=dark&lang=zh&unknown=1";
        let state = parse_query(q);
        assert_eq!(state.lang, Some(Lang::Zh));
        assert_eq!(state.theme, Some(Theme::Dark));
        assert_eq!(state.filter.query, "马赫");
        assert_eq!(state.filter.dest, ["anthropic", "openai"]);
        assert_eq!(state.filter.sort, SortKey::Name);
        assert_eq!(to_query(&state), "lang=zh&theme=dark&q=%E9%A9%AC%E8%B5%AB&dest=anthropic,openai&sort=name");
        assert_eq!(to_query(&UrlState::default()), "");
    }

    #[test]
    fn hostile_values_fall_back_to_defaults() {
        let long = "x".repeat(10_000);
        let state = parse_query(&format!("?q={long}&sort=evil&theme=%3Cscript%3E&cohort=<b>,new_msl&dest=%FF%FE"));
        assert_eq!(state.filter.query, "");
        assert_eq!(state.filter.sort, SortKey::default());
        assert_eq!(state.theme, None);
        assert_eq!(state.filter.cohort, ["new_msl"]);
        assert!(state.filter.dest.is_empty());
        let state = parse_query("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assert_eq!(state.filter.query, "<script>alert(1)</script>", "kept as text; the view renders it as text");
    }

    fn arb_keys() -> impl Strategy<Value = Vec<String>> {
        proptest::collection::btree_set("[a-z0-9][a-z0-9_-]{0,12}", 0..4).prop_map(|s| s.into_iter().collect())
    }

    fn arb_state() -> impl Strategy<Value = UrlState> {
        (
            proptest::option::of(prop_oneof![Just(Lang::Zh), Just(Lang::En)]),
            proptest::option::of(prop_oneof![Just(Theme::Light), Just(Theme::Dark)]),
            "\\PC{0,30}",
            arb_keys(),
            arb_keys(),
            arb_keys(),
            proptest::sample::select(SortKey::ALL.to_vec()),
        )
            .prop_map(|(lang, theme, query, cohort, dest, prior, sort)| UrlState {
                lang,
                theme,
                filter: FilterState { query: query.trim().to_owned(), cohort, dest, prior, sort },
                calc: CalcInputs::default(),
            })
    }

    proptest! {
        #[test]
        fn parse_of_serialize_is_identity(state in arb_state()) {
            prop_assert_eq!(parse_query(&to_query(&state)), state);
        }

        #[test]
        fn serialize_is_canonical(q in "[a-z=&%,0-9]{0,80}") {
            let once = to_query(&parse_query(&q));
            prop_assert_eq!(to_query(&parse_query(&once)), once);
        }

        #[test]
        fn any_typed_search_survives_the_url(typed in "\\PC{0,400}") {
            let mut state = UrlState::default();
            state.filter.query = searchable(&typed).trim().to_owned();
            prop_assert!(state.filter.query.chars().count() <= MAX_PARAM_CHARS);
            prop_assert_eq!(parse_query(&to_query(&state)), state);
        }

        #[test]
        fn any_facet_choice_survives_the_url(labels in proptest::collection::vec("\\PC{1,120}", 1..MAX_SELECTED)) {
            // Keys as the widget makes them from a host dataset's labels, however long: all read back.
            let mut keys: Vec<String> = labels.iter().map(|l| crate::filter::slug(l)).collect();
            keys.sort();
            keys.dedup();
            let mut state = UrlState::default();
            state.filter.dest = keys;
            prop_assert_eq!(parse_query(&to_query(&state)), state);
        }

        #[test]
        fn any_query_parses_without_panic(q in ".{0,300}") {
            let _ = parse_query(&q);
        }

        #[test]
        fn any_bytes_decode_without_panic(q in "[%+a-fA-F0-9zZ]{0,50}") {
            let _ = percent_decode(&q);
        }
    }
}
