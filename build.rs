//! Build step: minify the bundled dataset so the wasm carries no indentation, and fail the build on
//! malformed JSON. Validation of the content happens at run time and in tests (src/dataset.rs).

use std::{env, fs, path::Path};

fn main() {
    let src = "data/departures.json";
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{src} is not valid JSON: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("departures.min.json");
    fs::write(&out, value.to_string()).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
