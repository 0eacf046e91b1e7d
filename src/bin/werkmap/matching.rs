//! `werkmap match --portfolio <file> [--vacancies <file>] [--top N] [--json]`: the vacancies
//! that fit a job seeker's portfolio, each with the parts of its score in words, the
//! changes that would open the most vacancies, and the kwadrantenmodel quadrant.

use serde::Serialize;
use time::Date;

use std::path::Path;
use werkmap::core::competence::CompetenceProfile;
use werkmap::core::content::Content;
use werkmap::core::matching::{
    format_km, is_youth, overview, InterestTable, MatchProfile, Quadrant, RankQuery, Seeker,
    VacancyPool, Wishes,
};
use werkmap::core::portfolio;
use werkmap::core::selftest::Answers;
use werkmap::core::text::Language;

use werkmap::core::publish::{read_input, Manifest, PublicationError, Shard, MANIFEST_FILE};
use werkmap::core::vacancy::{Vacancy, VacancySet, SAMPLE_JSON};

use super::vacancies::{content, places, read_feed};
use super::{Failure, DEFAULT_TOP, MAX_TOP};
use crate::{say, say_json, warn};

/// How many "wat als" lines are shown.
const WHAT_IF_SHOWN: usize = 5;

#[derive(Serialize)]
struct JsonPart {
    part: &'static str,
    weight: u8,
    value: u8,
    reason: String,
}

#[derive(Serialize)]
struct JsonMatch {
    id: String,
    title: String,
    employer: String,
    place: Option<String>,
    score: u8,
    distance_km: Option<f32>,
    contract: String,
    parts: Vec<JsonPart>,
    fits: Vec<String>,
}

#[derive(Serialize)]
struct JsonWhatIf {
    change: String,
    gained: usize,
}

#[derive(Serialize)]
struct JsonOutput {
    vacancies: usize,
    meet_wishes: usize,
    good: usize,
    quadrant: Option<String>,
    matches: Vec<JsonMatch>,
    what_if: Vec<JsonWhatIf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Lang {
    Nl,
    En,
}

/// Rank vacancies for a portfolio, with the reasons.
///
/// Ranks the bundled sample (or --vacancies) for the portfolio's self-test, competences and
/// wishes: each match with its score 0-100 and the parts in words, then what would open more
/// ("wat als") and the kwadrantenmodel quadrant.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The portfolio file.
    #[arg(long, value_name = "FILE")]
    portfolio: String,
    /// The vacancies: the app's vacancy file, any feed, or a published folder (default: the
    /// bundled sample).
    #[arg(long, value_name = "FILE|DIR")]
    vacancies: Option<String>,
    /// How many matches.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_TOP, value_parser = crate::count_parser(MAX_TOP))]
    top: usize,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// The language of the reasons (default: the portfolio's).
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// The date to rank on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::date_value)]
    today: Option<Date>,
    /// The environment variable that holds the passphrase of an encrypted portfolio.
    #[arg(long = "passphrase-env", value_name = "VAR", value_parser = crate::env_value)]
    passphrase: Option<String>,
}

pub(crate) fn run(args: &Args) -> Result<(), Failure> {
    let (portfolio_path, vacancies_path) = (args.portfolio.as_str(), args.vacancies.as_deref());
    let (top, json, today, passphrase) = (args.top, args.json, args.today, &args.passphrase);
    let language = args.lang.map(|lang| match lang {
        Lang::Nl => Language::Nl,
        Lang::En => Language::En,
    });
    let today = today.unwrap_or_else(|| time::OffsetDateTime::now_utc().date());

    let bytes = crate::read_limited(portfolio_path, portfolio::MAX_FILE_BYTES, |size| {
        let error = portfolio::PortfolioError::TooLarge {
            size,
            limit: portfolio::MAX_FILE_BYTES,
        };
        Failure::new(error.message(Language::Nl), error.message(Language::En))
    })?;
    let file = portfolio::open(&bytes, passphrase.as_deref())
        .map_err(|e| Failure::new(e.message(Language::Nl), e.message(Language::En)))?;
    let language = language.unwrap_or(file.language);
    let answers = file
        .selftest
        .as_ref()
        .map(|s| s.current.clone())
        .unwrap_or_else(Answers::new);
    let competences = file
        .competences
        .clone()
        .unwrap_or_else(CompetenceProfile::new);
    let wishes = file
        .vacancies
        .as_ref()
        .map(|v| v.wishes.clone())
        .unwrap_or_else(Wishes::default);

    let content = content()?;
    let places = places()?;
    let vacancies = load_vacancies(vacancies_path, &content, &places, today)?;
    let rules = &content.matching;
    let pool = VacancyPool::new(vacancies, &content);
    let interests = InterestTable::new(&content, &competences);
    let seeker = Seeker {
        answers: &answers,
        competences: &competences,
        wishes: &wishes,
    };
    let query = RankQuery {
        top,
        learning_first: is_youth(rules, &answers),
        ..RankQuery::default()
    };
    // The CLI shows no near misses, so none are looked for.
    let overview = overview(
        &content, &places, &pool, &interests, seeker, &query, 0, today, language,
    );
    let search = content.selftest.score(&answers).search.status;
    let quadrant = file.selftest.is_some().then(|| {
        Quadrant::of(&overview.supply, search)
            .text(rules)
            .title
            .get(language)
            .to_owned()
    });

    let mut matches = Vec::new();
    for (ranked, explanation) in &overview.top {
        let Some(vacancy) = pool.get(ranked.index) else {
            continue;
        };
        matches.push(JsonMatch {
            id: vacancy.id.clone(),
            title: vacancy.title.clone(),
            employer: vacancy.employer.clone(),
            place: vacancy.place.clone(),
            score: ranked.score,
            distance_km: ranked.distance_km.map(|d| (d * 10.0).round() / 10.0),
            contract: vacancy.contract.label().get(language).to_owned(),
            parts: explanation
                .parts
                .iter()
                .map(|p| JsonPart {
                    part: part_name(p.kind),
                    weight: p.weight,
                    value: p.value,
                    reason: p.text.clone(),
                })
                .collect(),
            fits: explanation.strengths(&content, language),
        });
    }
    let what_if: Vec<JsonWhatIf> = overview
        .what_if
        .iter()
        .take(WHAT_IF_SHOWN)
        .map(|w| JsonWhatIf {
            change: w.change.describe(language),
            gained: w.gained,
        })
        .collect();
    let output = JsonOutput {
        vacancies: pool.len(),
        meet_wishes: overview.ranking.eligible,
        good: overview.ranking.good,
        quadrant,
        matches,
        what_if,
    };
    if json {
        let text = serde_json::to_string_pretty(&output)
            .map_err(|e| Failure::new(e.to_string(), e.to_string()))?;
        say_json(&text);
    } else {
        print_text(&output, &overview.profile, language);
    }
    Ok(())
}

