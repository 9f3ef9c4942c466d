//! Native tests of the real data file and of the validator on malformed datasets.
#![cfg(not(target_arch = "wasm32"))]

use msl_departures::dataset::{from_json, Problem, Reason, MAX_PEOPLE};
use msl_departures::model::*;

const DATA: &str = include_str!("../data/departures.json");

fn raw() -> serde_json::Value {
    serde_json::from_str(DATA).expect("data/departures.json is valid JSON")
}

/// The shipped reading path (parser, then validator) on a JSON tree edited by a test.
fn read(json: &serde_json::Value) -> Result<Dataset, Vec<Problem>> {
    from_json(&json.to_string(), &|s| s.parse().ok())
}

fn load() -> Dataset {
    match read(&raw()) {
        Ok(d) => d,
        Err(problems) => panic!("bundled data invalid: {:#?}", problems.iter().map(|p| p.message(Lang::En)).collect::<Vec<_>>()),
    }
}

fn problems_of(json: serde_json::Value) -> Vec<Problem> {
    read(&json).expect_err("should be rejected")
}

fn has_problem(problems: &[Problem], path: &str) -> bool {
    problems.iter().any(|p| p.path == path)
}

#[test]
fn the_data_file_validates_with_nine_people_in_article_order() {
    let d = load();
    let ids: Vec<&str> = d.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "bert-maher", "tony-liu", "chi-hao-wu", "aram-markosyan", "chaya-nayak", "afroz-mohiuddin", "avi-verma",
            "ethan-knight", "rishabh-agarwal"
        ]
    );
    let names: Vec<&str> = d.people.iter().map(|p| p.name_en.as_str()).collect();
    assert!(names.contains(&"Chi-Hao Wu") && names.contains(&"Rishabh Agarwal"));
}

#[test]
fn every_person_has_an_https_source_and_ordered_week_bounds() {
    for p in load().people {
        assert!(p.sources.iter().any(|s| s.url.starts_with("https://")), "{} lacks an https source", p.id);
        let t = &p.tenure;
        assert!(t.weeks_low <= t.weeks_estimate && t.weeks_estimate <= t.weeks_high, "{}", p.id);
        assert!(p.name_zh.is_article_transliteration, "{}: every Chinese name is the article's", p.id);
    }
}

