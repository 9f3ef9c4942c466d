//! Parse and validate a dataset: the one path for the bundled file and for a host's `mount()` data.
//!
//! Input arrives as an untyped [`Value`] tree, read from JSON text by [`crate::json`] (the bundled file,
//! a host's text, a host's object after `JSON.stringify`).
//! [`validate`] walks the tree once, collecting every problem with its field path and a reason in both
//! languages, and returns a [`Dataset`] only when there are none. It never panics on any input.

use crate::model::*;
use std::borrow::Cow;
use std::sync::Arc;
#[cfg(test)]
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
#[cfg(test)]
use std::fmt;

/// Limits that keep a hostile host dataset from exhausting memory or time.
pub const MAX_PEOPLE: usize = 20_000;
pub const MAX_LIST: usize = 200;
pub const MAX_TEXT_CHARS: usize = 2_000;
pub const MAX_URL_CHARS: usize = 2_000;
pub const MAX_WEEKS: f64 = 5_200.0;
pub const MAX_DEPTH: usize = 32;
/// The largest host dataset read, in bytes of a file or JavaScript characters of a text (64 MB): checked before
/// the data is copied into the wasm, so a huge one is a problem, not the module out of memory.
pub const MAX_DATASET_SIZE: usize = 64 * 1024 * 1024;
/// Problems beyond this many are counted, not listed, so a reader sees a readable notice.
pub const MAX_PROBLEMS_LISTED: usize = 50;
pub const SCHEMA_VERSION: u32 = 1;

