//! The matching hot path. Vacancies are compiled once into compact [`Features`] (about 48
//! bytes each: coordinates, hours, kind of work, closed vocabularies as small integers, up to
//! [`MAX_DEMANDS`] competence demands as catalogue positions). A job seeker's profile is
//! compiled into a [`Scorer`] (levels per competence position, interest match per
//! occupation, masks of the wishes). Ranking is then one pass of integer arithmetic over the
//! features with a partial top-k selection: no allocation per vacancy, no strings touched.
//!
//! The explanation of one vacancy ([`super::explain`]) runs the same code, so what the list
//! shows and what "waarom" says cannot disagree.

mod rank;

use std::collections::HashMap;

use crate::core::competence::{fit_occupation, interest_profile, CompetenceProfile};
use crate::core::content::{Content, MatchingRules};
use crate::core::place::{Area, GeoPoint, KM_PER_DEGREE};
use crate::core::vacancy::{EmployerSupport, Vacancy, MAX_DEMANDS};
use crate::core::vocab::PhysicalDemand;

use super::profile::MatchProfile;

pub use rank::{Filter, RankQuery, Ranked, Ranking, SortBy};

/// Most competences the compact form knows (the catalogue has 30).
const MAX_COMPETENCES: usize = 64;
const UNKNOWN: u8 = u8::MAX;
const NO_OCCUPATION: u16 = u16::MAX;
const REQUIRED_BIT: u8 = 0x80;

/// Why a vacancy does not meet the job seeker's wishes, as bits.
pub mod fail {
    pub const HOURS: u16 = 1;
    pub const DISTANCE: u16 = 1 << 1;
    pub const LICENCE: u16 = 1 << 2;
    pub const CONTRACT: u16 = 1 << 3;
    pub const SECTOR: u16 = 1 << 4;
    pub const HEAVY: u16 = 1 << 5;
    pub const CLOSED: u16 = 1 << 6;
}

/// One competence demand: catalogue position and level (bit 7: required).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Demand {
    position: u8,
    level: u8,
}

/// A vacancy in the compact form matching reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Features {
    /// Degrees; NaN when the place is unknown.
    lat: f32,
    lon: f32,
    closing_day: i32,
    posted_day: i32,
    occupation: u16,
    hours_min: u8,
    hours_max: u8,
    contract: u8,
    sector: u8,
    education: u8,
    language: u8,
    physical: u8,
    /// Bit 0: licence required; bit 1: demands come from the occupation; bits 2–4: support.
    flags: u8,
    demand_count: u8,
    demands: [Demand; MAX_DEMANDS],
}

const FLAG_LICENCE: u8 = 1;
const FLAG_DEMANDS_FROM_OCCUPATION: u8 = 1 << 1;
const FLAG_SUPPORT_SHIFT: u8 = 2;

impl Features {
    fn compile(
        vacancy: &Vacancy,
        content: &Content,
        occupation_positions: &HashMap<&str, usize>,
    ) -> Self {
        let occupation_position = vacancy
            .occupation
            .id
            .as_deref()
            .and_then(|id| occupation_positions.get(id).copied());
        let occupation = occupation_position.and_then(|p| content.occupations.occupations.get(p));
        let mut demands = [Demand::default(); MAX_DEMANDS];
        let mut count = 0usize;
        let mut flags = 0u8;
        let mut push = |id: &str, level: u8, required: bool| {
            if count >= MAX_DEMANDS || !(1..=4).contains(&level) {
                return;
            }
            if let Some(position) = content
                .competences
                .position(id)
                .filter(|p| *p < MAX_COMPETENCES)
            {
                demands[count] = Demand {
                    position: position as u8,
                    level: level | if required { REQUIRED_BIT } else { 0 },
                };
                count += 1;
            }
        };
        if vacancy.competences.is_empty() {
            // The vacancy names no competences: compare with what its occupation asks.
            if let Some(o) = occupation {
                for (id, &level) in &o.competences {
                    push(id, level, level >= 3);
                }
                flags |= FLAG_DEMANDS_FROM_OCCUPATION;
            }
        } else {
            for d in &vacancy.competences {
                push(&d.competence, d.level, d.required);
            }
        }
        if vacancy.driving_licence {
            flags |= FLAG_LICENCE;
        }
        for support in &vacancy.support {
            flags |= 1 << (FLAG_SUPPORT_SHIFT + *support as u8);
        }
        let (lat, lon) = vacancy
            .location
            .map_or((f32::NAN, f32::NAN), |p| (p.lat as f32, p.lon as f32));
        let (hours_min, hours_max) = vacancy.hours.map_or((0, 0), |h| (h.min, h.max));
        Self {
            lat,
            lon,
            closing_day: vacancy.closing_date.map_or(i32::MAX, |d| d.to_julian_day()),
            posted_day: vacancy.posted.map_or(i32::MIN, |d| d.to_julian_day()),
            occupation: occupation_position.map_or(NO_OCCUPATION, |p| p as u16),
            hours_min,
            hours_max,
            contract: vacancy.contract as u8,
            sector: vacancy
                .sector
                .or(occupation.map(|o| o.sector))
                .map_or(UNKNOWN, |s| s as u8),
            education: vacancy.education.map_or(UNKNOWN, |e| e as u8),
            language: vacancy.language.map_or(UNKNOWN, |l| l as u8),
            physical: vacancy
                .physical
                .or(occupation.map(|o| o.physical))
                .map_or(UNKNOWN, |p| p as u8),
            flags,
            demand_count: count as u8,
            demands,
        }
    }

