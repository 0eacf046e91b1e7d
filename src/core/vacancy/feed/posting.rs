//! One schema.org `JobPosting` object read into a [`Draft`]: values come as text, number,
//! object or array, and each is taken where schema.org allows it. What is read from an
//! `@graph` node that postings refer to by `@id` (employer, place, address, coordinates) is
//! read once per node and kept, so a large node shared by every posting costs its size once;
//! every name read is bounded. Shared by the JSON-LD and the HTML format.

use std::cell::RefCell;
use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::core::occupation::ESCO_OCCUPATION_PREFIX;
use crate::core::place::GeoPoint;
use crate::core::vacancy::html::{html_to_text, tidy};
use crate::core::vacancy::model::*;

use super::error::{NoteReason, RecordPosition, RecordProblem};
use super::fields::{
    infer_contract, is_negative_number, parse_contract_text, parse_date_text, parse_education_text,
    parse_euros, parse_hours_text, parse_isco,
};
use super::record::Draft;
use super::report::FeedImport;

/// What was read from referenced nodes, by `@id`.
#[derive(Default)]
pub(super) struct Read {
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
pub(super) struct Refs<'a> {
    pub nodes: &'a HashMap<String, Value>,
    pub read: &'a Read,
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

/// Reads one `JobPosting` object into a draft. A record without a readable title is
/// rejected; a field that cannot be read is left out and noted.
pub(super) fn read_posting(
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

/// The code set name under which `to_job_posting` (`jsonld.rs`) names the catalogue
/// occupation, read back here.
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
