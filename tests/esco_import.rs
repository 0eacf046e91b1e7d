//! The ESCO occupations importer: every way a file can be wrong gets its own plain message,
//! good files import completely, and no input makes it panic.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use werkmap::core::esco::{
    import_occupations, import_occupations_with_progress, EscoCatalog, EscoImportError, FileKind,
    SkipReason, MAX_FILE_BYTES,
};
use werkmap::core::text::Language;

const HEADER: &str = "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,description,code";

/// Two occupations in the real file's shape: CRLF between rows, LF inside quoted fields.
fn tiny_csv() -> String {
    [
        HEADER,
        "Occupation,http://data.europa.eu/esco/occupation/k1,5141,kapper,\"kapster\nhaarkapper\nkapper\",\"kapstr\",released,\"Kappers knippen, wassen en \"\"stylen\"\" haar.\",5141.1",
        "Occupation,http://data.europa.eu/esco/occupation/h1,8344,heftruckchauffeur,\"chauffeur vorkheftruck\nbestuurster heftruck\",,released,Heftruckchauffeurs rijden.,8344.1",
    ]
    .join("\r\n")
        + "\r\n"
}

fn import_str(text: &str) -> Result<EscoCatalog, EscoImportError> {
    import_occupations(text.as_bytes())
}

fn both_messages(error: &EscoImportError) -> (String, String) {
    let nl = error.message(Language::Nl);
    let en = error.message(Language::En);
    assert!(!nl.is_empty() && !en.is_empty());
    assert_ne!(nl, en, "{error:?} needs a Dutch and an English message");
    (nl, en)
}

#[test]
fn a_valid_tiny_file_imports_with_its_labels() {
    let catalog = import_str(&tiny_csv()).expect("valid file");
    assert_eq!(catalog.occupations.len(), 2);
    let kapper = &catalog.occupations[0];
    assert_eq!(kapper.uri, "http://data.europa.eu/esco/occupation/k1");
    assert_eq!(kapper.isco, "5141");
    assert_eq!(kapper.label, "kapper");
    // One label per line; the preferred label itself is not repeated as a synonym.
    assert_eq!(kapper.alt_labels, vec!["kapster", "haarkapper"]);
    assert_eq!(kapper.hidden_labels, vec!["kapstr"]);
    assert_eq!(
        kapper.description,
        "Kappers knippen, wassen en \"stylen\" haar."
    );
    assert_eq!(kapper.code, "5141.1");
    assert_eq!(catalog.occupations[1].alt_labels.len(), 2);
    assert_eq!(catalog.skipped.count, 0);
    assert_eq!(catalog.skipped.summary(Language::Nl), None);

    let docs = catalog.search_documents();
    assert_eq!(docs[0].key, kapper.uri);
    assert_eq!(docs[0].terms, vec!["kapster", "haarkapper", "kapstr"]);
}

#[test]
fn columns_may_come_in_any_order_and_optional_ones_may_be_missing() {
    let text = "altLabels,preferredLabel,iscoGroup,conceptUri\n\"a\nb\",kok,5120,urn:kok\n";
    let catalog = import_str(text).expect("valid file");
    assert_eq!(catalog.occupations[0].label, "kok");
    assert_eq!(catalog.occupations[0].alt_labels, vec!["a", "b"]);
    assert_eq!(catalog.occupations[0].description, "");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(tiny_csv().as_bytes());
    let catalog = import_occupations(&bytes).expect("BOM is fine");
    assert_eq!(catalog.occupations.len(), 2);
    assert_eq!(
        catalog.occupations[0].uri,
        "http://data.europa.eu/esco/occupation/k1"
    );
}

#[test]
fn empty_files_are_refused() {
    for input in [&b""[..], b"   \r\n\n", b"\xEF\xBB\xBF", b"\xEF\xBB\xBF\n"] {
        let error = import_occupations(input).expect_err("empty");
        assert_eq!(error, EscoImportError::Empty);
        let (nl, en) = both_messages(&error);
        assert!(nl.contains("leeg"), "{nl}");
        assert!(en.contains("empty"), "{en}");
    }
}

#[test]
fn not_utf8_says_where() {
    let mut bytes = tiny_csv().into_bytes();
    // Line 5 is the heftruckchauffeur row (the kapper row spans lines 2-4): break a byte
    // in its label.
    let at = bytes
        .windows(9)
        .position(|w| w == b"heftruckc")
        .expect("label present");
    bytes[at + 3] = 0xFF;
    let error = import_occupations(&bytes).expect_err("not UTF-8");
    match error {
        EscoImportError::NotUtf8 {
            line,
            column,
            offset,
        } => {
            assert_eq!(line, 5);
            assert_eq!(offset, at + 3);
            assert!(column > 1);
        }
        other => panic!("expected NotUtf8, got {other:?}"),
    }
    let (nl, en) = both_messages(&error);
    assert!(nl.contains("regel 5"), "{nl}");
    assert!(en.contains("line 5"), "{en}");

    // Latin-1 text, as an old spreadsheet might save it.
    let latin1 = b"conceptUri,iscoGroup,preferredLabel,altLabels\nurn:x,5223,caissi\xE8re,\n";
    assert!(matches!(
        import_occupations(latin1),
        Err(EscoImportError::NotUtf8 { line: 2, .. })
    ));
}