/// An untyped JSON-like value, the common input of both loading routes.
#[derive(Clone, Debug, PartialEq)]
/// Strings borrow from the JSON text where it has no escapes, so reading a large dataset allocates
/// little beyond the tree itself.
pub enum Value<'a> {
    Null,
    Bool(bool),
    Num(f64),
    Str(Cow<'a, str>),
    Arr(Vec<Value<'a>>),
    Obj(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl Value<'_> {
    fn kind(&self) -> Kind {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Num(_) => Kind::Number,
            Value::Str(_) => Kind::String,
            Value::Arr(_) => Kind::Array,
            Value::Obj(_) => Kind::Object,
        }
    }

    fn get(&self, key: &str) -> Option<&Self> {
        match self {
            // The last of duplicate keys, as `JSON.parse` reads them.
            Value::Obj(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Deserialises with a nesting limit, keeping key order and duplicates: serde_json's reading of a text
/// as a [`Value`], the oracle for [`crate::json`]'s tests.
#[cfg(test)]
struct ValueSeed {
    depth: usize,
}

#[cfg(test)]
impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value<'static>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value<'static>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

#[cfg(test)]
impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value<'static>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value<'static>, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value<'static>, E> {
        Ok(Value::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value<'static>, E> {
        Ok(Value::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value<'static>, E> {
        Ok(Value::Num(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value<'static>, E> {
        Ok(Value::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Value<'static>, E> {
        Ok(Value::Str(Cow::Owned(v)))
    }
    fn visit_none<E>(self) -> Result<Value<'static>, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E>(self) -> Result<Value<'static>, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value<'static>, D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'static>, A::Error> {
        if self.depth >= MAX_DEPTH {
            return Err(de::Error::custom("nested too deeply"));
        }
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ValueSeed { depth: self.depth + 1 })? {
            items.push(item);
        }
        Ok(Value::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'static>, A::Error> {
        if self.depth >= MAX_DEPTH {
            return Err(de::Error::custom("nested too deeply"));
        }
        let mut fields = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(ValueSeed { depth: self.depth + 1 })?;
            fields.push((Cow::Owned(key), value));
        }
        Ok(Value::Obj(fields))
    }
}

#[cfg(test)]
impl<'de> serde::Deserialize<'de> for Value<'static> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value<'static>, D::Error> {
        ValueSeed { depth: 0 }.deserialize(deserializer)
    }
}

/// JSON kinds, named in problem messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    fn name(self) -> (&'static str, &'static str) {
        match self {
            Kind::Null => ("null", "null"),
            Kind::Bool => ("true/false", "布尔值"),
            Kind::Number => ("a number", "数字"),
            Kind::String => ("a string", "字符串"),
            Kind::Array => ("a list", "列表"),
            Kind::Object => ("an object", "对象"),
        }
    }
}

/// Why a field was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    Unreadable(String),
    Missing,
    WrongType { expected: Kind, found: Kind },
    Empty,
    TooLong { max: usize },
    TooMany { max: usize },
    TooFew { min: usize },
    NotHttps,
    BadDate,
    DatePrecisionMismatch,
    NotOneOf(&'static [&'static str]),
    OutOfRange { min: f64, max: f64 },
    NotInteger,
    BoundsOrder,
    DuplicateId,
    BadId,
    NoteRequired,
    UnknownPerson,
    UnsupportedVersion,
    MoreProblems(usize),
    /// The whole dataset is over [`MAX_DATASET_SIZE`]; its size in bytes (or characters).
    TooLarge(usize),
}

/// One thing wrong with a dataset: where, and why, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// A field path such as `people[3].sources[0].url`; empty for the whole dataset.
    pub path: String,
    pub reason: Reason,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let reason = self.reason_text(lang);
        if self.path.is_empty() {
            reason
        } else {
            crate::i18n::labelled(&self.path, &reason, lang)
        }
    }

    fn reason_text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match &self.reason {
            Reason::Unreadable(detail) if zh => format!("无法读取数据（{detail}）"),
            Reason::Unreadable(detail) => format!("the data could not be read ({detail})"),
            Reason::Missing if zh => "缺少此字段".into(),
            Reason::Missing => "is missing".into(),
            Reason::WrongType { expected, found } => {
                let (e_en, e_zh) = expected.name();
                let (f_en, f_zh) = found.name();
                if zh {
                    format!("应为{e_zh}，实为{f_zh}")
                } else {
                    format!("should be {e_en}, not {f_en}")
                }
            }
            Reason::Empty if zh => "不能为空".into(),
            Reason::Empty => "must not be empty".into(),
            Reason::TooLong { max } if zh => format!("过长（最多{max}个字符）"),
            Reason::TooLong { max } => format!("is too long (at most {max} characters)"),
            Reason::TooMany { max } if zh => format!("条目过多（最多{max}条）"),
            Reason::TooMany { max } => format!("has too many entries (at most {max})"),
            Reason::TooFew { min } if zh => format!("条目过少（至少{min}条）"),
            Reason::TooFew { min } => format!("has too few entries (at least {min})"),
            Reason::NotHttps if zh => "必须是以https://开头的有效链接".into(),
            Reason::NotHttps => "must be a valid https:// link".into(),
            Reason::BadDate if zh => "日期应为YYYY-MM-DD或YYYY-MM格式的真实日期".into(),
            Reason::BadDate => "must be a real date written YYYY-MM-DD or YYYY-MM".into(),
            Reason::DatePrecisionMismatch if zh => "日期格式与精度不符（month用YYYY-MM，其余用YYYY-MM-DD）".into(),
            Reason::DatePrecisionMismatch => {
                "date and precision disagree (month uses YYYY-MM, the others YYYY-MM-DD)".into()
            }
            Reason::NotOneOf(allowed) if zh => format!("应为以下之一：{}", allowed.join("、")),
            Reason::NotOneOf(allowed) => format!("must be one of: {}", allowed.join(", ")),
            // Bounds are whole numbers; integer formatting keeps f64's Display out of the wasm.
            Reason::OutOfRange { min, max } if zh => format!("应在{}到{}之间", *min as i64, *max as i64),
            Reason::OutOfRange { min, max } => format!("must be between {} and {}", *min as i64, *max as i64),
            Reason::NotInteger if zh => "应为整数".into(),
            Reason::NotInteger => "must be a whole number".into(),
            Reason::BoundsOrder if zh => "应满足：下限 ≤ 估计 ≤ 上限".into(),
            Reason::BoundsOrder => "must satisfy low ≤ estimate ≤ high".into(),
            Reason::DuplicateId if zh => "编号重复".into(),
            Reason::DuplicateId => "duplicates an earlier id".into(),
            Reason::BadId if zh => "编号只能含小写字母、数字和连字符".into(),
            Reason::BadId => "must use only lower-case letters, digits and hyphens".into(),
            Reason::NoteRequired if zh => "状态不是confirmed时必须附说明（note）".into(),
            Reason::NoteRequired => "needs a note when the status is not confirmed".into(),
            Reason::UnknownPerson if zh => "指向不存在的人物编号".into(),
            Reason::UnknownPerson => "names a person id that does not exist".into(),
            Reason::UnsupportedVersion if zh => format!("不支持的数据版本（支持版本{SCHEMA_VERSION}）"),
            Reason::UnsupportedVersion => format!("is not a supported version (this widget reads {SCHEMA_VERSION})"),
            Reason::MoreProblems(n) if zh => format!("另有{n}个问题未列出"),
            Reason::MoreProblems(n) => format!("and {n} more problems not listed"),
            // Whole megabytes, rounded up, so a dataset just over the limit never reads as "64 MB".
            Reason::TooLarge(size) if zh => format!("数据过大（{}MB，上限{}MB）", size.div_ceil(MB), MAX_DATASET_SIZE / MB),
            Reason::TooLarge(size) => format!("the data is too large ({} MB; the limit is {} MB)", size.div_ceil(MB), MAX_DATASET_SIZE / MB),
        }
    }
}