    pub(crate) fn demands_from_occupation(&self) -> bool {
        self.flags & FLAG_DEMANDS_FROM_OCCUPATION != 0
    }

    fn has_support(&self, support: EmployerSupport) -> bool {
        self.flags & (1 << (FLAG_SUPPORT_SHIFT + support as u8)) != 0
    }

    pub(crate) fn demands(&self) -> impl Iterator<Item = (usize, u8, bool)> + '_ {
        self.demands[..usize::from(self.demand_count)]
            .iter()
            .map(|d| {
                (
                    usize::from(d.position),
                    d.level & !REQUIRED_BIT,
                    d.level & REQUIRED_BIT != 0,
                )
            })
    }
}

/// Vacancies with their compiled features, in the same order.
pub struct VacancyPool {
    vacancies: Vec<Vacancy>,
    features: Vec<Features>,
    /// Areas of a publication whose vacancies are not in the pool (only part of it was
    /// fetched): counts beyond the loaded distance would be too low there.
    missing: Vec<Area>,
}

impl VacancyPool {
    pub fn new(vacancies: Vec<Vacancy>, content: &Content) -> Self {
        let positions: HashMap<&str, usize> = content
            .occupations
            .occupations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let features = vacancies
            .iter()
            .map(|v| Features::compile(v, content, &positions))
            .collect();
        Self {
            vacancies,
            features,
            missing: Vec::new(),
        }
    }

    /// The pool of part of a publication: `missing` are the areas not loaded.
    pub fn with_missing_areas(mut self, missing: Vec<Area>) -> Self {
        self.missing = missing;
        self
    }

    /// Whether the pool holds every vacancy within `km` of `home`: true for a whole list,
    /// and for part of a publication when no area left out comes that near.
    pub fn covers(&self, home: GeoPoint, km: f64) -> bool {
        self.missing.iter().all(|area| area.distance_km(home) > km)
    }

    pub fn vacancies(&self) -> &[Vacancy] {
        &self.vacancies
    }

    pub fn len(&self) -> usize {
        self.vacancies.len()
    }

    pub fn is_empty(&self) -> bool {
        self.vacancies.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Vacancy> {
        self.vacancies.get(index)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.vacancies.iter().position(|v| v.id == id)
    }

    pub(crate) fn features(&self, index: usize) -> Option<&Features> {
        self.features.get(index)
    }

    /// Bytes the compiled features take (what ranking reads).
    pub fn feature_bytes(&self) -> usize {
        self.features.len() * std::mem::size_of::<Features>()
    }
}

/// The interest match (0–100) per catalogue occupation, from the interest check; `None`
/// where the areas have too few answers. Depends on the interest answers only, so the UI
/// keeps it while wishes change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestTable(Vec<u8>);

impl InterestTable {
    pub fn new(content: &Content, competences: &CompetenceProfile) -> Self {
        let interests = interest_profile(&content.interests, competences);
        Self(
            content
                .occupations
                .occupations
                .iter()
                .map(|o| {
                    fit_occupation(&content.competences, &interests, competences, o)
                        .interest_part
                        .unwrap_or(UNKNOWN)
                })
                .collect(),
        )
    }

