//! What the work is: the words of an occupation's description and of its "wat doe je in dit
//! werk" sentences, so that "iets met paarden" finds the groom and "voor baby's zorgen" the
//! maternity care assistant.
//!
//! Each text is split into words; small function words ([`normalize::is_filler`]) are left
//! out; every other word is reduced to its stem with the Snowball stemmer of the text's
//! language (Dutch or English, from `rust-stemmers`): "paarden" → "paard", "verzorging" →
//! "verzorg", "horses" → "hors". A query word is stemmed both ways (a query has no language),
//! and matched against the stems with the same kinds of match the names have
//! ([`super::vocab`]): exact, prefix (the word being typed), compound and, only when nothing
//! matches exactly, typos. Each stem remembers the word as it was written in each document,
//! so a hit can say which words of its description matched ("paarden, verzorgt").
//!
//! How much a description match counts against a name match, how rare words weigh more than
//! common ones and how common occupations come first is decided in [`super::index`].

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use super::normalize::{self, VariantKind};
use super::vocab::{IdMap, Lists, Scratch, Vocab};
use super::SearchDocument;
use crate::core::text::Language;

/// A stem of this many bytes or more also matches as the start of a longer stem (the word
/// being typed, or the first part of a compound: "paard" → "paardenhouderij"). Shorter ones
/// start too many words ("ver…") to be worth the time on every keystroke.
const MIN_PREFIX: usize = 4;
/// Typos are only tried for query words whose stem has this many bytes or more (a short word
/// is within one edit of too many unrelated words), and only for whole words.
const MIN_FUZZY: usize = 5;
/// The particles of Dutch separable verbs ("*rond*brengen" → "je brengt … rond"), a closed
/// class of words.
const SEPARABLE_PARTICLES: &[&str] = &[
    "aan", "af", "bij", "door", "in", "klaar", "mee", "na", "neer", "om", "op", "over", "rond",
    "samen", "schoon", "terug", "toe", "uit", "vast", "voor", "weg",
];
/// Quality of the verb of a separable verb found on its own.
const SEPARABLE_WEIGHT: f32 = 0.85;
/// Quality of a known stem that a query word starts with, at most [`MAX_ENDING`] letters
/// shorter ("pakketjes" → "pakket").
const LONGER_FORM_WEIGHT: f32 = 0.85;
const MAX_ENDING: usize = 4;
/// Quality factor of a stem found through a plural variant of the query word ("autos" →
/// "auto").
const VARIANT_WEIGHT: f32 = 0.95;
/// How many words of one document's texts are read (a hostile document cannot make the
/// index build take long).
const MAX_WORDS_PER_DOCUMENT: usize = 2_000;

/// The stem of a normalised word in `language`.
pub fn stem(language: Language, word: &str) -> String {
    let algorithm = match language {
        Language::Nl => Algorithm::Dutch,
        Language::En => Algorithm::English,
    };
    Stemmer::create(algorithm).stem(word).into_owned()
}

/// The words of a text: each normalised token with the word as it was written (lowercase,
/// punctuation around it removed), in order.
pub fn words(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for chunk in text.split_whitespace() {
        let written: String = chunk
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if written.is_empty() {
            continue;
        }
        for token in normalize::tokens(&written) {
            out.push((token, written.clone()));
        }
    }
    out
}

/// One document's match of one query word: how good, and the word as written there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Credit {
    pub doc: u32,
    pub quality: f32,
    pub form: u32,
}

/// The stems of every document's texts about the work, with where they occur.
#[derive(Debug, Clone, Default)]
pub(super) struct AboutIndex {
    stems: Vocab,
    /// Stem id → (document, written form id), one entry per document.
    postings: Lists<(u32, u32)>,
    /// The words as written.
    forms: Vec<Box<str>>,
}

