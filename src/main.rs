//! The standalone page's entry point (built by Trunk): mount the widget and keep it for the page's life.

fn main() {
    msl_departures::mount::start_standalone();
}