    pub fn get(&self, occupation_position: usize) -> Option<u8> {
        self.0
            .get(occupation_position)
            .copied()
            .filter(|v| *v != UNKNOWN)
    }
}

/// What the engine works out for one vacancy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    pub fails: u16,
    pub score: u8,
    /// `None` when either place is unknown.
    pub distance_km: Option<f32>,
    pub parts: Parts,
    /// The share (percent of the weights) of the score that rests on known facts.
    pub known_weight: u8,
}

impl Evaluation {
    /// Meets every wish, scores at least the good score, and at least
    /// `min_known_weight` of that score is known: a vacancy is not "good" on guesses.
    pub fn is_good(&self, rules: &MatchingRules) -> bool {
        self.fails == 0
            && self.score >= rules.good_score
            && self.known_weight >= rules.min_known_weight
    }
}

/// The five parts of the score, 0–100 each. A part that is not known counts as the rules'
/// `unknown` value in the score; whether it is known is kept apart, never read from the
/// value (a real interest fit of exactly 50 is known).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parts {
    pub competences: u8,
    pub education: u8,
    pub interests: u8,
    pub language: u8,
    pub distance: u8,
    /// The job seeker did enough of the interest check for the vacancy's occupation.
    pub interests_known: bool,
}

/// A job seeker's profile compiled for matching.
#[derive(Debug, Clone)]
pub struct Scorer<'r> {
    rules: &'r MatchingRules,
    /// Degrees and the east-west scale at the home latitude.
    home: Option<(f32, f32, f32)>,
    max_km: f32,
    max_deg_sq: f32,
    hours: Option<(u8, u8)>,
    contracts_allowed: u16,
    sectors_avoided: u16,
    avoid_heavy: bool,
    licence: Option<bool>,
    education: u8,
    language: u8,
    levels: [u8; MAX_COMPETENCES],
    interests: &'r InterestTable,
    today: i32,
    weights: [u32; 5],
    unknown: u8,
}

impl<'r> Scorer<'r> {
    pub fn new(
        profile: &MatchProfile,
        rules: &'r MatchingRules,
        content: &Content,
        interests: &'r InterestTable,
    ) -> Self {
        let mut levels = [UNKNOWN; MAX_COMPETENCES];
        for (id, rating) in profile.competences.ratings() {
            if let Some(position) = content
                .competences
                .position(id)
                .filter(|p| *p < MAX_COMPETENCES)
            {
                levels[position] = rating.level.min(4);
            }
        }
        let max_km = f32::from(profile.max_distance_km);
        let max_deg = max_km / KM_PER_DEGREE as f32;
        let contracts_allowed = if profile.contracts.is_empty() {
            u16::MAX
        } else {
            profile
                .contracts
                .iter()
                .fold(0, |m, c| m | 1 << (*c as u16))
        };
        let w = rules.weights;
        Self {
            rules,
            home: profile.home.as_ref().map(|h| {
                let lat = h.point.lat as f32;
                (lat, h.point.lon as f32, lat.to_radians().cos())
            }),
            max_km,
            max_deg_sq: max_deg * max_deg,
            hours: profile.hours.map(|h| (h.min, h.max)),
            contracts_allowed,
            sectors_avoided: profile
                .avoid_sectors
                .iter()
                .fold(0, |m, s| m | 1 << (*s as u16)),
            avoid_heavy: profile.avoid_heavy_work,
            licence: profile.driving_licence,
            education: profile.education.map_or(UNKNOWN, |e| e as u8),
            language: profile.language.map_or(UNKNOWN, |l| l as u8),
            levels,
            interests,
            today: profile.today.to_julian_day(),
            weights: [
                u32::from(w.competences),
                u32::from(w.education),
                u32::from(w.interests),
                u32::from(w.language),
                u32::from(w.distance),
            ],
            unknown: rules.unknown,
        }
    }

    pub fn rules(&self) -> &MatchingRules {
        self.rules
    }

    /// Squared distance in degrees², or `None` when a place is unknown.
    #[inline]
    fn distance_sq(&self, f: &Features) -> Option<f32> {
        let (lat, lon, scale) = self.home?;
        if f.lat.is_nan() {
            return None;
        }
        let dx = (f.lon - lon) * scale;
        let dy = f.lat - lat;
        Some(dx * dx + dy * dy)
    }

