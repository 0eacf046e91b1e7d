//! Reading values that feeds write in words, shared by every format: hours ("24-32 uur"),
//! education ("MBO niveau 2"), contract kinds, dates, money, yes/no, ISCO codes, and what a
//! vacancy's text says about a driving licence or a Dutch language level. Each reader gives
//! `None` for words it cannot read; none of them panics, and each is linear in its input.

use time::Date;

use crate::core::vacancy::model::*;
use crate::core::vocab::{EducationLevel, PhysicalDemand};

/// Lowercase with diacritics folded, for keyword tests.
fn fold(text: &str) -> String {
    crate::core::search::normalize::normalize(text)
}

/// The contract kind a vacancy's words name, if any: BBL, temp agency, internship… The
/// title counts every such word; the description only the unambiguous ones (a regular job's
/// text may well mention "vrijwilligers" or "stagiairs" it works with).
pub(crate) fn infer_contract(title: &str, description: &str) -> Option<ContractKind> {
    const TEXT_WORDS: [&str; 8] = [
        "bbl",
        "leren en werken",
        "leerwerk",
        "werkervaringsplaats",
        "proefplaatsing",
        "vrijwilligerswerk",
        "stageplaats",
        "uitzend",
    ];
    let in_title = fold(title);
    // Folding is the expensive part of an import: only a text that may say it is folded.
    let lower = description.to_lowercase();
    let in_text = if TEXT_WORDS.iter().any(|w| lower.contains(w)) {
        fold(description)
    } else {
        String::new()
    };
    let has = |words: &str, needle: &str| {
        words
            .split(' ')
            .any(|w| w == needle || (needle.len() > 5 && w.starts_with(needle)))
    };
    let title_has = |needle: &str| has(&in_title, needle);
    let anywhere = |needle: &str| title_has(needle) || has(&in_text, needle);
    if anywhere("bbl")
        || in_title.contains("leren en werken")
        || in_text.contains("leren en werken")
        || anywhere("leerwerkplek")
        || anywhere("leerwerktraject")
    {
        Some(ContractKind::Bbl)
    } else if anywhere("werkervaringsplaats") {
        Some(ContractKind::WorkExperience)
    } else if anywhere("proefplaatsing") {
        Some(ContractKind::TrialPlacement)
    } else if title_has("vrijwilliger")
        || anywhere("vrijwilligerswerk")
        || title_has("vrijwilligers")
    {
        Some(ContractKind::Volunteering)
    } else if title_has("stage")
        || title_has("stagiair")
        || title_has("stagiaire")
        || anywhere("stageplaats")
    {
        Some(ContractKind::Internship)
    } else if title_has("uitzendbureau")
        || title_has("uitzendwerk")
        || in_text.contains("via een uitzendbureau")
        || anywhere("uitzendbasis")
    {
        Some(ContractKind::TempAgency)
    } else {
        None
    }
}

/// Whether the text asks for a driving licence: a sentence that names one ("Je hebt
/// rijbewijs B.") and does not make it optional or something you get on the job ("Rijbewijs
/// is handig maar niet nodig.", "Je haalt je rijbewijs tijdens de opleiding.").
pub(crate) fn mentions_driving_licence(text: &str) -> bool {
    const NOT_ASKED: [&str; 14] = [
        "geen",
        "niet nodig",
        "niet verplicht",
        "handig",
        "pre",
        "een plus",
        "haal",
        "halen",
        "betalen",
        "betaal",
        "krijg",
        "tijdens de opleiding",
        "not required",
        "optional",
    ];
    text.split(['.', '!', '?', '\n', ';'])
        .filter(|sentence| {
            let lower = sentence.to_lowercase();
            lower.contains("rijbewijs") || lower.contains("licen")
        })
        .map(fold)
        .filter(|sentence| {
            sentence.contains("rijbewijs")
                || sentence.contains("driving licence")
                || sentence.contains("drivers license")
        })
        .any(|sentence| {
            let words = format!(" {sentence} ");
            !NOT_ASKED.iter().any(|n| words.contains(&format!(" {n}")))
        })
}

