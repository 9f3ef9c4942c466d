//! Trunk's post-build hook: bakes the default view into the staged `index.html` (see `msl_departures::bake`).
//!
//! The folder is the first argument, else Trunk's `TRUNK_STAGING_DIR`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let dir = std::env::args_os().nth(1).or_else(|| std::env::var_os("TRUNK_STAGING_DIR"));
    let Some(dir) = dir else {
        eprintln!("bake: give the folder holding index.html (or run as a Trunk hook)");
        std::process::exit(2);
    };
    if let Err(e) = msl_departures::bake::bake_dir(std::path::Path::new(&dir)) {
        eprintln!("bake: {e}");
        std::process::exit(1);
    }
}

// The crate's other binary is the wasm page; this one only exists natively.
#[cfg(target_arch = "wasm32")]
fn main() {}
