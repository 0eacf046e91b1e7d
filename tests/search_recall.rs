//! Search quality on the real ESCO occupations file: what job seekers actually type — typos,
//! no diacritics, gendered forms, informal words, fragments, several words — and the ESCO
//! occupations they mean. Prints recall@5 and the mean reciprocal rank (over the top 10) per
//! kind of query and overall, and asserts a recall@5 floor.
//!
//! The expected URIs were looked up by hand in `occupations_nl.csv`; where ESCO has
//! near-duplicates (two "portier" concepts, "magazijnmedewerker" and "pakhuismedewerker"),
//! each of them is accepted.
//!
//! Without the file (it is not committed) the test prints SKIPPED and passes.

use std::path::PathBuf;

use proptest::prelude::*;
use werkmap::core::esco::import_occupations;
use werkmap::core::occupation::OccupationCatalog;
use werkmap::core::search::normalize::{normalize, tokens, variants, ENDING_RULES};
use werkmap::core::search::{catalog_documents, esco_documents, SearchDocument, SearchIndex};

const OCC: &str = "http://data.europa.eu/esco/occupation/";

/// (query, kind, acceptable ESCO occupation ids)
const QUERIES: &[(&str, &str, &[&str])] = &[
    // Typos.
    (
        "orderpikker",
        "typo",
        &["cd94def5-3442-4c2e-ae3d-0761a3008bcb"],
    ),
    (
        "heftrukchauffeur",
        "typo",
        &["eeac6251-1974-42f5-91ed-513c6c883755"],
    ),
    (
        "vrachtwagenchauffer",
        "typo",
        &["45037d43-a8f5-4f46-b332-b2935bc305f4"],
    ),
    (
        "beveilliger",
        "typo",
        &["31808988-fc0a-4bc3-9e47-27216d6759f5"],
    ),
    (
        "lootgieter",
        "typo",
        &["ed3cf43d-c2c1-4c46-82fc-1375e27e0290"],
    ),
    (
        "kassamedewerkter",
        "typo",
        &["2b871272-bd61-4206-bd1a-0b96d7023098"],
    ),
    (
        "schoonmaaker",
        "typo",
        &["303a1e34-cb16-4054-b323-81e5eec17397"],
    ),
    (
        "taxichaufeur",
        "typo",
        &["6f7c1e84-8162-4c20-a575-b57ff624eef5"],
    ),
    (
        "recepsionist",
        "typo",
        &["f7b04542-d8c7-42db-8475-e63b507cce82"],
    ),
    (
        "magazijmedewerker",
        "typo",
        &[
            "bea705fe-06ac-4147-b8e0-6e8ac1208d8f",
            "808becc8-5a4e-4e71-a043-c2ea32b56ae3",
        ],
    ),
    (
        "metzelaar",
        "typo",
        &[
            "05f321f8-055b-407d-bf19-e0ddabda56b7",
            "046574a1-9bb3-4a80-8a7b-83dc7db1dae2",
        ],
    ),
    (
        "stukkadoor",
        "typo",
        &["f4a22809-c00c-4dd0-8b09-c7251f8dcd1c"],
    ),
    // No diacritics.
    (
        "caissiere",
        "diacritics",
        &["2b871272-bd61-4206-bd1a-0b96d7023098"],
    ),
    (
        "kassiere",
        "diacritics",
        &["2b871272-bd61-4206-bd1a-0b96d7023098"],
    ),
    (
        "concierge",
        "diacritics",
        &["1822bfc2-e735-449f-ba00-ca71eb5c062b"],
    ),
    (
        "coordinator kinderopvang",
        "diacritics",
        &["526ba8e1-fc71-4657-8d27-52f03e8ca81d"],
    ),
    (
        "privekok",
        "diacritics",
        &["a256838b-0843-4ad2-a2fb-4531f94e63d8"],
    ),
    // Gendered forms.
    (
        "kapster",
        "gendered",
        &["099c6bb0-22d3-4c5d-8bf5-70910af381ef"],
    ),
    (
        "schoonmaakster",
        "gendered",
        &["303a1e34-cb16-4054-b323-81e5eec17397"],
    ),
    (
        "verkoopmedewerkster",
        "gendered",
        &["9ba74e8a-c40c-4228-9998-eb3c7a5c11df"],
    ),
    (
        "beveiligster",
        "gendered",
        &["31808988-fc0a-4bc3-9e47-27216d6759f5"],
    ),
    (
        "serveerster",
        "gendered",
        &["d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471"],
    ),
    (
        "kokkin",
        "gendered",
        &["90f75f67-495d-49fa-ab57-2f320e251d7e"],
    ),
    (
        "receptioniste",
        "gendered",
        &["f7b04542-d8c7-42db-8475-e63b507cce82"],
    ),
    (
        "vrachtwagenchauffeuse",
        "gendered",
        &["45037d43-a8f5-4f46-b332-b2935bc305f4"],
    ),
    (
        "taxichauffeuse",
        "gendered",
        &["6f7c1e84-8162-4c20-a575-b57ff624eef5"],
    ),
    (
        "telefoniste",
        "gendered",
        &["0bf68df5-e808-4c27-abf2-6f85440f2d7f"],
    ),
    (
        "glazenwasster",
        "gendered",
        &[
            "92cba6b4-8fca-49bb-b68c-45c5096fedc9",
            "a632fb74-ef49-4f4a-9777-b7df54a0f897",
        ],
    ),
    (
        "lerares basisschool",
        "gendered",
        &["03d79393-7b30-4159-945b-01963eddd302"],
    ),
    // Informal and everyday words.
    (
        "vakkenvuller",
        "informal",
        &[
            "d35f9e79-5778-43b4-8667-0e3ba1fcb19a",
            "0b15375e-dfdd-4047-9efb-096e0aaee7d2",
        ],
    ),
    (
        "vuilnisman",
        "informal",
        &["e54683ca-1fc9-468d-b880-6544ff6b7d0b"],
    ),
    (
        "tuinman",
        "informal",
        &[
            "e7970c7a-7769-4002-87d3-0a8ea94fdd6f",
            "a48b9a5a-5ded-482d-8cda-7fd097a32c16",
            "55f001af-fa48-4c0c-a7e5-fc69babe3d45",
        ],
    ),
    (
        "klusjesman",
        "informal",
        &["f4a25243-b06a-42a9-9c69-246853df63ad"],
    ),
    (
        "afwasser",
        "informal",
        &[
            "f756fdab-7726-4c48-bfcc-94ff8810fc08",
            "e1cf6897-158d-4b48-a39e-2a3a8cac216c",
        ],
    ),
    (
        "stratenmaker",
        "informal",
        &["5f68c4c3-9d25-48e2-8efc-5471a80fb155"],
    ),
    (
        "pizzakoerier",
        "informal",
        &[
            "0c408028-c48f-4df8-ba5d-c3d3be15f5a2",
            "b5f6bb2c-0602-484d-a87f-9cac33f83010",
        ],
    ),
    (
        "heftrucker",
        "informal",
        &["eeac6251-1974-42f5-91ed-513c6c883755"],
    ),
    (
        "uitsmijter",
        "informal",
        &[
            "7e17f4ea-9565-41e0-b408-b52b5c9492a3",
            "43ee9c1a-59c2-48ee-afcd-c384dca92162",
            "ebb4061a-906f-45fe-b4c0-a871c11f6fab",
        ],
    ),
    (
        "poetsvrouw",
        "informal",
        &[
            "303a1e34-cb16-4054-b323-81e5eec17397",
            "cbad55a4-c7cf-4ab6-9540-eac72b26729b",
        ],
    ),
    (
        "thuiszorg",
        "informal",
        &[
            "1391bdf9-bd61-4fb5-91ca-c29036ab2b60",
            "f4525ed8-54eb-4a3b-90db-55cc01b0d9fd",
            "85482504-c83d-4038-80d9-265198d18b48",
        ],
    ),
    (
        "oppas",
        "informal",
        &["c4a81f47-6ed8-4a17-ab4a-21a2e67fa1d9"],
    ),
    (
        "schoonmaker",
        "informal",
        &["303a1e34-cb16-4054-b323-81e5eec17397"],
    ),
    // Fragments (typeahead) and parts of compounds.
    (
        "heftruck",
        "fragment",
        &["eeac6251-1974-42f5-91ed-513c6c883755"],
    ),
    (
        "magazijn",
        "fragment",
        &[
            "bea705fe-06ac-4147-b8e0-6e8ac1208d8f",
            "808becc8-5a4e-4e71-a043-c2ea32b56ae3",
        ],
    ),
    (
        "kassa",
        "fragment",
        &["2b871272-bd61-4206-bd1a-0b96d7023098"],
    ),
    (
        "verhuiz",
        "fragment",
        &[
            "c84a055d-00fe-4789-a054-f4a62914ff6e",
            "a504e79e-f146-4773-a1cf-2b15b9d614db",
        ],
    ),
    (
        "beveil",
        "fragment",
        &["31808988-fc0a-4bc3-9e47-27216d6759f5"],
    ),
    (
        "timmer",
        "fragment",
        &["2a22ff9e-de3b-408d-b312-5034896cc4f4"],
    ),
    (
        "callcenter",
        "fragment",
        &[
            "0ededdc2-050a-4ec3-8e70-6295105fcd19",
            "b7b75eb6-34bc-462d-b412-eed393cc1397",
        ],
    ),
    (
        "kinderopvang",
        "fragment",
        &[
            "3f74aad8-2d60-4be2-b059-8dba5568d530",
            "526ba8e1-fc71-4657-8d27-52f03e8ca81d",
            "fa6bd9e9-9631-4abe-b2f8-fad7bf8a819d",
            "55d60ead-0343-4008-b9e4-fb4b5a179c83",
        ],
    ),
    (
        "vrachtwagen",
        "fragment",
        &["45037d43-a8f5-4f46-b332-b2935bc305f4"],
    ),
    (
        "dierenverz",
        "fragment",
        &[
            "1ee1b792-4d5f-4555-be4e-ce7e4c05d1a9",
            "15dfabf5-71e0-400e-af48-4c6f92ef4392",
        ],
    ),
    // Several words.
    (
        "schoonmaakster kantoor",
        "multi-word",
        &["303a1e34-cb16-4054-b323-81e5eec17397"],
    ),
    (
        "bezorger pakketten",
        "multi-word",
        &["0c408028-c48f-4df8-ba5d-c3d3be15f5a2"],
    ),
    (
        "verzorgende ig",
        "multi-word",
        &["1391bdf9-bd61-4fb5-91ca-c29036ab2b60"],
    ),
    (
        "chauffeur vrachtwagen",
        "multi-word",
        &["45037d43-a8f5-4f46-b332-b2935bc305f4"],
    ),
    (
        "medewerker keuken",
        "multi-word",
        &["f756fdab-7726-4c48-bfcc-94ff8810fc08"],
    ),
    (
        "pedagogisch medewerker",
        "multi-word",
        &["3f74aad8-2d60-4be2-b059-8dba5568d530"],
    ),
    (
        "heftruck chauffeur",
        "multi-word",
        &["eeac6251-1974-42f5-91ed-513c6c883755"],
    ),
    (
        "medewerker klantenservice",
        "multi-word",
        &[
            "725090a7-9943-4dae-8079-a6999d21ddba",
            "13d1b2b4-99dd-44da-9734-c9f74bae18f7",
        ],
    ),
    (
        "administratief medewerker",
        "multi-word",
        &["044d78cc-f62f-4532-83a5-8e04f2889652"],
    ),
    (
        "bus chauffeur",
        "multi-word",
        &["00cee175-1376-43fb-9f02-ba3d7a910a58"],
    ),
    (
        "monteur auto",
        "multi-word",
        &["4ad4024e-d1d3-4dea-b6d1-2c7948111dce"],
    ),
    (
        "kok in een restaurant",
        "multi-word",
        &["90f75f67-495d-49fa-ab57-2f320e251d7e"],
    ),
    // Plain names.
    (
        "beveiliger",
        "plain",
        &["31808988-fc0a-4bc3-9e47-27216d6759f5"],
    ),
    ("kok", "plain", &["90f75f67-495d-49fa-ab57-2f320e251d7e"]),
    ("kapper", "plain", &["099c6bb0-22d3-4c5d-8bf5-70910af381ef"]),
    ("bakker", "plain", &["1aadb308-432a-4d01-b54b-b4f7f76dd419"]),
    ("lasser", "plain", &["7aedaa07-3884-4c5b-88f9-80997b2aa54b"]),
    (
        "hovenier",
        "plain",
        &["e7970c7a-7769-4002-87d3-0a8ea94fdd6f"],
    ),
    (
        "elektricien",
        "plain",
        &[
            "33960bab-4423-4808-af6c-ec2b485dba41",
            "4910419f-b4af-4f59-b544-9dbebc8a74f0",
        ],
    ),
    (
        "loodgieter",
        "plain",
        &["ed3cf43d-c2c1-4c46-82fc-1375e27e0290"],
    ),
    (
        "orderpicker",
        "plain",
        &["cd94def5-3442-4c2e-ae3d-0761a3008bcb"],
    ),
    (
        "productiemedewerker",
        "plain",
        &["245be6d1-fe9a-4ac8-9f81-122a687e4724"],
    ),
    (
        "dakdekker",
        "plain",
        &["b4c6d1b0-929e-48be-9f67-47bd8c30658b"],
    ),
    (
        "tegelzetter",
        "plain",
        &["02447817-ea01-4d8b-b09c-8bc128e447e6"],
    ),
    (
        "schilder",
        "plain",
        &[
            "15620506-fb5d-49cd-87a2-1c9047fb406a",
            "374d925a-107b-4c99-bc8b-75483441f062",
        ],
    ),
    (
        "steigerbouwer",
        "plain",
        &["18fa8080-3156-429a-bbd7-b3ef559b6721"],
    ),
    (
        "postbode",
        "plain",
        &["7ed2e153-8da8-4c0d-b4c5-3402c623f34b"],
    ),
];

