//! What a kiosk visitor takes home: a compact plain-text summary of the self-test result
//! (route, ladder positions, strengths, and — when done — top competences and occupations,
//! and the best vacancies with their references),
//! shown as text and as a QR code that a phone reads as that same text.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use thiserror::Error;

use crate::core::competence::{CompetenceCatalog, CompetenceProfile};
use crate::core::selftest::{SelfTest, SelfTestResult};
use crate::core::text::{format_date, Language};
use crate::core::vacancy::Vacancy;

/// More strengths or competences would make the code too dense for a cheap phone camera.
const MAX_ITEMS: usize = 3;
/// The vacancies the summary names (each on its own line, with its reference).
pub const MAX_VACANCIES: usize = 5;

/// One vacancy as the summary names it: title, employer, place and its id, so it can be
/// found again ("Orderpicker – Magazijn De Brug, Utrecht [sample-000123]").
pub fn vacancy_reference(vacancy: &Vacancy) -> String {
    let mut text = vacancy.title.clone();
    if !vacancy.employer.is_empty() {
        text.push_str(" – ");
        text.push_str(&vacancy.employer);
    }
    if let Some(place) = &vacancy.place {
        text.push_str(", ");
        text.push_str(place);
    }
    format!("{text} [{}]", vacancy.id)
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the summary is too long for a QR code")]
pub struct QrTooLong;

/// The summary, one fact per line, in the visitor's language.
pub fn summary_text(
    selftest: &SelfTest,
    result: &SelfTestResult,
    competences: Option<(&CompetenceCatalog, &CompetenceProfile)>,
    top_occupations: &[String],
    top_vacancies: &[String],
    date: time::Date,
    language: Language,
) -> String {
    let nl = language == Language::Nl;
    let mut lines = vec![format!(
        "Werkmap {} {}",
        if nl { "zelftest" } else { "self-test" },
        format_date(date, language)
    )];
    lines.push(format!("Route: {}", result.route.title.get(language)));
    if let Some(p) = &result.participation {
        let label = selftest
            .participation_label(p.level)
            .map(|l| l.get(language))
            .unwrap_or_default();
        lines.push(format!(
            "{}: {} {} 6 ({label})",
            if nl { "Meedoen" } else { "Taking part" },
            p.level,
            if nl { "van" } else { "of" }
        ));
    }
    if let Some(r) = &result.reintegration {
        lines.push(format!(
            "{}: {} {} 6",
            if nl {
                "Afstand tot werk (voorstel)"
            } else {
                "Distance to work (suggestion)"
            },
            r.level,
            if nl { "van" } else { "of" }
        ));
    }
    let strengths: Vec<&str> = result
        .strengths
        .iter()
        .take(MAX_ITEMS)
        .map(|s| s.text.get(language))
        .collect();
    lines.push(format!(
        "{}: {}",
        if nl { "Sterk" } else { "Strengths" },
        strengths.join(" ")
    ));
    if let Some((catalog, profile)) = competences {
        let mut rated: Vec<(&str, u8)> = catalog
            .competences
            .iter()
            .filter_map(|c| {
                profile
                    .level(&c.id)
                    .map(|level| (c.name.get(language), level))
            })
            .filter(|(_, level)| *level > 0)
            .collect();
        rated.sort_by_key(|(_, level)| std::cmp::Reverse(*level));
        if !rated.is_empty() {
            let top: Vec<String> = rated
                .iter()
                .take(MAX_ITEMS)
                .map(|(name, level)| format!("{name} {level}/4"))
                .collect();
            lines.push(format!(
                "{}: {}",
                if nl { "Competenties" } else { "Competences" },
                top.join(", ")
            ));
        }
    }
    if !top_occupations.is_empty() {
        lines.push(format!(
            "{}: {}",
            if nl { "Beroepen" } else { "Occupations" },
            top_occupations
                .iter()
                .take(MAX_ITEMS)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for vacancy in top_vacancies.iter().take(MAX_VACANCIES) {
        lines.push(format!(
            "{}: {vacancy}",
            if nl { "Vacature" } else { "Vacancy" }
        ));
    }
    lines.join("\n")
}

/// The text as a QR code in SVG (our own markup: dark squares on white, nothing else).
pub fn qr_svg(text: &str) -> Result<String, QrTooLong> {
    let code =
        QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|_| QrTooLong)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(280, 280)
        .quiet_zone(true)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::selftest::{Answer, Answers};

    #[test]
    fn summary_names_route_ladders_and_strengths_and_fits_a_qr_code() {
        let selftest = SelfTest::bundled().expect("bundled");
        let mut answers = Answers::new();
        for (q, o) in [
            ("age_band", "18_22"),
            ("education", "vmbo"),
            ("want_work", "yes"),
            ("activities", "volunteering"),
        ] {
            answers
                .set(&selftest.questionnaire, q, Answer::Chosen(vec![o.into()]))
                .expect("valid");
        }
        let result = selftest.score(&answers);
        let date = time::macros::date!(2026 - 11 - 25);
        let text = summary_text(
            &selftest,
            &result,
            None,
            &["Kapper".into()],
            &["Leerling kapper (BBL) – Kapsalon Knip, Assen [sample-000007]".into()],
            date,
            Language::Nl,
        );
        assert!(
            text.starts_with("Werkmap zelftest 25 november 2026"),
            "{text}"
        );
        assert!(text.contains("Route: Eerst een diploma"), "{text}");
        assert!(text.contains("Meedoen: 4 van 6"), "{text}");
        assert!(text.contains("Sterk: Je wilt graag werken"), "{text}");
        assert!(text.contains("Beroepen: Kapper"), "{text}");
        assert!(
            text.ends_with(
                "\nVacature: Leerling kapper (BBL) – Kapsalon Knip, Assen [sample-000007]"
            ),
            "{text}"
        );
        let svg = qr_svg(&text).expect("fits");
        assert!(
            svg.starts_with("<?xml") || svg.starts_with("<svg"),
            "{}",
            &svg[..40]
        );
        assert!(!svg.contains("<script"), "only shapes");
        assert!(
            qr_svg(&"x".repeat(5000)).is_err(),
            "too long is an error, not a panic"
        );
    }
}
