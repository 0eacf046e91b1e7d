//! Plain text out of the HTML that job sites put in a vacancy's `description`.
//!
//! The result is only ever shown as text, so this is about readability, not safety: tags go,
//! block ends become line breaks, list items get a bullet, the content of `script`, `style`
//! and similar elements is dropped, character references are decoded, and runs of white
//! space collapse. Control characters are removed. Works on any input and never panics: a
//! `<` that starts no tag stays as text.
//!
//! Character references: every numeric one (`&#233;`, `&#xE9;`) and the named ones of HTML 4
//! that Dutch text uses ([`NAMED`]: Latin-1 letters, quotes, dashes, the euro sign…). The
//! 2,125 names of HTML5 would add about 60 KB to the web app for names no job site uses in
//! Dutch text; an unknown name stays as it is written.

pub use crate::core::text::tidy;

/// Elements whose content is not text for a reader.
const SKIPPED: [&str; 6] = ["script", "style", "template", "head", "svg", "iframe"];
/// Elements that end a line.
const BLOCKS: [&str; 18] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "hr",
];

/// Converts HTML (or plain text) to plain text with paragraphs separated by a blank line.
///
/// Linear in the input, whatever it holds: a tag or comment that never closes is looked for
/// once, not again from every later `<` ([`TagScanner`]).
pub fn html_to_text(input: &str) -> String {
    let mut raw = String::with_capacity(input.len());
    let mut scanner = TagScanner::new(input);
    let mut at = 0;
    let mut skipping: Option<&'static str> = None;
    while let Some(lt) = input[at..].find('<') {
        let lt = at + lt;
        if skipping.is_none() {
            raw.push_str(&input[at..lt]);
        }
        match scanner.tag_at(lt + 1) {
            Some(tag) => {
                let name = tag.name.to_ascii_lowercase();
                if let Some(skipped) = skipping {
                    if tag.closing && name == skipped {
                        skipping = None;
                    }
                } else if let Some(&skipped) = SKIPPED.iter().find(|s| **s == name) {
                    if !tag.closing && !tag.self_closing {
                        skipping = Some(skipped);
                    }
                } else if name == "li" {
                    // The next item or the list's end breaks the line.
                    if !tag.closing {
                        raw.push_str("\n• ");
                    }
                } else if name == "p" || is_heading(&name) {
                    raw.push_str("\n\n");
                } else if BLOCKS.contains(&name.as_str()) {
                    raw.push('\n');
                }
                at = lt + 1 + tag.length;
            }
            None => {
                if skipping.is_none() {
                    raw.push('<');
                }
                at = lt + 1;
            }
        }
    }
    if skipping.is_none() {
        raw.push_str(&input[at..]);
    }
    tidy(&decode_references(&raw))
}

