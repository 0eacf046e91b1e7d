//! Text normalisation for occupation search, and the Dutch word variants that help job
//! seekers find an occupation the way they would say it.
//!
//! [`normalize`] turns any text into lowercase ASCII-like tokens separated by single spaces:
//! canonical decomposition (NFD) splits "è" into "e" plus a combining accent, the accent is
//! dropped, and a few letters without a decomposition are spelled out ("ß" → "ss", "æ" → "ae",
//! "ø" → "o", the Dutch "ĳ" → "ij", ligatures and full-width letters as their letters). Punctuation, hyphens and
//! slashes become spaces ("chef-kok" → "chef kok", "ober/serveerster" → "ober serveerster");
//! apostrophes disappear ("auto's" → "autos"). So "Caissière" and "caissiere" are the same
//! token.
//!
//! [`variants`] produces other spellings of one token from a small table of Dutch endings
//! ([`ENDING_RULES`]): feminine forms map to the masculine or neutral form that ESCO and the
//! catalogue use as the name ("kapster" → "kapper", "schoonmaakster" → "schoonmaker",
//! "caissière" → "caissier", "kokkin" → "kok"), plurals to singulars ("chauffeurs" →
//! "chauffeur", "pakketten" → "pakket") and, as a last resort, an agent noun to its verb stem
//! ("afwasser" → "afwas", which is how "afwashulp" starts). Dutch spelling changes the stem
//! when a syllable opens or closes ("kap|ster" → "kapp|er", "schoonmaak|ster" →
//! "schoonmak|er", "strat|en" → "straat"); [`respell_stem`] applies those rules, so the table
//! stays small and free of one-off words. A variant that is not a real word does no harm: the
//! index only uses variants that occur in it.
//!
//! [`compound_variants`] does the same inside a compound: the first part of a Dutch compound
//! is often a plural or carries a linking "s" ("stratenmaker" next to "straatmaker").

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The few compatibility characters people type in Dutch text, spelled out. Canonical
/// decomposition (NFD) already splits every accented letter; the full compatibility tables
/// (NFKD) would add about 60 KB to the web app for characters nobody types in a job search.
fn compatibility_fold(c: char) -> Option<&'static str> {
    const FULLWIDTH: [&str; 26] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
        "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    Some(match c {
        // The Dutch ij as one letter.
        'Ĳ' | 'ĳ' => "ij",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        '¹' => "1",
        '²' => "2",
        '³' => "3",
        'ª' => "a",
        'º' => "o",
        '\u{ff10}'..='\u{ff19}' => DIGITS[(c as u32 - 0xff10) as usize],
        '\u{ff21}'..='\u{ff3a}' => FULLWIDTH[(c as u32 - 0xff21) as usize],
        '\u{ff41}'..='\u{ff5a}' => FULLWIDTH[(c as u32 - 0xff41) as usize],
        _ => return None,
    })
}

/// Lowercases, strips diacritics and folds everything that is not a letter or digit into
/// single spaces. The result has no leading or trailing space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space_pending = false;
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if let Some(folded) = compatibility_fold(c) {
            if space_pending && !out.is_empty() {
                out.push(' ');
            }
            space_pending = false;
            out.push_str(folded);
            continue;
        }
        for lower in c.to_lowercase() {
            if is_combining_mark(lower) {
                continue;
            }
            let folded: &str = match lower {
                // Apostrophes join: "auto's" is one word. Soft hyphens and zero-width
                // characters are invisible and join too ("rand\u{ad}ap\u{ad}pa\u{ad}ra\u{ad}tuur").
                '\''
                | '\u{2019}'
                | '\u{2018}'
                | '`'
                | '\u{b4}'
                | '\u{ad}'
                | '\u{200b}'..='\u{200d}'
                | '\u{2060}'
                | '\u{feff}' => continue,
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' | 'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                c if c.is_alphanumeric() => {
                    if space_pending && !out.is_empty() {
                        out.push(' ');
                    }
                    space_pending = false;
                    out.push(c);
                    continue;
                }
                _ => {
                    space_pending = true;
                    continue;
                }
            };
            if space_pending && !out.is_empty() {
                out.push(' ');
            }
            space_pending = false;
            out.push_str(folded);
        }
    }
    out
}

