//! What a kiosk visitor takes home: a compact plain-text summary of the self-test result
//! (route, ladder positions, strengths, and — when done — top competences and occupations,
//! and the best vacancies with their references),
//! shown as text and as a QR code that a phone reads as that same text.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode, Version};
use thiserror::Error;

use crate::core::competence::{CompetenceCatalog, CompetenceProfile};
use crate::core::i18n;
use crate::core::selftest::SelfTestResult;
use crate::core::text::{format_date, Language};
use crate::core::vacancy::Vacancy;

/// More strengths or competences would make the code too dense for a cheap phone camera.
pub const MAX_ITEMS: usize = 3;
/// The vacancies the summary names (each on its own line, with its reference).
pub const MAX_VACANCIES: usize = 5;
/// The largest QR code the summary may need: version 18 at error correction M (89 × 89
/// modules, about 560 bytes of text), which a phone camera reads off the kiosk screen when
/// each module is 5 px. Lines are left out until the text fits ([`summary_text`]).
pub const MAX_QR_VERSION: i16 = 18;
/// The code is drawn with whole pixels per module and at least this wide, so that every
/// module has sharp edges on screen (version 18: 5 px per module).
pub const MIN_QR_PIXELS: u32 = 440;
/// The top rung of both ladders, as the summary names it ("3 van 6").
pub const LADDER_TOP: &str = "6";

/// One vacancy as the summary names it, the way a person finds it again: title, employer
/// and place ("Orderpicker – Van Dijk Logistiek, Utrecht"). No internal id: it means nothing
/// to the person reading it on their phone.
pub fn vacancy_reference(vacancy: &Vacancy) -> String {
    let mut text = vacancy.title.clone();
    if !vacancy.employer.trim().is_empty() {
        text.push_str(" – ");
        text.push_str(&vacancy.employer);
    }
    if let Some(place) = &vacancy.place {
        text.push_str(", ");
        text.push_str(place);
    }
    text
}

/// The first sentence of a text ("Je wilt graag werken. Dat is een sterke start." →
/// "Je wilt graag werken."): the fact, without the encouragement that follows it.
pub fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(end) => &text[..=end],
        None => text,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the summary is too long for a QR code")]
pub struct QrTooLong;

/// The summary, one fact per line, in the visitor's language, small enough for a code of
/// at most [`MAX_QR_VERSION`]. Route and ladder levels are always in; when everything does
/// not fit, lines go in this order: the fifth and fourth vacancy, the strengths, the third
/// vacancy, occupations and competences, the second and first vacancy.
pub fn summary_text(
    result: &SelfTestResult,
    competences: Option<(&CompetenceCatalog, &CompetenceProfile)>,
    top_occupations: &[String],
    top_vacancies: &[String],
    date: time::Date,
    language: Language,
) -> String {
    let items = |key: &'static str, items: &str| i18n::format(language, key, &[("items", items)]);
    let rung = |key: &'static str, level: u8| {
        i18n::format(
            language,
            key,
            &[("level", &level.to_string()), ("top", LADDER_TOP)],
        )
    };
    // (line, how early it goes when the text is too long: higher goes first; 0 never).
    let mut lines: Vec<(String, u8)> = vec![(
        i18n::format(
            language,
            "handoff.title",
            &[("date", &format_date(date, language))],
        ),
        0,
    )];
    lines.push((
        i18n::format(
            language,
            "handoff.route",
            &[("route", result.route.title.get(language))],
        ),
        0,
    ));
    if let Some(p) = &result.participation {
        lines.push((rung("handoff.participation", p.level), 0));
    }
    if let Some(r) = &result.reintegration {
        lines.push((rung("handoff.reintegration", r.level), 0));
    }
    let strengths: Vec<&str> = result
        .strengths
        .iter()
        .take(MAX_ITEMS)
        .map(|s| first_sentence(s.text.get(language)))
        .collect();
    if !strengths.is_empty() {
        lines.push((items("handoff.strengths", &strengths.join(" ")), 4));
    }
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
            lines.push((items("handoff.competences", &top.join(", ")), 2));
        }
    }
    if !top_occupations.is_empty() {
        let named = top_occupations
            .iter()
            .take(MAX_ITEMS)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        lines.push((items("handoff.occupations", &named), 2));
    }
    for (rank, vacancy) in top_vacancies.iter().take(MAX_VACANCIES).enumerate() {
        let goes = match rank {
            0 | 1 => 1,
            2 => 3,
            _ => 5,
        };
        lines.push((
            i18n::format(language, "handoff.vacancy", &[("vacancy", vacancy)]),
            goes,
        ));
    }
    let joined = |lines: &[(String, u8)]| {
        lines
            .iter()
            .map(|(line, _)| line.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    while !fits_small_code(&joined(&lines)) {
        // The last of the lines that go first.
        let Some(at) = lines
            .iter()
            .enumerate()
            .filter(|(_, (_, goes))| *goes > 0)
            .max_by_key(|(at, (_, goes))| (*goes, *at))
            .map(|(at, _)| at)
        else {
            break;
        };
        lines.remove(at);
    }
    joined(&lines)
}

pub fn fits_small_code(text: &str) -> bool {
    QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .is_ok_and(|code| matches!(code.version(), Version::Normal(v) if v <= MAX_QR_VERSION))
}

/// A QR code drawn as SVG, and its width (= height) in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrImage {
    pub svg: String,
    pub pixels: u32,
}

