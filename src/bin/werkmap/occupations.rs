//! `occupations import-esco` and `occupations search`.

use std::path::Path;

use serde::Serialize;
use werkmap::core::esco::{import_occupations, EscoCatalog, EscoImportError, MAX_FILE_BYTES};
use werkmap::core::occupation::OccupationCatalog;
use werkmap::core::search::{catalog_documents, esco_documents, SearchDocument, SearchIndex};
use werkmap::core::text::Language;

use crate::{
    count_parser, read_limited, say, say_json, write_atomically, Failure, DEFAULT_TOP, MAX_TOP,
};

/// Import the ESCO occupations file into a catalogue file.
#[derive(clap::Args)]
pub(crate) struct ImportEscoArgs {
    /// The ESCO occupations file (occupations_nl.csv).
    #[arg(value_name = "CSV")]
    input: String,
    /// The catalogue file to write.
    #[arg(long, value_name = "FILE")]
    out: String,
}

/// Search occupations, by name or by what the work is (iets met paarden).
///
/// Searches the bundled catalogue unless --esco or --catalog is given.
#[derive(clap::Args)]
pub(crate) struct SearchArgs {
    /// The words to search for.
    #[arg(value_name = "QUERY", required = true)]
    words: Vec<String>,
    /// Search an ESCO occupations file (joined with what the bundled catalogue knows).
    #[arg(long, value_name = "CSV", conflicts_with = "catalog")]
    esco: Option<String>,
    /// Search a catalogue file of `werkmap occupations import-esco`.
    #[arg(long, value_name = "FILE")]
    catalog: Option<String>,
    /// How many results.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_TOP, value_parser = count_parser(MAX_TOP))]
    top: usize,
    /// Print a JSON array of {uri, label, score, matched, matched_words, fits_well}, best
    /// first: score is 0..1, matched the name that matched (null when only what the work is
    /// matched), matched_words the words of the description that matched, fits_well the rule
    /// for a good fit.
    #[arg(long)]
    json: bool,
}

/// Reads an ESCO file, refusing one over the importer's limit before reading it.
fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    read_limited(path, MAX_FILE_BYTES, |size| {
        Failure::esco(&EscoImportError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        })
    })
}

pub(crate) fn import_esco(args: &ImportEscoArgs) -> Result<(), Failure> {
    let (input, out) = (args.input.as_str(), args.out.as_str());
    let bytes = read_input(input)?;
    let catalog = import_occupations(&bytes).map_err(|e| Failure::esco(&e))?;
    write_atomically(Path::new(out), &catalog.to_json())?;
    let alt: usize = catalog.occupations.iter().map(|o| o.alt_labels.len()).sum();
    let hidden: usize = catalog
        .occupations
        .iter()
        .map(|o| o.hidden_labels.len())
        .sum();
    say(format!(
        "imported {} occupations ({alt} alternative labels, {hidden} hidden labels) from {input} into {out}",
        catalog.occupations.len()
    ));
    if let Some(summary) = catalog.skipped.summary(Language::En) {
        say(summary);
    }
    Ok(())
}

enum Source<'a> {
    Bundled,
    Esco(&'a str),
    Catalog(&'a str),
}

#[derive(Serialize)]
struct JsonHit<'a> {
    uri: &'a str,
    label: &'a str,
    score: f64,
    /// The name (label or synonym) that matched; `null` when only what the work is matched.
    matched: Option<&'a str>,
    /// Words of the description or "what you do" sentences that matched, as written there.
    matched_words: &'a [String],
    fits_well: bool,
}

pub(crate) fn search(args: &SearchArgs) -> Result<(), Failure> {
    let source = match (&args.esco, &args.catalog) {
        (Some(path), _) => Source::Esco(path),
        (None, Some(path)) => Source::Catalog(path),
        (None, None) => Source::Bundled,
    };
    let (top, json) = (args.top, args.json);
    let query = args.words.join(" ");
    let docs = documents(&source)?;
    let index = SearchIndex::new(docs);
    let hits = index.search(&query, top);
    if json {
        let out: Vec<JsonHit> = hits
            .iter()
            .map(|h| JsonHit {
                uri: &h.key,
                label: &h.label,
                score: (f64::from(h.score) * 1000.0).round() / 1000.0,
                matched: (!h.matched.is_empty()).then_some(h.matched.as_str()),
                matched_words: &h.matched_words,
                fits_well: h.fits_well(),
            })
            .collect();
        match serde_json::to_string_pretty(&out) {
            Ok(text) => say_json(&text),
            Err(e) => return Err(Failure::new(e.to_string(), e.to_string())),
        }
    } else if hits.is_empty() {
        say("geen beroepen gevonden / no occupations found");
    } else {
        if !hits.iter().any(|h| h.fits_well()) {
            println!(
                "niets past goed; probeer de interessetest in de app / nothing fits well; try the interest check in the app"
            );
        }
        for hit in &hits {
            let mut why = Vec::new();
            if !hit.matched.is_empty() && hit.matched != hit.label {
                why.push(format!("via \"{}\"", hit.matched));
            }
            if !hit.matched_words.is_empty() {
                why.push(format!(
                    "past bij / matches: {}",
                    hit.matched_words.join(", ")
                ));
            }
            let why = if why.is_empty() {
                String::new()
            } else {
                format!("  ({})", why.join("; "))
            };
            say(format!(
                "{:.2}  {}{why}  <{}>",
                hit.score, hit.label, hit.key
            ));
        }
    }
    Ok(())
}

fn documents(source: &Source) -> Result<Vec<SearchDocument>, Failure> {
    let bundled = OccupationCatalog::bundled().map_err(|error| {
        Failure::new(
            format!("de ingebouwde beroepenlijst klopt niet: {error}"),
            format!("the bundled occupation catalogue is invalid: {error}"),
        )
    })?;
    match *source {
        Source::Bundled => Ok(catalog_documents(&bundled)),
        Source::Esco(path) => {
            let bytes = read_input(path)?;
            let catalog = import_occupations(&bytes).map_err(|e| Failure::esco(&e))?;
            Ok(esco_documents(&catalog, &bundled))
        }
        Source::Catalog(path) => {
            // The catalogue file is JSON of an imported ESCO file: a few times its size.
            let limit = 4 * MAX_FILE_BYTES;
            let bytes = read_limited(path, limit, |size| {
                Failure::new(
                    format!("{path} is te groot ({size} bytes; hooguit {limit})"),
                    format!("{path} is too large ({size} bytes; at most {limit})"),
                )
            })?;
            let text = String::from_utf8_lossy(&bytes);
            let catalog = EscoCatalog::from_json(&text).map_err(|e| {
                Failure::new(
                    format!("{path} is geen beroepenbestand van `werkmap occupations import-esco`: {e}"),
                    format!("{path} is not a catalogue file from `werkmap occupations import-esco`: {e}"),
                )
            })?;
            Ok(esco_documents(&catalog, &bundled))
        }
    }
}
