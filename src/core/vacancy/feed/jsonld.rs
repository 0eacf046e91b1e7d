//! schema.org `JobPosting` in JSON-LD, the way job sites publish it: one object, an array of
//! them, or an `@graph` whose nodes refer to each other by `@id` (the organisation and the
//! place are often separate nodes). Values come as text, number, object or array, and the
//! importer takes each of those where schema.org allows it.
//!
//! A large feed is not turned into one big JSON tree: the records are first cut out as raw
//! slices of the input ([`serde_json::value::RawValue`]) and then read one at a time, so
//! memory stays close to the size of the file.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::core::place::GeoPoint;

use crate::core::vacancy::html::{escape_text, html_to_text, tidy};
use crate::core::vacancy::model::*;

use super::error::{FeedError, NoteReason, RecordPosition, RecordProblem, RejectedRecord};
use super::fields::{
    infer_contract, is_negative_number, parse_contract_text, parse_date_text, parse_education_text,
    parse_euros, parse_hours_text, parse_isco,
};
use super::record::{Draft, Records, MAX_RECORDS};
use super::report::FeedImport;

use crate::core::occupation::ESCO_OCCUPATION_PREFIX;

/// The records of a JSON document (or of every JSON-LD block of an HTML page), found and
/// checked up front and then read a number at a time ([`JsonPlan::step`]).
pub(crate) struct JsonPlan {
    documents: Vec<DocumentPlan>,
    /// The document and the posting read next.
    at: (usize, usize),
    done: usize,
    total: usize,
    other_nodes: usize,
}

/// One JSON document: where its postings are in the text (or why one is no posting), and the
/// other nodes they may refer to by `@id`.
struct DocumentPlan {
    postings: Vec<Result<Range<usize>, RecordProblem>>,
    resolved: HashMap<String, Value>,
    /// What was read from each referenced node, read once for every posting that refers to
    /// it (so a large node shared by every posting costs its size once, not once per posting).
    read: Read,
}

impl JsonPlan {
    /// A JSON document starting at `start` in `text`.
    pub(crate) fn of_json(text: &str, start: usize) -> Result<Self, FeedError> {
        let mut plan = Self::empty();
        plan.add(text, start..text.len())?;
        Ok(plan)
    }

    /// Every `<script type="application/ld+json">` block of an HTML page starting at `start`.
    /// A broken block is skipped; the page's other blocks still count.
    pub(crate) fn of_html(text: &str, start: usize) -> Result<Self, FeedError> {
        let mut plan = Self::empty();
        let lower = text.to_ascii_lowercase();
        let mut from = start;
        while let Some(found) = lower[from..].find("<script") {
            let tag_start = from + found;
            let Some(tag_len) = lower[tag_start..].find('>') else {
                break;
            };
            let tag = &lower[tag_start..tag_start + tag_len];
            let body_start = tag_start + tag_len + 1;
            let Some(body_len) = lower[body_start..].find("</script") else {
                break;
            };
            from = body_start + body_len;
            if tag.contains("ld+json") {
                let raw = &text[body_start..body_start + body_len];
                let body = raw.trim();
                if body.starts_with(['{', '[']) {
                    let body_at = body_start + (raw.len() - raw.trim_start().len());
                    match plan.add(text, body_at..body_at + body.len()) {
                        Ok(()) | Err(FeedError::NotJson { .. }) => {}
                        Err(other) => return Err(other),
                    }
                }
            }
        }
        Ok(plan)
    }

    fn empty() -> Self {
        Self {
            documents: Vec::new(),
            at: (0, 0),
            done: 0,
            total: 0,
            other_nodes: 0,
        }
    }

    pub(crate) fn total(&self) -> usize {
        self.total
    }

    pub(crate) fn done(&self) -> usize {
        self.done
    }

    pub(crate) fn other_nodes(&self) -> usize {
        self.other_nodes
    }

