//! Vacancies written as the feeds the formats read back: [`to_job_posting`] as a schema.org
//! `JobPosting` (JSON-LD, the way a job site publishes it) and [`write_csv`] as CSV with the
//! canonical columns. Used by `werkmap vacancies generate --format jsonld|csv`, the
//! benchmarks and the round-trip tests (what is written is read back as it was).

use serde_json::{Map, Value};

use crate::core::vacancy::html::escape_text;
use crate::core::vacancy::model::*;

use super::posting::CATALOGUE_CODE_SET;

/// A vacancy as a schema.org `JobPosting`, the way a job site would publish it (the
/// description as HTML paragraphs and lists). Kinds of work schema.org has no word for are
/// named next to the nearest schema.org type (`["TEMPORARY", "temp_agency"]`), which
/// `import_feed` reads back. Used by `werkmap vacancies generate --format jsonld`.
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

/// The columns [`write_csv`] writes, in this order (the canonical names of the CSV
/// format's header aliases, `csv.rs`).
pub const CSV_COLUMNS: [&str; 23] = [
    "id",
    "title",
    "employer",
    "place",
    "postcode",
    "hours_min",
    "hours_max",
    "contract",
    "occupation",
    "isco",
    "esco_uri",
    "education",
    "language",
    "driving_licence",
    "physical",
    "competences",
    "required_competences",
    "posted",
    "start_date",
    "closing_date",
    "support",
    "salary_min",
    "salary_max",
];

/// Vacancies as CSV with the canonical columns, which `import_feed` reads back. Meant for
/// systems, not spreadsheets: cells are written as they are.
pub fn write_csv<W: std::io::Write>(
    out: W,
    vacancies: impl IntoIterator<Item = Vacancy>,
) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    let mut header: Vec<&str> = CSV_COLUMNS.to_vec();
    header.extend(["salary_unit", "description"]);
    writer.write_record(&header)?;
    for v in vacancies {
        let demands = |required: bool| {
            v.competences
                .iter()
                .filter(|d| d.required == required)
                .map(|d| format!("{}:{}", d.competence, d.level))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let salary = v.salary;
        let record: Vec<String> = vec![
            v.id.clone(),
            v.title.clone(),
            v.employer.clone(),
            v.place.clone().unwrap_or_default(),
            v.postcode.clone().unwrap_or_default(),
            v.hours.map(|h| h.min.to_string()).unwrap_or_default(),
            v.hours.map(|h| h.max.to_string()).unwrap_or_default(),
            serde_name(&v.contract),
            v.occupation.id.clone().unwrap_or_default(),
            v.occupation.isco.clone().unwrap_or_default(),
            v.occupation.esco_uri.clone().unwrap_or_default(),
            v.education.map(|e| serde_name(&e)).unwrap_or_default(),
            v.language.map(|l| l.code().to_owned()).unwrap_or_default(),
            if v.driving_licence { "ja" } else { "nee" }.to_owned(),
            v.physical.map(|p| serde_name(&p)).unwrap_or_default(),
            demands(false),
            demands(true),
            v.posted.map(|d| d.to_string()).unwrap_or_default(),
            v.start_date.map(|d| d.to_string()).unwrap_or_default(),
            v.closing_date.map(|d| d.to_string()).unwrap_or_default(),
            v.support
                .iter()
                .map(serde_name)
                .collect::<Vec<_>>()
                .join("; "),
            salary.map(|s| euros(s.min_cents)).unwrap_or_default(),
            salary.map(|s| euros(s.max_cents)).unwrap_or_default(),
            salary.map(|s| serde_name(&s.unit)).unwrap_or_default(),
            v.description.clone(),
        ];
        writer.write_record(&record)?;
    }
    writer.flush()
}

fn euros(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// The serde name of a unit enum value (`temp_agency`, `mbo2`…).
fn serde_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