/// Written after the search was tuned on [`QUERIES`] and run once as they are, to see how
/// well the tuning carries over to queries it never saw (first run: recall@5 0.970, MRR
/// 0.924; "afvalophaler" is the miss). Reported separately; they count in the overall
/// figures too.
const HELD_OUT: &[(&str, &str, &[&str])] = &[
    (
        "chauffeur bestelbus",
        "held-out",
        &["0c408028-c48f-4df8-ba5d-c3d3be15f5a2"],
    ),
    (
        "hulpkok",
        "held-out",
        &["e1cf6897-158d-4b48-a39e-2a3a8cac216c"],
    ),
    (
        "zorghulp",
        "held-out",
        &["d38c2107-98f2-47b7-8bb4-f69750d51082"],
    ),
    (
        "kraanmachinist",
        "held-out",
        &[
            "1de948c1-192a-4810-afb7-48548217a912",
            "0ea5fdff-074c-4094-98b9-04432361e4d9",
            "1f2b8092-1787-4ef4-9282-cf81ce4b4d76",
            "dc90cee4-bf4a-4d62-b729-faf49e62643e",
        ],
    ),
    (
        "fietsenmaker",
        "held-out",
        &["336cf331-8082-4a0c-bf5f-e7c54706211c"],
    ),
    (
        "barvrouw",
        "held-out",
        &["2f5e38a0-6578-4665-bdbd-e2ab505be140"],
    ),
    (
        "gastvrouw",
        "held-out",
        &[
            "a1b86a8b-ad91-4192-b386-bbf89bb11699",
            "a6007269-912a-4445-b792-b4d5fe016bb2",
        ],
    ),
    (
        "secretaresse",
        "held-out",
        &["5ac377d2-e1d0-4911-a299-b4ef2782a0ba"],
    ),
    (
        "boekhouder",
        "held-out",
        &["c3aae59e-1441-4b3e-bdd1-6da50dc7cf42"],
    ),
    (
        "inpakker",
        "held-out",
        &[
            "b0fa69b4-998c-4e66-acd3-5f5d73cadb5c",
            "f5cb9901-86fc-48d0-9cde-667fbe8cef3a",
        ],
    ),
    (
        "kinderoppas",
        "held-out",
        &["c4a81f47-6ed8-4a17-ab4a-21a2e67fa1d9"],
    ),
    (
        "verpleeghulp",
        "held-out",
        &["87d0795a-d41f-47ee-979f-0ab7d73836e7"],
    ),
    (
        "slagers",
        "held-out",
        &[
            "37c7880e-cfee-4c41-a41b-061682fefde3",
            "34ec79d0-85fb-445a-a5f2-df51b70c6375",
        ],
    ),
    (
        "timmervrouw",
        "held-out",
        &["2a22ff9e-de3b-408d-b312-5034896cc4f4"],
    ),
    (
        "onderwijsassistente",
        "held-out",
        &[
            "4d27152a-a8ee-4f5a-9f93-a2fb4fb2b2e3",
            "00674f21-2f8f-4a41-9896-133f7cbe2a6e",
        ],
    ),
    (
        "glazenwassers",
        "held-out",
        &[
            "92cba6b4-8fca-49bb-b68c-45c5096fedc9",
            "a632fb74-ef49-4f4a-9777-b7df54a0f897",
        ],
    ),
    (
        "heftruckchauffeuse",
        "held-out",
        &["eeac6251-1974-42f5-91ed-513c6c883755"],
    ),
    (
        "automonteuse",
        "held-out",
        &["4ad4024e-d1d3-4dea-b6d1-2c7948111dce"],
    ),
    (
        "kassier supermarkt",
        "held-out",
        &["2b871272-bd61-4206-bd1a-0b96d7023098"],
    ),
    (
        "medewerker bediening",
        "held-out",
        &["d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471"],
    ),
    (
        "afvalophaler",
        "held-out",
        &["e54683ca-1fc9-468d-b880-6544ff6b7d0b"],
    ),
    (
        "pizzabezorgster",
        "held-out",
        &["0c408028-c48f-4df8-ba5d-c3d3be15f5a2"],
    ),
    (
        "wegenbouwer",
        "held-out",
        &[
            "5f68c4c3-9d25-48e2-8efc-5471a80fb155",
            "7c205166-d862-45fc-90e5-58a3aa3721dd",
            "47300afa-5496-484c-8f65-14247a98b2b8",
        ],
    ),
    (
        "loodgietster",
        "held-out",
        &["ed3cf43d-c2c1-4c46-82fc-1375e27e0290"],
    ),
    (
        "dierverzorgster",
        "held-out",
        &[
            "5a940ae0-3fa4-40f9-8ca4-17bf792da243",
            "1ee1b792-4d5f-4555-be4e-ce7e4c05d1a9",
            "15dfabf5-71e0-400e-af48-4c6f92ef4392",
            "0b14d5d7-1bbe-4403-b9e6-7b0f37fc44fc",
        ],
    ),
    (
        "vrachtwagen chauffeur",
        "held-out",
        &["45037d43-a8f5-4f46-b332-b2935bc305f4"],
    ),
    (
        "bakkerij medewerker",
        "held-out",
        &["5d9e63a2-8013-434e-9f92-3b3d54a0c320"],
    ),
    (
        "schilderes",
        "held-out",
        &[
            "15620506-fb5d-49cd-87a2-1c9047fb406a",
            "374d925a-107b-4c99-bc8b-75483441f062",
        ],
    ),
    (
        "telefonist",
        "held-out",
        &["0bf68df5-e808-4c27-abf2-6f85440f2d7f"],
    ),
    (
        "schoonmaak",
        "held-out",
        &["303a1e34-cb16-4054-b323-81e5eec17397"],
    ),
    (
        "orderpick",
        "held-out",
        &["cd94def5-3442-4c2e-ae3d-0761a3008bcb"],
    ),
    (
        "huishoudelijke hulp",
        "held-out",
        &["cbad55a4-c7cf-4ab6-9540-eac72b26729b"],
    ),
    (
        "medewerkster thuiszorg",
        "held-out",
        &["1391bdf9-bd61-4fb5-91ca-c29036ab2b60"],
    ),
];