/// The normalised tokens of a text.
pub fn tokens(text: &str) -> Vec<String> {
    normalize(text)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Small Dutch words that say little about an occupation ("medewerker *in de* bediening").
/// A query ignores them unless it consists of nothing else; a label's coverage does not count
/// them.
const STOPWORDS: &[&str] = &[
    "aan", "als", "bij", "de", "den", "der", "die", "dat", "een", "en", "het", "in", "met", "naar",
    "of", "om", "op", "te", "ten", "ter", "tot", "uit", "van", "voor",
];

pub(crate) fn is_stopword(token: &str) -> bool {
    STOPWORDS.contains(&token)
}

/// Words that say how someone asks, not what the work is: "ik wil graag *iets met* paarden",
/// "*I would like to work with* animals", and the pronouns of the "what you do" sentences
/// ("*je* verzorgt paarden", "*you* groom horses"). Dutch and English, normalised. A query
/// ignores them (with the [`STOPWORDS`]) unless it has nothing else; texts about the work are
/// indexed without them.
const FILLERS: &[&str] = &[
    // Dutch.
    "ik",
    "je",
    "jij",
    "jou",
    "jouw",
    "u",
    "uw",
    "we",
    "wij",
    "ze",
    "zij",
    "hun",
    "hen",
    "mijn",
    "me",
    "mij",
    "zijn",
    "is",
    "ben",
    "bent",
    "wordt",
    "worden",
    "er",
    "dit",
    "deze",
    "wat",
    "iets",
    "dingen",
    "ding",
    "doen",
    "doe",
    "werk",
    "werken",
    "werkt",
    "baan",
    "beroep",
    "job",
    "wil",
    "wilt",
    "willen",
    "zou",
    "graag",
    "leuk",
    "lijkt",
    "vind",
    "houd",
    "hou",
    "kan",
    "kunt",
    "kunnen",
    "mag",
    "ook",
    "zo",
    "heel",
    "erg",
    "mee",
    "echt",
    "nog",
    "maar",
    "dan",
    "hoe",
    "soms",
    "vaak",
    "zoals",
    "ervoor",
    "hebt",
    "heb",
    "heeft",
    // English.
    "i",
    "my",
    "mine",
    "you",
    "your",
    "our",
    "they",
    "their",
    "them",
    "he",
    "she",
    "it",
    "its",
    "a",
    "an",
    "the",
    "and",
    "or",
    "to",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "into",
    "about",
    "am",
    "are",
    "be",
    "do",
    "doing",
    "does",
    "want",
    "would",
    "like",
    "love",
    "enjoy",
    "something",
    "some",
    "thing",
    "things",
    "work",
    "working",
    "works",
    "jobs",
    "can",
    "could",
    "also",
    "very",
    "so",
    "that",
    "this",
    "these",
    "those",
    "who",
    "often",
];

/// A stopword or a filler (see [`FILLERS`]).
pub(crate) fn is_filler(token: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().chain(FILLERS).copied().collect())
        .contains(token)
}

/// Why a variant differs from what was typed; the index trusts some kinds more than others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VariantKind {
    /// Feminine → masculine or neutral form ("kapster" → "kapper").
    Gender,
    /// Plural → singular ("chauffeurs" → "chauffeur").
    Plural,
    /// Agent noun → verb stem ("afwasser" → "afwas"); only used as a prefix, and only when
    /// nothing better is found.
    Stem,
    /// The first part of a compound in another form ("stratenmaker" → "straatmaker").
    Compound,
}

/// Another spelling of a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub text: String,
    pub kind: VariantKind,
}

/// One row of the ending table: a token that ends in `ending` may also be written with one
/// of `replacements` instead (after [`respell_stem`] adjusts the stem).
#[derive(Debug, Clone, Copy)]
pub struct EndingRule {
    pub ending: &'static str,
    pub replacements: &'static [&'static str],
    pub kind: VariantKind,
    /// An example, for the reader and the tests.
    pub example: &'static str,
}

