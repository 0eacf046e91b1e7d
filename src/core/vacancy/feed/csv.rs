//! Vacancies in CSV, as an integrator or a spreadsheet writes them: a header row naming the
//! columns (English or Dutch names, any order, any case), separated by commas, semicolons
//! (Dutch spreadsheets) or tabs. Only a title column is required.
//!
//! Columns read (first name is the canonical one; `docs/vacancy-feeds.md` lists all):
//! `id`, `title`, `employer`, `place`, `postcode`, `hours` ("24-32") or `hours_min` and
//! `hours_max`, `contract`, `occupation` (catalogue id), `isco`, `esco_uri`, `education`,
//! `language` (A1–C1), `driving_licence` (ja/nee), `physical` (licht/gemiddeld/zwaar),
//! `competences` and `required_competences` (`samenwerken:3; nauwkeurig:2`), `posted`,
//! `start_date`, `closing_date`, `description`, `experience`, `support`
//! (`jobcoach; loonkostensubsidie; opleiding`), `salary_min`, `salary_max`, `salary_unit`,
//! `url`. A value that cannot be read rejects its row, with the column and the value.

use std::collections::HashMap;

use crate::core::vacancy::html::{html_to_text, tidy};
use crate::core::vacancy::model::*;

use super::error::{FeedError, RecordPosition, RecordProblem, RejectedRecord};
use super::fields::{
    is_negative_number, parse_contract_text, parse_date_text, parse_education_text, parse_euros,
    parse_hours_text, parse_isco, parse_physical_text, parse_salary_unit, parse_support_text,
    parse_yes_no,
};
use super::format::{Format, Plan, Text};
use super::record::{Draft, Records, MAX_RECORDS};
use super::report::FeedFormat;

/// Column → the header names it answers to (compared without case, spaces or `_`/`-`).
const COLUMNS: &[(&str, &[&str])] = &[
    (
        "id",
        &["id", "identifier", "vacaturenummer", "nummer", "referentie"],
    ),
    (
        "title",
        &[
            "title",
            "titel",
            "functie",
            "functietitel",
            "vacature",
            "vacaturetitel",
        ],
    ),
    (
        "employer",
        &[
            "employer",
            "werkgever",
            "bedrijf",
            "organisatie",
            "company",
            "hiringorganization",
        ],
    ),
    (
        "place",
        &[
            "place",
            "plaats",
            "locatie",
            "werkplaats",
            "standplaats",
            "city",
            "addresslocality",
        ],
    ),
    ("postcode", &["postcode", "postalcode", "zip"]),
    (
        "hours",
        &["hours", "uren", "uurperweek", "workhours", "urenperweek"],
    ),
    (
        "hours_min",
        &["hoursmin", "minhours", "urenmin", "minuren", "urenvan"],
    ),
    (
        "hours_max",
        &["hoursmax", "maxhours", "urenmax", "maxuren", "urentot"],
    ),
    (
        "contract",
        &[
            "contract",
            "contractsoort",
            "dienstverband",
            "employmenttype",
            "soortwerk",
        ],
    ),
    (
        "occupation",
        &["occupation", "beroep", "occupationid", "beroepid"],
    ),
    ("isco", &["isco", "isco08", "iscocode"]),
    ("esco_uri", &["escouri", "esco", "escooccupation"]),
    (
        "education",
        &[
            "education",
            "opleiding",
            "opleidingsniveau",
            "educationrequirements",
            "niveau",
        ],
    ),
    (
        "language",
        &[
            "language",
            "taalniveau",
            "nederlands",
            "languagelevel",
            "taal",
        ],
    ),
    (
        "driving_licence",
        &[
            "drivinglicence",
            "drivinglicense",
            "rijbewijs",
            "rijbewijsb",
        ],
    ),
    (
        "physical",
        &["physical", "fysiek", "lichamelijk", "fysiekebelasting"],
    ),
    ("competences", &["competences", "competenties"]),
    (
        "required_competences",
        &["requiredcompetences", "verplichtecompetenties", "eisen"],
    ),
    (
        "posted",
        &["posted", "dateposted", "geplaatst", "plaatsingsdatum"],
    ),
    (
        "start_date",
        &["startdate", "startdatum", "jobstartdate", "start"],
    ),
    (
        "closing_date",
        &[
            "closingdate",
            "sluitingsdatum",
            "validthrough",
            "reagerentot",
            "deadline",
        ],
    ),
    (
        "description",
        &["description", "omschrijving", "beschrijving", "tekst"],
    ),
    (
        "experience",
        &["experience", "ervaring", "experiencerequirements"],
    ),
    ("support", &["support", "ondersteuning", "steun"]),
    (
        "salary_min",
        &["salarymin", "minsalaris", "salarisvan", "loonmin"],
    ),
    (
        "salary_max",
        &["salarymax", "maxsalaris", "salaristot", "loonmax"],
    ),
    ("salary_unit", &["salaryunit", "salariseenheid", "per"]),
    ("url", &["url", "link", "adres"]),
];

