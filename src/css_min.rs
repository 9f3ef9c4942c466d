//! A whitespace-and-comments CSS minifier for the stylesheet the npm package carries inside its wasm (`build.rs`
//! includes this file; the lib compiles it for its tests only).
//!
//! It drops comments and only the whitespace that cannot matter: next to `{ } ; , >` and after `:`. Whitespace before
//! a `:` stays (`.mslw :focus-visible` is a descendant selector), as does any between words or brackets (`and (`,
//! `calc(1rem + 2px)`), and strings are copied as they are.

/// `css` without comments or needless whitespace, and without the `;` before each `}`.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // Whitespace seen but not yet written: written as one space only if the next character needs it.
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for c in chars.by_ref() {
                if last == '*' && c == '/' {
                    break;
                }
                last = c;
            }
            // Not whitespace: `.a/**/.b` is `.a.b`.
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', '>', ':']) && !"{};,>".contains(c) {
            out.push(' ');
        }
        pending_space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        if c == '"' || c == '\'' {
            // Copied up to the closing quote, escapes included.
            while let Some(s) = chars.next() {
                out.push(s);
                if s == '\\' {
                    if let Some(escaped) = chars.next() {
                        out.push(escaped);
                    }
                } else if s == c {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    const WIDGET_CSS: &str = include_str!("../style/widget.css");

    /// The text with comments removed and every whitespace character dropped outside strings: what no whitespace-only
    /// change can alter.
    fn tokens(css: &str) -> String {
        let mut out = String::new();
        let mut rest = css;
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("/*") {
                rest = after.split_once("*/").map_or("", |(_, r)| r);
                continue;
            }
            if c == '"' || c == '\'' {
                let end = rest[1..].find(c).map_or(rest.len(), |i| i + 2);
                out.push_str(&rest[..end]);
                rest = &rest[end..];
                continue;
            }
            if !c.is_whitespace() {
                out.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
        out.replace(";}", "}")
    }

    #[test]
    fn the_widget_stylesheet_keeps_every_token_and_loses_its_comments() {
        let min = minify_css(WIDGET_CSS);
        assert_eq!(tokens(&min), tokens(WIDGET_CSS));
        assert!(!min.contains("/*") && !min.contains("  ") && !min.contains('\n'));
        assert!(min.len() * 10 < WIDGET_CSS.len() * 8, "{} of {} bytes", min.len(), WIDGET_CSS.len());
    }

    #[test]
    fn whitespace_that_means_something_stays() {
        assert_eq!(minify_css(".a :focus-visible { x: y; }"), ".a :focus-visible{x:y}");
        assert_eq!(minify_css("@media screen and (min-width: 60rem) {\n  .a > .b , .c { w: calc(1rem + 2px) ; }\n}"), "@media screen and (min-width:60rem){.a>.b,.c{w:calc(1rem + 2px)}}");
        assert_eq!(minify_css(".a/* x */.b{}\n/* y */ .c {}"), ".a.b{}.c{}");
        assert_eq!(minify_css(".a::before { content: \"a  ;}  \\\" b\"; }"), ".a::before{content:\"a  ;}  \\\" b\"}");
        assert_eq!(minify_css("a { grid-template-areas: 'x  y' \"z\"; }"), "a{grid-template-areas:'x  y' \"z\"}");
    }
}
