//! Values known at build time written as Rust expressions: build.rs writes the bundled dataset's people, pay
//! reports and search index this way for the standalone page's wasm, which then carries no JSON parser or
//! validator (see `Dataset::bundled` and `PeopleIndex::bundled`).
//!
//! Each expression names only the fields the page's wasm keeps (`cfg(baked_page)` leaves the others out of the
//! model), so a field added to one side and not the other fails the page's build instead of shipping a wrong value.

use crate::model::{Check, Dataset, Date, PayReport, Person, Text};

/// A value as a Rust expression of its own type.
pub trait RustLiteral {
    fn rust(&self) -> String;
}

/// `Debug` of a string is a Rust string literal: quotes and backslashes escaped, control and non-printing
/// characters as `\u{…}`.
impl RustLiteral for str {
    fn rust(&self) -> String {
        format!("String::from({self:?})")
    }
}

impl RustLiteral for String {
    fn rust(&self) -> String {
        self.as_str().rust()
    }
}

/// `Debug` of a finite `f64` is the shortest text that reads back as the same number, which is also a Rust literal
/// (`1e21`, `0.1`, `12.0`). The validator admits no NaN or infinity.
impl RustLiteral for f64 {
    fn rust(&self) -> String {
        format!("{self:?}_f64")
    }
}

impl RustLiteral for u32 {
    fn rust(&self) -> String {
        self.to_string()
    }
}

impl<T: RustLiteral> RustLiteral for [T] {
    fn rust(&self) -> String {
        let items: Vec<String> = self.iter().map(RustLiteral::rust).collect();
        format!("vec![{}]", items.join(", "))
    }
}

impl<T: RustLiteral> RustLiteral for Vec<T> {
    fn rust(&self) -> String {
        self.as_slice().rust()
    }
}

impl RustLiteral for Text {
    fn rust(&self) -> String {
        format!("Text {{ zh: {}, en: {} }}", self.zh.rust(), self.en.rust())
    }
}

impl RustLiteral for Date {
    fn rust(&self) -> String {
        let day = self.day.map_or("None".to_owned(), |d| format!("Some({d})"));
        format!("Date {{ year: {}, month: {}, day: {day} }}", self.year, self.month)
    }
}

/// A check as the page's wasm reads it: the status (its note is in the baked HTML).
impl RustLiteral for Check {
    fn rust(&self) -> String {
        format!("Check {{ status: Status::{:?} }}", self.status)
    }
}

/// What the page's wasm reads of a person: who they are, and their time at Meta for the calculator.
impl RustLiteral for Person {
    fn rust(&self) -> String {
        let t = &self.tenure;
        format!(
            "Person {{ id: {}, name_en: {}, name_zh: ChineseName {{ text: {} }}, tenure: Tenure {{ reported: {}, precision: TenurePrecision::{:?}, weeks_low: {}, weeks_estimate: {}, weeks_high: {} }} }}",
            self.id.rust(),
            self.name_en.rust(),
            self.name_zh.text.rust(),
            t.reported.rust(),
            t.precision,
            t.weeks_low.rust(),
            t.weeks_estimate.rust(),
            t.weeks_high.rust(),
        )
    }
}

/// A pay report as the calculator's presets read it: which one, and how sure it is.
impl RustLiteral for PayReport {
    fn rust(&self) -> String {
        format!("PayReport {{ id: {}, check: {} }}", self.id.rust(), self.check.rust())
    }
}

/// The dataset as the page's wasm holds it: its people, its pay reports and its date.
impl RustLiteral for Dataset {
    fn rust(&self) -> String {
        let people: Vec<String> = self.people.iter().map(|p| format!("Arc::new({})", p.rust())).collect();
        format!(
            "Dataset {{ last_updated: {}, people: vec![{}], pay_reports: {} }}",
            self.last_updated.rust(),
            people.join(", "),
            self.pay_reports.rust()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_rust_reads_them() {
        assert_eq!("a\"b\\c\n".rust(), r#"String::from("a\"b\\c\n")"#);
        assert_eq!("陈\u{7}".rust(), "String::from(\"陈\\u{7}\")");
    }

    #[test]
    fn numbers_read_back_exactly() {
        for n in [0.0, 0.1, 12.0, 1e21, 1.0 / 3.0, 52.18 * 9.0] {
            let text = n.rust();
            let back: f64 = text.trim_end_matches("_f64").parse().unwrap();
            assert_eq!(back.to_bits(), n.to_bits(), "{text}");
        }
    }

    #[test]
    fn the_page_keeps_only_what_it_reads_of_a_person() {
        let data = crate::dataset::data_file_for_tests();
        let person = data.people[0].rust();
        assert!(person.starts_with("Person { id: String::from("), "{person}");
        assert!(person.contains("weeks_estimate: "));
        assert!(!person.contains("sources"), "sources are baked into the page's HTML, not its wasm");
        let all = data.rust();
        assert_eq!(all.matches("Arc::new(Person {").count(), data.people.len());
        assert_eq!(all.matches("PayReport {").count(), data.pay_reports.len());
    }
}