/// Walks the raw JSON: every object with a "zh" key must have a non-empty "en" and vice versa.
fn assert_bilingual(v: &serde_json::Value, path: &str) {
    match v {
        serde_json::Value::Object(map) => {
            if map.contains_key("zh") || map.contains_key("en") {
                for k in ["zh", "en"] {
                    let s = map.get(k).and_then(|s| s.as_str()).unwrap_or("");
                    assert!(!s.trim().is_empty(), "{path}.{k} is empty or missing");
                }
            }
            for (k, child) in map {
                assert_bilingual(child, &format!("{path}.{k}"));
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                assert_bilingual(child, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

#[test]
fn every_text_is_in_both_languages() {
    assert_bilingual(&raw(), "");
}

/// Every value under a key named "date", "published" or "last_updated" is an ISO date.
fn assert_iso_dates(v: &serde_json::Value, path: &str) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                if matches!(k.as_str(), "date" | "published" | "last_updated") {
                    if let Some(s) = child.as_str() {
                        assert!(msl_departures::dataset::parse_iso_date(s).is_some(), "{path}.{k} = {s}");
                    } else {
                        assert!(child.is_null(), "{path}.{k} is neither a date string nor null");
                    }
                }
                assert_iso_dates(child, &format!("{path}.{k}"));
            }
        }
        serde_json::Value::Array(items) => items.iter().enumerate().for_each(|(i, c)| assert_iso_dates(c, &format!("{path}[{i}]"))),
        _ => {}
    }
}

#[test]
fn every_date_is_iso() {
    assert_iso_dates(&raw(), "");
}

#[test]
fn the_fact_checks_statuses_are_present() {
    let d = load();
    let person = |id: &str| d.person(id).unwrap_or_else(|| panic!("{id} missing")).clone();

    // Verma: "under a month" per the article, "never started" per Meta and the FT.
    let verma = person("avi-verma");
    assert_eq!(verma.tenure.check.status, Status::Disputed);
    assert_eq!(verma.tenure.precision, TenurePrecision::NeverStarted);
    assert_eq!(verma.tenure.weeks_low, 0.0);

    // 吴志浩 is not a sourced name.
    let wu = person("chi-hao-wu");
    assert_eq!(wu.name_zh.text, "吴志浩");
    assert_eq!(wu.name_zh.check.status, Status::Unverified);

    // Mohiuddin's "14 years at Google" was not found in any source.
    let afroz = person("afroz-mohiuddin");
    let google = afroz.prior_employers.iter().find(|e| e.org.en.contains("Google")).expect("Google listed");
    assert_eq!(google.check.status, Status::Unverified);
    assert!(google.detail.as_ref().is_some_and(|d| d.en.contains("14")));

    // Markosyan's smart-glasses work is unverified.
    let aram = person("aram-markosyan");
    let glasses = aram.work.iter().find(|w| w.text.en.to_lowercase().contains("glasses")).expect("smart glasses item");
    assert_eq!(glasses.check.status, Status::Unverified);

    // The article's hiring breakdown omits OpenAI's 20+.
    assert_eq!(d.hiring.check.status, Status::Disputed);
    let openai = d.hiring.reported.iter().find(|h| h.org.en == "OpenAI").expect("OpenAI in WSJ figures");
    assert_eq!((openai.count, openai.qualifier), (20, CountQualifier::MoreThan));
    assert!(!d.hiring.article_version.iter().any(|h| h.org.en == "OpenAI"));

    // MSL was founded on 2025-06-30, not "early July". A status qualifies the text it sits beside: the label
    // shown is the accurate date, so it is confirmed, and the note keeps the article's "early July".
    let founded = d.key_dates.iter().find(|k| k.id == "msl-founded").expect("msl-founded");
    assert_eq!(founded.date.date, Date { year: 2025, month: 6, day: Some(30) });
    assert_eq!(founded.check.status, Status::Confirmed);
    assert!(founded.check.note.as_ref().is_some_and(|n| n.en.contains("early July")));
    // The same rule for the people: Mohiuddin's move to OpenAI is confirmed; the doubt is the title's, in the
    // role text itself; Nayak's FORT item is the accurate version, with the article's beside it.
    assert_eq!(afroz.destination.check.status, Status::Confirmed);
    assert!(afroz.destination.role.as_ref().is_some_and(|r| r.en.contains("per the article") && r.en.contains("not confirmed")));
    let fort = person("chaya-nayak").work.iter().find(|w| w.text.en.contains("FORT")).cloned().expect("FORT item");
    assert_eq!(fort.check.status, Status::Confirmed);
    assert!(fort.text.en.contains("the article's looser version"));
    // Verma "may never have started", with whose account is whose.
    assert!(verma.tenure.reported.en.starts_with("May never have started (Meta:"), "{}", verma.tenure.reported.en);
    assert!(verma.tenure.reported.zh.starts_with("可能从未到岗"));
    // Pay reports judge the claim: the $300M figure rests on Wired's unnamed sources alone.
    let pay = |id: &str| d.pay_reports.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id}")).check.status;
    assert_eq!((pay("altman-100m"), pay("beyer-denial"), pay("wired-300m")), (Status::Disputed, Status::Confirmed, Status::Unverified));
    // The article has no headline: its title is our description.
    assert!(d.article.title_is_description);

    // The $8M sum is the article's hypothetical, labelled as such.
    assert_eq!(d.hypothetical.check.status, Status::Unverified);
    assert_eq!(d.hypothetical.annual_usd, 100_000_000.0);
}

#[test]
fn all_ten_corrections_are_listed_and_point_at_real_people() {
    let d = load();
    assert_eq!(d.corrections.len(), 10);
    for c in &d.corrections {
        for id in &c.people {
            assert!(d.person(id).is_some(), "correction {} names unknown {id}", c.id);
        }
    }
}