fn header_key(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{FEFF}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The separator the header line uses most: `;`, `,` or tab.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

/// CSV with a header row. It has no first character of its own: it is the format a text is
/// read as when no other format recognises it, and its header decides
/// ([`FeedError::UnknownFormat`] when it names no column the importer knows).
pub(crate) struct Csv;

impl Format for Csv {
    fn kind(&self) -> FeedFormat {
        FeedFormat::Csv
    }

    fn sniff(&self, _content: &str) -> bool {
        true
    }

    fn open(&self, text: &Text<'_>) -> Result<Box<dyn Plan>, FeedError> {
        Ok(Box::new(CsvPlan::new(text.text, text.after_bom)?))
    }
}

/// A CSV feed: its header read up front, its rows a number at a time ([`Plan::step`]).
struct CsvPlan {
    delimiter: u8,
    columns: HashMap<&'static str, usize>,
    header_len: usize,
    /// Where the next row starts in the text, and on which line.
    offset: usize,
    line: u64,
    finished: bool,
}

impl CsvPlan {
    /// Reads the header of the CSV text that starts at `start` (after a byte order mark).
    fn new(text: &str, start: usize) -> Result<Self, FeedError> {
        let body = &text[start..];
        let delimiter = sniff_delimiter(body);
        let mut reader = reader(delimiter, true, body.as_bytes());
        let headers = reader
            .headers()
            .map_err(|_| FeedError::UnknownFormat)?
            .clone();
        let mut columns: HashMap<&'static str, usize> = HashMap::new();
        for (index, name) in headers.iter().enumerate() {
            let key = header_key(name);
            if let Some((column, _)) = COLUMNS
                .iter()
                .find(|(_, names)| names.iter().any(|n| *n == key))
            {
                columns.entry(column).or_insert(index);
            }
        }
        // A first line that names no column we know is no vacancy table (a letter, a list).
        if columns.is_empty() || (headers.len() < 2 && !columns.contains_key("title")) {
            return Err(FeedError::UnknownFormat);
        }
        if !columns.contains_key("title") {
            return Err(FeedError::NoTitleColumn);
        }
        let position = reader.position();
        Ok(Self {
            delimiter,
            columns,
            header_len: headers.len(),
            offset: start + usize::try_from(position.byte()).unwrap_or(body.len()),
            line: position.line(),
            finished: false,
        })
    }
}

impl Plan for CsvPlan {
    /// Reads up to `count` rows that are not blank; `true` when the text has been read.
    fn step(
        &mut self,
        text: &str,
        records: &mut Records<'_, '_>,
        count: usize,
    ) -> Result<bool, FeedError> {
        if self.finished {
            return Ok(true);
        }
        let rest = text.get(self.offset..).unwrap_or_default();
        let mut reader = reader(self.delimiter, false, rest.as_bytes());
        let mut record = ::csv::StringRecord::new();
        let mut read = 0;
        // Lines and bytes of this step's reader count from the start of `rest`.
        let line_of = |reader_line: u64| self.line + reader_line.saturating_sub(1);
        while read < count {
            let line = line_of(reader.position().line());
            match reader.read_record(&mut record) {
                Ok(false) => {
                    self.finished = true;
                    break;
                }
                Ok(true) => {}
                Err(_) => return Err(FeedError::CsvBroken { line }),
            }
            if record.iter().all(|field| field.trim().is_empty()) {
                continue;
            }
            read += 1;
            *records.position += 1;
            if *records.position > MAX_RECORDS {
                return Err(FeedError::TooManyRecords { limit: MAX_RECORDS });
            }
            let at = RecordPosition::Line(line);
            let row = Row {
                columns: &self.columns,
                record: &record,
            };
            let title = row.cell("title").map(|t| tidy(&html_to_text(t)));
            if record.len() != self.header_len {
                records.report.reject(RejectedRecord {
                    position: at,
                    title,
                    problem: RecordProblem::FieldCount {
                        expected: self.header_len,
                        found: record.len(),
                    },
                });
                continue;
            }
            match read_row(&row) {
                Ok(draft) => records.keep(draft),
                Err(problem) => records.report.reject(RejectedRecord {
                    position: at,
                    title,
                    problem,
                }),
            }
        }
        let position = reader.position();
        let line = line_of(position.line());
        self.offset += usize::try_from(position.byte()).unwrap_or(rest.len());
        self.line = line;
        if self.offset >= text.len() {
            self.finished = true;
        }
        Ok(self.finished)
    }

    /// Bytes of the text read so far.
    fn progress(&self, text: &str) -> (usize, usize) {
        (self.offset, text.len())
    }
}

fn reader(delimiter: u8, has_headers: bool, bytes: &[u8]) -> ::csv::Reader<&[u8]> {
    ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(has_headers)
        .from_reader(bytes)
}

/// One CSV row with the header's column positions.
struct Row<'r> {
    columns: &'r HashMap<&'static str, usize>,
    record: &'r ::csv::StringRecord,
}