/// The text as a QR code in SVG (our own markup: dark squares on white, nothing else), with
/// whole pixels per module and the quiet zone around it.
pub fn qr_svg(text: &str) -> Result<QrImage, QrTooLong> {
    let code =
        QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|_| QrTooLong)?;
    // The quiet zone is four modules on each side.
    let modules = u32::try_from(code.width()).map_err(|_| QrTooLong)? + 8;
    let per_module = MIN_QR_PIXELS.div_ceil(modules);
    let svg = code
        .render::<svg::Color<'_>>()
        .module_dimensions(per_module, per_module)
        .quiet_zone(true)
        .build();
    Ok(QrImage {
        svg,
        pixels: modules * per_module,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::selftest::{Answer, Answers, SelfTest};

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
            &result,
            None,
            &["Kapper".into()],
            &["Leerling kapper (BBL), Assen [sample-000007]".into()],
            date,
            Language::Nl,
        );
        assert!(
            text.starts_with("Werkmap zelftest 25 november 2026"),
            "{text}"
        );
        assert!(text.contains("Route: Eerst een diploma"), "{text}");
        assert!(text.contains("\nMeedoen: 4 van 6\n"), "{text}");
        assert!(text.contains("Sterk: Je wilt graag werken."), "{text}");
        assert!(
            !text.contains("sterke start"),
            "only the first sentence: {text}"
        );
        assert!(text.contains("Beroepen: Kapper"), "{text}");
        assert!(
            text.ends_with("\nVacature: Leerling kapper (BBL), Assen [sample-000007]"),
            "{text}"
        );
        let image = qr_svg(&text).expect("fits");
        let svg = image.svg;
        assert!(image.pixels >= MIN_QR_PIXELS, "{}", image.pixels);
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

    #[test]
    fn a_full_summary_stays_small_enough_for_a_phone_camera() {
        let selftest = SelfTest::bundled().expect("bundled");
        let mut answers = Answers::new();
        for (q, o) in [
            ("age_band", "23_26"),
            ("want_work", "yes"),
            ("work_years", "1_5"),
            ("dutch_level", "native"),
            ("other_languages", "english"),
            ("driving_licence", "yes"),
        ] {
            let _ = answers.set(&selftest.questionnaire, q, Answer::Chosen(vec![o.into()]));
        }
        let result = selftest.score(&answers);
        let catalog = CompetenceCatalog::bundled().expect("bundled");
        let mut profile = CompetenceProfile::default();
        for competence in catalog.competences.iter().take(6) {
            let _ = profile.set_level(&catalog, &competence.id, 4);
        }
        let occupations: Vec<String> = [
            "Medewerker klantcontactcentrum",
            "Logistiek medewerker magazijn",
            "Verzorgende individuele gezondheidszorg",
        ]
        .map(String::from)
        .to_vec();
        let vacancies: Vec<String> = (0..MAX_VACANCIES)
            .map(|i| {
                format!(
                    "Leerling verzorgende IG (BBL) niveau 3, Alphen aan den Rijn [sample-00010{i}]"
                )
            })
            .collect();
        for language in [Language::Nl, Language::En] {
            let text = summary_text(
                &result,
                Some((&catalog, &profile)),
                &occupations,
                &vacancies,
                time::macros::date!(2026 - 12 - 01),
                language,
            );
            assert!(text.contains("Route: "), "{text}");
            assert!(
                text.contains("[sample-000100]") && text.contains("[sample-000101]"),
                "the two best vacancies stay in: {text}"
            );
            let code =
                QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).expect("fits");
            assert!(
                matches!(code.version(), Version::Normal(v) if v <= MAX_QR_VERSION),
                "{:?}",
                code.version()
            );
        }
    }
}