fn part_name(kind: werkmap::core::matching::PartKind) -> &'static str {
    use werkmap::core::matching::PartKind;
    match kind {
        PartKind::Competences => "competences",
        PartKind::Education => "education",
        PartKind::Interests => "interests",
        PartKind::Language => "language",
        PartKind::Distance => "distance",
    }
}

fn load_vacancies(
    path: Option<&str>,
    content: &Content,
    places: &werkmap::core::place::Places,
    today: Date,
) -> Result<Vec<Vacancy>, Failure> {
    let Some(path) = path else {
        let sample = VacancySet::parse(SAMPLE_JSON, &content.competences).map_err(|e| {
            Failure::new(
                format!("de ingebouwde voorbeeldvacatures kloppen niet: {e}"),
                format!("the bundled sample vacancies are invalid: {e}"),
            )
        })?;
        return Ok(sample.rebased(today).vacancies);
    };
    if Path::new(path).is_dir() {
        return load_published(Path::new(path), content);
    }
    let bytes = read_feed(path)?;
    let linker = content.linker(places);
    // The app's own vacancy file, or any feed the importer reads.
    let input = read_input(path, &bytes, &linker, &content.competences, today)
        .map_err(|e| Failure::new(e.message(Language::Nl), e.message(Language::En)))?;
    if input.rejected_count > 0 {
        warn(format!(
            "{} records overgeslagen / {} records left out",
            input.rejected_count, input.rejected_count
        ));
    }
    Ok(input.vacancies)
}

/// Every vacancy of a published directory (`vacancies publish --out`): the CLI reads all
/// shards, each checked as the app checks it.
fn load_published(dir: &Path, content: &Content) -> Result<Vec<Vacancy>, Failure> {
    let failed = |e: PublicationError| {
        Failure::new(
            format!("{}: {e}", dir.display()),
            format!("{}: {e}", dir.display()),
        )
    };
    let read = |file: &str| {
        std::fs::read(dir.join(file)).map_err(|e| {
            Failure::new(
                format!("kan {} niet lezen: {e}", dir.join(file).display()),
                format!("cannot read {}: {e}", dir.join(file).display()),
            )
        })
    };
    let manifest = Manifest::parse(&read(MANIFEST_FILE)?).map_err(failed)?;
    let mut vacancies = Vec::with_capacity(manifest.counts.vacancies);
    for entry in &manifest.shards {
        let shard =
            Shard::parse(entry, &read(&entry.file)?, &content.competences).map_err(failed)?;
        vacancies.extend(shard.vacancies);
    }
    Ok(vacancies)
}

fn print_text(output: &JsonOutput, profile: &MatchProfile, language: Language) {
    let nl = language == Language::Nl;
    let home = profile
        .home
        .as_ref()
        .map(|h| h.label.clone())
        .unwrap_or_else(|| if nl { "onbekend" } else { "unknown" }.to_owned());
    if nl {
        say(format!(
            "{} vacatures; {} passen bij je wensen (woonplaats {home}, tot {} km), {} passen goed.",
            output.vacancies, output.meet_wishes, profile.max_distance_km, output.good
        ));
    } else {
        say(format!(
            "{} vacancies; {} meet your wishes (home {home}, up to {} km), {} fit well.",
            output.vacancies, output.meet_wishes, profile.max_distance_km, output.good
        ));
    }
    if let Some(quadrant) = &output.quadrant {
        say(format!(
            "{}: {quadrant}",
            if nl { "Kwadrant" } else { "Quadrant" }
        ));
    }
    say("");
    for (n, m) in output.matches.iter().enumerate() {
        let distance = m
            .distance_km
            .map(|d| format!(" ({} km)", format_km(d)))
            .unwrap_or_default();
        say(format!(
            "{:>2}. {:>3}  {} — {}, {}{distance} · {}",
            n + 1,
            m.score,
            m.title,
            m.employer,
            m.place.as_deref().unwrap_or("?"),
            m.contract
        ));
        for part in &m.parts {
            say(format!(
                "          {:>3} × {:>2}%  {}",
                part.value, part.weight, part.reason
            ));
        }
    }
    if !output.what_if.is_empty() {
        say(format!("\n{}", if nl { "Wat als…" } else { "What if…" }));
        for w in &output.what_if {
            say(format!("  {}: +{}", w.change, w.gained));
        }
    }
}