/// The endings, longest first within a family. Tokens are normalised (no diacritics).
pub const ENDING_RULES: &[EndingRule] = &[
    EndingRule {
        ending: "rster",
        replacements: &["rder", "rer"],
        kind: VariantKind::Gender,
        example: "bestuurster → bestuurder, serveerster → serveerder",
    },
    EndingRule {
        ending: "ster",
        replacements: &["er"],
        kind: VariantKind::Gender,
        example: "kapster → kapper, schoonmaakster → schoonmaker, schrijfster → schrijver",
    },
    EndingRule {
        ending: "euse",
        replacements: &["eur"],
        kind: VariantKind::Gender,
        example: "chauffeuse → chauffeur",
    },
    EndingRule {
        ending: "trice",
        replacements: &["teur", "tor"],
        kind: VariantKind::Gender,
        example: "directrice → directeur, inspectrice → inspecteur",
    },
    EndingRule {
        ending: "iere",
        replacements: &["ier"],
        kind: VariantKind::Gender,
        example: "caissière → caissier",
    },
    EndingRule {
        ending: "ienne",
        replacements: &["ien"],
        kind: VariantKind::Gender,
        example: "mecanicienne → mecanicien",
    },
    EndingRule {
        ending: "ares",
        replacements: &["aar"],
        kind: VariantKind::Gender,
        example: "lerares → leraar",
    },
    EndingRule {
        ending: "esse",
        replacements: &["is", "es"],
        kind: VariantKind::Gender,
        example: "secretaresse → secretaris",
    },
    EndingRule {
        ending: "es",
        replacements: &[""],
        kind: VariantKind::Gender,
        example: "zangeres → zanger",
    },
    EndingRule {
        ending: "in",
        replacements: &[""],
        kind: VariantKind::Gender,
        example: "kokkin → kok, boerin → boer",
    },
    EndingRule {
        ending: "ica",
        replacements: &["icus"],
        kind: VariantKind::Gender,
        example: "technica → technicus",
    },
    EndingRule {
        ending: "vrouw",
        replacements: &["man"],
        kind: VariantKind::Gender,
        example: "vuilnisvrouw → vuilnisman",
    },
    EndingRule {
        ending: "e",
        replacements: &[""],
        kind: VariantKind::Gender,
        example: "assistente → assistent, logopediste → logopedist",
    },
    EndingRule {
        ending: "s",
        replacements: &[""],
        kind: VariantKind::Plural,
        example: "chauffeurs → chauffeur",
    },
    EndingRule {
        ending: "en",
        replacements: &[""],
        kind: VariantKind::Plural,
        example: "pakketten → pakket, straten → straat",
    },
    EndingRule {
        ending: "er",
        replacements: &[""],
        kind: VariantKind::Stem,
        example: "afwasser → afwas",
    },
];

/// The shortest stem a rule may leave, and the shortest variant worth looking up.
const MIN_STEM: usize = 2;
const MIN_VARIANT: usize = 3;

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn is_consonant(b: u8) -> bool {
    b.is_ascii_lowercase() && !is_vowel(b)
}

