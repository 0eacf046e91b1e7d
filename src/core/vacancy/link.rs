//! Linking what a feed says to what the app knows: the occupation catalogue (by catalogue id,
//! ESCO URI, ISCO group, or — as a best guess — the title) and the places table (postcode,
//! place name, or the feed's own coordinates).

use crate::core::occupation::{Occupation, OccupationCatalog};
use crate::core::place::{parse_postcode, GeoPoint, Places, Precision};
use crate::core::search::{catalog_occupation, SearchIndex};

use super::model::{LinkedBy, OccupationLink};

/// A title search hit below this score is not trusted as the vacancy's occupation.
const MIN_TITLE_SCORE: f32 = 0.55;

/// Words in vacancy titles that say nothing about the occupation.
const TITLE_NOISE: &[&str] = &[
    "bbl",
    "leerling",
    "parttime",
    "fulltime",
    "dagdienst",
    "avonddienst",
    "nachtdienst",
    "weekend",
    "vrijwilliger",
    "vrijwillig",
    "stage",
    "stagiair",
    "stagiaire",
    "uur",
    "uren",
    "per",
    "week",
    "vacature",
    "gezocht",
    "m/v",
    "m/v/x",
    "v/m",
    "(m/v)",
    "ervaren",
    "junior",
    "senior",
    "tijdelijk",
    "oproepkracht",
    "bijbaan",
    "startersfunctie",
    "werkervaringsplaats",
    "proefplaatsing",
    "leerwerkplek",
    "allround",
    "zaterdag",
    "zondag",
];

/// What the app knows to link vacancies to.
#[derive(Clone, Copy)]
pub struct Linker<'a> {
    pub occupations: &'a OccupationCatalog,
    /// The search index over the catalogue (the bundled content's `occupation_index`).
    pub index: &'a SearchIndex,
    pub places: &'a Places,
}

/// Where a vacancy is, once linked.
#[derive(Debug, Clone, PartialEq)]
pub struct Whereabouts {
    pub point: GeoPoint,
    pub precision: Precision,
    /// The place name from the table when the feed gave none.
    pub place: String,
    pub postcode: Option<String>,
}

impl<'a> Linker<'a> {
    /// The catalogue occupation, trying what the feed gave in order of reliability.
    pub fn occupation(
        &self,
        given_id: Option<&str>,
        isco: Option<&str>,
        esco_uri: Option<&str>,
        title: &str,
    ) -> (Option<&'a Occupation>, OccupationLink) {
        let mut link = OccupationLink {
            id: None,
            isco: isco.map(str::to_owned),
            esco_uri: esco_uri.map(str::to_owned),
            linked_by: None,
        };
        let found = given_id
            .and_then(|id| self.occupations.get(id))
            .map(|o| (o, LinkedBy::Given))
            .or_else(|| {
                let uri = esco_uri?;
                self.occupations
                    .occupations
                    .iter()
                    .find(|o| o.esco_uri.as_deref() == Some(uri))
                    .map(|o| (o, LinkedBy::EscoUri))
            })
            .or_else(|| {
                let isco = isco?;
                let group: Vec<&Occupation> = self.occupations.by_isco(isco).collect();
                match group.as_slice() {
                    [] => None,
                    [only] => Some((*only, LinkedBy::Isco)),
                    // Several occupations share the group: the title decides among them.
                    several => Some((
                        self.by_title(title)
                            .filter(|o| several.iter().any(|s| s.id == o.id))
                            .unwrap_or(several[0]),
                        LinkedBy::Isco,
                    )),
                }
            })
            .or_else(|| self.by_title(title).map(|o| (o, LinkedBy::Title)));
        if let Some((occupation, how)) = found {
            link.id = Some(occupation.id.clone());
            link.isco = link.isco.or_else(|| Some(occupation.isco.clone()));
            link.esco_uri = link.esco_uri.or_else(|| occupation.esco_uri.clone());
            link.linked_by = Some(how);
            (Some(occupation), link)
        } else {
            (None, link)
        }
    }

    /// The best catalogue occupation for a title, when the search is confident enough.
    pub fn by_title(&self, title: &str) -> Option<&'a Occupation> {
        let cleaned: Vec<&str> = title
            .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '–')
            .filter(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                !w.is_empty()
                    && !w.bytes().all(|b| b.is_ascii_digit())
                    && !TITLE_NOISE.iter().any(|n| n.eq_ignore_ascii_case(w))
            })
            .collect();
        let query = cleaned.join(" ");
        if query.is_empty() {
            return None;
        }
        let hits = self.index.search(&query, 3);
        let best = hits.first().filter(|h| h.score >= MIN_TITLE_SCORE)?;
        catalog_occupation(self.occupations, best)
    }

    /// Where the work is: the feed's own coordinates when it has them (most precise), else
    /// its postcode, else its place name.
    pub fn locate(
        &self,
        postcode: Option<&str>,
        place: Option<&str>,
        coordinates: Option<GeoPoint>,
    ) -> Option<Whereabouts> {
        let pc4 = postcode.and_then(parse_postcode);
        let from_table = pc4
            .and_then(|pc| self.places.locate_postcode(pc))
            .map(|found| (found.point, found.precision, found.place))
            .or_else(|| {
                let found = self.places.by_name(place?)?;
                Some((found.point(), Precision::Place, found))
            });
        let named = place
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned);
        let (point, precision) = match (coordinates, &from_table) {
            (Some(point), _) => (point, Precision::Coordinates),
            (None, Some((point, precision, _))) => (*point, *precision),
            (None, None) => return None,
        };
        Some(Whereabouts {
            point,
            precision,
            place: named
                .or_else(|| from_table.map(|(_, _, p)| p.name.clone()))
                .unwrap_or_default(),
            postcode: pc4.map(|p| p.to_string()),
        })
    }
}
