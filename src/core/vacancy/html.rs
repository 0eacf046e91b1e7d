//! Plain text out of the HTML that job sites put in a vacancy's `description`.
//!
//! The result is only ever shown as text, so this is about readability, not safety: tags go,
//! block ends become line breaks, list items get a bullet, the content of `script`, `style`
//! and similar elements is dropped, character references are decoded (`html-escape`), and
//! runs of white space collapse. Control characters are removed. Works on any input and
//! never panics: a `<` that starts no tag stays as text.

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
    let decoded = html_escape::decode_html_entities(&raw);
    tidy(&decoded)
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