    /// Finds the postings of the document at `range` of `text`.
    fn add(&mut self, text: &str, range: Range<usize>) -> Result<(), FeedError> {
        let document = &text[range.clone()];
        if too_deep(document) {
            return Err(FeedError::TooDeep);
        }
        let is_array = document.starts_with('[');
        let nodes: Vec<&RawValue> = if is_array {
            serde_json::from_str(document).map_err(json_error)?
        } else {
            let parsed: GraphDocument<'_> = serde_json::from_str(document).map_err(json_error)?;
            match parsed.graph {
                Some(graph) if graph.get().trim_start().starts_with('[') => {
                    serde_json::from_str(graph.get()).map_err(json_error)?
                }
                Some(graph) => vec![graph],
                None => vec![serde_json::from_str::<&RawValue>(document).map_err(json_error)?],
            }
        };
        if nodes.len() > MAX_RECORDS {
            return Err(FeedError::TooManyRecords { limit: MAX_RECORDS });
        }
        // Which nodes are vacancies, and the other nodes they may refer to by @id.
        let mut postings = Vec::new();
        let mut references: HashMap<String, &RawValue> = HashMap::new();
        for node in nodes {
            match serde_json::from_str::<Head>(node.get()) {
                Ok(head) if is_job_posting(head.kind.as_ref()) => {
                    postings.push(place_in(text, node).ok_or(RecordProblem::NotAnObject))
                }
                Ok(head) => {
                    if let Some(Value::String(id)) = head.id {
                        references.insert(id, node);
                    }
                    match head.kind {
                        // A top-level array entry of another type is a record, not a vacancy.
                        Some(kind) if is_array => {
                            postings.push(Err(RecordProblem::NotAJobPosting {
                                kind: kind_name(&kind),
                            }))
                        }
                        None if is_array => postings.push(Err(RecordProblem::NotAJobPosting {
                            kind: "object".to_owned(),
                        })),
                        _ => self.other_nodes += 1,
                    }
                }
                Err(e) if e.to_string().contains("recursion limit") => {
                    postings.push(Err(RecordProblem::TooDeep))
                }
                Err(_) => postings.push(Err(RecordProblem::NotAnObject)),
            }
        }
        let resolved: HashMap<String, Value> = references
            .into_iter()
            .filter_map(|(id, raw)| Some((id, serde_json::from_str(raw.get()).ok()?)))
            .collect();
        self.total += postings.len();
        self.documents.push(DocumentPlan {
            postings,
            resolved,
            read: Read::default(),
        });
        Ok(())
    }

    /// Reads up to `count` postings; `true` when every document has been read.
    pub(crate) fn step(&mut self, text: &str, records: &mut Records<'_, '_>, count: usize) -> bool {
        let mut read = 0;
        while read < count && self.done < self.total {
            let (document, next) = self.at;
            let Some(plan) = self.documents.get(document) else {
                break;
            };
            let Some(posting) = plan.postings.get(next) else {
                self.at = (document + 1, 0);
                continue;
            };
            self.at = (document, next + 1);
            self.done += 1;
            read += 1;
            *records.position += 1;
            let at = RecordPosition::Record(*records.position);
            let outcome = posting.clone().and_then(|range| {
                let record = &text[range];
                let value: Value = serde_json::from_str(record).map_err(|e| {
                    let message = e.to_string();
                    if message.contains("recursion limit") {
                        RecordProblem::TooDeep
                    } else if message.contains("number out of range") {
                        RecordProblem::NumberTooLarge {
                            number: number_before(record, e.line(), e.column()),
                        }
                    } else {
                        RecordProblem::NotAnObject
                    }
                })?;
                match value {
                    Value::Object(object) => {
                        let refs = Refs {
                            nodes: &plan.resolved,
                            read: &plan.read,
                        };
                        read_posting(&object, &refs, records.report, at)
                    }
                    _ => Err(RecordProblem::NotAnObject),
                }
            });
            match outcome {
                Ok(draft) => records.keep(draft),
                Err(problem) => records.report.reject(RejectedRecord {
                    position: at,
                    title: None,
                    problem,
                }),
            }
        }
        self.done >= self.total
    }
}