impl<'r> Row<'r> {
    /// The trimmed value of a column; `None` when the column is absent or the cell empty.
    fn cell(&self, column: &str) -> Option<&'r str> {
        self.columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }
}

fn bad(field: &'static str, value: &str) -> RecordProblem {
    RecordProblem::BadValue {
        field,
        value: truncate_chars(value, 60),
    }
}

/// Reads an optional typed cell: absent is fine, present but unreadable rejects the row.
fn typed<T>(
    row: &Row<'_>,
    column: &'static str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, RecordProblem> {
    match row.cell(column) {
        None => Ok(None),
        Some(value) => parse(value).map(Some).ok_or_else(|| bad(column, value)),
    }
}

fn negative(field: &'static str, value: &str) -> RecordProblem {
    RecordProblem::Negative {
        field,
        value: truncate_chars(value, 60),
    }
}

/// Hours in a cell: negative hours are named as such.
fn read_hours(field: &'static str, value: &str) -> Result<HoursRange, RecordProblem> {
    if is_negative_number(value) {
        return Err(negative(field, value));
    }
    parse_hours_text(value).ok_or_else(|| bad(field, value))
}

fn read_row(row: &Row<'_>) -> Result<Draft, RecordProblem> {
    let cell = |column: &str| row.cell(column);
    let title = cell("title")
        .map(|t| tidy(&html_to_text(t)))
        .filter(|t| !t.is_empty())
        .ok_or(RecordProblem::MissingTitle)?;
    let hours = match (cell("hours"), cell("hours_min"), cell("hours_max")) {
        (_, Some(min), Some(max)) => {
            for (field, value) in [("hours_min", min), ("hours_max", max)] {
                if is_negative_number(value) {
                    return Err(negative(field, value));
                }
            }
            let min_v: u8 = min.parse().map_err(|_| bad("hours_min", min))?;
            let max_v: u8 = max.parse().map_err(|_| bad("hours_max", max))?;
            Some(HoursRange::new(min_v, max_v).ok_or_else(|| bad("hours_max", max))?)
        }
        (Some(hours), _, _) => Some(read_hours("hours", hours)?),
        (None, Some(one), None) => Some(read_hours("hours_min", one)?),
        (None, None, Some(one)) => Some(read_hours("hours_max", one)?),
        (None, None, None) => None,
    };
    let mut competences = Vec::new();
    for (column, required) in [("required_competences", true), ("competences", false)] {
        if let Some(list) = cell(column) {
            for item in list
                .split([';', ',', '|'])
                .map(str::trim)
                .filter(|i| !i.is_empty())
            {
                let (id, level) = item
                    .split_once([':', '='])
                    .ok_or_else(|| bad(column, item))?;
                let level: u8 = level.trim().parse().map_err(|_| bad(column, item))?;
                if !(1..=4).contains(&level) {
                    return Err(bad(column, item));
                }
                let id = id.trim().to_lowercase();
                if !crate::core::competence::COMPETENCE_IDS.contains(&id.as_str()) {
                    return Err(bad(column, item));
                }
                if !competences
                    .iter()
                    .any(|c: &CompetenceDemand| c.competence == id)
                {
                    competences.push(CompetenceDemand {
                        competence: id,
                        level,
                        required,
                    });
                }
            }
        }
    }
    if competences.len() > MAX_DEMANDS {
        return Err(bad("competences", "…"));
    }
    let mut support = std::collections::BTreeSet::new();
    if let Some(list) = cell("support") {
        for item in list
            .split([';', ',', '|'])
            .map(str::trim)
            .filter(|i| !i.is_empty())
        {
            support.insert(parse_support_text(item).ok_or_else(|| bad("support", item))?);
        }
    }
    let salary_min = typed(row, "salary_min", parse_euros)?;
    let salary_max = typed(row, "salary_max", parse_euros)?;
    let salary_unit = typed(row, "salary_unit", parse_salary_unit)?;
    let salary = match (salary_min, salary_max) {
        (None, None) => None,
        (min, max) => {
            let (lo, hi) = (min.or(max).unwrap_or(0), max.or(min).unwrap_or(0));
            let (lo, hi) = (lo.min(hi), lo.max(hi));
            Some(Salary {
                min_cents: lo,
                max_cents: hi,
                unit: salary_unit.unwrap_or(if hi < 10_000 {
                    SalaryUnit::Hour
                } else {
                    SalaryUnit::Month
                }),
            })
        }
    };
    Ok(Draft {
        id: cell("id").map(str::to_owned),
        title,
        employer: cell("employer")
            .map(|e| tidy(&html_to_text(e)))
            .unwrap_or_default(),
        place: cell("place").map(|p| tidy(&html_to_text(p))),
        postcode: typed(row, "postcode", |p| {
            crate::core::place::parse_postcode(p).map(|_| p.to_owned())
        })?,
        coordinates: None,
        hours,
        contract: typed(row, "contract", parse_contract_text)?,
        full_time: None,
        occupation_id: cell("occupation").map(str::to_owned),
        isco: typed(row, "isco", parse_isco)?,
        esco_uri: cell("esco_uri").map(str::to_owned),
        education: typed(row, "education", parse_education_text)?,
        competences,
        language: typed(row, "language", LanguageLevel::from_code)?,
        driving_licence: typed(row, "driving_licence", parse_yes_no)?,
        physical: typed(row, "physical", parse_physical_text)?,
        posted: typed(row, "posted", parse_date_text)?,
        start_date: typed(row, "start_date", parse_date_text)?,
        closing_date: typed(row, "closing_date", parse_date_text)?,
        description: cell("description").map(html_to_text).unwrap_or_default(),
        experience: cell("experience").map(str::to_owned),
        support,
        salary,
        url: cell("url").map(str::to_owned),
    })
}