/// The spellings a stem can have when the syllable after it changes between closed (starts
/// with a consonant, or nothing) and open (starts with a vowel). Dutch keeps the sound of a
/// vowel by doubling letters:
///
/// - closed → open: a short vowel gets its consonant doubled (`kap` → `kapp`+er), a long
///   vowel written double loses a letter (`maak` → `mak`+er), and a final f/s voices to v/z
///   (`schrijf` → `schrijv`+er);
/// - open → closed: the reverse (`kokk` → `kok`, `strat` → `straat`, `bedrijv` → `bedrijf`).
///
/// The stem itself is always the first candidate.
pub(crate) fn respell_stem(stem: &str, was_open: bool, becomes_open: bool) -> Vec<String> {
    let mut out = vec![stem.to_owned()];
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 || !stem.is_ascii() || was_open == becomes_open {
        return out;
    }
    let last = b[n - 1];
    let before = b[n - 2];
    let before2 = if n >= 3 { Some(b[n - 3]) } else { None };
    // `stem` is ASCII here, so slicing at any byte is on a character boundary.
    let head = &stem[..n - 1];
    if becomes_open {
        // kap → kapp: single short vowel + single consonant.
        if is_consonant(last)
            && !matches!(last, b'w' | b'j' | b'h' | b'x')
            && is_vowel(before)
            && before2.is_some_and(|c| !is_vowel(c))
        {
            out.push(format!("{stem}{}", last as char));
        }
        // maak → mak: double vowel + single consonant.
        if is_consonant(last)
            && n >= 3
            && before == b[n - 3]
            && matches!(before, b'a' | b'o' | b'u' | b'e')
        {
            out.push(format!("{}{}", &stem[..n - 2], last as char));
        }
        match last {
            b'f' => out.push(format!("{head}v")),
            b's' => out.push(format!("{head}z")),
            _ => {}
        }
    } else {
        // kokk → kok
        if is_consonant(last) && last == before {
            out.push(head.to_owned());
        }
        // strat → straat: consonant + single vowel + consonant.
        if is_consonant(last)
            && matches!(before, b'a' | b'o' | b'u' | b'e')
            && before2.is_some_and(is_consonant)
        {
            out.push(format!(
                "{}{}{}",
                &stem[..n - 1],
                before as char,
                last as char
            ));
        }
        match last {
            b'v' => out.push(format!("{head}f")),
            b'z' => out.push(format!("{head}s")),
            _ => {}
        }
    }
    out
}

fn starts_with_vowel(s: &str) -> bool {
    s.bytes().next().is_some_and(is_vowel)
}

fn apply_rules(token: &str, out: &mut Vec<Variant>, kinds: &[VariantKind]) {
    for rule in ENDING_RULES.iter().filter(|r| kinds.contains(&r.kind)) {
        let Some(stem) = token.strip_suffix(rule.ending) else {
            continue;
        };
        if stem.len() < MIN_STEM {
            continue;
        }
        for replacement in rule.replacements {
            let was_open = starts_with_vowel(rule.ending);
            let becomes_open = starts_with_vowel(replacement);
            for spelled in respell_stem(stem, was_open, becomes_open) {
                let text = format!("{spelled}{replacement}");
                if text.len() >= MIN_VARIANT && text != token && !out.iter().any(|v| v.text == text)
                {
                    out.push(Variant {
                        text,
                        kind: rule.kind,
                    });
                }
            }
        }
    }
}

/// The gender, plural and stem variants of one normalised token (not the token itself).
/// Plurals of feminine forms are followed one step further ("kapsters" → "kapster" →
/// "kapper").
pub fn variants(token: &str) -> Vec<Variant> {
    let mut out = Vec::new();
    apply_rules(
        token,
        &mut out,
        &[VariantKind::Gender, VariantKind::Plural, VariantKind::Stem],
    );
    let plurals: Vec<String> = out
        .iter()
        .filter(|v| v.kind == VariantKind::Plural)
        .map(|v| v.text.clone())
        .collect();
    for plural in plurals {
        let mut more = Vec::new();
        apply_rules(&plural, &mut more, &[VariantKind::Gender]);
        for variant in more {
            if variant.text != token && !out.iter().any(|v| v.text == variant.text) {
                out.push(variant);
            }
        }
    }
    out
}

/// Variants of a compound token whose first part is a plural or carries a linking "s":
/// "stratenmaker" → "straatmaker", "pakkettenbezorger" → "pakketbezorger",
/// "verkoopsmedewerker" → "verkoopmedewerker". Each split leaves at least three letters on
/// either side. The caller keeps only the variants that are real words in its index.
pub(crate) fn compound_variants(token: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !token.is_ascii() {
        return out;
    }
    let n = token.len();
    for split in 3..n.saturating_sub(3) {
        // ASCII: every byte index is a character boundary.
        let (first, rest) = token.split_at(split);
        let mut push = |candidate: String| {
            if candidate != token && !out.contains(&candidate) {
                out.push(candidate);
            }
        };
        if let Some(stem) = first.strip_suffix("en") {
            if stem.len() >= MIN_STEM {
                for spelled in respell_stem(stem, true, false) {
                    push(format!("{spelled}{rest}"));
                }
            }
        }
        if let Some(stem) = first.strip_suffix('s') {
            if stem.len() >= 3 {
                push(format!("{stem}{rest}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