/// The number that ends at (`line`, `column`) of `record` (both 1-based, as serde_json
/// reports an error), shortened for a message.
fn number_before(record: &str, line: usize, column: usize) -> String {
    let line_start = if line <= 1 {
        0
    } else {
        record
            .match_indices('\n')
            .nth(line - 2)
            .map_or(record.len(), |(at, _)| at + 1)
    };
    let mut end = (line_start + column).min(record.len());
    while !record.is_char_boundary(end) {
        end -= 1;
    }
    let before = &record[..end];
    let is_number = |c: char| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-');
    let trimmed = before.trim_end_matches(|c: char| !is_number(c) && c != '\n');
    let start = trimmed.rfind(|c: char| !is_number(c)).map_or(0, |at| {
        at + trimmed[at..].chars().next().map_or(1, char::len_utf8)
    });
    truncate_chars(&trimmed[start..], 40)
}

/// Where a node cut out of `text` is in it (it is a slice of it, so its address says).
fn place_in(text: &str, node: &RawValue) -> Option<Range<usize>> {
    let start = (node.get().as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let range = start..start + node.get().len();
    (text.get(range.clone()) == Some(node.get())).then_some(range)
}

fn json_error(error: serde_json::Error) -> FeedError {
    if error.to_string().contains("recursion limit") {
        FeedError::TooDeep
    } else {
        FeedError::NotJson {
            line: error.line(),
            column: error.column(),
        }
    }
}

/// The `@type` and `@id` of a node, read without reading the rest.
#[derive(Deserialize)]
struct Head {
    #[serde(rename = "@type", default)]
    kind: Option<Value>,
    #[serde(rename = "@id", default)]
    id: Option<Value>,
}

/// An object document: only its `@graph` is looked at first.
#[derive(Deserialize)]
struct GraphDocument<'a> {
    #[serde(rename = "@graph", borrow, default)]
    graph: Option<&'a RawValue>,
}

/// How deep objects and arrays may nest. Real feeds nest five or six levels.
pub const MAX_DEPTH: usize = 64;

/// Whether brackets nest deeper than [`MAX_DEPTH`] anywhere (strings are skipped). Checked
/// before parsing, so a hostile file is refused in one pass without recursion.
fn too_deep(text: &str) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn is_job_posting(kind: Option<&Value>) -> bool {
    let is =
        |s: &str| s == "JobPosting" || s.ends_with("/JobPosting") || s.ends_with(":JobPosting");
    match kind {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(kinds)) => kinds.iter().any(|k| k.as_str().is_some_and(is)),
        _ => false,
    }
}

fn kind_name(kind: &Value) -> String {
    let name = match kind {
        Value::String(s) => s.clone(),
        Value::Array(kinds) => kinds
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        _ => "object".to_owned(),
    };
    truncate_chars(&name, 40)
}

/// What was read from referenced nodes, by `@id`.
#[derive(Default)]
struct Read {
    employers: RefCell<HashMap<String, String>>,
    locations: RefCell<HashMap<String, LocationParts>>,
    addresses: RefCell<HashMap<String, Address>>,
    points: RefCell<HashMap<String, Option<GeoPoint>>>,
}

/// Place and postcode of a `PostalAddress`.
type Address = (Option<String>, Option<String>);

/// Where a vacancy is, as read from a `jobLocation`.
#[derive(Clone, Default)]
struct LocationParts {
    place: Option<String>,
    postcode: Option<String>,
    coordinates: Option<GeoPoint>,
}

/// The other nodes of the graph, by `@id`, and what was read from them so far.
struct Refs<'a> {
    nodes: &'a HashMap<String, Value>,
    read: &'a Read,
}

/// Reads `id`'s entry of a memo, computing it once.
fn once<T: Clone>(memo: &RefCell<HashMap<String, T>>, id: &str, read: impl FnOnce() -> T) -> T {
    if let Some(known) = memo.borrow().get(id) {
        return known.clone();
    }
    let value = read();
    memo.borrow_mut().insert(id.to_owned(), value.clone());
    value
}

