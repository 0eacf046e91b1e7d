//! Shared by the vacancy targets: a feed read a few records at a time, as the app does.

use werkmap::core::vacancy::{FeedError, FeedImport, FeedReader, Linker};

/// Reads `data` `step` records at a time; asserts that progress only goes up and stays
/// within 0..=1.
pub fn read_in_steps(
    data: &[u8],
    linker: &Linker<'_>,
    step: usize,
) -> Result<FeedImport, FeedError> {
    let mut reader = FeedReader::new(data)?;
    let mut last = reader.progress();
    while !reader.step(linker, step)? {
        let now = reader.progress();
        assert!(now >= last && now <= 1.0, "{last} -> {now}");
        last = now;
    }
    Ok(reader.finish())
}
