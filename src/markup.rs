//! Escaped HTML/SVG building: the one place markup is written as text, for the views set with a single
//! `innerHTML` (cards, the pay chart and its table, the timeline, …), the noscript table and the embed snippet.
//!
//! Every text and attribute value goes through [`escape_html`], so a host's dataset can never inject markup.

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// Appends `s` escaped.
pub fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Appends an opening tag; attribute values are escaped.
pub fn open(out: &mut String, name: &str, attrs: &[(&str, &str)]) {
    out.push('<');
    out.push_str(name);
    for (key, value) in attrs {
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        push_escaped(out, value);
        out.push('"');
    }
    out.push('>');
}

/// Appends an element with its escaped text and closing tag.
pub fn element(out: &mut String, name: &str, attrs: &[(&str, &str)], text: &str) {
    open(out, name, attrs);
    push_escaped(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// Appends a link that opens in a new tab without giving it this page (`rel="noopener noreferrer"`).
/// The caller vouches for `href` (a constant, or checked by `dataset::is_safe_https_url`).
pub fn external_link(out: &mut String, href: &str, text: &str) {
    element(out, "a", &[("href", href), ("target", "_blank"), ("rel", "noopener noreferrer")], text);
}

/// Appends a self-closed SVG element (`<line … />`).
pub fn void(out: &mut String, name: &str, attrs: &[(&str, &str)]) {
    open(out, name, attrs);
    out.pop();
    out.push_str("/>");
}

/// Appends an SVG coordinate with at most one decimal ("12.5", "300"), without `f64`'s Display (about 9 KB
/// of wasm); a non-finite value writes 0, so a bad number can never break the markup.
pub fn push_svg_number(out: &mut String, v: f64) {
    let tenths = if v.is_finite() { (v * 10.0).round().clamp(-1e12, 1e12) as i64 } else { 0 };
    if tenths < 0 {
        out.push('-');
    }
    let t = tenths.unsigned_abs();
    out.push_str(&(t / 10).to_string());
    if t % 10 != 0 {
        out.push('.');
        out.push(char::from(b'0' + (t % 10) as u8));
    }
}

/// [`push_svg_number`] as an attribute value.
pub fn svg_number(v: f64) -> String {
    let mut s = String::new();
    push_svg_number(&mut s, v);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut out = String::new();
        element(&mut out, "p", &[("title", "a\"b<c>")], "<img src=x onerror=alert(1)> & 'q'");
        assert_eq!(out, "<p title=\"a&quot;b&lt;c&gt;\">&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;</p>");
        out.clear();
        void(&mut out, "line", &[("x1", "1")]);
        assert_eq!(out, "<line x1=\"1\"/>");
    }

    #[test]
    fn svg_numbers_are_short_and_always_valid() {
        assert_eq!(svg_number(84.0), "84");
        assert_eq!(svg_number(12.34), "12.3");
        assert_eq!(svg_number(-0.45), "-0.5");
        assert_eq!(svg_number(-0.04), "0");
        assert_eq!(svg_number(f64::NAN), "0");
        assert_eq!(svg_number(f64::INFINITY), "0");
        assert_eq!(svg_number(1e300), "100000000000");
    }
}
