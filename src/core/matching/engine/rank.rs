//! Ranking the pool: the best vacancies that meet every wish in one pass with a partial
//! top-k ([`Scorer::rank`]), "net niet" ([`Scorer::near_misses`]) and the count of good
//! vacancies, with the orders and filters of the list.

use std::collections::BTreeSet;

use crate::core::vacancy::{ContractKind, EmployerSupport};
use crate::core::vocab::Sector;

use super::{fail, Evaluation, Features, Scorer, VacancyPool};

/// How to order the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Score,
    Distance,
    /// The closing date that comes first.
    Closing,
    Newest,
}

/// Narrowing the list (not wishes: a filter is no reason why a vacancy does not fit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only these kinds of work; empty: all.
    pub contracts: BTreeSet<ContractKind>,
    /// Only these sectors; empty: all.
    pub sectors: BTreeSet<Sector>,
    /// Only vacancies offering one of these; empty: all.
    pub support: BTreeSet<EmployerSupport>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RankQuery {
    pub top: usize,
    pub sort: SortBy,
    pub filter: Filter,
    /// Learn-and-work and internships before other work (the youth route).
    pub learning_first: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub index: usize,
    pub score: u8,
    pub distance_km: Option<f32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub top: Vec<Ranked>,
    pub total: usize,
    /// Vacancies that meet every wish.
    pub eligible: usize,
    /// Of those, the ones the filter lets through.
    pub filtered: usize,
    /// Eligible vacancies that score at least the good score.
    pub good: usize,
}

impl Scorer<'_> {
    fn passes(filter: &Filter, f: &Features) -> bool {
        let contract_ok =
            filter.contracts.is_empty() || filter.contracts.iter().any(|c| *c as u8 == f.contract);
        let sector_ok =
            filter.sectors.is_empty() || filter.sectors.iter().any(|s| *s as u8 == f.sector);
        let support_ok =
            filter.support.is_empty() || filter.support.iter().any(|s| f.has_support(*s));
        contract_ok && sector_ok && support_ok
    }

    /// The best `query.top` vacancies that meet every wish, in the chosen order.
    pub fn rank(&self, pool: &VacancyPool, query: &RankQuery) -> Ranking {
        let top = query.top.min(pool.len());
        // Sorted best first; `key` is compared as a whole (larger is better).
        let mut best: Vec<(u128, u32)> = Vec::with_capacity(top + 1);
        let (mut eligible, mut filtered, mut good) = (0usize, 0usize, 0usize);
        let no_filter = query.filter == Filter::default();
        for (index, f) in pool.features.iter().enumerate() {
            let e = self.evaluate(f);
            if e.fails != 0 {
                continue;
            }
            eligible += 1;
            if e.is_good(self.rules) {
                good += 1;
            }
            if !no_filter && !Self::passes(&query.filter, f) {
                continue;
            }
            filtered += 1;
            if top == 0 {
                continue;
            }
            let key = sort_key(query, f, &e, index);
            if best.len() == top && best.last().is_some_and(|(k, _)| *k >= key) {
                continue;
            }
            let at = best.partition_point(|(k, _)| *k > key);
            best.insert(at, (key, index as u32));
            best.truncate(top);
        }
        let top = best
            .into_iter()
            .filter_map(|(_, index)| {
                let index = index as usize;
                let e = self.evaluate(pool.features.get(index)?);
                Some(Ranked {
                    index,
                    score: e.score,
                    distance_km: e.distance_km,
                })
            })
            .collect();
        Ranking {
            top,
            total: pool.len(),
            eligible,
            filtered,
            good,
        }
    }

    /// "Net niet": vacancies that miss one or more wishes, fewest misses first, then the
    /// best score. For the "waarom niet" list.
    pub fn near_misses(&self, pool: &VacancyPool, limit: usize) -> Vec<(Ranked, u16)> {
        // "Net niet" is one wish missed, and by little: a job 172 km away is not nearly
        // within 20 km. Beyond the travel distance, only up to half of it again (at least
        // 10 km) counts, and nearer comes first.
        let slack_km = (self.max_km * 0.5).max(10.0);
        let mut best: Vec<(u64, u32)> = Vec::with_capacity(limit + 1);
        for (index, f) in pool.features.iter().enumerate() {
            let e = self.evaluate(f);
            if e.fails == 0 || e.fails & fail::CLOSED != 0 || e.fails.count_ones() > 1 || limit == 0
            {
                continue;
            }
            let over_km = if e.fails & fail::DISTANCE != 0 {
                match e.distance_km {
                    Some(km) if km - self.max_km <= slack_km => km - self.max_km,
                    _ => continue,
                }
            } else {
                0.0
            };
            // Nearest miss first (0.1 km steps), then the best score.
            let nearer = u64::from(u16::MAX - (over_km.max(0.0) * 10.0).min(65_000.0) as u16);
            let key =
                (nearer << 40) | (u64::from(e.score) << 32) | u64::from(u32::MAX - index as u32);
            if best.len() == limit && best.last().is_some_and(|(k, _)| *k >= key) {
                continue;
            }
            let at = best.partition_point(|(k, _)| *k > key);
            best.insert(at, (key, index as u32));
            best.truncate(limit);
        }
        best.into_iter()
            .filter_map(|(_, index)| {
                let index = index as usize;
                let e = self.evaluate(pool.features.get(index)?);
                Some((
                    Ranked {
                        index,
                        score: e.score,
                        distance_km: e.distance_km,
                    },
                    e.fails,
                ))
            })
            .collect()
    }

    /// How many vacancies meet every wish and score at least the good score.
    pub fn count_good(&self, pool: &VacancyPool) -> usize {
        pool.features
            .iter()
            .filter(|f| self.evaluate(f).is_good(self.rules))
            .count()
    }
}

/// Larger is better. The index is the last tie-breaker (earlier first), so the order is
/// stable and the same on every machine.
fn sort_key(query: &RankQuery, f: &Features, e: &Evaluation, index: usize) -> u128 {
    let learning = u128::from(
        query.learning_first
            && (f.contract == ContractKind::Bbl as u8
                || f.contract == ContractKind::Internship as u8),
    );
    // Nearer is better: 0.1 km steps, unknown counts as far.
    let near = u128::from(
        u16::MAX
            - e.distance_km
                .map_or(u16::MAX, |km| (km * 10.0).min(65_000.0) as u16),
    );
    let score = u128::from(e.score);
    let soon = u128::from(
        u32::MAX - (f.closing_day as i64 - i32::MIN as i64).clamp(0, u32::MAX as i64) as u32,
    );
    let new = u128::from((f.posted_day as i64 - i32::MIN as i64).clamp(0, u32::MAX as i64) as u32);
    let (primary, secondary) = match query.sort {
        SortBy::Score => (score, near),
        SortBy::Distance => (near, score),
        SortBy::Closing => (soon, score),
        SortBy::Newest => (new, score),
    };
    let tie = u128::from(u32::MAX - index as u32);
    (learning << 127) | (primary << 80) | (secondary << 40) | tie
}
