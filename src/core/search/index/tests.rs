use super::*;

fn doc(key: &str, label: &str, terms: &[&str]) -> SearchDocument {
    SearchDocument {
        key: key.into(),
        label: label.into(),
        terms: terms.iter().map(|t| (*t).to_owned()).collect(),
        about: Vec::new(),
        prior: 0.0,
    }
}

fn small() -> SearchIndex {
    SearchIndex::new(vec![
        doc("kapper", "kapper", &["haarkapper", "kapster"]),
        doc("herenkapper", "herenkapper", &["herenkapster"]),
        doc(
            "heftruck",
            "heftruckchauffeur",
            &["chauffeur vorkheftruck", "bestuurder heftruck"],
        ),
        doc(
            "vracht",
            "vrachtwagenchauffeur",
            &["chauffeur vrachtwagen", "vrachtwagenbestuurster"],
        ),
        doc("order", "orderpicker", &["orderverzamelaar"]),
        doc("kassa", "kassamedewerker", &["caissière", "kassière"]),
        doc("kok", "kok", &["kokkin", "chef-kok"]),
        doc(
            "kok-inst",
            "industriële kok",
            &["kok in een industriële keuken"],
        ),
        doc(
            "schoon",
            "schoonmaker gebouwen",
            &["schoonmaker", "glazenwasser"],
        ),
        doc("straat", "machinist wegenbouwmachine", &["straatmaker"]),
        doc("keuken", "medewerker keuken", &["afwashulp"]),
        doc(
            "koerier",
            "auto- en bestelwagenkoerier",
            &["pizzabezorger", "chauffeur pakketdienst"],
        ),
    ])
}

fn top(index: &SearchIndex, query: &str) -> Vec<String> {
    index.search(query, 5).into_iter().map(|h| h.key).collect()
}

#[test]
fn exact_label_ranks_first() {
    let index = small();
    assert_eq!(top(&index, "kapper")[0], "kapper");
    assert_eq!(top(&index, "kok")[..2], ["kok", "kok-inst"]);
    let hits = index.search("Kok", 3);
    assert_eq!(hits[0].score, 1.0);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn typos_diacritics_gender_fragments() {
    let index = small();
    assert_eq!(top(&index, "orderpikker")[0], "order");
    assert_eq!(top(&index, "heftrukchauffeur")[0], "heftruck");
    assert_eq!(top(&index, "caissiere")[0], "kassa");
    assert_eq!(top(&index, "kassiere")[0], "kassa");
    assert_eq!(top(&index, "heftruck")[0], "heftruck");
    assert_eq!(top(&index, "heft")[0], "heftruck");
    assert_eq!(top(&index, "schoonmaakster")[0], "schoon");
    assert_eq!(top(&index, "kokkin")[0], "kok");
    assert_eq!(top(&index, "stratenmaker")[0], "straat");
    assert_eq!(top(&index, "afwasser")[0], "keuken");
}

#[test]
fn gendered_form_shows_what_matched() {
    let index = small();
    let hits = index.search("kapster", 5);
    assert_eq!(hits[0].key, "kapper");
    assert_eq!(hits[0].matched, "kapster");
    let hits = index.search("glazenwasser", 5);
    assert_eq!(hits[0].label, "schoonmaker gebouwen");
    assert_eq!(hits[0].matched, "glazenwasser");
}

#[test]
fn several_words_all_count() {
    let index = small();
    assert_eq!(top(&index, "chauffeur vrachtwagen")[0], "vracht");
    assert_eq!(top(&index, "chauffeur heftruck")[0], "heftruck");
    assert_eq!(top(&index, "bezorger pakketten")[0], "koerier");
    assert_eq!(top(&index, "kok in een keuken")[0], "kok-inst");
}

#[test]
fn prefix_beats_infix_beats_typo() {
    let index = SearchIndex::new(vec![
        doc("typo", "trick", &[]),
        doc("infix", "vorktruck", &[]),
        doc("prefix", "truckchauffeur", &[]),
        doc("exact", "truck", &[]),
    ]);
    assert_eq!(top(&index, "truck"), ["exact", "prefix", "infix"]);
    let index = SearchIndex::new(vec![
        doc("infix", "heftruckchauffeur", &[]),
        doc("typo", "heftruk", &[]),
    ]);
    assert_eq!(top(&index, "heftruck"), ["infix", "typo"]);
}

#[test]
fn label_beats_synonym_and_shorter_label_breaks_ties() {
    let index = SearchIndex::new(vec![
        doc("syn", "iets anders", &["beveiliger"]),
        doc("label", "beveiliger", &[]),
        doc("long", "beveiliger xx", &[]),
        doc("short", "beveiliger x", &[]),
    ]);
    assert_eq!(top(&index, "beveiliger"), ["label", "syn", "short", "long"]);
}

#[test]
fn empty_and_odd_queries() {
    let index = small();
    assert!(index.search("", 5).is_empty());
    assert!(index.search("   ---  ", 5).is_empty());
    assert!(index.search("kok", 0).is_empty());
    assert!(index.search("xyzzyq", 5).is_empty());
    let _ = index.search(&"a".repeat(10_000), 5);
    let _ = index.search("日本語 ǅ ﬃ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", 5);
    assert!(SearchIndex::new(Vec::new()).search("kok", 5).is_empty());
    // A stopword alone still searches.
    let _ = index.search("de", 5);
}
