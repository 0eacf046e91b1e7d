//! The coach's agreements with the job seeker: what the coach's section of a portfolio file
//! holds (`portfolio::format`) and what the app keeps of a coach's reply
//! (`storage::ReceivedAgreements`). Both build on this module, which depends on neither.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::core::text::calendar_date;
use crate::core::text::date_schema::CalendarDate;
use crate::core::text::truncate_chars;

/// The coach's section: agreements, the application target and the next evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreements {
    /// Oldest first.
    #[serde(default)]
    pub items: Vec<Agreement>,
    /// How many applications (or application activities) per four weeks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "u32")]
    pub application_target_per_4_weeks: Option<u32>,
    /// The next evaluation with the coach, `YYYY-MM-DD`.
    #[serde(
        default,
        with = "calendar_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "CalendarDate")]
    pub next_evaluation: Option<Date>,
}

impl Agreements {
    /// Who wrote the newest agreement, when it names someone: the coach of a reply.
    pub fn author(&self) -> Option<String> {
        self.items
            .iter()
            .rev()
            .map(|a| a.by.trim())
            .find(|by| !by.is_empty())
            .map(str::to_owned)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
            && self.application_target_per_4_weeks.is_none()
            && self.next_evaluation.is_none()
    }
}

/// The longest agreement text (a few sentences); a file with a longer one is refused.
pub const MAX_AGREEMENT_CHARS: usize = 2_000;

/// One agreement between the job seeker and the coach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// `YYYY-MM-DD`.
    #[serde(with = "calendar_date")]
    #[schemars(with = "CalendarDate")]
    pub date: Date,
    pub text: String,
    /// Who recorded it (the coach's name or organisation).
    pub by: String,
}

impl Agreement {
    /// An agreement as typed by the coach: trimmed, cut to [`MAX_AGREEMENT_CHARS`]; `None`
    /// when nothing was typed.
    pub fn typed(date: Date, text: &str, by: String) -> Option<Agreement> {
        let text = text.trim();
        (!text.is_empty()).then(|| Agreement {
            date,
            text: truncate_chars(text, MAX_AGREEMENT_CHARS),
            by,
        })
    }
}