/// A name read from a feed: plain text, cleaned and no longer than the vacancy keeps.
fn short_text(text: &str) -> String {
    truncate_chars(&html_to_text(text), MAX_SHORT_TEXT)
}

impl<'a> Refs<'a> {
    /// An object, or the node it refers to by `@id` (with that id).
    fn object<'v>(&'v self, value: &'v Value) -> Option<(&'v Map<String, Value>, Option<&'v str>)>
    where
        'a: 'v,
    {
        let value = match value {
            Value::Array(items) => items.first()?,
            other => other,
        };
        let object = value.as_object()?;
        match object.get("@id").and_then(Value::as_str) {
            Some(id) if object.len() == 1 => {
                let (id, node) = self.nodes.get_key_value(id)?;
                Some((node.as_object()?, Some(id.as_str())))
            }
            _ => Some((object, None)),
        }
    }

    /// The employer's name from `hiringOrganization`.
    fn employer(&self, value: &Value) -> Option<String> {
        if let Value::String(s) = value {
            return Some(short_text(s));
        }
        let (organisation, id) = self.object(value)?;
        let read = || {
            organisation
                .get("name")
                .and_then(text_of)
                .map(|name| short_text(&name))
                .unwrap_or_default()
        };
        Some(match id {
            Some(id) => once(&self.read.employers, id, read),
            None => read(),
        })
        .filter(|name| !name.is_empty())
    }

    /// Place, postcode and coordinates from `jobLocation`.
    fn location(&self, value: &Value) -> LocationParts {
        if let Value::String(s) = value {
            return LocationParts {
                place: Some(short_text(s)).filter(|p| !p.is_empty()),
                ..LocationParts::default()
            };
        }
        let Some((place, id)) = self.object(value) else {
            return LocationParts::default();
        };
        match id {
            Some(id) => once(&self.read.locations, id, || self.place(place)),
            None => self.place(place),
        }
    }

    fn place(&self, place: &Map<String, Value>) -> LocationParts {
        let mut parts = LocationParts::default();
        if let Some(address) = place.get("address") {
            (parts.place, parts.postcode) = match address {
                Value::String(s) => (Some(short_text(s)), None),
                other => match self.object(other) {
                    Some((address, Some(id))) => {
                        once(&self.read.addresses, id, || read_address(address))
                    }
                    Some((address, None)) => read_address(address),
                    None => (None, None),
                },
            };
        }
        parts.place = parts.place.filter(|p| !p.is_empty());
        if parts.place.is_none() {
            parts.place = place
                .get("name")
                .and_then(text_of)
                .map(|name| short_text(&name))
                .filter(|p| !p.is_empty());
        }
        if let Some(geo) = place.get("geo") {
            parts.coordinates = match self.object(geo) {
                Some((geo, Some(id))) => once(&self.read.points, id, || read_point(geo)),
                Some((geo, None)) => read_point(geo),
                None => None,
            };
        }
        parts
    }
}

fn read_address(address: &Map<String, Value>) -> Address {
    (
        address
            .get("addressLocality")
            .and_then(text_of)
            .map(|p| short_text(&p)),
        address
            .get("postalCode")
            .and_then(text_of)
            .map(|p| truncate_chars(p.trim(), MAX_SHORT_TEXT)),
    )
}

fn read_point(geo: &Map<String, Value>) -> Option<GeoPoint> {
    let lat = geo.get("latitude").and_then(number_of)?;
    let lon = geo.get("longitude").and_then(number_of)?;
    GeoPoint::new(lat, lon)
}

/// A text value: a string, or a number written as text. Arrays give their first text.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

/// Every text in a value (strings in arrays and in the members named `keys` of objects).
fn texts_of(value: &Value, keys: &[&str], out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => {
            for item in items.iter().take(50) {
                texts_of(item, keys, out);
            }
        }
        Value::Object(object) => {
            for key in keys {
                if let Some(member) = object.get(*key) {
                    if !member.is_object() {
                        texts_of(member, keys, out);
                    }
                }
            }
        }
        _ => {}
    }
}

