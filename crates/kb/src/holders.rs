//! Office holders (`office_holders.tsv`): who held which office, for which
//! country and when, so a name resolves to the right country, role and
//! sector at the article's date.

use crate::names::date_within;
use crate::tables::Table;
use crate::KbError;

/// One term of office of one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeTerm {
    /// Full name (`Sergey Lavrov`).
    pub name: String,
    /// Other spellings (`Sergei Lavrov`).
    pub aliases: Vec<String>,
    /// ISO alpha-3, or a PLOVER code for organizations' offices (UNO, EUR, IGO).
    pub country: String,
    /// `head_of_state`, `foreign_minister`, `ambassador`, `un_secretary_general`…
    pub role: String,
    /// `YYYY-MM-DD` or `YYYY-MM`; None when unknown.
    pub start: Option<String>,
    /// None while in office.
    pub end: Option<String>,
    /// For ambassadors, the country they are posted to (ISO alpha-3).
    pub posted_to: Option<String>,
    /// PLOVER sector code.
    pub sector: String,
}

impl OfficeTerm {
    /// Whether the term covers `date`; with no date, whether it is current.
    pub fn covers(&self, date: Option<&str>) -> bool {
        match date {
            Some(date) => date_within(date, self.start.as_deref(), self.end.as_deref()),
            None => self.end.is_none(),
        }
    }

    /// The role as words (`foreign minister`).
    pub fn role_words(&self) -> String {
        self.role.replace('_', " ")
    }
}

pub const COLUMNS: [&str; 8] = [
    "country",
    "role",
    "name",
    "aliases",
    "start",
    "end",
    "posted_to",
    "sector",
];

/// Reads `office_holders.tsv`-format text.
pub fn parse(file: &str, text: &str) -> Result<Vec<OfficeTerm>, KbError> {
    let table = Table::parse(file, text, &COLUMNS[..3])?;
    let mut terms = Vec::new();
    for row in table.rows() {
        let name = row.get("name");
        let role = row.get("role");
        if name.is_empty() || role.is_empty() {
            return Err(table.error(row.line, "a record needs a name and a role"));
        }
        let country = organization_code(row.get("country"), role);
        if country.is_empty() {
            return Err(table.error(row.line, format!("`{name}` has no country")));
        }
        let sector = row
            .optional("sector")
            .map(str::to_string)
            .unwrap_or_else(|| role_sector(role).to_string());
        terms.push(OfficeTerm {
            name: name.to_string(),
            aliases: row.list("aliases").map(str::to_string).collect(),
            country,
            role: role.to_string(),
            start: row.optional("start").map(str::to_string),
            end: row.optional("end").map(str::to_string),
            posted_to: row.optional("posted_to").map(str::to_string),
            sector,
        });
    }
    Ok(terms)
}

/// Offices of international organizations are listed with country `IGO`;
/// PLOVER gives the UN and the EU codes of their own.
fn organization_code(country: &str, role: &str) -> String {
    match country {
        "IGO" if role.starts_with("un_") => "UNO".into(),
        "IGO" if role.starts_with("eu_") => "EUR".into(),
        other => other.to_string(),
    }
}

/// The sector of a role when the file leaves it empty.
fn role_sector(role: &str) -> &'static str {
    match role {
        "intelligence_chief" => "SPY",
        "military_chief" | "chief_of_staff" => "MIL",
        _ => "GOV",
    }
}

/// The term to use for a person at `date`: the one covering the date, else
/// (no date) the current or latest one, else the one nearest the date.
pub fn choose<'a>(terms: &[&'a OfficeTerm], date: Option<&str>) -> Option<&'a OfficeTerm> {
    if let Some(term) = terms.iter().find(|t| t.covers(date)) {
        return Some(term);
    }
    let latest = |t: &&&OfficeTerm| t.end.clone().unwrap_or_else(|| "9999".into());
    match date {
        None => terms.iter().max_by_key(latest).copied(),
        // Before every term: the first one; otherwise the last one that ended before the date.
        Some(date) => terms
            .iter()
            .filter(|t| t.end.as_deref().is_some_and(|end| end < date))
            .max_by_key(latest)
            .or_else(|| terms.iter().min_by_key(|t| t.start.clone()))
            .copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# test\ncountry\trole\tname\taliases\tstart\tend\tposted_to\tsector\n\
        XAA\tforeign_minister\tAnna Example\tAnne Example\t2010-01-01\t2015-06\t\t\n\
        XAA\tambassador\tAnna Example\t\t2016-02\t\tXBB\tGOV\n\
        IGO\tun_secretary_general\tBo Sample\t\t2020-01\t\t\t\n";

    #[test]
    fn parses_terms_with_default_sectors_and_organization_codes() {
        let terms = parse("sample.tsv", SAMPLE).unwrap();
        assert_eq!(terms.len(), 3);
        assert_eq!(terms[0].sector, "GOV");
        assert_eq!(terms[0].aliases, vec!["Anne Example".to_string()]);
        assert_eq!(terms[1].posted_to.as_deref(), Some("XBB"));
        assert_eq!(terms[2].country, "UNO");
    }

    #[test]
    fn chooses_the_term_covering_the_date() {
        let terms = parse("sample.tsv", SAMPLE).unwrap();
        let anna: Vec<&OfficeTerm> = terms.iter().take(2).collect();
        assert_eq!(
            choose(&anna, Some("2012-03-04")).unwrap().role,
            "foreign_minister"
        );
        assert_eq!(choose(&anna, Some("2018")).unwrap().role, "ambassador");
        assert_eq!(choose(&anna, None).unwrap().role, "ambassador");
        // Between the two terms: the one that ended before.
        assert_eq!(
            choose(&anna, Some("2015-09-01")).unwrap().role,
            "foreign_minister"
        );
    }

    #[test]
    fn a_record_without_name_is_an_error_naming_file_and_line() {
        let bad = "country\trole\tname\nXAA\tambassador\t\n";
        let message = parse("mine.tsv", bad).unwrap_err().to_string();
        assert!(
            message.contains("mine.tsv") && message.contains("line 2"),
            "{message}"
        );
    }
}
