use super::*;
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::load(&[]).expect("built-in knowledge base loads"))
}

/// (kind, country, sector) of the best entry for a name.
fn resolve(name: &str) -> Option<(EntryKind, Option<&str>, Option<&str>)> {
    kb().lookup_name(name)
        .map(|e| (e.kind, e.country.as_deref(), e.sector.as_deref()))
}

#[test]
fn every_country_has_an_entry_by_code_and_name() {
    for code in [
        "RUS", "USA", "UKR", "GBR", "FRA", "CHN", "BRA", "ZAF", "KOS", "PSE", "HKG",
    ] {
        let entry = kb()
            .country(code)
            .unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(
            resolve(&entry.name).map(|r| r.1),
            Some(Some(code)),
            "{}",
            entry.name
        );
    }
    let countries = kb()
        .entries()
        .iter()
        .filter(|e| e.kind == EntryKind::Country);
    assert!(countries.count() >= 190);
}

#[test]
fn alternative_names_resolve_to_their_country() {
    for (name, code) in [
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("the States", "USA"),
        ("Britain", "GBR"),
        ("the UK", "GBR"),
        ("Great Britain", "GBR"),
        ("Russian Federation", "RUS"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
    ] {
        assert_eq!(
            resolve(name),
            Some((EntryKind::Country, Some(code), None)),
            "{name}"
        );
    }
}

#[test]
fn dependencies_fold_into_their_sovereign() {
    assert_eq!(resolve("Puerto Rico").and_then(|r| r.1), Some("USA"));
    assert_eq!(resolve("Greenland").and_then(|r| r.1), Some("DNK"));
    assert!(kb().country("PRI").is_none());
}

#[test]
fn letter_case_separates_names_from_words() {
    assert!(kb().lookup_name("us").is_none());
    assert!(kb().lookup_name("turkey").is_none());
    assert_eq!(resolve("Turkey").and_then(|r| r.1), Some("TUR"));
    assert!(kb().lookup_name("who").is_none());
    assert_eq!(resolve("WHO").and_then(|r| r.1), Some("IGO"));
}

#[test]
fn demonyms_and_peoples() {
    for (word, code) in [
        ("Russian", "RUS"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Ukrainian", "UKR"),
        ("Dutch", "NLD"),
        ("Peruvian", "PER"),
        ("Nigerien", "NER"),
        ("Dominican", "DOM"),
    ] {
        let entries = kb().lookup_all(word);
        assert!(
            entries
                .iter()
                .any(|e| e.kind == EntryKind::Demonym && e.country.as_deref() == Some(code)),
            "{word}: {entries:?}"
        );
    }
    assert_eq!(
        resolve("Russians"),
        Some((EntryKind::People, Some("RUS"), None))
    );
    assert_eq!(
        resolve("Peruvians"),
        Some((EntryKind::People, Some("PER"), None))
    );
}

#[test]
fn an_adjective_two_countries_share_is_left_out() {
    let dir = user_dir(&[(
        "countries_mine.tsv",
        "code\tname\taliases\tadjectives\tpeople\nXAA\tEast Xandria\t\tXandrian;East Xandrian\t\n\
         XBB\tWest Xandria\t\tXandrian\t\n",
    )]);
    let kb = KnowledgeBase::load(&[dir.path().to_path_buf()]).expect("user files load");
    assert!(kb
        .lookup_all("Xandrian")
        .iter()
        .all(|e| e.kind != EntryKind::Demonym));
    assert_eq!(
        kb.lookup_name("East Xandrian")
            .and_then(|e| e.country.as_deref()),
        Some("XAA")
    );
    assert_eq!(
        kb.lookup_all("Congolese")
            .iter()
            .find(|e| e.kind == EntryKind::Demonym)
            .and_then(|e| e.country.as_deref()),
        Some("COD"),
        "the data file settles what the ISO data leaves ambiguous"
    );
}

#[test]
fn metonyms_stand_for_governments() {
    for (name, code, sector) in [
        ("Moscow", "RUS", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Washington", "USA", "GOV"),
        ("the White House", "USA", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("the Elysee", "FRA", "GOV"),
        ("Transnistria", "MDA", "PRE"),
    ] {
        assert_eq!(
            resolve(name),
            Some((EntryKind::Place, Some(code), Some(sector))),
            "{name}"
        );
    }
}

#[test]
fn organizations_use_plover_codes() {
    for (name, code) in [
        ("UN", "UNO"),
        ("Security Council", "UNO"),
        ("General Assembly", "UNO"),
        ("EU", "EUR"),
        ("European Commission", "EUR"),
        ("NATO", "IGO"),
        ("OSCE", "IGO"),
        ("IAEA", "IGO"),
        ("African Union", "IGO"),
        ("Red Cross", "NGO"),
        ("Amnesty International", "NGO"),
        ("HRW", "NGO"),
    ] {
        assert_eq!(
            resolve(name).map(|r| (r.0, r.1)),
            Some((EntryKind::Organization, Some(code))),
            "{name}"
        );
    }
}

#[test]
fn institutions_have_country_and_sector() {
    for (name, code, sector) in [
        ("State Department", "USA", "GOV"),
        ("FBI", "USA", "COP"),
        ("CIA", "USA", "SPY"),
        ("Pentagon", "USA", "MIL"),
        ("FSB", "RUS", "SPY"),
        ("GRU", "RUS", "SPY"),
        ("State Duma", "RUS", "LEG"),
        ("MI6", "GBR", "SPY"),
        ("Verkhovna Rada", "UKR", "LEG"),
    ] {
        assert_eq!(
            resolve(name),
            Some((EntryKind::Institution, Some(code), Some(sector))),
            "{name}"
        );
    }
}

#[test]
fn sector_nouns_in_any_case() {
    for (noun, sector, kind) in [
        ("ambassador", "GOV", NounKind::Person),
        ("Ambassador", "GOV", NounKind::Person),
        ("diplomats", "GOV", NounKind::Group),
        ("embassy", "GOV", NounKind::Body),
        ("Foreign Ministry", "GOV", NounKind::Body),
        ("intelligence agencies", "SPY", NounKind::Group),
        ("troops", "MIL", NounKind::Group),
        ("police", "COP", NounKind::Group),
        ("protesters", "CVL", NounKind::Person),
        ("separatists", "REB", NounKind::Person),
        ("journalists", "JRN", NounKind::Person),
        ("companies", "BUS", NounKind::Group),
    ] {
        let entry = kb()
            .lookup_name(noun)
            .unwrap_or_else(|| panic!("{noun} missing"));
        assert_eq!(entry.kind, EntryKind::SectorNoun, "{noun}");
        assert_eq!(
            (entry.sector.as_deref(), entry.noun),
            (Some(sector), Some(kind)),
            "{noun}"
        );
    }
}

#[test]
fn token_matching_takes_the_longest_name() {
    let found = kb()
        .match_tokens(&["United", "States", "and", "its"])
        .unwrap();
    assert_eq!(found.len, 2);
    assert_eq!(found.entries[0].country.as_deref(), Some("USA"));
    let found = kb()
        .match_tokens(&["UN", "Security", "Council", "met"])
        .unwrap();
    assert_eq!(
        (found.len, found.entries[0].name.as_str()),
        (3, "UN Security Council")
    );
    let found = kb()
        .match_tokens(&["intelligence", "agencies", "said"])
        .unwrap();
    assert_eq!(
        (found.len, found.entries[0].sector.as_deref()),
        (2, Some("SPY"))
    );
    assert!(kb().match_tokens(&["said", "Russia"]).is_none());
}

#[test]
fn the_gazetteer_lists_names_with_entity_types() {
    let names: HashMap<&str, &Entry> = kb().names().collect();
    assert_eq!(names["Kremlin"].kind.entity_type(), Some(EntityType::Gpe));
    assert_eq!(names["NATO"].kind.entity_type(), Some(EntityType::Org));
    assert_eq!(names["ambassador"].kind.entity_type(), None);
}

#[test]
fn sector_noun_forms_are_listed_once() {
    let mut seen = HashSet::new();
    for entry in kb()
        .entries()
        .iter()
        .filter(|e| e.kind == EntryKind::SectorNoun && !e.from_user)
    {
        assert!(
            seen.insert(entry.name.to_lowercase()),
            "`{}` listed twice in sector_nouns.tsv",
            entry.name
        );
    }
}

fn user_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write user file");
    }
    dir
}

const HOLDERS: &str = "country\trole\tname\taliases\tstart\tend\tposted_to\tsector\n\
    XAA\tforeign_minister\tMira Quellstone\tMyra Quellstone\t2011-04-01\t2019-02\t\tGOV\n\
    XAA\thead_of_government\tMira Quellstone\t\t2019-02\t\t\tGOV\n\
    XBB\tambassador\tTobin Varrow\t\t2020-01-15\t\tXAA\tGOV\n";

#[test]
fn user_files_extend_and_override_the_built_in_data() {
    let dir = user_dir(&[
        (
            "places_mine.tsv",
            "name\tcountry\tsector\taliases\nQuellhaven Palace\tXAA\tGOV\tthe Palace\n",
        ),
        (
            "organizations.tsv",
            "name\tcountry\tsector\taliases\nWagner\tXAA\tBUS\t\n",
        ),
        ("office_holders.tsv", HOLDERS),
    ]);
    let kb = KnowledgeBase::load(&[dir.path().to_path_buf()]).expect("user files load");
    let palace = kb.lookup_name("the Palace").expect("user place");
    assert_eq!(
        (palace.country.as_deref(), palace.from_user),
        (Some("XAA"), true)
    );
    assert_eq!(
        kb.lookup_name("Wagner").and_then(|e| e.sector.as_deref()),
        Some("BUS")
    );
    assert!(
        kb.lookup_name("Moscow").is_some(),
        "built-in data still there"
    );
}

#[test]
fn office_holders_resolve_at_the_document_date() {
    let dir = user_dir(&[("office_holders_test.tsv", HOLDERS)]);
    let kb = KnowledgeBase::load(&[dir.path().to_path_buf()]).expect("user files load");
    let term = kb
        .lookup_person("Mira Quellstone", Some("2015-05-05"))
        .unwrap();
    assert_eq!(
        (term.country.as_str(), term.role.as_str()),
        ("XAA", "foreign_minister")
    );
    let term = kb.lookup_person("Myra Quellstone", Some("2021")).unwrap();
    assert_eq!(term.role, "head_of_government");
    let ambassador = kb.lookup_person("Tobin Varrow", None).unwrap();
    assert_eq!(
        (ambassador.country.as_str(), ambassador.posted_to.as_deref()),
        ("XBB", Some("XAA"))
    );
    assert_eq!(
        kb.lookup_surname("Varrow").map(|e| e.name.as_str()),
        Some("Tobin Varrow")
    );
    let person = kb.lookup_name("Mira Quellstone").unwrap();
    assert_eq!(
        (person.kind, person.country.as_deref()),
        (EntryKind::Person, Some("XAA"))
    );
    assert!(kb.lookup_person("Nobody Atall", None).is_none());
}

#[test]
fn bad_user_files_are_reported_with_file_and_line() {
    let dir = user_dir(&[("places.tsv", "name\tcountry\n\tXAA\n")]);
    let message = KnowledgeBase::load(&[dir.path().to_path_buf()])
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("places.tsv") && message.contains("line 2"),
        "{message}"
    );
    let dir = user_dir(&[("people.tsv", "name\n")]);
    let error = KnowledgeBase::load(&[dir.path().to_path_buf()]).unwrap_err();
    assert!(matches!(error, KbError::UnknownFile(_)), "{error}");
    let missing = PathBuf::from("/nonexistent/chancery-kb");
    let message = KnowledgeBase::load(&[missing]).unwrap_err().to_string();
    assert!(message.contains("/nonexistent/chancery-kb"), "{message}");
}

#[test]
fn the_knowledge_base_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<KnowledgeBase>();
}

#[test]
fn every_country_has_a_nationality_adjective() {
    let with_adjective: HashSet<&str> = kb()
        .entries()
        .iter()
        .filter(|e| e.kind == EntryKind::Demonym)
        .filter_map(|e| e.country.as_deref())
        .collect();
    let missing: Vec<&str> = kb()
        .entries()
        .iter()
        .filter(|e| e.kind == EntryKind::Country)
        .filter_map(|e| e.country.as_deref())
        .filter(|code| !with_adjective.contains(code))
        .collect();
    assert!(
        missing.is_empty(),
        "countries without an adjective: {missing:?}"
    );
}