fn number_of(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        // No number a feed means is written in more than 64 characters.
        Value::String(s) if s.len() <= 64 => s.trim().replace(',', ".").parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite())
}

fn read_posting(
    object: &Map<String, Value>,
    refs: &Refs<'_>,
    report: &mut FeedImport,
    at: RecordPosition,
) -> Result<Draft, RecordProblem> {
    let mut draft = Draft::default();
    let title = match object.get("title").or_else(|| object.get("name")) {
        None | Some(Value::Null) => return Err(RecordProblem::MissingTitle),
        Some(Value::String(s)) => tidy(&html_to_text(s)),
        Some(_) => {
            return Err(RecordProblem::WrongType {
                field: "title",
                expected: "a text",
            })
        }
    };
    if title.is_empty() {
        return Err(RecordProblem::MissingTitle);
    }
    draft.title = title;

    draft.id = object.get("identifier").and_then(|v| match v {
        Value::Object(o) => o.get("value").and_then(text_of),
        other => text_of(other),
    });
    draft.employer = object
        .get("hiringOrganization")
        .and_then(|v| refs.employer(v))
        .unwrap_or_default();

    if let Some(location) = object.get("jobLocation") {
        read_location(location, refs, &mut draft);
    }

    if let Some(kind) = object.get("employmentType") {
        let mut kinds = Vec::new();
        texts_of(kind, &[], &mut kinds);
        read_employment_types(&kinds, &mut draft);
    }
    if let Some(hours) = object.get("workHours") {
        let text = text_of(hours);
        match text.as_deref().and_then(parse_hours_text) {
            Some(range) => draft.hours = Some(range),
            None if text.as_deref().is_some_and(is_negative_number) => {
                report.note_why(at, "workHours", &short(hours), NoteReason::Negative)
            }
            None => report.note(at, "workHours", &short(hours)),
        }
    }
    if let Some(salary) = object.get("baseSalary") {
        match read_salary(salary) {
            Some(s) => draft.salary = Some(s),
            None => report.note(at, "baseSalary", &short(salary)),
        }
    }
    if let Some(description) = object.get("description") {
        match description {
            Value::String(s) => draft.description = html_to_text(s),
            _ => report.note(at, "description", &short(description)),
        }
    }
    if let Some(category) = object.get("occupationalCategory") {
        read_occupational_category(category, &mut draft);
    }
    if let Some(education) = object.get("educationRequirements") {
        let mut texts = Vec::new();
        texts_of(
            education,
            &[
                "credentialCategory",
                "educationalLevel",
                "name",
                "description",
            ],
            &mut texts,
        );
        let levels: Vec<_> = texts
            .iter()
            .filter_map(|t| parse_education_text(t))
            .collect();
        match levels.into_iter().min() {
            Some(level) => draft.education = Some(level),
            None if !texts.is_empty() => {
                report.note(at, "educationRequirements", &texts.join(", "))
            }
            None => {}
        }
    }
    if let Some(experience) = object.get("experienceRequirements") {
        draft.experience = match experience {
            Value::Object(o) => o
                .get("monthsOfExperience")
                .and_then(number_of)
                .filter(|m| (0.0..=600.0).contains(m))
                .map(|m| format!("{m} maanden ervaring / months of experience"))
                .or_else(|| o.get("description").and_then(text_of)),
            other => text_of(other),
        }
        .map(|t| tidy(&html_to_text(&t)));
    }
    // Requirements in words help to find a licence or a language level.
    let mut extra = Vec::new();
    for key in ["qualifications", "skills", "responsibilities"] {
        if let Some(value) = object.get(key) {
            texts_of(value, &["name", "description"], &mut extra);
        }
    }
    if !extra.is_empty() {
        let extra = html_to_text(&extra.join("\n"));
        if draft.description.is_empty() {
            draft.description = extra;
        } else {
            draft.description = format!("{}\n\n{extra}", draft.description);
        }
    }
    for (key, slot) in [
        ("datePosted", &mut draft.posted),
        ("validThrough", &mut draft.closing_date),
        ("jobStartDate", &mut draft.start_date),
    ] {
        if let Some(value) = object.get(key) {
            match text_of(value).and_then(|t| parse_date_text(&t)) {
                Some(date) => *slot = Some(date),
                None => report.note(at, key, &short(value)),
            }
        }
    }
    draft.url = object.get("url").and_then(text_of);
    Ok(draft)
}