#[test]
fn html_json_and_binary_files_are_not_csv() {
    let cases: [(&[u8], FileKind); 7] = [
        (
            b"<!DOCTYPE html><html><body>Not found</body></html>",
            FileKind::Html,
        ),
        (b"\n  <html lang=\"nl\">", FileKind::Html),
        (br#"{"occupations": []}"#, FileKind::Json),
        (b"[1, 2, 3]", FileKind::Json),
        (b"PK\x03\x04\x14\x00\x06\x00xl/workbook.xml", FileKind::Zip),
        (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3", FileKind::Pdf),
        (b"conceptUri,iscoGroup\x00\x00\x01", FileKind::Binary),
    ];
    for (input, kind) in cases {
        let error = import_occupations(input).expect_err("not CSV");
        assert_eq!(error, EscoImportError::NotCsv(kind));
        let (nl, _) = both_messages(&error);
        assert!(nl.contains("geen CSV-bestand"), "{nl}");
    }
    let text = import_str("Dit is een briefje.\nGeen kolommen hier.\n").expect_err("text");
    assert_eq!(text, EscoImportError::NotCsv(FileKind::PlainText));
    let toml = import_str("[package]\nname = \"werkmap\"\n").expect_err("toml");
    assert_eq!(toml, EscoImportError::NotCsv(FileKind::PlainText));
    // Broken JSON is still not CSV.
    assert!(import_str("{\"occupations\": [").is_err());
    let semicolons =
        import_str("conceptUri;iscoGroup;preferredLabel;altLabels\nurn:x;5141;kapper;\n")
            .expect_err("semicolons");
    assert_eq!(semicolons, EscoImportError::NotCsv(FileKind::Semicolons));
    assert!(both_messages(&semicolons).0.contains("puntkomma"));
}

#[test]
fn wrong_columns_are_named() {
    let error = import_str("name,code,city\nkapper,5141,Utrecht\n").expect_err("wrong columns");
    assert_eq!(
        error,
        EscoImportError::MissingColumns {
            missing: vec![
                "conceptUri".into(),
                "iscoGroup".into(),
                "preferredLabel".into(),
                "altLabels".into()
            ]
        }
    );
    // The ESCO skills file: right family, wrong file.
    let skills = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels\nKnowledgeSkillCompetence,urn:s,skill,,lassen,\n";
    let error = import_str(skills).expect_err("skills file");
    assert_eq!(
        error,
        EscoImportError::MissingColumns {
            missing: vec!["iscoGroup".into()]
        }
    );
    let (nl, en) = both_messages(&error);
    assert!(nl.contains("iscoGroup") && en.contains("iscoGroup"));
}

#[test]
fn a_file_cut_off_inside_a_quoted_field_is_refused_with_its_line() {
    let text = tiny_csv();
    // Cut inside the first row's altLabels (which opens on line 2).
    let cut = text.find("haarkapper").expect("present");
    let error = import_str(&text[..cut]).expect_err("truncated");
    assert_eq!(error, EscoImportError::UnclosedQuote { line: 2 });
    let (nl, en) = both_messages(&error);
    assert!(nl.contains("regel 2") && nl.contains("afgebroken"), "{nl}");
    assert!(en.contains("line 2"), "{en}");

    // Cut inside the second row's alt labels, which span lines 5-6.
    let cut = text.find("bestuurster").expect("present");
    assert_eq!(
        import_str(&text[..cut]),
        Err(EscoImportError::UnclosedQuote { line: 5 })
    );
}

#[test]
fn a_row_with_too_few_fields_is_refused_with_its_line() {
    let text = tiny_csv();
    // Cut the last row after its label: a download that stopped between fields.
    let cut = text.find(",\"chauffeur vorkheftruck").expect("present");
    let error = import_str(&text[..cut]).expect_err("short row");
    assert_eq!(
        error,
        EscoImportError::RowLength {
            line: 5,
            found: 4,
            expected: 9
        }
    );
    let (nl, _) = both_messages(&error);
    assert!(nl.contains("regel 5") && nl.contains("te weinig"), "{nl}");
    // Too many fields is damage too.
    let long = "conceptUri,iscoGroup,preferredLabel,altLabels\nurn:x,5141,kapper,,extra\n";
    assert!(matches!(
        import_str(long),
        Err(EscoImportError::RowLength {
            found: 5,
            expected: 4,
            ..
        })
    ));
}

#[test]
fn bad_rows_are_skipped_and_counted() {
    let text = format!(
        "{}\n{}\n{}\n{}\n{}\n",
        "conceptUri,iscoGroup,preferredLabel,altLabels",
        "urn:a,5141,kapper,kapster",
        ",5141,zonder uri,",
        "urn:b,12,slechte isco,",
        "urn:a,5141,kapper opnieuw,",
    ) + "urn:c,,zonder isco,\nurn:d,5120,  ,\n";
    let catalog = import_str(&text).expect("good rows remain");
    let uris: Vec<&str> = catalog.occupations.iter().map(|o| o.uri.as_str()).collect();
    assert_eq!(uris, ["urn:a", "urn:c"]);
    assert_eq!(catalog.skipped.count, 4);
    let reasons: Vec<(u64, SkipReason)> = catalog
        .skipped
        .examples
        .iter()
        .map(|s| (s.line, s.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            (3, SkipReason::EmptyUri),
            (4, SkipReason::BadIscoGroup),
            (5, SkipReason::DuplicateUri),
            (7, SkipReason::EmptyLabel),
        ]
    );
    let summary = catalog.skipped.summary(Language::Nl).expect("summary");
    assert!(
        summary.contains("4 rij") && summary.contains("regel 3"),
        "{summary}"
    );
}

#[test]
fn a_file_with_nothing_usable_is_refused() {
    let header_only = "conceptUri,iscoGroup,preferredLabel,altLabels\r\n";
    let error = import_str(header_only).expect_err("no rows");
    assert_eq!(error, EscoImportError::NoOccupations);
    both_messages(&error);

    let all_bad = "conceptUri,iscoGroup,preferredLabel,altLabels\n,5141,a,\n,5141,b,\n";
    let error = import_str(all_bad).expect_err("nothing valid");
    assert!(matches!(
        error,
        EscoImportError::NoValidRows { skipped: 2, .. }
    ));
    let (nl, _) = both_messages(&error);
    assert!(nl.contains("regel 2"), "{nl}");
}

#[test]
fn sixty_megabytes_of_junk_is_refused_quickly() {
    let junk: Vec<u8> = (0..60 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let start = Instant::now();
    let error = import_occupations(&junk).expect_err("too large");
    let took = start.elapsed();
    assert_eq!(
        error,
        EscoImportError::TooLarge {
            size: junk.len(),
            limit: MAX_FILE_BYTES
        }
    );
    assert!(took < Duration::from_millis(100), "took {took:?}");
    let (nl, en) = both_messages(&error);
    assert!(nl.contains("te groot") && nl.contains("60 MB"), "{nl}");
    assert!(en.contains("50 MB"), "{en}");
    // Exactly at the limit is still read (and here refused for another reason).
    let at_limit = vec![b'a'; MAX_FILE_BYTES];
    assert_ne!(
        import_occupations(&at_limit).map(|_| ()),
        Err(EscoImportError::TooLarge {
            size: MAX_FILE_BYTES,
            limit: MAX_FILE_BYTES
        })
    );
}

#[test]
fn progress_goes_up_to_the_total() {
    let mut text = String::from("conceptUri,iscoGroup,preferredLabel,altLabels\n");
    for i in 0..1000 {
        text.push_str(&format!("urn:{i},5141,beroep {i},\"a\nb\"\n"));
    }
    let mut reports = Vec::new();
    let catalog = import_occupations_with_progress(text.as_bytes(), &mut |done, total| {
        reports.push((done, total))
    })
    .expect("valid");
    assert_eq!(catalog.occupations.len(), 1000);
    assert!(reports.len() > 3, "{reports:?}");
    assert!(reports.windows(2).all(|w| w[0].0 <= w[1].0));
    assert!(reports
        .iter()
        .all(|&(done, total)| done <= total && total == text.len()));
    assert_eq!(reports.first(), Some(&(0, text.len())));
    assert_eq!(reports.last(), Some(&(text.len(), text.len())));
}

#[test]
fn the_catalog_file_round_trips_and_is_versioned() {
    let catalog = import_str(&tiny_csv()).expect("valid");
    let json = catalog.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(value["format"], "werkmap-esco-occupations");
    assert_eq!(value["version"], 1);
    assert_eq!(value["occupations"][0]["alt_labels"][0], "kapster");
    let back = EscoCatalog::from_json(&json).expect("reads back");
    assert_eq!(back.occupations, catalog.occupations);
    let back = EscoCatalog::from_json(&catalog.to_compact_json()).expect("reads back");
    assert_eq!(back.occupations, catalog.occupations);

    let wrong_format = json.replace("werkmap-esco-occupations", "something-else");
    assert!(EscoCatalog::from_json(&wrong_format).is_err());
    let wrong_version = json.replace("\"version\": 1", "\"version\": 2");
    assert!(EscoCatalog::from_json(&wrong_version).is_err());
    assert!(EscoCatalog::from_json("[]").is_err());
}

fn esco_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/esco/occupations_nl.csv")
}

#[test]
fn the_real_esco_file_imports_completely() {
    let path = esco_path();
    let Ok(bytes) = std::fs::read(&path) else {
        println!(
            "SKIPPED: {} not found (only CI and developer machines have it)",
            path.display()
        );
        return;
    };
    let start = Instant::now();
    let catalog = import_occupations(&bytes).expect("the ESCO file imports");
    println!(
        "imported {} occupations in {:?}",
        catalog.occupations.len(),
        start.elapsed()
    );
    assert_eq!(catalog.occupations.len(), 3007);
    assert_eq!(catalog.skipped.count, 0);
    let alt: usize = catalog.occupations.iter().map(|o| o.alt_labels.len()).sum();
    assert!(alt > 18_000, "only {alt} alternative labels");
    assert!(catalog.occupations.iter().all(|o| o.isco.len() == 4
        && !o.label.is_empty()
        && o.uri.starts_with("http://data.europa.eu/esco/occupation/")));

    let heftruck = catalog
        .occupation("http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755")
        .expect("heftruckchauffeur");
    assert_eq!(heftruck.label, "heftruckchauffeur");
    assert!(heftruck
        .alt_labels
        .iter()
        .any(|l| l == "chauffeur vorkheftruck"));
    assert_eq!(heftruck.isco, "8344");
    assert!(!heftruck.description.is_empty());
    assert!(heftruck.code.starts_with("8344."));

    let kassa = catalog
        .occupation("http://data.europa.eu/esco/occupation/2b871272-bd61-4206-bd1a-0b96d7023098")
        .expect("kassamedewerker");
    assert!(kassa.alt_labels.iter().any(|l| l == "caissière"));

    // The catalogue file reads back to the same occupations, pretty or compact (the app
    // stores the compact form in local storage).
    let pretty = catalog.to_json();
    let compact = catalog.to_compact_json();
    for json in [&pretty, &compact] {
        let back = EscoCatalog::from_json(json).expect("round trip");
        assert_eq!(back.occupations, catalog.occupations);
    }
    println!(
        "catalogue file: {} characters pretty, {} compact (descriptions: {} characters)",
        pretty.chars().count(),
        compact.chars().count(),
        catalog
            .occupations
            .iter()
            .map(|o| o.description.chars().count())
            .sum::<usize>()
    );
    assert!(compact.len() < pretty.len());
    let documents = catalog.search_documents();
    assert_eq!(documents.len(), 3007);
    // Every ESCO occupation has a description, and it is searched.
    assert!(documents.iter().all(|d| d.about.len() == 1));
}

#[test]
fn the_real_file_cut_anywhere_never_panics() {
    let Ok(bytes) = std::fs::read(esco_path()) else {
        println!("SKIPPED: ESCO file not found (only CI and developer machines have it)");
        return;
    };
    // A download that stopped at some byte: refused or (at a row boundary) a shorter catalogue.
    for cut in (0..bytes.len()).step_by(bytes.len() / 37) {
        match import_occupations(&bytes[..cut]) {
            Ok(catalog) => assert!(catalog.occupations.len() < 3007),
            Err(error) => {
                both_messages(&error);
            }
        }
    }
}

fn mutate(base: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for &(at, kind, byte) in edits {
        if bytes.is_empty() {
            bytes.push(byte);
            continue;
        }
        let at = at % bytes.len();
        match kind % 4 {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            2 => {
                bytes.remove(at);
            }
            _ => {
                // Characters that matter to CSV.
                let special = [b'"', b',', b'\n', b'\r', 0xEF, 0xC3];
                bytes.insert(at, special[byte as usize % special.len()]);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Err(error) = import_occupations(&bytes) {
            both_messages(&error);
        }
    }

    #[test]
    fn never_panics_on_mutated_valid_csv(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..12)
    ) {
        let bytes = mutate(tiny_csv().as_bytes(), &edits);
        match import_occupations(&bytes) {
            Ok(catalog) => {
                prop_assert!(!catalog.occupations.is_empty());
                let _ = catalog.search_documents();
            }
            Err(error) => {
                both_messages(&error);
            }
        }
    }

    #[test]
    fn arbitrary_text_with_the_right_header_never_panics(body in "[a-z,\"\n\r ;é]{0,400}") {
        let text = format!("conceptUri,iscoGroup,preferredLabel,altLabels\n{body}");
        let _ = import_str(&text);
    }
}
