//! What a feed format is to the reader. A [`Format`] tells from the start of a text whether
//! the text is of its kind, and opens it: checks the file as a whole and gives a [`Plan`]
//! that reads its records a number at a time, handing each to [`Records`]. Each format is
//! one file beside this one (`jsonld.rs`, `html.rs`, `csv.rs`); the reader tries them in the
//! order of its list (`reader.rs`), the first that recognises the text reads it.

use super::error::FeedError;
use super::record::Records;
use super::report::FeedFormat;

/// A feed's text as the reader hands it to a format.
pub(crate) struct Text<'t> {
    /// The whole text.
    pub text: &'t str,
    /// Where the text starts after a byte order mark (0 without one).
    pub after_bom: usize,
    /// Where its content starts: after the mark and leading white space. The content is
    /// never empty.
    pub content: usize,
}

impl<'t> Text<'t> {
    /// The text from its first character that is not white space.
    pub fn content(&self) -> &'t str {
        &self.text[self.content..]
    }
}

/// One kind of feed file.
pub(crate) trait Format {
    /// What the report calls a file of this kind.
    fn kind(&self) -> FeedFormat;

    /// Whether a text whose content starts with `content` is of this kind. Only the start is
    /// looked at: whether the file is good is for [`Format::open`] to say.
    fn sniff(&self, content: &str) -> bool;

    /// Checks the file as a whole and finds out how to read its records. Every error about
    /// the file as a whole comes from here, except one that only a step can find (a CSV row
    /// that breaks the CSV syntax).
    fn open(&self, text: &Text<'_>) -> Result<Box<dyn Plan>, FeedError>;
}

/// An opened feed, read a number of records at a time. The result is the same however the
/// steps are cut.
pub(crate) trait Plan: Send {
    /// Reads up to `count` records of `text` (the text the plan was opened on); `true` when
    /// the feed has been read to its end.
    fn step(
        &mut self,
        text: &str,
        records: &mut Records<'_, '_>,
        count: usize,
    ) -> Result<bool, FeedError>;

    /// How much has been read, of how much (records, or bytes of `text`); never more than
    /// the total, and never less than an earlier step's.
    fn progress(&self, text: &str) -> (usize, usize);

    /// Nodes of the file that are no vacancy and no mistake either (an `@graph`'s
    /// Organization or WebPage).
    fn other_nodes(&self) -> usize {
        0
    }
}
