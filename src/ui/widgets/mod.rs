//! Small views shared by several screens: the ladder pictures (`ladder`), the scrollable data
//! table (`table`) and paging through long lists (`paging`). They render what they are given
//! and hold no rule.

pub mod ladder;
pub mod paging;
pub mod table;
