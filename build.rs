//! Build step: validate the bundled dataset with the crate's own validator (the build fails on any problem) and
//! write it for the wasm: minified JSON for the npm package, which reads it like a host's dataset, and typed Rust
//! values for the standalone page (src/rust_literal.rs), whose wasm then carries no JSON parser or validator. Also
//! minifies the stylesheet the npm package injects or adopts (src/embed.rs carries it inside the wasm), and sets
//! the `baked_page` cfg: see src/prerendered.rs.

use std::{env, fs, path::Path};

#[path = "src/css_min.rs"]
mod css_min;

/// The crate's pure modules that validate and index a dataset, compiled into this script as they are: the same
/// code checks the data file here and a host's data in the browser.
#[allow(dead_code, unused_imports)]
#[path = "src"]
mod pure {
    pub mod dataset;
    pub mod filter;
    pub mod i18n;
    pub mod json;
    pub mod markup;
    pub mod model;
    pub mod order;
    pub mod pay;
    pub mod rust_literal;
}
// Where the modules find each other (`crate::model`, …), as in the crate.
use pure::{dataset, filter, i18n, json, markup, model, order, pay, rust_literal};

fn main() {
    // The code that writes the read-only blocks is compiled natively (the bake renders them) and in the npm package
    // (a host's dataset is only known at run time); the standalone page's wasm shows the blocks the bake wrote.
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if wasm && env::var_os("CARGO_FEATURE_NPM").is_none() {
        println!("cargo::rustc-cfg=baked_page");
    }
    let src = "data/departures.json";
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{src} is not valid JSON: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("departures.min.json");
    fs::write(&out, value.to_string()).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    // The modules above, among others: any change in src/ runs this again.
    println!("cargo:rerun-if-changed=src");
    write_bundled(&text, src);

    let css = "style/widget.css";
    println!("cargo:rerun-if-changed={css}");
    println!("cargo:rerun-if-changed=src/css_min.rs");
    let text = fs::read_to_string(css).unwrap_or_else(|e| panic!("cannot read {css}: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.min.css");
    fs::write(&out, css_min::minify_css(&text)).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// Validates the data file and writes what the page's wasm holds of it: the dataset's people, pay reports and
/// date (`Dataset::bundled`), and the search index (`PeopleIndex::bundled`).
fn write_bundled(text: &str, src: &str) {
    use rust_literal::RustLiteral;
    let dataset = dataset::from_json(text, &|s| s.parse().ok()).unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| p.message(model::Lang::En)).collect();
        panic!("{src} does not validate:\n{}", lines.join("\n"))
    });
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (name, source) in [("bundled_dataset.rs", dataset.rust()), ("bundled_index.rs", filter::PeopleIndex::new(&dataset).rust())] {
        let out = Path::new(&out_dir).join(name);
        fs::write(&out, source).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    }
}