impl AboutIndex {
    pub(super) fn new(docs: &[SearchDocument]) -> Self {
        let nl = Stemmer::create(Algorithm::Dutch);
        let en = Stemmer::create(Algorithm::English);
        // Every distinct word is stemmed once, and stems and written forms get numbers as
        // they are first seen (the ESCO descriptions have about 135,000 words, 15,000
        // distinct).
        let mut stem_of: HashMap<(Language, String), u32> = HashMap::new();
        let mut stem_ids: HashMap<Box<str>, u32> = HashMap::new();
        let mut stem_list: Vec<Box<str>> = Vec::new();
        let mut form_ids: HashMap<Box<str>, u32> = HashMap::new();
        let mut forms: Vec<Box<str>> = Vec::new();
        // (stem number, document, form number), the first occurrence per document and stem.
        let mut entries: Vec<(u32, u32, u32)> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let first = entries.len();
            let mut read = 0usize;
            for about in &doc.about {
                let stemmer = match about.language {
                    Language::Nl => &nl,
                    Language::En => &en,
                };
                for (token, written) in words(&about.text) {
                    read += 1;
                    if read > MAX_WORDS_PER_DOCUMENT {
                        break;
                    }
                    if token.len() < 2 || normalize::is_filler(&token) {
                        continue;
                    }
                    let stem =
                        *stem_of
                            .entry((about.language, token))
                            .or_insert_with_key(|(_, token)| {
                                let stem: Box<str> = stemmer.stem(token).into();
                                *stem_ids.entry(stem.clone()).or_insert_with(|| {
                                    stem_list.push(stem);
                                    stem_list.len() as u32 - 1
                                })
                            });
                    if entries[first..].iter().any(|e| e.0 == stem) {
                        continue;
                    }
                    let form = match form_ids.get(written.as_str()) {
                        Some(&id) => id,
                        None => {
                            let written: Box<str> = written.into();
                            forms.push(written.clone());
                            form_ids.insert(written, forms.len() as u32 - 1);
                            forms.len() as u32 - 1
                        }
                    };
                    entries.push((stem, d as u32, form));
                }
            }
        }
        let stems = Vocab::new(stem_list.clone());
        let final_id: Vec<u32> = stem_list
            .iter()
            .map(|s| stems.id(s).unwrap_or(u32::MAX))
            .collect();
        let mut pairs: Vec<(u32, (u32, u32))> = entries
            .iter()
            .filter_map(|&(stem, doc, form)| {
                let id = *final_id.get(stem as usize)?;
                (id != u32::MAX).then_some((id, (doc, form)))
            })
            .collect();
        pairs.sort_unstable();
        let postings = Lists::from_sorted(&pairs, stems.len());
        Self {
            stems,
            postings,
            forms,
        }
    }

    /// How many distinct stems the index knows.
    pub(super) fn len(&self) -> usize {
        self.stems.len()
    }

    pub(super) fn scratch(&self) -> Scratch {
        Scratch::new(self.stems.len())
    }

    pub(super) fn form(&self, id: u32) -> &str {
        self.forms.get(id as usize).map_or("", |f| &**f)
    }

    /// Every document whose texts match the normalised query word `token`, each once with
    /// its best quality (0..=1).
    pub(super) fn matches(&self, token: &str, scratch: &mut Scratch) -> Vec<Credit> {
        if token.len() < 2 || self.stems.len() == 0 {
            return Vec::new();
        }
        let mut found: IdMap<f32> = IdMap::default();
        let mut add = |id: u32, quality: f32| {
            let q = found.entry(id).or_insert(0.0);
            if quality > *q {
                *q = quality;
            }
        };
        let primary = [stem(Language::Nl, token), stem(Language::En, token)];
        // The plural variants, as spelled and stemmed: Snowball leaves the verb forms of a
        // "you" sentence alone ("leert", "verft"), and Dutch spelling doubles a vowel or
        // changes a consonant between the infinitive and them ("leren" → "leer", "verven" →
        // "verf"), which the variants undo.
        let mut variants: Vec<String> = Vec::new();
        for v in normalize::variants(token) {
            if v.kind != VariantKind::Plural {
                continue;
            }
            let stemmed = stem(Language::Nl, &v.text);
            for s in [v.text, stemmed] {
                if !primary.contains(&s) && !variants.contains(&s) {
                    variants.push(s);
                }
            }
        }
        // Only the Dutch stem is also looked for inside compounds ("verzorging" in
        // "kinderverzorging"); the other forms as words and word starts, which is cheap.
        let mut exact = self.match_stem(&primary[0], 1.0, true, scratch, &mut add);
        if primary[1] != primary[0] {
            exact |= self.match_stem(&primary[1], 1.0, false, scratch, &mut add);
        }
        for s in &variants {
            exact |= self.match_stem(s, VARIANT_WEIGHT, false, scratch, &mut add);
        }
        // A separable verb as a job seeker types it, in the infinitive ("rondbrengen",
        // "aanleggen"), is split in a "you" sentence ("je brengt folders rond"): its verb
        // also counts.
        let infinitive = token.ends_with("en");
        if let Some(verb) = SEPARABLE_PARTICLES
            .iter()
            .filter(|_| infinitive)
            .find_map(|p| token.strip_prefix(p).filter(|rest| rest.len() >= 4))
        {
            let mut forms = vec![stem(Language::Nl, verb)];
            for v in normalize::variants(verb) {
                if v.kind == VariantKind::Plural && !forms.contains(&v.text) {
                    forms.push(v.text);
                }
            }
            // The verb's stem is short ("leg" of "leggen"), but it is a known verb, so it
            // may start a word from three letters on ("legt").
            for form in forms.iter().filter(|f| f.len() >= 3) {
                self.stems
                    .match_plain(form, SEPARABLE_WEIGHT, false, scratch, &mut add);
            }
        }
        if !exact {
            // A longer form of a known word ("pakketjes" → "pakket", "klusjes" → "klus"):
            // the longest known stem the word starts with, leaving at most a few letters.
            if token.is_ascii() {
                let shortest = MIN_PREFIX.max(token.len().saturating_sub(MAX_ENDING)) + 1;
                for len in (shortest..token.len()).rev() {
                    // ASCII: every byte index is a character boundary.
                    if let Some(id) = self.stems.id(&token[..len]) {
                        add(id, LONGER_FORM_WEIGHT);
                        break;
                    }
                }
            }
            if primary[0].len() >= MIN_FUZZY {
                self.stems.match_fuzzy(&primary[0], true, scratch, &mut add);
            }
        }

        let mut best: IdMap<(f32, u32)> = IdMap::default();
        for (id, quality) in found {
            for &(doc, form) in self.postings.get(id as usize) {
                let entry = best.entry(doc).or_insert((0.0, form));
                if quality > entry.0 {
                    *entry = (quality, form);
                }
            }
        }
        best.into_iter()
            .map(|(doc, (quality, form))| Credit { doc, quality, form })
            .collect()
    }

    /// Exact and prefix matches of one stem (with `compound`, of five letters or more, also
    /// inside a compound); whether it is itself a stem.
    fn match_stem(
        &self,
        stem: &str,
        weight: f32,
        compound: bool,
        scratch: &mut Scratch,
        add: &mut impl FnMut(u32, f32),
    ) -> bool {
        if stem.len() < MIN_PREFIX {
            return match self.stems.id(stem) {
                Some(id) => {
                    add(id, weight);
                    true
                }
                None => false,
            };
        }
        self.stems
            .match_plain(stem, weight, compound && stem.len() >= 5, scratch, add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::search::AboutText;

    fn doc(key: &str, nl: &str, en: &str) -> SearchDocument {
        SearchDocument {
            key: key.into(),
            label: key.into(),
            terms: Vec::new(),
            about: vec![
                AboutText {
                    language: Language::Nl,
                    text: nl.into(),
                },
                AboutText {
                    language: Language::En,
                    text: en.into(),
                },
            ],
            prior: 0.0,
        }
    }

    fn docs_matching(index: &AboutIndex, token: &str) -> Vec<(u32, String)> {
        let mut scratch = index.scratch();
        let mut out: Vec<(u32, String)> = index
            .matches(token, &mut scratch)
            .into_iter()
            .map(|c| (c.doc, index.form(c.form).to_owned()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn stems_join_the_forms_of_a_word() {
        assert_eq!(stem(Language::Nl, "paarden"), stem(Language::Nl, "paard"));
        assert_eq!(
            stem(Language::Nl, "verzorgen"),
            stem(Language::Nl, "verzorging")
        );
        assert_eq!(stem(Language::En, "horses"), stem(Language::En, "horse"));
        assert_eq!(stem(Language::En, "babies"), stem(Language::En, "baby"));
    }

    #[test]
    fn words_keep_how_they_were_written() {
        assert_eq!(
            words("Je verzorgt baby's, (en) chef-kok."),
            vec![
                ("je".to_owned(), "je".to_owned()),
                ("verzorgt".to_owned(), "verzorgt".to_owned()),
                ("babys".to_owned(), "baby's".to_owned()),
                ("en".to_owned(), "en".to_owned()),
                ("chef".to_owned(), "chef-kok".to_owned()),
                ("kok".to_owned(), "chef-kok".to_owned()),
            ]
        );
    }

    #[test]
    fn finds_documents_by_any_form_in_either_language() {
        let index = AboutIndex::new(&[
            doc("groom", "Je verzorgt paarden.", "You groom horses."),
            doc("baker", "Je bakt brood.", "You bake bread."),
        ]);
        assert_eq!(
            docs_matching(&index, "paard"),
            vec![(0, "paarden".to_owned())]
        );
        assert_eq!(
            docs_matching(&index, "horse"),
            vec![(0, "horses".to_owned())]
        );
        assert_eq!(
            docs_matching(&index, "verzorging"),
            vec![(0, "verzorgt".to_owned())]
        );
        // The word being typed (from four letters on: three letters start too many words),
        // and a typo.
        assert_eq!(
            docs_matching(&index, "paar"),
            vec![(0, "paarden".to_owned())]
        );
        assert!(docs_matching(&index, "paa").is_empty());
        assert_eq!(
            docs_matching(&index, "paardn"),
            vec![(0, "paarden".to_owned())]
        );
        let index = AboutIndex::new(&[doc(
            "swim",
            "Je leert kinderen zwemmen voor hun zwemdiploma.",
            "You teach children to swim.",
        )]);
        assert_eq!(
            docs_matching(&index, "leren"),
            vec![(0, "leert".to_owned())]
        );
        let index = AboutIndex::new(&[doc("post", "Je brengt pakketten rond.", "")]);
        assert_eq!(
            docs_matching(&index, "rondbrengen"),
            vec![(0, "brengt".to_owned())]
        );
        assert_eq!(
            docs_matching(&index, "pakketjes"),
            vec![(0, "pakketten".to_owned())]
        );
        // Function words are not indexed.
        assert!(docs_matching(&index, "je").is_empty());
        assert!(docs_matching(&index, "you").is_empty());
        assert!(docs_matching(&index, "x").is_empty());
    }
}