/// The recall@5 this test insists on (the measured value is printed).
const MIN_RECALL_AT_5: f64 = 0.97;

fn esco_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/esco/occupations_nl.csv")
}

#[test]
fn query_set_is_well_formed() {
    assert!(QUERIES.len() >= 45, "only {} queries", QUERIES.len());
    for (query, _, expected) in QUERIES.iter().chain(HELD_OUT) {
        assert!(!expected.is_empty(), "{query}: nothing expected");
        for id in *expected {
            assert_eq!(id.len(), 36, "{query}: {id} is not a UUID");
        }
    }
}

#[test]
fn recall_and_mrr_on_the_full_esco_file() {
    let path = esco_path();
    let Ok(bytes) = std::fs::read(&path) else {
        println!(
            "SKIPPED: {} not found (only CI and developer machines have it)",
            path.display()
        );
        return;
    };
    let catalog = match import_occupations(&bytes) {
        Ok(catalog) => catalog,
        Err(error) => panic!("the ESCO file does not import: {error}"),
    };
    // As the app searches it: joined with what the bundled catalogue knows.
    let Ok(bundled) = OccupationCatalog::bundled() else {
        panic!("the bundled catalogue loads");
    };
    let index = SearchIndex::new(esco_documents(&catalog, &bundled));

    let mut kinds: Vec<(&str, usize, usize, f64)> = Vec::new(); // kind, n, hits@5, rr sum
    let mut misses = Vec::new();
    let (mut hits5, mut rr_sum) = (0usize, 0f64);
    for (query, kind, expected) in QUERIES.iter().chain(HELD_OUT) {
        let results = index.search(query, 10);
        let rank = results.iter().position(|hit| {
            expected
                .iter()
                .any(|id| hit.key.strip_prefix(OCC) == Some(*id))
        });
        let hit5 = rank.is_some_and(|r| r < 5);
        let rr = rank.map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
        hits5 += usize::from(hit5);
        rr_sum += rr;
        match kinds.iter_mut().find(|k| k.0 == *kind) {
            Some(k) => {
                k.1 += 1;
                k.2 += usize::from(hit5);
                k.3 += rr;
            }
            None => kinds.push((kind, 1, usize::from(hit5), rr)),
        }
        if rank != Some(0) {
            let top: Vec<String> = results
                .iter()
                .take(5)
                .map(|h| format!("{} ({:.2}, via \"{}\")", h.label, h.score, h.matched))
                .collect();
            misses.push(format!(
                "  {query:?}: expected at rank {}; top 5: {}",
                rank.map_or("none".to_owned(), |r| (r + 1).to_string()),
                top.join(" | ")
            ));
        }
    }
    let total = QUERIES.len() + HELD_OUT.len();
    let n = total as f64;
    let recall = hits5 as f64 / n;
    let mrr = rr_sum / n;
    println!(
        "search quality on the full ESCO file ({} occupations):",
        catalog.occupations.len()
    );
    for (kind, count, h5, rr) in &kinds {
        println!(
            "  {kind:<11} {count:>3} queries  recall@5 {:.3}  MRR {:.3}",
            *h5 as f64 / *count as f64,
            rr / *count as f64
        );
    }
    println!("  overall     {total:>3} queries  recall@5 {recall:.3}  MRR {mrr:.3}");
    if !misses.is_empty() {
        println!("not ranked first:");
        for miss in &misses {
            println!("{miss}");
        }
    }
    assert!(
        recall >= MIN_RECALL_AT_5,
        "recall@5 {recall:.3} is below {MIN_RECALL_AT_5}"
    );
}