/// The repository's data file, parsed and validated: the one loader for the crate's unit tests.
#[cfg(test)]
pub(crate) fn data_file_for_tests() -> Dataset {
    from_json(include_str!("../data/departures.json"), &|s| s.parse().ok()).expect("data/departures.json validates")
}

/// Builds a problem for input that could not even be turned into a [`Value`] (bad JSON, bad JS value).
pub fn unreadable(detail: &str) -> Vec<Problem> {
    // One line (a browser's message may span several) of at most 200 characters.
    let detail: String = detail.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(200).collect();
    vec![Problem { path: String::new(), reason: Reason::Unreadable(detail) }]
}

const MB: usize = 1024 * 1024;

/// A problem for a dataset of `size` bytes (or characters) over [`MAX_DATASET_SIZE`], before it is read at all.
pub fn check_size(size: usize) -> Result<(), Vec<Problem>> {
    if size > MAX_DATASET_SIZE {
        return Err(vec![Problem { path: String::new(), reason: Reason::TooLarge(size) }]);
    }
    Ok(())
}

/// JSON text without a leading byte-order mark. The parser would skip it, but the text is also kept for the JSON
/// download, where the browser's `JSON.parse` rejects it: stripped once, where a host's data comes in.
pub fn without_bom(mut text: String) -> String {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    text
}

/// Reads a dataset from JSON text: [`crate::json::parse`], then [`validate`]. `slow_number` is the parser's
/// converter for numbers its exact fast path cannot take (see there).
#[cfg(not(baked_page))]
pub fn from_json(text: &str, slow_number: &dyn Fn(&str) -> Option<f64>) -> Result<Dataset, Vec<Problem>> {
    let tree = crate::json::parse(text, slow_number).map_err(|e| unreadable(&e.describe()))?;
    validate(&tree)
}

/// Validates a whole dataset. `Ok` only when there is no problem at all.
#[cfg(not(baked_page))]
pub fn validate(root: &Value) -> Result<Dataset, Vec<Problem>> {
    let mut v = Validator::default();
    let dataset = v.dataset(root);
    match (dataset, v.problems.is_empty()) {
        (Some(d), true) => Ok(d),
        _ => {
            let mut problems = v.problems;
            if v.unlisted > 0 {
                problems.push(Problem { path: String::new(), reason: Reason::MoreProblems(v.unlisted) });
            }
            if problems.is_empty() {
                // Defensive: a None without a recorded problem would be a validator bug; never return Ok(None).
                problems.push(Problem { path: String::new(), reason: Reason::Missing });
            }
            Err(problems)
        }
    }
}

const STATUSES: &[&str] = &["confirmed", "disputed", "unverified"];
const COHORTS: &[&str] = &["long_time", "pre_msl", "new_msl"];
const TENURE_PRECISIONS: &[&str] = &["exact", "more_than", "nearly", "about", "under", "never_started"];
const DATE_PRECISIONS: &[&str] = &["day", "about", "month"];
const QUALIFIERS: &[&str] = &["exact", "at_least", "more_than"];

/// Where a value sits in the dataset ("people[3].tenure"), as a chain of borrowed steps on the stack.
/// Rendered to text only when a problem is reported: the happy path over 10,000 people builds none.
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(Path::Root, key) => (*key).to_owned(),
            Path::Key(parent, key) => format!("{}.{key}", parent.render()),
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

#[derive(Default)]
#[cfg(not(baked_page))]
struct Validator {
    problems: Vec<Problem>,
    unlisted: usize,
}

#[cfg(not(baked_page))]
impl Validator {
    fn fail<T>(&mut self, path: &Path, reason: Reason) -> Option<T> {
        if self.problems.len() < MAX_PROBLEMS_LISTED {
            self.problems.push(Problem { path: path.render(), reason });
        } else {
            self.unlisted += 1;
        }
        None
    }

    fn object<'a, 'v>(&mut self, v: &'a Value<'v>, path: &Path) -> Option<&'a Value<'v>> {
        match v {
            Value::Obj(_) => Some(v),
            other => self.fail(path, Reason::WrongType { expected: Kind::Object, found: other.kind() }),
        }
    }

    /// A required field; absent and `null` both count as missing.
    fn field<'a, 'v>(&mut self, obj: &'a Value<'v>, path: &Path, key: &str) -> Option<&'a Value<'v>> {
        match obj.get(key) {
            None | Some(Value::Null) => self.fail(&Path::Key(path, key), Reason::Missing),
            Some(v) => Some(v),
        }
    }

