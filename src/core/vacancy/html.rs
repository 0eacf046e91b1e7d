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
pub fn html_to_text(input: &str) -> String {
    let mut raw = String::with_capacity(input.len());
    let mut rest = input;
    let mut skipping: Option<&'static str> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            raw.push_str(&rest[..lt]);
        }
        let after = &rest[lt + 1..];
        match parse_tag(after) {
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
                rest = &after[tag.length..];
            }
            None => {
                if skipping.is_none() {
                    raw.push('<');
                }
                rest = after;
            }
        }
    }
    if skipping.is_none() {
        raw.push_str(rest);
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
pub fn decode_references(text: &str) -> String {
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
pub fn escape_text(text: &str) -> String {
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

/// Collapses white space: spaces and tabs to one space, at most one blank line, no control
/// characters, no spaces at line ends.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut newlines = 0usize;
    let mut space = false;
    for c in text.chars() {
        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            newlines += 1;
            space = false;
        } else if c.is_whitespace() {
            space = true;
        } else if c.is_control() || is_invisible_format(c) {
            continue;
        } else {
            if !out.is_empty() {
                if newlines >= 2 {
                    out.push_str("\n\n");
                } else if newlines == 1 {
                    out.push('\n');
                } else if space {
                    out.push(' ');
                }
            }
            newlines = 0;
            space = false;
            out.push(c);
        }
    }
    out
}

/// Bidirectional overrides and zero-width characters that can disguise text.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
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

/// Reads a tag after its `<`: `p>`, `/p>`, `br/>`, `a href="x>y">`, `!-- comment -->`.
fn parse_tag(after: &str) -> Option<Tag<'_>> {
    if let Some(comment) = after.strip_prefix("!--") {
        let end = comment.find("-->")?;
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
    // Find the closing `>`, skipping quoted attribute values.
    let mut quote: Option<char> = None;
    for (i, c) in body[name_len..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                let end = name_len + i;
                let self_closing = body[..end].ends_with('/');
                return Some(Tag {
                    name,
                    closing,
                    self_closing,
                    length: usize::from(closing) + end + 1,
                });
            }
            (None, '<') => return None,
            _ => {}
        }
    }
    None
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
    fn unclosed_script_hides_the_rest() {
        assert_eq!(html_to_text("tekst<script>var x = 1;"), "tekst");
    }
}
