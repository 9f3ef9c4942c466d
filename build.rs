//! Build step: minify the bundled dataset so the wasm carries no indentation, and fail the build on
//! malformed JSON. Validation of the content happens at run time and in tests (src/dataset.rs). Also minifies the
//! stylesheet the npm package injects or adopts (src/embed.rs carries it inside the wasm), and sets the
//! `full_views` cfg: see src/prerendered.rs.

use std::{env, fs, path::Path};

#[path = "src/css_min.rs"]
mod css_min;

fn main() {
    // The code that writes the read-only blocks is compiled natively (the bake renders them) and in the npm package
    // (a host's dataset is only known at run time); the standalone page's wasm shows the blocks the bake wrote.
    println!("cargo::rustc-check-cfg=cfg(full_views)");
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if !wasm || env::var_os("CARGO_FEATURE_NPM").is_some() {
        println!("cargo::rustc-cfg=full_views");
    }
    let src = "data/departures.json";
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{src} is not valid JSON: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("departures.min.json");
    fs::write(&out, value.to_string()).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));

    let css = "style/widget.css";
    println!("cargo:rerun-if-changed={css}");
    println!("cargo:rerun-if-changed=src/css_min.rs");
    let text = fs::read_to_string(css).unwrap_or_else(|e| panic!("cannot read {css}: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.min.css");
    fs::write(&out, css_min::minify_css(&text)).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