#[test]
fn a_missing_field_is_named() {
    let mut j = raw();
    j["people"][2].as_object_mut().unwrap().remove("tenure");
    let problems = problems_of(j);
    assert!(has_problem(&problems, "people[2].tenure"), "{problems:?}");
    assert!(problems.iter().any(|p| p.reason == Reason::Missing));
}

#[test]
fn a_wrong_type_is_named() {
    let mut j = raw();
    j["people"][0]["tenure"]["weeks_high"] = serde_json::json!("lots");
    let problems = problems_of(j);
    assert!(has_problem(&problems, "people[0].tenure.weeks_high"), "{problems:?}");
    let msg = problems[0].message(Lang::En);
    assert!(msg.contains("should be a number"), "{msg}");
    assert!(problems[0].message(Lang::Zh).contains("应为数字"));
}

#[test]
fn a_javascript_url_is_rejected() {
    let mut j = raw();
    j["people"][1]["sources"][0]["url"] = serde_json::json!("javascript:alert(1)");
    assert!(has_problem(&problems_of(j), "people[1].sources[0].url"));
}

#[test]
fn an_empty_name_is_rejected() {
    let mut j = raw();
    j["people"][3]["name_en"] = serde_json::json!("   ");
    let problems = problems_of(j);
    assert!(has_problem(&problems, "people[3].name_en"));
    assert_eq!(problems[0].reason, Reason::Empty);
}

#[test]
fn a_duplicate_id_is_rejected() {
    let mut j = raw();
    j["people"][4]["id"] = serde_json::json!("bert-maher");
    let problems = problems_of(j);
    assert!(has_problem(&problems, "people[4].id"), "{problems:?}");
    assert!(problems.iter().any(|p| p.reason == Reason::DuplicateId));
}

#[test]
fn a_non_confirmed_claim_without_a_note_is_rejected() {
    let mut j = raw();
    j["people"][6]["tenure"].as_object_mut().unwrap().remove("note");
    assert!(has_problem(&problems_of(j), "people[6].tenure.note"));
}

#[test]
fn bounds_out_of_order_are_rejected() {
    let mut j = raw();
    j["people"][0]["tenure"]["weeks_low"] = serde_json::json!(700);
    assert!(has_problem(&problems_of(j), "people[0].tenure.weeks_estimate"));
}

#[test]
fn impossible_dates_and_precision_mismatches_are_rejected() {
    let mut j = raw();
    j["last_updated"] = serde_json::json!("2025-02-30");
    j["people"][0]["announced"]["precision"] = serde_json::json!("month");
    let problems = problems_of(j);
    assert!(has_problem(&problems, "last_updated"));
    assert!(has_problem(&problems, "people[0].announced.precision"));
}

#[test]
fn non_objects_and_nulls_do_not_panic() {
    for bad in [serde_json::json!(null), serde_json::json!(42), serde_json::json!("x"), serde_json::json!([]), serde_json::json!({})] {
        let problems = problems_of(bad);
        assert!(!problems.is_empty());
    }
    let mut j = raw();
    j["people"] = serde_json::json!([null, 1, "x", [], {}]);
    let problems = problems_of(j);
    assert!(has_problem(&problems, "people[1]"));
    assert!(has_problem(&problems, "people[4].id"));
}