/// Named character references, sorted by name (byte order) for a binary search.
const NAMED: &[(&str, char)] = &[
    ("AElig", 'Æ'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Aring", 'Å'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Ccedil", 'Ç'),
    ("Dagger", '‡'),
    ("ETH", 'Ð'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("Euml", 'Ë'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Igrave", 'Ì'),
    ("Iuml", 'Ï'),
    ("Ntilde", 'Ñ'),
    ("OElig", 'Œ'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Ograve", 'Ò'),
    ("Oslash", 'Ø'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Scaron", 'Š'),
    ("THORN", 'Þ'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("Yuml", 'Ÿ'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("acute", '´'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("amp", '&'),
    ("apos", '\''),
    ("aring", 'å'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("bdquo", '„'),
    ("brvbar", '¦'),
    ("bull", '•'),
    ("ccedil", 'ç'),
    ("cedil", '¸'),
    ("cent", '¢'),
    ("copy", '©'),
    ("curren", '¤'),
    ("dagger", '†'),
    ("deg", '°'),
    ("divide", '÷'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("eth", 'ð'),
    ("euml", 'ë'),
    ("euro", '€'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("gt", '>'),
    ("hellip", '…'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iexcl", '¡'),
    ("igrave", 'ì'),
    ("iquest", '¿'),
    ("iuml", 'ï'),
    ("laquo", '«'),
    ("ldquo", '“'),
    ("lrm", '\u{200E}'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("macr", '¯'),
    ("mdash", '—'),
    ("micro", 'µ'),
    ("middot", '·'),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("not", '¬'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("oelig", 'œ'),
    ("ograve", 'ò'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("oslash", 'ø'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("para", '¶'),
    ("permil", '‰'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rlm", '\u{200F}'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("scaron", 'š'),
    ("sect", '§'),
    ("shy", '\u{AD}'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("szlig", 'ß'),
    ("thinsp", '\u{2009}'),
    ("thorn", 'þ'),
    ("times", '×'),
    ("trade", '™'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("uml", '¨'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yen", '¥'),
    ("yuml", 'ÿ'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
];

/// Decodes character references once (`&amp;lt;` becomes `&lt;`, not `<`).
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference after its `&` stands for, and the bytes it took (up to and
/// including the `;`).
fn reference(after: &str) -> Option<(char, usize)> {
    let end = after.get(..after.len().min(34))?.find(';')?;
    let body = &after[..end];
    let c = if let Some(number) = body.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        // NUL and surrogates are not characters a reference may name.
        char::from_u32(value).filter(|c| *c != '\0')?
    } else {
        let at = NAMED.binary_search_by(|(name, _)| (*name).cmp(body)).ok()?;
        NAMED[at].1
    };
    Some((c, end + 1))
}

/// Text as HTML text content: `&`, `<` and `>` escaped.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
    out
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

struct Tag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    /// Bytes after the `<` up to and including the `>`.
    length: usize,
}

/// Reads tags out of one text. A tag whose end is looked for and not found leaves marks, so
/// that no later `<` looks for it through the same text again: the end of a tag depends only
/// on where the scan is and whether it is inside a quoted attribute value, and the scan can
/// only change that at a quote; so each (quote, state) is scanned past at most once by a
/// tag that fails. (Two scans can only both pass a `<` inside quotes of different kinds, so
/// few overlap in practice; the marks make the bound hold for any text.) An unclosed comment likewise is looked for once.
struct TagScanner<'a> {
    text: &'a str,
    /// Per byte of the text, a bit per state: from this quote in this state no tag end is
    /// reached. Made on the first tag that fails after a quote.
    dead_ends: Vec<u8>,
    /// An offset from which the text holds no `-->`.
    no_comment_end_from: Option<usize>,
}

const UNQUOTED: usize = 0;
const IN_DOUBLE: usize = 1;
const IN_SINGLE: usize = 2;

impl<'a> TagScanner<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            dead_ends: Vec::new(),
            no_comment_end_from: None,
        }
    }

    /// Reads a tag after its `<` at `at`: `p>`, `/p>`, `br/>`, `a href="x>y">`,
    /// `!-- comment -->`.
    fn tag_at(&mut self, at: usize) -> Option<Tag<'a>> {
        let text = self.text;
        let after = text.get(at..)?;
        if let Some(comment) = after.strip_prefix("!--") {
            let from = at + 3;
            if self.no_comment_end_from.is_some_and(|dead| from >= dead) {
                return None;
            }
            let Some(end) = comment.find("-->") else {
                self.no_comment_end_from = Some(from);
                return None;
            };
            return Some(Tag {
                name: "!--",
                closing: false,
                self_closing: true,
                length: 3 + end + 3,
            });
        }
        let (closing, body) = match after.strip_prefix('/') {
            Some(body) => (true, body),
            None => (false, after),
        };
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '!'))
            .unwrap_or(body.len());
        if name_len == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic() || c == '!') {
            return None;
        }
        let name = &body[..name_len];
        let body_at = at + usize::from(closing);
        // Find the closing `>`, skipping quoted attribute values.
        let bytes = body.as_bytes();
        let mut state = UNQUOTED;
        let mut passed = Vec::new();
        let mut i = name_len;
        let end = loop {
            let Some(&b) = bytes.get(i) else {
                break None;
            };
            match (state, b) {
                (UNQUOTED, b'>') => break Some(i),
                (UNQUOTED, b'<') => break None,
                (UNQUOTED, b'"' | b'\'') | (IN_DOUBLE, b'"') | (IN_SINGLE, b'\'') => {
                    let mark = (body_at + i, 1u8 << state);
                    if self
                        .dead_ends
                        .get(mark.0)
                        .is_some_and(|bits| bits & mark.1 != 0)
                    {
                        break None;
                    }
                    passed.push(mark);
                    state = match (state, b) {
                        (UNQUOTED, b'"') => IN_DOUBLE,
                        (UNQUOTED, _) => IN_SINGLE,
                        _ => UNQUOTED,
                    };
                }
                _ => {}
            }
            i += 1;
        };
        let Some(end) = end else {
            if !passed.is_empty() && self.dead_ends.is_empty() {
                self.dead_ends = vec![0; text.len()];
            }
            for (at, bit) in passed {
                if let Some(bits) = self.dead_ends.get_mut(at) {
                    *bits |= bit;
                }
            }
            return None;
        };
        Some(Tag {
            name,
            closing,
            self_closing: body[..end].ends_with('/'),
            length: usize::from(closing) + end + 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_and_blocks_break_lines() {
        let html = "<p>Wij zoeken een <strong>orderpicker</strong>.</p><ul><li>32 uur</li><li>Dagdienst</li></ul>";
        assert_eq!(
            html_to_text(html),
            "Wij zoeken een orderpicker.\n\n• 32 uur\n• Dagdienst"
        );
    }

    #[test]
    fn scripts_styles_and_comments_are_dropped() {
        let html = "Hallo<script>alert('x')</script><style>p{}</style><!-- niets --> daar";
        assert_eq!(html_to_text(html), "Hallo daar");
    }

    #[test]
    fn entities_are_decoded_once() {
        assert_eq!(
            html_to_text("caissi&egrave;re &amp; &lt;b&gt;"),
            "caissière & <b>"
        );
        assert_eq!(
            decode_references("&amp;lt; &#233;&#xE9;&#XE9; &euro;5"),
            "&lt; ééé €5"
        );
        let kept = "&unknown; &#0; &#xD800; &#99999999; & ; &";
        assert_eq!(decode_references(kept), kept);
    }

    #[test]
    fn the_named_table_is_sorted_and_escaping_round_trips() {
        assert!(
            NAMED.windows(2).all(|pair| pair[0].0 < pair[1].0),
            "sorted by name"
        );
        let text = "3 < 4 & 5 > 2 <script>";
        assert_eq!(decode_references(&escape_text(text)), text);
    }

    #[test]
    fn stray_angle_brackets_stay() {
        assert_eq!(html_to_text("3 < 4 and 5 > 2"), "3 < 4 and 5 > 2");
        assert_eq!(html_to_text("<p"), "<p");
        assert_eq!(html_to_text("a <b title=\"x>y\">vet</b>"), "a vet");
    }

    #[test]
    fn white_space_and_controls_are_tidied() {
        assert_eq!(tidy("  a \t b\n\n\n\nc\u{0007}\u{202E}d  "), "a b\n\ncd");
    }

    #[test]
    fn unclosed_comments_and_quotes_keep_the_text() {
        assert_eq!(html_to_text("a <!-- b <!-- c"), "a <!-- b <!-- c");
        assert_eq!(html_to_text("a <!-- b --> c <!-- d"), "a c <!-- d");
        assert_eq!(html_to_text("<a \"x <b> y"), "<a \"x y");
        assert_eq!(html_to_text("<a \"x\" <b \"y\">z"), "<a \"x\" z");
        assert_eq!(html_to_text("<a '<b \"'>x</a> <i \">y"), "x <i \">y");
    }

    #[test]
    fn unclosed_script_hides_the_rest() {
        assert_eq!(html_to_text("tekst<script>var x = 1;"), "tekst");
    }
}