/// A Dutch level named in the text: "Nederlands op B1-niveau", "taalniveau 2F" is not read.
pub(crate) fn detect_language_level(text: &str) -> Option<LanguageLevel> {
    const CODES: [&str; 5] = ["a1", "a2", "b1", "b2", "c1"];
    // Only the sentences that name a level are folded and read.
    text.split(['.', '!', '?', '\n', ';'])
        .filter(|sentence| {
            let lower = sentence.to_lowercase();
            CODES.iter().any(|c| lower.contains(c))
        })
        .find_map(|sentence| {
            let words = fold(sentence);
            let tokens: Vec<&str> = words.split(' ').collect();
            tokens.iter().enumerate().find_map(|(i, token)| {
                let level = LanguageLevel::from_code(token)?;
                let near = tokens[i.saturating_sub(6)..(i + 6).min(tokens.len())]
                    .iter()
                    .any(|t| t.starts_with("nederlands") || *t == "taalniveau" || *t == "dutch");
                near.then_some(level)
            })
        })
}

/// Hours per week written in words: "32", "24-32", "24 tot 32 uur", "32 – 40 uur per week",
/// "40 hours". `None` when it names no plausible hours.
pub(crate) fn parse_hours_text(text: &str) -> Option<HoursRange> {
    if is_negative_number(text) {
        return None;
    }
    let numbers: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty() && n.len() <= 3)
        .filter_map(|n| n.parse().ok())
        .collect();
    let (min, max) = match numbers.as_slice() {
        [one] => (*one, *one),
        [a, b, ..] => (*a.min(b), *a.max(b)),
        [] => return None,
    };
    let min = u8::try_from(min).ok()?;
    let max = u8::try_from(max).ok()?;
    HoursRange::new(min, max)
}

/// Whether a text is a negative number ("-32", "− 8"): a minus sign before the first digit
/// (a dash between two numbers, "24-32", is a range).
pub(crate) fn is_negative_number(text: &str) -> bool {
    text.trim_start()
        .strip_prefix(['-', '−'])
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// An education level written in words: "mbo 2", "MBO niveau 3", "vmbo-tl", "hbo",
/// "havo of vwo", schema.org credential categories ("high school", "bachelor degree"…).
pub(crate) fn parse_education_text(text: &str) -> Option<EducationLevel> {
    let words = fold(text);
    let tokens: Vec<&str> = words.split(' ').collect();
    let has = |w: &str| tokens.contains(&w);
    for (i, token) in tokens.iter().enumerate() {
        let mbo_level = if let Some(rest) = token.strip_prefix("mbo") {
            let next = if rest.is_empty() {
                tokens
                    .get(i + 1)
                    .filter(|n| **n == "niveau")
                    .and_then(|_| tokens.get(i + 2))
                    .or_else(|| tokens.get(i + 1))
                    .copied()
            } else {
                Some(rest)
            };
            Some(next.and_then(|n| n.parse::<u8>().ok()))
        } else {
            None
        };
        match mbo_level {
            Some(Some(1)) => return Some(EducationLevel::Mbo1),
            Some(Some(2)) => return Some(EducationLevel::Mbo2),
            Some(Some(3)) => return Some(EducationLevel::Mbo3),
            Some(Some(4)) => return Some(EducationLevel::Mbo4),
            Some(_) => return Some(EducationLevel::Mbo2),
            None => {}
        }
    }
    if has("wo")
        || words.contains("master")
        || words.contains("universit")
        || words.contains("postgraduate")
    {
        Some(EducationLevel::Wo)
    } else if has("hbo") || words.contains("bachelor") || words.contains("associate degree") {
        Some(EducationLevel::Hbo)
    } else if has("havo") || has("vwo") || words.contains("high school") {
        Some(EducationLevel::HavoVwo)
    } else if tokens.iter().any(|t| t.starts_with("vmbo")) || has("mavo") {
        Some(EducationLevel::Vmbo)
    } else if words.contains("professional certificate") {
        Some(EducationLevel::Mbo2)
    } else if has("none")
        || words.contains("geen diploma")
        || words.contains("geen opleiding")
        || words.contains("no diploma")
    {
        Some(EducationLevel::None)
    } else {
        None
    }
}

/// A contract kind named in a CSV cell: the app's own names, schema.org employment types,
/// or Dutch words.
pub(crate) fn parse_contract_text(text: &str) -> Option<ContractKind> {
    let folded = fold(text).replace(' ', "_");
    let direct = match folded.as_str() {
        "regular" | "vast" | "baan" | "full_time" | "part_time" | "fulltime" | "parttime"
        | "vaste_baan" | "regulier" => Some(ContractKind::Regular),
        "temporary" | "tijdelijk" | "contractor" | "jaarcontract" => Some(ContractKind::Temporary),
        "temp_agency" | "uitzend" | "uitzendwerk" | "uitzendbureau" => {
            Some(ContractKind::TempAgency)
        }
        "bbl" | "leren_en_werken" | "leerwerkplek" => Some(ContractKind::Bbl),
        "internship" | "intern" | "stage" => Some(ContractKind::Internship),
        "work_experience" | "werkervaringsplaats" => Some(ContractKind::WorkExperience),
        "trial_placement" | "proefplaatsing" => Some(ContractKind::TrialPlacement),
        "volunteering" | "volunteer" | "vrijwilligerswerk" | "vrijwillig" => {
            Some(ContractKind::Volunteering)
        }
        _ => None,
    };
    direct.or_else(|| infer_contract(text, ""))
}

/// A date written as `YYYY-MM-DD`, optionally followed by a time (`2026-11-30T09:00:00Z`),
/// or Dutch style `30-11-2026`.
pub fn parse_date_text(text: &str) -> Option<Date> {
    let text = text.trim();
    let date_part = text.get(..10).unwrap_or(text);
    let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (*y, *m, *d),
        [d, m, y] if y.len() == 4 => (*y, *m, *d),
        _ => return None,
    };
    let year: i32 = year.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    let day: u8 = day.parse().ok()?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    let month = time::Month::try_from(month).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// A physical demand in words.
pub(crate) fn parse_physical_text(text: &str) -> Option<PhysicalDemand> {
    match fold(text).as_str() {
        "light" | "licht" => Some(PhysicalDemand::Light),
        "medium" | "gemiddeld" | "middel" => Some(PhysicalDemand::Medium),
        "heavy" | "zwaar" => Some(PhysicalDemand::Heavy),
        _ => None,
    }
}

/// An employer support in words.
pub(crate) fn parse_support_text(text: &str) -> Option<EmployerSupport> {
    match fold(text).replace(' ', "_").as_str() {
        "job_coach" | "jobcoach" => Some(EmployerSupport::JobCoach),
        "wage_subsidy" | "loonkostensubsidie" | "loonsubsidie" => {
            Some(EmployerSupport::WageSubsidy)
        }
        "training" | "opleiding" | "cursus" => Some(EmployerSupport::Training),
        _ => None,
    }
}

/// Yes/no in words ("ja", "nee", "true", "1", "B" for a driving licence column).
pub(crate) fn parse_yes_no(text: &str) -> Option<bool> {
    match fold(text).as_str() {
        "ja" | "yes" | "true" | "1" | "j" | "y" | "b" | "rijbewijs b" | "verplicht" => Some(true),
        "nee" | "no" | "false" | "0" | "n" | "" | "geen" | "niet nodig" => Some(false),
        _ => None,
    }
}

/// Euros ("14,40", "14.40", "€ 2.300", "2300") to cents, within a plausible range.
pub(crate) fn parse_euros(text: &str) -> Option<u32> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('€')
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // "2.300" and "2,300,50" style thousands; a last separator followed by two digits is cents.
    let (whole, cents) = match cleaned.rfind([',', '.']) {
        Some(i) if cleaned.len() - i - 1 == 2 => (&cleaned[..i], &cleaned[i + 1..]),
        _ => (cleaned.as_str(), "0"),
    };
    let whole: String = whole.chars().filter(|c| *c != '.' && *c != ',').collect();
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let cents: u64 = cents.parse().ok()?;
    let total = whole.checked_mul(100)?.checked_add(cents)?;
    (total > 0 && total <= 100_000_000).then_some(total as u32)
}

