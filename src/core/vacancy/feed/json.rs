//! The JSON side of schema.org `JobPosting` feeds, shared by the JSON-LD and the HTML
//! format: a JSON document is one object, an array of them, or an `@graph` whose nodes refer
//! to each other by `@id` (the organisation and the place are often separate nodes).
//!
//! A large feed is not turned into one big JSON tree: the records are first cut out as raw
//! slices of the input ([`serde_json::value::RawValue`]) and then read one at a time
//! (`posting.rs`), so memory stays close to the size of the file. Nesting is checked in one
//! pass before anything is parsed.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::core::vacancy::model::truncate_chars;

use super::error::{FeedError, RecordPosition, RecordProblem, RejectedRecord};
use super::format::Plan;
use super::posting::{read_posting, Read, Refs};
use super::record::{Records, MAX_RECORDS};

/// The records of a JSON document (or of every JSON-LD block of an HTML page), found and
/// checked up front and then read a number at a time ([`Plan::step`]).
pub(super) struct JsonPlan {
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
    /// A plan without documents yet ([`JsonPlan::add`] adds them).
    pub(super) fn new() -> Self {
        Self {
            documents: Vec::new(),
            at: (0, 0),
            done: 0,
            total: 0,
            other_nodes: 0,
        }
    }

    /// Finds the postings of the document at `range` of `text`.
    pub(super) fn add(&mut self, text: &str, range: Range<usize>) -> Result<(), FeedError> {
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

    /// The plan to read, or [`FeedError::NoJobPostings`] when no document held a posting.
    pub(super) fn ready(self) -> Result<Box<dyn Plan>, FeedError> {
        if self.total == 0 {
            return Err(FeedError::NoJobPostings);
        }
        Ok(Box::new(self))
    }
}

impl Plan for JsonPlan {
    /// Reads up to `count` postings; `true` when every document has been read.
    fn step(
        &mut self,
        text: &str,
        records: &mut Records<'_, '_>,
        count: usize,
    ) -> Result<bool, FeedError> {
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
        Ok(self.done >= self.total)
    }

    fn progress(&self, _text: &str) -> (usize, usize) {
        (self.done, self.total)
    }

    fn other_nodes(&self) -> usize {
        self.other_nodes
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