/// A short rendering of a value for a note.
fn short(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    truncate_chars(&text, 60)
}

fn read_location(location: &Value, refs: &Refs<'_>, draft: &mut Draft) {
    let parts = refs.location(location);
    draft.place = parts.place;
    draft.postcode = parts.postcode;
    draft.coordinates = parts.coordinates;
}

fn read_employment_types(kinds: &[String], draft: &mut Draft) {
    let upper: Vec<String> = kinds
        .iter()
        .map(|k| k.trim().to_ascii_uppercase().replace([' ', '-'], "_"))
        .collect();
    let has = |name: &str| upper.iter().any(|k| k == name);
    // A kind schema.org has no word for (BBL, temp agency, work-experience place, trial
    // placement), named next to the schema.org type, is the more precise one.
    let specific = kinds
        .iter()
        .filter_map(|k| parse_contract_text(k))
        .find(|k| {
            matches!(
                k,
                ContractKind::Bbl
                    | ContractKind::TempAgency
                    | ContractKind::WorkExperience
                    | ContractKind::TrialPlacement
            )
        });
    draft.contract = if specific.is_some() {
        specific
    } else if has("VOLUNTEER") {
        Some(ContractKind::Volunteering)
    } else if has("INTERN") || has("INTERNSHIP") {
        Some(ContractKind::Internship)
    } else if has("TEMPORARY") || has("CONTRACTOR") || has("SEASONAL") {
        Some(ContractKind::Temporary)
    } else if has("FULL_TIME") || has("PART_TIME") || has("PER_DIEM") {
        // schema.org's words for a regular job: only the title can say more ("(BBL)").
        Some(infer_contract(&draft.title, "").unwrap_or(ContractKind::Regular))
    } else {
        kinds
            .iter()
            .find_map(|k| parse_contract_text(k))
            .filter(|k| *k != ContractKind::Regular)
    };
    if has("FULL_TIME") && !has("PART_TIME") {
        draft.full_time = Some(true);
    } else if has("PART_TIME") {
        draft.full_time = Some(false);
    }
}

fn read_salary(salary: &Value) -> Option<Salary> {
    let cents = |v: &Value| -> Option<u32> {
        match v {
            Value::String(s) => parse_euros(s),
            other => {
                let n = number_of(other)?;
                let cents = (n * 100.0).round();
                (cents > 0.0 && cents <= 100_000_000.0).then_some(cents as u32)
            }
        }
    };
    match salary {
        Value::Number(_) | Value::String(_) => {
            let c = cents(salary)?;
            Some(Salary {
                min_cents: c,
                max_cents: c,
                unit: guess_unit(c),
            })
        }
        Value::Object(amount) => {
            if let Some(currency) = amount.get("currency").and_then(Value::as_str) {
                if !currency.trim().eq_ignore_ascii_case("EUR") {
                    return None;
                }
            }
            let value = amount.get("value")?;
            let (min, max, unit_text) = match value {
                Value::Object(q) => {
                    let single = q.get("value").and_then(cents);
                    let min = q.get("minValue").and_then(cents).or(single);
                    let max = q.get("maxValue").and_then(cents).or(single).or(min);
                    (min?, max?, q.get("unitText").and_then(Value::as_str))
                }
                other => {
                    let c = cents(other)?;
                    (c, c, None)
                }
            };
            let (min, max) = (min.min(max), min.max(max));
            let unit = match unit_text.map(|u| u.trim().to_ascii_uppercase()) {
                Some(u) if u == "HOUR" => SalaryUnit::Hour,
                Some(u) if u == "WEEK" => SalaryUnit::Week,
                Some(u) if u == "MONTH" => SalaryUnit::Month,
                Some(u) if u == "YEAR" => SalaryUnit::Year,
                _ => guess_unit(max),
            };
            Some(Salary {
                min_cents: min,
                max_cents: max,
                unit,
            })
        }
        _ => None,
    }
}