// Normalisation and ranking on small hand-made documents, through the public API.

fn doc(key: &str, label: &str, terms: &[&str]) -> SearchDocument {
    SearchDocument {
        key: key.into(),
        label: label.into(),
        terms: terms.iter().map(|t| (*t).to_owned()).collect(),
        about: Vec::new(),
        prior: 0.0,
    }
}

fn keys(index: &SearchIndex, query: &str) -> Vec<String> {
    index.search(query, 5).into_iter().map(|h| h.key).collect()
}

#[test]
fn normalisation_folds_what_job_seekers_leave_out() {
    assert_eq!(normalize("Caissière"), normalize("caissiere"));
    assert_eq!(normalize("Coördinator"), "coordinator");
    assert_eq!(
        tokens("Chef-kok/Kokkin (m/v)"),
        ["chef", "kok", "kokkin", "m", "v"]
    );
    assert_eq!(
        normalize("rand\u{ad}ap\u{ad}pa\u{ad}ra\u{ad}tuur"),
        "randapparatuur"
    );
    let forms =
        |word: &str| -> Vec<String> { variants(word).into_iter().map(|v| v.text).collect() };
    assert!(forms("kapster").contains(&"kapper".to_owned()));
    assert!(forms("schoonmaakster").contains(&"schoonmaker".to_owned()));
    assert!(forms("caissiere").contains(&"caissier".to_owned()));
    assert!(
        ENDING_RULES.len() >= 10,
        "the variant table is the documented mechanism"
    );
}