#[test]
fn huge_strings_and_too_many_records_are_refused_with_few_listed_problems() {
    let mut j = raw();
    j["people"][0]["name_en"] = serde_json::json!("x".repeat(100_000));
    assert!(problems_of(j).iter().any(|p| p.path == "people[0].name_en" && matches!(p.reason, Reason::TooLong { .. })));
    // The limit counts characters, not bytes: 2,000 Chinese characters (6,000 bytes) pass, 2,001 do not.
    let max = msl_departures::dataset::MAX_TEXT_CHARS;
    let mut j = raw();
    j["people"][0]["destination"]["role"]["zh"] = serde_json::json!("中".repeat(max));
    assert!(read(&j).is_ok());
    j["people"][0]["destination"]["role"]["zh"] = serde_json::json!("中".repeat(max + 1));
    assert!(problems_of(j).iter().any(|p| p.path == "people[0].destination.role.zh" && matches!(p.reason, Reason::TooLong { .. })));

    let mut j = raw();
    j["people"] = serde_json::Value::Array(vec![serde_json::json!({}); MAX_PEOPLE + 1]);
    let problems = problems_of(j);
    assert!(problems.iter().any(|p| p.path == "people" && matches!(p.reason, Reason::TooMany { .. })));

    // 5,000 broken records: the list is capped and the rest counted.
    let mut j = raw();
    j["people"] = serde_json::Value::Array(vec![serde_json::json!({}); 5_000]);
    let problems = problems_of(j);
    assert!(problems.len() <= msl_departures::dataset::MAX_PROBLEMS_LISTED + 1);
    assert!(matches!(problems.last().map(|p| &p.reason), Some(Reason::MoreProblems(n)) if *n > 1000));
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let parsed = msl_departures::json::parse(&deep, &|s| s.parse().ok());
    assert_eq!(parsed.map_err(|e| e.what), Err("nested too deeply"));
}

#[test]
fn markup_in_strings_is_kept_as_plain_text() {
    let mut j = raw();
    j["people"][0]["name_en"] = serde_json::json!("<img src=x onerror=alert(1)>");
    let d = read(&j).expect("markup is just text");
    assert_eq!(d.people[0].name_en, "<img src=x onerror=alert(1)>");
}

#[test]
fn unsafe_urls_are_told_apart_from_safe_ones() {
    use msl_departures::dataset::is_safe_https_url as ok;
    assert!(ok("https://www.wired.com/story/x/"));
    assert!(ok("https://example.com"));
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "//evil.example/x",
        "http://example.com",
        "https://",
        "https://user@evil.example",
        "https://ex ample.com",
        "https://example.com/\\x",
        "HTTPS://example.com",
        " https://example.com",
    ] {
        assert!(!ok(bad), "{bad}");
    }
}

#[test]
fn an_unreadable_dataset_is_one_short_line_whatever_the_browser_said() {
    let detail = format!("Converting circular structure to JSON\n    --> starting at object\n    |  {}", "x".repeat(500));
    let problems = msl_departures::dataset::unreadable(&detail);
    assert_eq!(problems.len(), 1);
    let Reason::Unreadable(text) = &problems[0].reason else { panic!("{:?}", problems[0].reason) };
    assert!(text.starts_with("Converting circular structure to JSON --> starting at object | x"), "{text}");
    assert!(!text.contains('\n') && text.chars().count() == 200, "{text}");
}

#[test]
fn a_byte_order_mark_is_stripped_once_and_only_at_the_start() {
    use msl_departures::dataset::without_bom;
    assert_eq!(without_bom("\u{FEFF}{\"a\":1}".into()), "{\"a\":1}");
    assert_eq!(without_bom("\u{FEFF}\u{FEFF}x".into()), "\u{FEFF}x");
    assert_eq!(without_bom("{\"a\":\"\u{FEFF}\"}".into()), "{\"a\":\"\u{FEFF}\"}");
    assert_eq!(without_bom(String::new()), "");
}

// Issue 18, item 8: a host dataset of any size was copied into the wasm and read; a few hundred MB ran the module
// out of memory. The size is checked first (browser.rs calls this before the copy).
#[test]
fn a_dataset_over_64_mb_is_one_clear_problem() {
    use msl_departures::dataset::{check_size, MAX_DATASET_SIZE};
    assert_eq!(MAX_DATASET_SIZE, 64 * 1024 * 1024);
    assert_eq!(check_size(0), Ok(()));
    assert_eq!(check_size(MAX_DATASET_SIZE), Ok(()));
    let problems = check_size(MAX_DATASET_SIZE + 1).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "");
    assert_eq!(problems[0].message(Lang::En), "the data is too large (65 MB; the limit is 64 MB)");
    assert_eq!(problems[0].message(Lang::Zh), "数据过大（65MB，上限64MB）");
    assert_eq!(check_size(300 * 1024 * 1024).unwrap_err()[0].message(Lang::En), "the data is too large (300 MB; the limit is 64 MB)");
}