    /// `Ok(None)` when absent or null; `Err(())` when present but invalid (already reported).
    fn optional<T>(
        &mut self,
        obj: &Value,
        path: &Path,
        key: &str,
        read: impl FnOnce(&mut Self, &Value, &Path) -> Option<T>,
    ) -> Result<Option<T>, ()> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(self, v, &Path::Key(path, key)).map(Some).ok_or(()),
        }
    }

    fn string(&mut self, v: &Value, path: &Path, max: usize) -> Option<String> {
        let Value::Str(s) = v else {
            return self.fail(path, Reason::WrongType { expected: Kind::String, found: v.kind() });
        };
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return self.fail(path, Reason::Empty);
        }
        // A string has at least as many bytes as characters: count characters only when the bytes exceed.
        if trimmed.len() > max && trimmed.chars().count() > max {
            return self.fail(path, Reason::TooLong { max });
        }
        Some(trimmed.to_owned())
    }

    fn req_string(&mut self, obj: &Value, path: &Path, key: &str) -> Option<String> {
        let v = self.field(obj, path, key)?;
        self.string(v, &Path::Key(path, key), MAX_TEXT_CHARS)
    }

    fn text(&mut self, v: &Value, path: &Path) -> Option<Text> {
        self.object(v, path)?;
        let zh = self.req_string(v, path, "zh");
        let en = self.req_string(v, path, "en");
        Some(Text { zh: zh?, en: en? })
    }

    fn req_text(&mut self, obj: &Value, path: &Path, key: &str) -> Option<Text> {
        let v = self.field(obj, path, key)?;
        self.text(v, &Path::Key(path, key))
    }

    fn opt_text(&mut self, obj: &Value, path: &Path, key: &str) -> Result<Option<Text>, ()> {
        self.optional(obj, path, key, Self::text)
    }

    fn id(&mut self, obj: &Value, path: &Path) -> Option<String> {
        let id = self.req_string(obj, path, "id")?;
        let ok = id.len() <= 80 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Some(id)
        } else {
            self.fail(&Path::Key(path, "id"), Reason::BadId)
        }
    }

    fn url(&mut self, v: &Value, path: &Path) -> Option<String> {
        let url = self.string(v, path, MAX_URL_CHARS)?;
        if is_safe_https_url(&url) {
            Some(url)
        } else {
            self.fail(path, Reason::NotHttps)
        }
    }

    fn date(&mut self, v: &Value, path: &Path) -> Option<Date> {
        let s = self.string(v, path, 10)?;
        match parse_iso_date(&s) {
            Some(d) => Some(d),
            None => self.fail(path, Reason::BadDate),
        }
    }

    fn number(&mut self, v: &Value, path: &Path, min: f64, max: f64) -> Option<f64> {
        let Value::Num(n) = v else {
            return self.fail(path, Reason::WrongType { expected: Kind::Number, found: v.kind() });
        };
        if n.is_finite() && *n >= min && *n <= max {
            Some(*n)
        } else {
            self.fail(path, Reason::OutOfRange { min, max })
        }
    }

    fn req_number(&mut self, obj: &Value, path: &Path, key: &str, min: f64, max: f64) -> Option<f64> {
        let v = self.field(obj, path, key)?;
        self.number(v, &Path::Key(path, key), min, max)
    }

    fn integer(&mut self, obj: &Value, path: &Path, key: &str, max: u32) -> Option<u32> {
        let n = self.req_number(obj, path, key, 0.0, f64::from(max))?;
        if n.fract() == 0.0 {
            Some(n as u32)
        } else {
            self.fail(&Path::Key(path, key), Reason::NotInteger)
        }
    }

    fn choice<T>(
        &mut self,
        obj: &Value,
        path: &Path,
        key: &str,
        allowed: &'static [&'static str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let v = self.field(obj, path, key)?;
        let s = self.string(v, &Path::Key(path, key), 40)?;
        match parse(&s) {
            Some(t) => Some(t),
            None => self.fail(&Path::Key(path, key), Reason::NotOneOf(allowed)),
        }
    }

    fn list<'a, 'v>(&mut self, obj: &'a Value<'v>, path: &Path, key: &str, min: usize, max: usize) -> Option<&'a [Value<'v>]> {
        let v = self.field(obj, path, key)?;
        let p = Path::Key(path, key);
        let Value::Arr(items) = v else {
            return self.fail(&p, Reason::WrongType { expected: Kind::Array, found: v.kind() });
        };
        if items.len() > max {
            return self.fail(&p, Reason::TooMany { max });
        }
        if items.len() < min {
            return self.fail(&p, Reason::TooFew { min });
        }
        Some(items)
    }

    /// Reads every item, reporting each bad one; `None` if any failed.
    fn each<T>(
        &mut self,
        obj: &Value,
        path: &Path,
        key: &str,
        (min, max): (usize, usize),
        mut read: impl FnMut(&mut Self, &Value, &Path) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.list(obj, path, key, min, max)?;
        let base = Path::Key(path, key);
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match read(self, item, &Path::Index(&base, i)) {
                Some(t) => out.push(t),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A claim's status and its note (required unless confirmed), under the given keys.
    fn check_keys(&mut self, obj: &Value, path: &Path, status_key: &str, note_key: &str) -> Option<Check> {
        let status = self.choice(obj, path, status_key, STATUSES, Status::parse);
        let note = self.opt_text(obj, path, note_key).ok()?;
        let status = status?;
        if status != Status::Confirmed && note.is_none() {
            return self.fail(&Path::Key(path, note_key), Reason::NoteRequired);
        }
        Some(Check { status, note })
    }

    fn check(&mut self, obj: &Value, path: &Path) -> Option<Check> {
        self.check_keys(obj, path, "status", "note")
    }

    fn source(&mut self, v: &Value, path: &Path) -> Option<Source> {
        self.object(v, path)?;
        let publisher = self.req_string(v, path, "publisher");
        let title = self.req_string(v, path, "title");
        let url = self.field(v, path, "url").and_then(|u| self.url(u, &Path::Key(path, "url")));
        let date = self.optional(v, path, "date", Self::date).ok()?;
        let title_is_description = self.flag(v, path, "title_is_description");
        Some(Source { publisher: publisher?, title: title?, title_is_description: title_is_description?, url: url?, date })
    }

    /// An optional true/false field: absent or null reads as false.
    fn flag(&mut self, obj: &Value, path: &Path, key: &str) -> Option<bool> {
        match obj.get(key) {
            None | Some(Value::Null) => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => self.fail(&Path::Key(path, key), Reason::WrongType { expected: Kind::Bool, found: other.kind() }),
        }
    }

    fn req_source(&mut self, obj: &Value, path: &Path, key: &str) -> Option<Source> {
        let v = self.field(obj, path, key)?;
        self.source(v, &Path::Key(path, key))
    }

    fn sources(&mut self, obj: &Value, path: &Path, min: usize) -> Option<Vec<Source>> {
        self.each(obj, path, "sources", (min, MAX_LIST), Self::source)
    }

    /// A date plus its precision, which must agree with the date's form.
    fn dated(&mut self, obj: &Value, path: &Path, date_key: &str, precision_key: &str) -> Option<DatedClaim> {
        let date = self.field(obj, path, date_key).and_then(|d| self.date(d, &Path::Key(path, date_key)));
        let precision = self.choice(obj, path, precision_key, DATE_PRECISIONS, DatePrecision::parse);
        let (date, precision) = (date?, precision?);
        if (precision == DatePrecision::Month) != date.day.is_none() {
            return self.fail(&Path::Key(path, precision_key), Reason::DatePrecisionMismatch);
        }
        Some(DatedClaim { date, precision })
    }

    /// Like [`Self::dated`], but both keys may be absent or null together.
    fn opt_dated(&mut self, obj: &Value, path: &Path, date_key: &str, precision_key: &str) -> Result<Option<DatedClaim>, ()> {
        let has = |k: &str| !matches!(obj.get(k), None | Some(Value::Null));
        if !has(date_key) && !has(precision_key) {
            return Ok(None);
        }
        self.dated(obj, path, date_key, precision_key).map(Some).ok_or(())
    }

    fn dataset(&mut self, root: &Value) -> Option<Dataset> {
        let root_path = &Path::Root;
        let at = |key| Path::Key(root_path, key);
        self.object(root, root_path)?;
        let version = self.integer(root, root_path, "schema_version", u32::MAX);
        if let Some(v) = version {
            if v != SCHEMA_VERSION {
                self.fail::<()>(&at("schema_version"), Reason::UnsupportedVersion);
            }
        }
        let last_updated = self.field(root, root_path, "last_updated").and_then(|d| self.date(d, &at("last_updated")));
        let licence = self.req_text(root, root_path, "licence");
        let article = self.field(root, root_path, "article").and_then(|a| self.article(a, &at("article")));
        let people = self.each(root, root_path, "people", (1, MAX_PEOPLE), |v, item, path| v.person(item, path).map(Arc::new));
        if let Some(people) = &people {
            self.unique_ids(people.iter().map(|p| p.id.as_str()), &at("people"));
        }
        let context_path = at("context");
        let context = self.field(root, root_path, "context");
        let context = context.and_then(|c| self.object(c, &context_path));
        let (hiring, pay_reports, key_dates, spokesperson, hypothetical) = match context {
            Some(c) => (
                self.field(c, &context_path, "hiring").and_then(|h| self.hiring(h, &Path::Key(&context_path, "hiring"))),
                self.each(c, &context_path, "pay_reports", (0, MAX_LIST), Self::pay_report),
                self.each(c, &context_path, "key_dates", (0, MAX_LIST), Self::key_date),
                self.field(c, &context_path, "spokesperson").and_then(|s| self.statement(s, &Path::Key(&context_path, "spokesperson"))),
                self.field(c, &context_path, "hypothetical").and_then(|h| self.hypothetical(h, &Path::Key(&context_path, "hypothetical"))),
            ),
            None => (None, None, None, None, None),
        };
        if let Some(reports) = &pay_reports {
            self.unique_ids(reports.iter().map(|r| r.id.as_str()), &Path::Key(&context_path, "pay_reports"));
        }
        if let Some(dates) = &key_dates {
            self.unique_ids(dates.iter().map(|d| d.id.as_str()), &Path::Key(&context_path, "key_dates"));
        }
        let corrections = self.each(root, root_path, "corrections", (0, MAX_LIST), Self::correction);
        if let (Some(corrections), Some(people)) = (&corrections, &people) {
            let corrections_path = at("corrections");
            self.unique_ids(corrections.iter().map(|c| c.id.as_str()), &corrections_path);
            for (i, c) in corrections.iter().enumerate() {
                for (j, id) in c.people.iter().enumerate() {
                    if !people.iter().any(|p| &p.id == id) {
                        let correction = Path::Index(&corrections_path, i);
                        self.fail::<()>(&Path::Index(&Path::Key(&correction, "people"), j), Reason::UnknownPerson);
                    }
                }
            }
        }
        Some(Dataset {
            schema_version: version?,
            last_updated: last_updated?,
            licence: licence?,
            article: article?,
            people: people?,
            hiring: hiring?,
            pay_reports: pay_reports?,
            key_dates: key_dates?,
            spokesperson: spokesperson?,
            hypothetical: hypothetical?,
            corrections: corrections?,
        })
    }

    fn unique_ids<'a>(&mut self, ids: impl Iterator<Item = &'a str>, list: &Path) {
        let mut seen: Vec<&str> = Vec::new();
        let ids: Vec<&str> = ids.collect();
        // Sorting keeps the check O(n log n) for a 20,000-record host dataset.
        let sorted: Vec<(&str, usize)> = crate::order::order_by_text(ids.iter().copied()).into_iter().map(|i| (ids[i], i)).collect();
        for pair in sorted.windows(2) {
            if pair[0].0 == pair[1].0 && !seen.contains(&pair[1].0) {
                seen.push(pair[1].0);
                self.fail::<()>(&Path::Key(&Path::Index(list, pair[1].1.max(pair[0].1)), "id"), Reason::DuplicateId);
            }
        }
    }

    fn article(&mut self, v: &Value, path: &Path) -> Option<Article> {
        self.object(v, path)?;
        let title = self.req_text(v, path, "title");
        let title_is_description = self.flag(v, path, "title_is_description");
        let publisher = self.opt_text(v, path, "publisher");
        let url = self.field(v, path, "url").and_then(|u| self.url(u, &Path::Key(path, "url")));
        let published = self.field(v, path, "published").and_then(|d| self.date(d, &Path::Key(path, "published")));
        let cites = self.each(v, path, "cites", (0, MAX_LIST), Self::source);
        Some(Article {
            title: title?,
            title_is_description: title_is_description?,
            publisher: publisher.ok()?,
            url: url?,
            published: published?,
            cites: cites?,
        })
    }

    fn person(&mut self, v: &Value, path: &Path) -> Option<Person> {
        self.object(v, path)?;
        let id = self.id(v, path);
        let name_en = self.req_string(v, path, "name_en");
        let name_zh = self.field(v, path, "name_zh").and_then(|n| self.chinese_name(n, &Path::Key(path, "name_zh")));
        let cohort = self.choice(v, path, "cohort", COHORTS, Cohort::parse);
        let cohort_check = self.check_keys(v, path, "cohort_status", "cohort_note");
        let tenure = self.field(v, path, "tenure").and_then(|t| self.tenure(t, &Path::Key(path, "tenure")));
        let prior_employers = self.each(v, path, "prior_employers", (0, MAX_LIST), Self::employer);
        let destination = self.field(v, path, "destination").and_then(|d| self.destination(d, &Path::Key(path, "destination")));
        let later = self.each(v, path, "later", (0, MAX_LIST), Self::later_move);
        let announced = self.field(v, path, "announced").and_then(|a| {
            let p = Path::Key(path, "announced");
            self.object(a, &p)?;
            let date = self.opt_dated(a, &p, "date", "precision");
            let check = self.check(a, &p);
            Some((date.ok()?, check?))
        });
        let work = self.each(v, path, "work", (0, MAX_LIST), |s, w, p| {
            s.object(w, p)?;
            let text = s.req_text(w, p, "text");
            let check = s.check(w, p);
            Some(WorkItem { text: text?, check: check? })
        });
        let quote = self
            .optional(v, path, "quote", |s, q, p| {
                s.object(q, p)?;
                let text = s.req_text(q, p, "text");
                let context = s.req_text(q, p, "context");
                let check = s.check(q, p);
                Some(Quote { text: text?, context: context?, check: check? })
            })
            .ok();
        let sources = self.sources(v, path, 1);
        let (announced, announced_check) = announced?;
        Some(Person {
            id: id?,
            name_en: name_en?,
            name_zh: name_zh?,
            cohort: cohort?,
            cohort_check: cohort_check?,
            tenure: tenure?,
            prior_employers: prior_employers?,
            destination: destination?,
            later: later?,
            announced,
            announced_check,
            work: work?,
            quote: quote?,
            sources: sources?,
        })
    }

    fn chinese_name(&mut self, v: &Value, path: &Path) -> Option<ChineseName> {
        self.object(v, path)?;
        let text = self.req_string(v, path, "text");
        let translit = match self.field(v, path, "article_transliteration") {
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => self.fail(
                &Path::Key(path, "article_transliteration"),
                Reason::WrongType { expected: Kind::Bool, found: other.kind() },
            ),
            None => None,
        };
        let check = self.check(v, path);
        Some(ChineseName { text: text?, is_article_transliteration: translit?, check: check? })
    }

    fn tenure(&mut self, v: &Value, path: &Path) -> Option<Tenure> {
        self.object(v, path)?;
        let reported = self.req_text(v, path, "reported");
        let precision = self.choice(v, path, "precision", TENURE_PRECISIONS, TenurePrecision::parse);
        let low = self.req_number(v, path, "weeks_low", 0.0, MAX_WEEKS);
        let estimate = self.req_number(v, path, "weeks_estimate", 0.0, MAX_WEEKS);
        let high = self.req_number(v, path, "weeks_high", 0.0, MAX_WEEKS);
        let check = self.check(v, path);
        let (low, estimate, high) = (low?, estimate?, high?);
        if !(low <= estimate && estimate <= high) {
            return self.fail(&Path::Key(path, "weeks_estimate"), Reason::BoundsOrder);
        }
        Some(Tenure {
            reported: reported?,
            precision: precision?,
            weeks_low: low,
            weeks_estimate: estimate,
            weeks_high: high,
            check: check?,
        })
    }

    fn employer(&mut self, v: &Value, path: &Path) -> Option<Employer> {
        self.object(v, path)?;
        let org = self.req_text(v, path, "org");
        let detail = self.opt_text(v, path, "detail");
        let check = self.check(v, path);
        Some(Employer { org: org?, detail: detail.ok()?, check: check? })
    }

    fn destination(&mut self, v: &Value, path: &Path) -> Option<Destination> {
        self.object(v, path)?;
        let org = self.opt_text(v, path, "org");
        let role = self.opt_text(v, path, "role");
        let check = self.check(v, path);
        Some(Destination { org: org.ok()?, role: role.ok()?, check: check? })
    }

    fn later_move(&mut self, v: &Value, path: &Path) -> Option<LaterMove> {
        self.object(v, path)?;
        let org = self.req_text(v, path, "org");
        let role = self.opt_text(v, path, "role");
        let date = self.opt_dated(v, path, "date", "date_precision");
        let check = self.check(v, path);
        Some(LaterMove { org: org?, role: role.ok()?, date: date.ok()?, check: check? })
    }

    fn hire_count(&mut self, v: &Value, path: &Path) -> Option<HireCount> {
        self.object(v, path)?;
        let org = self.req_text(v, path, "org");
        let count = self.integer(v, path, "count", 100_000);
        let qualifier = self.choice(v, path, "qualifier", QUALIFIERS, CountQualifier::parse);
        Some(HireCount { org: org?, count: count?, qualifier: qualifier? })
    }

    fn hiring(&mut self, v: &Value, path: &Path) -> Option<Hiring> {
        self.object(v, path)?;
        let total = self.field(v, path, "total").and_then(|t| self.hire_count(t, &Path::Key(path, "total")));
        let reported = self.each(v, path, "reported", (1, MAX_LIST), Self::hire_count);
        let reported_source = self.req_source(v, path, "reported_source");
        let article_version = self.each(v, path, "article_version", (0, MAX_LIST), Self::hire_count);
        let check = self.check(v, path);
        Some(Hiring {
            total: total?,
            reported: reported?,
            reported_source: reported_source?,
            article_version: article_version?,
            check: check?,
        })
    }

    fn pay_report(&mut self, v: &Value, path: &Path) -> Option<PayReport> {
        self.object(v, path)?;
        let id = self.id(v, path);
        let who = self.req_text(v, path, "who");
        let date = self.dated(v, path, "date", "date_precision");
        let claim = self.req_text(v, path, "claim");
        let check = self.check(v, path);
        let source = self.req_source(v, path, "source");
        Some(PayReport { id: id?, who: who?, date: date?, claim: claim?, check: check?, source: source? })
    }

    fn key_date(&mut self, v: &Value, path: &Path) -> Option<KeyDate> {
        self.object(v, path)?;
        let id = self.id(v, path);
        let date = self.dated(v, path, "date", "date_precision");
        let label = self.req_text(v, path, "label");
        let check = self.check(v, path);
        let source = self.req_source(v, path, "source");
        Some(KeyDate { id: id?, date: date?, label: label?, check: check?, source: source? })
    }

    fn statement(&mut self, v: &Value, path: &Path) -> Option<Statement> {
        self.object(v, path)?;
        let speaker = self.req_text(v, path, "speaker");
        let role = self.req_text(v, path, "role");
        let quote = self.req_text(v, path, "quote");
        let date = self.dated(v, path, "date", "date_precision");
        let check = self.check(v, path);
        let source = self.req_source(v, path, "source");
        Some(Statement {
            speaker: speaker?,
            role: role?,
            quote: quote?,
            date: date?,
            check: check?,
            source: source?,
        })
    }

    fn hypothetical(&mut self, v: &Value, path: &Path) -> Option<Hypothetical> {
        self.object(v, path)?;
        let premise = self.req_text(v, path, "premise");
        let claim = self.req_text(v, path, "claim");
        let annual_usd = self.req_number(v, path, "annual_usd", 1.0, 1e12);
        let years = self.req_number(v, path, "years", 0.0, 100.0);
        let stated_usd = self.req_number(v, path, "stated_usd", 0.0, 1e12);
        let check = self.check(v, path);
        Some(Hypothetical {
            premise: premise?,
            claim: claim?,
            annual_usd: annual_usd?,
            years: years?,
            stated_usd: stated_usd?,
            check: check?,
        })
    }

    fn correction(&mut self, v: &Value, path: &Path) -> Option<Correction> {
        self.object(v, path)?;
        let id = self.id(v, path);
        let topic = self.req_text(v, path, "topic");
        let article_says = self.req_text(v, path, "article_says");
        let sources_say = self.req_text(v, path, "sources_say");
        let status = self.choice(v, path, "status", STATUSES, Status::parse);
        let people = self.each(v, path, "people", (0, MAX_LIST), |s, p, pp| s.string(p, pp, 80));
        let sources = self.sources(v, path, 0);
        Some(Correction {
            id: id?,
            topic: topic?,
            article_says: article_says?,
            sources_say: sources_say?,
            status: status?,
            people: people?,
            sources: sources?,
        })
    }
}