#[test]
fn ranking_on_hand_made_documents() {
    let index = SearchIndex::new(vec![
        doc("kapper", "kapper", &["kapster"]),
        doc("kappershulp", "kappershulp", &["assistent-kapper"]),
        doc("heftruck", "heftruckchauffeur", &["bestuurder heftruck"]),
        doc("reachtruck", "reachtruckchauffeur", &[]),
        doc("schoonmaker", "schoonmaker gebouwen", &["schoonmaker"]),
        doc("kantoor", "kantoorschoonmaker", &[]),
        doc("kassa", "kassamedewerker", &["caissière"]),
    ]);
    // Exact label first, then the compound that starts with it.
    assert_eq!(keys(&index, "kapper")[..2], ["kapper", "kappershulp"]);
    // Gendered form, typo, missing diacritics.
    assert_eq!(keys(&index, "kapster")[0], "kapper");
    assert_eq!(keys(&index, "heftrukchauffeur")[0], "heftruck");
    assert_eq!(keys(&index, "caissiere")[0], "kassa");
    // A fragment finds the compound; the other truck comes later.
    assert_eq!(keys(&index, "heftruck")[0], "heftruck");
    assert_eq!(keys(&index, "truck")[..2], ["heftruck", "reachtruck"]);
    // All words count: the name matching both ranks first.
    assert_eq!(keys(&index, "schoonmaakster kantoor")[0], "kantoor");
    assert_eq!(keys(&index, "schoonmaakster")[0], "schoonmaker");
    // Scores are in 0..=1, best first, and say what matched.
    let hits = index.search("kapster", 5);
    assert_eq!(hits[0].matched, "kapster");
    assert!(hits.iter().all(|h| (0.0..=1.0).contains(&h.score)));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert_eq!(index.search("kapper", 1).len(), 1);
}