    #[inline]
    pub(crate) fn evaluate(&self, f: &Features) -> Evaluation {
        let mut fails = 0u16;
        if let (Some((min, max)), true) = (self.hours, f.hours_max > 0) {
            if f.hours_min > max || f.hours_max < min {
                fails |= fail::HOURS;
            }
        }
        let distance_sq = self.distance_sq(f);
        if distance_sq.is_some_and(|d| d > self.max_deg_sq) {
            fails |= fail::DISTANCE;
        }
        if f.flags & FLAG_LICENCE != 0 && self.licence == Some(false) {
            fails |= fail::LICENCE;
        }
        if self.contracts_allowed & (1 << f.contract) == 0 {
            fails |= fail::CONTRACT;
        }
        if f.sector != UNKNOWN && self.sectors_avoided & (1 << f.sector) != 0 {
            fails |= fail::SECTOR;
        }
        if self.avoid_heavy && f.physical == PhysicalDemand::Heavy as u8 {
            fails |= fail::HEAVY;
        }
        if f.closing_day < self.today {
            fails |= fail::CLOSED;
        }

        // Competences: a demand weighs 2 when required, 1 when nice to have; a rated
        // competence earns min(have, need) of its need, an unrated one half (in half points).
        let (mut earned, mut total, mut rated) = (0u32, 0u32, 0u32);
        for d in &f.demands[..usize::from(f.demand_count)] {
            let need = u32::from(d.level & !REQUIRED_BIT);
            let weight = if d.level & REQUIRED_BIT != 0 { 2 } else { 1 };
            let have = self.levels[usize::from(d.position)];
            total += weight * need * 2;
            earned += if have == UNKNOWN {
                weight * need
            } else {
                rated += weight * need * 2;
                weight * u32::from(have).min(need) * 2
            };
        }
        let competences = (earned * 100 + total / 2)
            .checked_div(total)
            .map_or(self.unknown, |part| part as u8);
        let education = if f.education == UNKNOWN {
            100
        } else if self.education == UNKNOWN {
            self.unknown
        } else {
            self.rules
                .education_part(usize::from(f.education.saturating_sub(self.education)))
        };
        let language = if f.language == UNKNOWN {
            100
        } else if self.language == UNKNOWN {
            self.unknown
        } else {
            self.rules
                .language_part(usize::from(f.language.saturating_sub(self.language)))
        };
        let interest_fit = (f.occupation != NO_OCCUPATION)
            .then(|| self.interests.get(usize::from(f.occupation)))
            .flatten();
        let interests = interest_fit.unwrap_or(self.unknown);
        let distance_km = distance_sq.map(|d| d.sqrt() * KM_PER_DEGREE as f32);
        let distance = match distance_km {
            None => self.unknown,
            Some(km) => {
                let share = (km / self.max_km).min(1.0);
                let drop = f32::from(100 - self.rules.distance_at_limit);
                (100.0 - drop * share).round() as u8
            }
        };
        let parts = Parts {
            competences,
            education,
            interests,
            language,
            distance,
            interests_known: interest_fit.is_some(),
        };
        let [wc, we, wi, wl, wd] = self.weights;
        // How much of the score rests on what is known (not on "unknown counts as half").
        let known = [
            (total > 0 && rated * 2 >= total, wc),
            (f.education == UNKNOWN || self.education != UNKNOWN, we),
            (interest_fit.is_some(), wi),
            (f.language == UNKNOWN || self.language != UNKNOWN, wl),
            (distance_km.is_some(), wd),
        ];
        let known_weight = known
            .iter()
            .filter(|(is_known, _)| *is_known)
            .map(|(_, w)| *w)
            .sum::<u32>()
            .min(100) as u8;
        let sum = wc * u32::from(competences)
            + we * u32::from(education)
            + wi * u32::from(interests)
            + wl * u32::from(language)
            + wd * u32::from(distance);
        Evaluation {
            fails,
            score: ((sum + 50) / 100).min(100) as u8,
            distance_km,
            parts,
            known_weight,
        }
    }

    /// The evaluation of one vacancy of the pool.
    pub fn evaluate_at(&self, pool: &VacancyPool, index: usize) -> Option<Evaluation> {
        pool.features(index).map(|f| self.evaluate(f))
    }
}