/// True for an absolute `https://host/...` URL with nothing a browser could reinterpret
/// (whitespace, control characters, backslashes, credentials). Anything else is shown as text.
pub fn is_safe_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    !host.is_empty()
        && !host.contains('@')
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'))
        && !url.bytes().any(|b| b <= b' ' || b == 0x7f || b == b'\\')
        && (url.is_ascii() || !url.chars().any(|c| c.is_whitespace() || c.is_control()))
}

/// Parses `YYYY-MM-DD` or `YYYY-MM` into a real calendar date (years 1900–2100).
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.iter().all(u8::is_ascii_digit) {
            Some(part.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')))
        } else {
            None
        }
    };
    if !(b.len() == 7 || b.len() == 10) || b[4] != b'-' {
        return None;
    }
    let year = digits(0..4)?;
    let month = digits(5..7)?;
    if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let day = if b.len() == 10 {
        if b[7] != b'-' {
            return None;
        }
        let day = digits(8..10)?;
        if day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(day as u8)
    } else {
        None
    };
    Some(Date { year: year as u16, month: month as u8, day })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// `YYYY-MM-DD`, or `YYYY-MM` for month precision.
    pub fn iso(&self) -> String {
        match self.day {
            Some(d) => format!("{:04}-{:02}-{:02}", self.year, self.month, d),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }
}