#[test]
fn the_bundled_catalogue_is_searchable() {
    let catalog = match OccupationCatalog::bundled() {
        Ok(catalog) => catalog,
        Err(error) => panic!("bundled catalogue: {error}"),
    };
    let docs = catalog_documents(&catalog);
    assert_eq!(docs.len(), catalog.occupations.len());
    let key_of = |id: &str| -> String {
        let Some(o) = catalog.get(id) else {
            panic!("no occupation {id}");
        };
        o.esco_uri
            .clone()
            .unwrap_or_else(|| format!("werkmap:{id}"))
    };
    let index = SearchIndex::new(docs);
    for (query, id) in [
        ("kapster", "kapper"),
        ("caissiere", "kassamedewerker"),
        ("orderpikker", "orderpicker"),
        ("heftruck", "heftruckchauffeur"),
        ("vakkenvuller", "vakkenvuller"),
        ("schoonmaakster", "schoonmaker"),
        ("verzorgende ig", "verzorgende-ig"),
        ("chauffeur vrachtwagen", "vrachtwagenchauffeur"),
        ("afwasser", "afwasser"),
        ("stratenmaker", "stratenmaker"),
    ] {
        let top: Vec<String> = index.search(query, 3).into_iter().map(|h| h.key).collect();
        assert!(top.contains(&key_of(id)), "{query}: {top:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_query_gives_sorted_scores_in_range(query in "\\PC{0,40}", limit in 0usize..8) {
        let index = SearchIndex::new(vec![
            doc("kapper", "kapper", &["kapster"]),
            doc("kok", "kok", &["kokkin", "chef-kok"]),
            doc("odd", "日本語 ǅ", &["", "---"]),
        ]);
        let hits = index.search(&query, limit);
        prop_assert!(hits.len() <= limit);
        prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        prop_assert!(hits.iter().all(|h| (0.0..=1.0).contains(&h.score)));
    }
}
