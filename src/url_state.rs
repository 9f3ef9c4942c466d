//! Query string <-> widget state: tolerant reading (unknown or bad values are ignored), canonical writing.
//!
//! Pure string handling, no browser calls. A hostile query never panics: undecodable escapes are kept
//! literally, over-long values are dropped, and anything not understood falls back to the default.

use crate::model::Lang;

/// A value longer than this is ignored rather than parsed (a 10 KB parameter is not a real view).
pub const MAX_PARAM_CHARS: usize = 200;

/// The parts of the widget's state that live in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub lang: Option<Lang>,
}

/// Reads a query string (with or without the leading `?`).
pub fn parse_query(query: &str) -> UrlState {
    let mut state = UrlState::default();
    for (key, value) in query_pairs(query) {
        if value.chars().count() > MAX_PARAM_CHARS {
            continue;
        }
        if key == "lang" {
            state.lang = Lang::from_tag(&value).or(state.lang);
        }
    }
    state
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

    proptest! {
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