/// A salary without a unit: an hourly wage is under €100, a monthly one under €15,000.
fn guess_unit(cents: u32) -> SalaryUnit {
    if cents < 10_000 {
        SalaryUnit::Hour
    } else if cents < 1_500_000 {
        SalaryUnit::Month
    } else {
        SalaryUnit::Year
    }
}

/// The code set name under which [`to_job_posting`] names the catalogue occupation.
pub const CATALOGUE_CODE_SET: &str = "werkmap";

fn read_occupational_category(category: &Value, draft: &mut Draft) {
    // Werkmap's own code, when the feed was written by Werkmap.
    let codes: Vec<&Value> = match category {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for code in codes {
        let Some(object) = code.as_object() else {
            continue;
        };
        if object.get("inCodeSet").and_then(Value::as_str) == Some(CATALOGUE_CODE_SET) {
            draft.occupation_id = object.get("codeValue").and_then(text_of);
        }
    }
    let mut texts = Vec::new();
    texts_of(category, &["codeValue", "name", "@id", "url"], &mut texts);
    for text in &texts {
        let trimmed = text.trim();
        if trimmed.starts_with(ESCO_OCCUPATION_PREFIX) && draft.esco_uri.is_none() {
            draft.esco_uri = Some(truncate_chars(trimmed, 200));
        } else if draft.isco.is_none() {
            draft.isco = parse_isco(trimmed);
        }
    }
}

/// A vacancy as a schema.org `JobPosting`, the way a job site would publish it (the
/// description as HTML paragraphs and lists). Kinds of work schema.org has no word for are
/// named next to the nearest schema.org type (`["TEMPORARY", "temp_agency"]`), which
/// [`super::import_feed`] reads back. Used by `werkmap vacancies generate --format jsonld`.
pub fn to_job_posting(vacancy: &Vacancy) -> Value {
    use serde_json::json;
    let mut posting = json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "identifier": { "@type": "PropertyValue", "value": vacancy.id },
        "title": vacancy.title,
        "hiringOrganization": { "@type": "Organization", "name": vacancy.employer },
        "description": description_html(&vacancy.description),
    });
    let Some(object) = posting.as_object_mut() else {
        return posting;
    };
    let mut address = Map::new();
    address.insert("@type".into(), "PostalAddress".into());
    if let Some(postcode) = &vacancy.postcode {
        address.insert("postalCode".into(), postcode.clone().into());
    }
    if let Some(place) = &vacancy.place {
        address.insert("addressLocality".into(), place.clone().into());
    }
    address.insert("addressCountry".into(), "NL".into());
    let mut place = json!({ "@type": "Place", "address": Value::Object(address) });
    if let Some(point) = vacancy.location {
        place["geo"] =
            json!({ "@type": "GeoCoordinates", "latitude": point.lat, "longitude": point.lon });
    }
    object.insert("jobLocation".into(), place);
    let full_time = vacancy.hours.is_some_and(|h| h.min >= 32);
    let base = if full_time { "FULL_TIME" } else { "PART_TIME" };
    let kinds: Vec<&str> = match vacancy.contract {
        ContractKind::Regular => vec![base],
        ContractKind::Temporary => vec![base, "TEMPORARY"],
        ContractKind::TempAgency => vec!["TEMPORARY", "temp_agency"],
        ContractKind::Bbl => vec![base, "bbl"],
        ContractKind::Internship => vec!["INTERN"],
        ContractKind::WorkExperience => vec!["OTHER", "work_experience"],
        ContractKind::TrialPlacement => vec!["OTHER", "trial_placement"],
        ContractKind::Volunteering => vec!["VOLUNTEER"],
    };
    object.insert("employmentType".into(), json!(kinds));
    if let Some(hours) = vacancy.hours {
        object.insert(
            "workHours".into(),
            format!("{}-{} uur per week", hours.min, hours.max).into(),
        );
    }
    if let Some(salary) = vacancy.salary {
        let unit = match salary.unit {
            SalaryUnit::Hour => "HOUR",
            SalaryUnit::Week => "WEEK",
            SalaryUnit::Month => "MONTH",
            SalaryUnit::Year => "YEAR",
        };
        object.insert(
            "baseSalary".into(),
            json!({
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": f64::from(salary.min_cents) / 100.0,
                    "maxValue": f64::from(salary.max_cents) / 100.0,
                    "unitText": unit
                }
            }),
        );
    }
    let mut categories = Vec::new();
    if let Some(id) = &vacancy.occupation.id {
        categories.push(
            json!({ "@type": "CategoryCode", "codeValue": id, "inCodeSet": CATALOGUE_CODE_SET }),
        );
    }
    if let Some(isco) = &vacancy.occupation.isco {
        categories
            .push(json!({ "@type": "CategoryCode", "codeValue": isco, "inCodeSet": "ISCO-08" }));
    }
    if let Some(uri) = &vacancy.occupation.esco_uri {
        categories.push(Value::String(uri.clone()));
    }
    if !categories.is_empty() {
        object.insert("occupationalCategory".into(), Value::Array(categories));
    }
    if let Some(level) = vacancy.education {
        object.insert(
            "educationRequirements".into(),
            json!({ "@type": "EducationalOccupationalCredential", "credentialCategory": education_words(level) }),
        );
    }
    let mut qualifications = Vec::new();
    if let Some(level) = vacancy.language {
        qualifications.push(format!("Je spreekt Nederlands op {}-niveau.", level.code()));
    }
    if vacancy.driving_licence {
        qualifications.push("Je hebt rijbewijs B.".to_owned());
    }
    if !qualifications.is_empty() {
        object.insert("qualifications".into(), qualifications.join(" ").into());
    }
    for (key, date) in [
        ("datePosted", vacancy.posted),
        ("validThrough", vacancy.closing_date),
        ("jobStartDate", vacancy.start_date),
    ] {
        if let Some(date) = date {
            object.insert(key.into(), date.to_string().into());
        }
    }
    if let Some(url) = &vacancy.url {
        object.insert("url".into(), url.clone().into());
    }
    posting
}

