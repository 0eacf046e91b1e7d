//! The importer itself: bytes in, a new [`EscoCatalog`] or an [`EscoImportError`] out (what
//! is accepted is in the module docs of `esco`).

use crate::core::text::clean_name;

use super::{
    EscoCatalog, EscoImportError, EscoOccupation, FileKind, SkipReason, SkippedRow, MAX_FILE_BYTES,
    REQUIRED_COLUMNS,
};

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// How many rows pass between two progress reports.
const PROGRESS_EVERY: usize = 64;

/// Imports the ESCO occupations file. See the module docs for what is accepted.
pub fn import_occupations(bytes: &[u8]) -> Result<EscoCatalog, EscoImportError> {
    import_occupations_with_progress(bytes, &mut |_, _| {})
}

/// [`import_occupations`], reporting `(bytes done, total bytes)` now and then (every few
/// dozen rows, and once at the start and the end) so a screen can show progress.
pub fn import_occupations_with_progress(
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<EscoCatalog, EscoImportError> {
    let total = bytes.len();
    if total > MAX_FILE_BYTES {
        return Err(EscoImportError::TooLarge {
            size: total,
            limit: MAX_FILE_BYTES,
        });
    }
    progress(0, total);
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let body = bytes.get(bom..).unwrap_or_default();
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(EscoImportError::Empty);
    }
    if let Some(kind) = sniff_binary(body) {
        return Err(EscoImportError::NotCsv(kind));
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.valid_up_to();
            let before = body.get(..offset).unwrap_or_default();
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            return Err(EscoImportError::NotUtf8 {
                line,
                column: offset - line_start + 1,
                offset: offset + bom,
            });
        }
    };
    match text.trim_start().chars().next() {
        Some('<') => return Err(EscoImportError::NotCsv(FileKind::Html)),
        // "[package]" (TOML, INI) also starts with a bracket: only real JSON counts.
        Some('{') | Some('[') if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() => {
            return Err(EscoImportError::NotCsv(FileKind::Json))
        }
        _ => {}
    }
    if let Some(line) = unclosed_quote_line(body) {
        return Err(EscoImportError::UnclosedQuote { line });
    }

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(body);
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_owned()).collect(),
        Err(error) => return Err(csv_error(&error, body)),
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let missing: Vec<String> = REQUIRED_COLUMNS
        .iter()
        .filter(|c| column(c).is_none())
        .map(|c| (*c).to_owned())
        .collect();
    if !missing.is_empty() {
        if headers.len() <= 1 {
            let first = headers.first().map(String::as_str).unwrap_or_default();
            let kind = if first.contains(';') {
                FileKind::Semicolons
            } else {
                FileKind::PlainText
            };
            return Err(EscoImportError::NotCsv(kind));
        }
        return Err(EscoImportError::MissingColumns { missing });
    }
    let (Some(uri_col), Some(isco_col), Some(label_col), Some(alt_col)) = (
        column("conceptUri"),
        column("iscoGroup"),
        column("preferredLabel"),
        column("altLabels"),
    ) else {
        return Err(EscoImportError::MissingColumns {
            missing: REQUIRED_COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
        });
    };
    let hidden_col = column("hiddenLabels");
    let description_col = column("description");
    let code_col = column("code");

    let mut catalog = EscoCatalog::default();
    let mut seen = std::collections::HashSet::new();
    let mut record = csv::StringRecord::new();
    let mut rows = 0usize;
    let (mut counted_to, mut line_at) = (0usize, 1u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => return Err(csv_error(&error, body)),
        }
        // The reader's own line count is off after CRLF line ends: count physical lines
        // from the record's byte offset instead (incrementally, so this stays linear).
        let mut start = record.position().map_or(counted_to, |p| {
            usize::try_from(p.byte()).unwrap_or(counted_to)
        });
        // After CRLF the reported start is the LF; a record never starts with a line end.
        while body.get(start).is_some_and(|&b| b == b'\r' || b == b'\n') {
            start += 1;
        }
        if start > counted_to {
            line_at += body
                .get(counted_to..start)
                .unwrap_or_default()
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            counted_to = start;
        }
        let line = line_at;
        if record.len() != headers.len() {
            return Err(EscoImportError::RowLength {
                line,
                found: record.len(),
                expected: headers.len(),
            });
        }
        rows += 1;
        if rows.is_multiple_of(PROGRESS_EVERY) {
            progress((start + bom).min(total), total);
        }
        let field = |col: usize| record.get(col).unwrap_or_default().trim();
        let optional = |col: Option<usize>| col.map(field).unwrap_or_default();
        let uri = field(uri_col);
        let label = clean_name(field(label_col));
        let label = label.as_str();
        let isco = field(isco_col);
        let reason = if uri.is_empty() {
            Some(SkipReason::EmptyUri)
        } else if label.is_empty() {
            Some(SkipReason::EmptyLabel)
        } else if !(isco.is_empty()
            || (isco.len() == 4 && isco.bytes().all(|b| b.is_ascii_digit())))
        {
            Some(SkipReason::BadIscoGroup)
        } else if seen.contains(uri) {
            Some(SkipReason::DuplicateUri)
        } else {
            None
        };
        if let Some(reason) = reason {
            catalog.skipped.push(SkippedRow { line, reason });
            continue;
        }
        seen.insert(uri.to_owned());
        catalog.occupations.push(EscoOccupation {
            uri: uri.to_owned(),
            isco: isco.to_owned(),
            label: label.to_owned(),
            alt_labels: split_labels(field(alt_col), label),
            hidden_labels: split_labels(optional(hidden_col), label),
            description: crate::core::text::tidy(optional(description_col)),
            code: optional(code_col).to_owned(),
        });
    }
    progress(total, total);
    if catalog.occupations.is_empty() {
        return Err(match catalog.skipped.examples.first() {
            Some(&first) => EscoImportError::NoValidRows {
                skipped: catalog.skipped.count,
                first,
            },
            None => EscoImportError::NoOccupations,
        });
    }
    Ok(catalog)
}