/// A salary unit in words.
pub(crate) fn parse_salary_unit(text: &str) -> Option<SalaryUnit> {
    match fold(text).as_str() {
        "hour" | "uur" | "per uur" | "hourly" => Some(SalaryUnit::Hour),
        "week" | "per week" => Some(SalaryUnit::Week),
        "month" | "maand" | "per maand" | "monthly" => Some(SalaryUnit::Month),
        "year" | "jaar" | "per jaar" | "yearly" | "annual" => Some(SalaryUnit::Year),
        _ => None,
    }
}

/// A four-digit ISCO-08 group in text such as "8344", "ISCO-08 8344", "8344 Forklift drivers".
pub(crate) fn parse_isco(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|n| n.len() == 4 && *n != "2008")
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_hours_are_no_hours() {
        assert!(is_negative_number("-32") && is_negative_number(" − 8 uur"));
        assert!(!is_negative_number("24-32") && !is_negative_number("32"));
        assert_eq!(parse_hours_text("-32"), None);
        assert_eq!(parse_hours_text("-24-32"), None);
        assert!(parse_hours_text("24-32").is_some());
    }

    #[test]
    fn hours_in_words() {
        assert_eq!(parse_hours_text("24-32 uur"), HoursRange::new(24, 32));
        assert_eq!(
            parse_hours_text("32 – 40 uur per week"),
            HoursRange::new(32, 40)
        );
        assert_eq!(parse_hours_text("40 hours"), HoursRange::new(40, 40));
        assert_eq!(parse_hours_text("tot 38"), HoursRange::new(38, 38));
        assert_eq!(parse_hours_text("veel"), None);
        assert_eq!(parse_hours_text("0"), None);
        assert_eq!(parse_hours_text("9999999"), None);
    }

    #[test]
    fn education_in_words() {
        assert_eq!(
            parse_education_text("MBO niveau 2"),
            Some(EducationLevel::Mbo2)
        );
        assert_eq!(parse_education_text("mbo3"), Some(EducationLevel::Mbo3));
        assert_eq!(
            parse_education_text("Minimaal mbo 4 diploma"),
            Some(EducationLevel::Mbo4)
        );
        assert_eq!(parse_education_text("vmbo-tl"), Some(EducationLevel::Vmbo));
        assert_eq!(
            parse_education_text("hbo werk- en denkniveau"),
            Some(EducationLevel::Hbo)
        );
        assert_eq!(
            parse_education_text("high school"),
            Some(EducationLevel::HavoVwo)
        );
        assert_eq!(
            parse_education_text("bachelor degree"),
            Some(EducationLevel::Hbo)
        );
        assert_eq!(
            parse_education_text("geen diploma nodig"),
            Some(EducationLevel::None)
        );
        assert_eq!(parse_education_text("enthousiasme"), None);
    }

    #[test]
    fn contract_from_words() {
        assert_eq!(
            infer_contract("Leerling verzorgende IG (BBL)", ""),
            Some(ContractKind::Bbl)
        );
        assert_eq!(
            infer_contract("Kok", "Je werkt via een uitzendbureau."),
            Some(ContractKind::TempAgency)
        );
        assert_eq!(
            infer_contract("Vrijwilliger kringloop", ""),
            Some(ContractKind::Volunteering)
        );
        assert_eq!(infer_contract("Kok", ""), None);
        assert_eq!(
            infer_contract(
                "Activiteitenbegeleider",
                "Je werkt samen met vrijwilligers en stagiairs."
            ),
            None,
            "a regular job that mentions volunteers"
        );
        assert_eq!(
            parse_contract_text("TEMPORARY"),
            Some(ContractKind::Temporary)
        );
        assert_eq!(
            parse_contract_text("werkervaringsplaats"),
            Some(ContractKind::WorkExperience)
        );
    }

    #[test]
    fn dates_in_words() {
        let date = Date::from_calendar_date(2026, time::Month::November, 30).ok();
        assert_eq!(parse_date_text("2026-11-30"), date);
        assert_eq!(parse_date_text("2026-11-30T09:00:00+01:00"), date);
        assert_eq!(parse_date_text("30-11-2026"), date);
        assert_eq!(parse_date_text("2026-02-30"), None);
        assert_eq!(parse_date_text("morgen"), None);
    }

    #[test]
    fn euros_in_words() {
        assert_eq!(parse_euros("14,40"), Some(1440));
        assert_eq!(parse_euros("€ 2.300"), Some(230_000));
        assert_eq!(parse_euros("2300.50"), Some(230_050));
        assert_eq!(parse_euros("veel"), None);
        assert_eq!(parse_euros("99999999999999999999"), None);
    }

    #[test]
    fn language_and_licence_in_text() {
        assert_eq!(
            detect_language_level("Je spreekt Nederlands op B1-niveau."),
            Some(LanguageLevel::B1)
        );
        assert_eq!(detect_language_level("Vitamine B1"), None);
        assert!(mentions_driving_licence("Je hebt rijbewijs B."));
        assert!(mentions_driving_licence(
            "Lekker werk. Je hebt een rijbewijs B en rijervaring!"
        ));
        assert!(!mentions_driving_licence("Je komt op de fiets."));
        assert!(!mentions_driving_licence(
            "Rijbewijs B is handig maar niet nodig."
        ));
        assert!(!mentions_driving_licence(
            "Je haalt je rijbewijs tijdens de opleiding."
        ));
        assert!(!mentions_driving_licence(
            "Je hebt geen diploma of rijbewijs nodig."
        ));
    }

    #[test]
    fn isco_in_text() {
        assert_eq!(parse_isco("ISCO-08 8344"), Some("8344".to_owned()));
        assert_eq!(parse_isco("8344 Forklift drivers"), Some("8344".to_owned()));
        assert_eq!(parse_isco("83"), None);
    }
}