/// Plain text as simple HTML: paragraphs, and lines starting with a bullet as a list.
fn description_html(text: &str) -> String {
    let escape = escape_text;
    let mut html = String::with_capacity(text.len() + 64);
    for paragraph in text.split("\n\n") {
        let lines: Vec<&str> = paragraph.lines().collect();
        let (bullets, words): (Vec<&str>, Vec<&str>) =
            lines.iter().partition(|l| l.starts_with("• "));
        if !words.is_empty() {
            html.push_str(&format!("<p>{}</p>", escape(&words.join(" "))));
        }
        if !bullets.is_empty() {
            html.push_str("<ul>");
            for bullet in bullets {
                html.push_str(&format!(
                    "<li>{}</li>",
                    escape(bullet.trim_start_matches("• "))
                ));
            }
            html.push_str("</ul>");
        }
    }
    html
}

fn education_words(level: crate::core::vocab::EducationLevel) -> &'static str {
    use crate::core::vocab::EducationLevel;
    match level {
        EducationLevel::None => "geen diploma",
        EducationLevel::Vmbo => "vmbo",
        EducationLevel::Mbo1 => "mbo 1",
        EducationLevel::Mbo2 => "mbo 2",
        EducationLevel::Mbo3 => "mbo 3",
        EducationLevel::Mbo4 => "mbo 4",
        EducationLevel::HavoVwo => "havo",
        EducationLevel::Hbo => "hbo",
        EducationLevel::Wo => "wo",
    }
}