/// The labels of a multi-line field: one per line, cleaned as names are
/// ([`clean_name`]), without empty lines, repeats or the preferred label itself. Linear in
/// the field: repeats are found with a set, not by comparing with every label kept.
fn split_labels(field: &str, label: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in field.lines() {
        let line = clean_name(line);
        if !line.is_empty() && line != label && seen.insert(line.clone()) {
            out.push(line);
        }
    }
    out
}

fn csv_error(error: &csv::Error, body: &[u8]) -> EscoImportError {
    let line = error.position().map_or(0, |p| {
        let end = usize::try_from(p.byte())
            .unwrap_or(usize::MAX)
            .min(body.len());
        1 + body
            .get(..end)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
    });
    EscoImportError::Csv {
        line,
        message: error.to_string(),
    }
}

/// Recognises files that are clearly not text: ZIP (and so .xlsx), PDF, or anything with NUL
/// bytes near the start.
fn sniff_binary(body: &[u8]) -> Option<FileKind> {
    if body.starts_with(b"PK\x03\x04") || body.starts_with(b"PK\x05\x06") {
        Some(FileKind::Zip)
    } else if body.starts_with(b"%PDF") {
        Some(FileKind::Pdf)
    } else if body.iter().take(8192).any(|&b| b == 0) {
        Some(FileKind::Binary)
    } else {
        None
    }
}

/// The line on which a quoted field opens that the file never closes, read the way the CSV
/// reader reads it: a quote opens a field only at the start of the field, `""` inside a
/// quoted field is a literal quote. (The CSV reader itself would silently take the rest of
/// the file as one field.)
fn unclosed_quote_line(text: &[u8]) -> Option<u64> {
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut line = 1u64;
    let mut opened = 1u64;
    for &b in text {
        state = match (state, b) {
            (State::FieldStart, b'"') => {
                opened = line;
                State::Quoted
            }
            (State::FieldStart, b',' | b'\n') => State::FieldStart,
            (State::FieldStart, _) => State::Unquoted,
            (State::Unquoted, b',' | b'\n') => State::FieldStart,
            (State::Unquoted, _) => State::Unquoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::QuoteInQuoted, b',' | b'\n') => State::FieldStart,
            (State::QuoteInQuoted, _) => State::Unquoted,
        };
        if b == b'\n' {
            line += 1;
        }
    }
    matches!(state, State::Quoted).then_some(opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_scan() {
        assert_eq!(unclosed_quote_line(b"a,b\n1,\"x\ny\"\n"), None);
        assert_eq!(unclosed_quote_line(b"a,b\n1,\"x \"\"q\"\" y\"\n"), None);
        assert_eq!(unclosed_quote_line(b"a,b\n1,2\n3,\"x\ny"), Some(3));
        assert_eq!(unclosed_quote_line(b"a,b\n1,ab\"c\n"), None);
    }

    #[test]
    fn labels_are_split_and_cleaned() {
        assert_eq!(
            split_labels("kapster\r\n\n kapper \nkapster\nhaarkapper", "kapper"),
            vec!["kapster", "haarkapper"]
        );
        assert_eq!(
            split_labels(
                "kap\u{200B}ster\n\u{202E}\nkapster\n\u{2066}haar  kapper",
                "kapper"
            ),
            vec!["kapster", "haar kapper"]
        );
    }
}
