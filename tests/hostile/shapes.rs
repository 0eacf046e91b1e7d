//! Pathological inputs: the shapes that once made a parser's work grow faster than its input
//! (issue 15), made to any size. Shared by `tests/hostile_inputs.rs` (complexity guards),
//! `benches/hostile.rs` (the doubling benchmark) and `cargo xtask fuzz` (small seeds).
#![allow(dead_code)]

use serde_json::{json, Value};

/// `n` comments that never close: `x<!--` repeated.
pub fn unclosed_comments(n: usize) -> String {
    "x<!--".repeat(n)
}

/// `n` tags whose quoted attribute never closes: `<a "` repeated (and `'`).
pub fn unclosed_quotes(n: usize) -> String {
    "<a \"<b '".repeat(n)
}

/// An ESCO file with one occupation that has `n` alternative labels.
pub fn esco_many_labels(n: usize) -> Vec<u8> {
    let mut text = String::from("conceptUri,iscoGroup,preferredLabel,altLabels\n");
    text.push_str("http://data.europa.eu/esco/occupation/x,8344,heftruckchauffeur,\"");
    for i in 0..n {
        text.push_str(&format!("naam {i}\n"));
    }
    text.push_str("\"\n");
    text.into_bytes()
}

/// A JSON-LD `@graph` where `postings` postings all refer to one organisation and one place
/// whose names are `node_bytes` long.
pub fn graph_shared_node(postings: usize, node_bytes: usize) -> Vec<u8> {
    let big = "Bedrijf <b>B.V.</b> ".repeat(node_bytes / 20 + 1);
    let mut graph = vec![
        json!({ "@id": "#org", "@type": "Organization", "name": big }),
        json!({ "@id": "#place", "@type": "Place",
                "address": { "@type": "PostalAddress", "addressLocality": big, "postalCode": big },
                "geo": { "latitude": big, "longitude": big } }),
    ];
    for i in 0..postings {
        graph.push(json!({
            "@type": "JobPosting",
            "title": format!("Vacature {i}"),
            "hiringOrganization": { "@id": "#org" },
            "jobLocation": { "@id": "#place" },
        }));
    }
    serde_json::to_vec(&json!({ "@context": "https://schema.org", "@graph": graph }))
        .unwrap_or_default()
}

/// A CSV feed of `n` rows that all have the same id.
pub fn csv_repeated_ids(n: usize) -> Vec<u8> {
    let mut text = String::from("id,title\n");
    for _ in 0..n {
        text.push_str("x,Magazijnmedewerker\n");
    }
    text.into_bytes()
}

/// An HTML page with `n` JSON-LD blocks that hold no vacancy, then one that does.
pub fn html_many_blocks(n: usize) -> Vec<u8> {
    let mut text = String::from("<html><body>");
    for _ in 0..n {
        text.push_str("<script type=\"application/ld+json\">{\"@type\":\"WebPage\"}</script>");
    }
    text.push_str("<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Kok\"}</script></body></html>");
    text.into_bytes()
}

/// A portfolio-like document whose keys are `key_chars` long and nest `depth` deep, with an
/// array of `items` numbers at the bottom, and a checksum that matches it.
pub fn portfolio_long_keys(depth: usize, key_chars: usize, items: usize) -> Vec<u8> {
    let mut inner = Value::Array(vec![Value::from(0); items]);
    for level in 0..depth {
        let key = format!("{level}{}", "k".repeat(key_chars));
        inner = json!({ key: inner });
    }
    let mut document = json!({
        "format": "werkmap-portfolio",
        "version": 2,
        "app_version": "0.1.0",
        "created": "2026-01-01T10:00:00Z",
        "modified": "2026-01-01T10:00:00Z",
        "language": "nl",
        "shared": [],
        "extra": inner,
        "checksum": "",
    });
    let checksum = werkmap::core::portfolio::checksum_of(&document);
    document["checksum"] = Value::from(checksum);
    serde_json::to_vec(&document).unwrap_or_default()
}

/// A search query of `n` words.
pub fn long_query(n: usize) -> String {
    "heftruck chauffeur ".repeat(n)
}
