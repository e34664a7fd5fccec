//! ISO 3166 country data from the keshvar crate: alpha-3 codes, English short
//! names, common alternative names and nationality adjectives.

use keshvar::CountryIterator;

/// What the ISO data says about one country.
pub struct IsoCountry {
    pub code: String,
    pub short_name: &'static str,
    /// Alternative names in Latin script (keshvar also lists names in other
    /// scripts, which English news does not use).
    pub other_names: Vec<&'static str>,
    /// Nationality adjectives (`Russian`; `Bosnian, Herzegovinian` gives two).
    pub adjectives: Vec<&'static str>,
}

pub fn countries() -> Vec<IsoCountry> {
    CountryIterator::new()
        .map(|country| IsoCountry {
            code: country.alpha3().to_string(),
            short_name: country.iso_short_name(),
            other_names: country
                .unofficial_name_list()
                .iter()
                .copied()
                .filter(|name| is_latin(name))
                .collect(),
            adjectives: country
                .maybe_nationality()
                .map(|n| n.split(", ").collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// Latin letters (with diacritics), digits, spaces and the punctuation of names.
fn is_latin(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_ascii() || (c.is_alphabetic() && (c as u32) < 0x250))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iso_country_has_an_alpha3_code_and_a_name() {
        let all = countries();
        assert!(all.len() >= 240, "only {} countries", all.len());
        let russia = all.iter().find(|c| c.code == "RUS").expect("RUS listed");
        assert!(russia.adjectives.contains(&"Russian"));
        assert!(russia.other_names.contains(&"Russia"));
        assert!(russia.other_names.iter().all(|n| is_latin(n)));
    }
}
