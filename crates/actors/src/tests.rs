//! Resolution and coreference on sentences written for the tests, tokenized,
//! tagged and parsed by the real pipeline; a few tests run untagged, where
//! the resolver guesses parts of speech, or with parts of speech by hand.

use super::*;
use chancery_core::{Actor, DateSource, DocDate, MentionKind, Precision, Upos};
use std::sync::OnceLock;

fn resolver() -> &'static ActorResolver {
    static RESOLVER: OnceLock<ActorResolver> = OnceLock::new();
    RESOLVER.get_or_init(|| {
        let holders = "country\trole\tname\taliases\tstart\tend\tposted_to\tsector\n\
            XLA\tforeign_minister\tPetra Vollan\t\t2012-01-01\t\t\tGOV\n\
            XLA\thead_of_state\tGregor Aldane\t\t2010-05\t2016-03-01\t\tGOV\n\
            XLA\tintelligence_chief\tGregor Aldane\t\t2016-03-02\t\t\tSPY\n\
            XLA\thead_of_government\tMara Tellan\t\t2001-02\t2005-06\t\tGOV\n";
        let dir = std::env::temp_dir().join(format!("chancery-actors-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temporary directory");
        std::fs::write(dir.join("office_holders_test.tsv"), holders).expect("write holders");
        std::fs::write(
            dir.join("countries_test.tsv"),
            "code\tname\taliases\tadjectives\tpeople\nXLA\tLatveria\t\tLatverian\tLatverians\n",
        )
        .expect("write countries");
        let kb = KnowledgeBase::load(std::slice::from_ref(&dir)).expect("knowledge base loads");
        std::fs::remove_dir_all(&dir).ok();
        ActorResolver::new(Arc::new(kb))
    })
}

/// Tokenized only: the resolver guesses parts of speech.
fn untagged(text: &str) -> Document {
    let mut doc = Document::new("test", text);
    chancery_text::tokenize(&mut doc);
    doc
}

/// Tokenized, tagged and parsed by the shipped models. The entity recognizer
/// is left out: the resolver must work without it (it runs before the
/// recognizer's model ships, and users may skip it).
fn document(text: &str) -> Document {
    static LINGUIST: OnceLock<chancery_ling::Linguist> = OnceLock::new();
    let linguist =
        LINGUIST.get_or_init(|| chancery_ling::Linguist::load().expect("linguistic models"));
    let mut doc = untagged(text);
    linguist.annotate(&mut doc);
    doc
}

/// A document with parts of speech given by hand, one per token.
fn tagged(text: &str, tags: &str) -> Document {
    let mut doc = untagged(text);
    let tags: Vec<Upos> = tags
        .split_whitespace()
        .map(|t| Upos::parse(t).expect("a UPOS tag"))
        .collect();
    let tokens: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
    assert_eq!(
        tags.len(),
        doc.tokens.len(),
        "one tag per token: {tokens:?}"
    );
    for (token, tag) in doc.tokens.iter_mut().zip(tags) {
        token.upos = tag;
    }
    doc
}

fn annotate(mut doc: Document) -> Document {
    resolver().annotate(&mut doc, &ActorMemory::empty());
    doc
}

/// The mention whose text is exactly `text`.
fn mention<'d>(doc: &'d Document, text: &str) -> &'d ActorMention {
    doc.actors
        .iter()
        .find(|m| doc.slice(&m.span) == text)
        .unwrap_or_else(|| {
            let found: Vec<&str> = doc.actors.iter().map(|m| doc.slice(&m.span)).collect();
            panic!("no mention `{text}` among {found:?}")
        })
}

fn code(actor: &Actor) -> (Option<&str>, Option<&str>) {
    (actor.country.as_deref(), actor.sector.as_deref())
}

fn codes<'d>(doc: &'d Document, text: &str) -> Vec<(Option<&'d str>, Option<&'d str>)> {
    mention(doc, text).actors.iter().map(code).collect()
}

#[test]
fn countries_stand_alone_without_sector() {
    let doc = annotate(document("Russia attacked Ukraine on Monday."));
    assert_eq!(codes(&doc, "Russia"), vec![(Some("RUS"), None)]);
    assert_eq!(codes(&doc, "Ukraine"), vec![(Some("UKR"), None)]);
    assert_eq!(mention(&doc, "Russia").kind, MentionKind::Named);
}

#[test]
fn metonyms_are_governments() {
    let doc = annotate(document(
        "Moscow denied the report, and the Kremlin said Washington was lying.",
    ));
    assert_eq!(codes(&doc, "Moscow"), vec![(Some("RUS"), Some("GOV"))]);
    assert_eq!(codes(&doc, "the Kremlin"), vec![(Some("RUS"), Some("GOV"))]);
    assert_eq!(codes(&doc, "Washington"), vec![(Some("USA"), Some("GOV"))]);
}

#[test]
fn demonym_modifiers_give_the_country_and_the_noun_the_sector() {
    let doc = annotate(document(
        "Russian diplomats met US intelligence agencies and British troops.",
    ));
    assert_eq!(
        codes(&doc, "Russian diplomats"),
        vec![(Some("RUS"), Some("GOV"))]
    );
    assert_eq!(
        codes(&doc, "US intelligence agencies"),
        vec![(Some("USA"), Some("SPY"))]
    );
    assert_eq!(
        codes(&doc, "British troops"),
        vec![(Some("GBR"), Some("MIL"))]
    );
    assert_eq!(
        mention(&doc, "Russian diplomats").kind,
        MentionKind::Nominal
    );
}

#[test]
fn possessives_give_the_country() {
    let doc = annotate(document(
        "Norway's embassy closed after Peru's police arrived.",
    ));
    assert_eq!(
        codes(&doc, "Norway's embassy"),
        vec![(Some("NOR"), Some("GOV"))]
    );
    assert_eq!(
        codes(&doc, "Peru's police"),
        vec![(Some("PER"), Some("COP"))]
    );
}

#[test]
fn named_bodies_set_the_sector_of_their_people() {
    let doc = annotate(document(
        "FBI agents and Kremlin officials spoke to a Moscow court.",
    ));
    assert_eq!(
        codes(&doc, "a Moscow court"),
        vec![(Some("RUS"), Some("JUD"))]
    );
    assert_eq!(codes(&doc, "FBI agents"), vec![(Some("USA"), Some("COP"))]);
    assert_eq!(
        codes(&doc, "Kremlin officials"),
        vec![(Some("RUS"), Some("GOV"))]
    );
}

#[test]
fn institutions_take_an_explicit_country_over_their_default() {
    let doc = annotate(document(
        "The Polish Senate voted, Russia's Security Council met and the State Department objected.",
    ));
    assert_eq!(
        codes(&doc, "Russia's Security Council"),
        vec![(Some("RUS"), None)]
    );
    assert_eq!(
        codes(&doc, "The Polish Senate"),
        vec![(Some("POL"), Some("LEG"))]
    );
    assert_eq!(
        codes(&doc, "the State Department"),
        vec![(Some("USA"), Some("GOV"))]
    );
}

#[test]
fn titles_make_people_with_roles() {
    let doc = annotate(document(
        "Chilean Foreign Minister Ana Belmonte arrived in Lima.",
    ));
    let minister = mention(&doc, "Chilean Foreign Minister Ana Belmonte");
    assert_eq!(minister.actors[0].name, "Ana Belmonte");
    assert_eq!(code(&minister.actors[0]), (Some("CHL"), Some("GOV")));
    assert_eq!(minister.kind, MentionKind::Named);
}

#[test]
fn appositions_give_the_person_the_role() {
    let doc = annotate(document(
        "Tomas Rilke, Austria's ambassador to the United States, said the talks failed.",
    ));
    let person = mention(&doc, "Tomas Rilke");
    assert_eq!(code(&person.actors[0]), (Some("AUT"), Some("GOV")));
    let role = mention(&doc, "Austria's ambassador to the United States");
    assert_eq!(
        code(&role.actors[0]),
        (Some("AUT"), Some("GOV")),
        "the sending country, not the host"
    );
    assert_eq!(role.actors[0].name, "Tomas Rilke");
    assert_eq!(person.chain, role.chain);
    assert!(person.chain.is_some());
}

#[test]
fn role_before_name_in_apposition() {
    let doc = annotate(document("Kenya's envoy, Amara Odhiambo, left."));
    assert_eq!(
        codes(&doc, "Amara Odhiambo"),
        vec![(Some("KEN"), Some("GOV"))]
    );
}

#[test]
fn an_ambassador_to_a_country_belongs_to_the_sending_country() {
    let doc = annotate(document(
        "US Ambassador to Russia Jon Hartwell met reporters.",
    ));
    let ambassador = mention(&doc, "US Ambassador to Russia Jon Hartwell");
    assert_eq!(ambassador.actors.len(), 1);
    assert_eq!(ambassador.actors[0].name, "Jon Hartwell");
    assert_eq!(code(&ambassador.actors[0]), (Some("USA"), Some("GOV")));
    assert!(
        !doc.actors.iter().any(|m| doc.slice(&m.span) == "Russia"),
        "the host country is part of the role, not an actor"
    );
}

#[test]
fn role_complements_give_country_and_sector() {
    let doc = annotate(document(
        "The head of the FSB spoke to a spokeswoman for the Russian Foreign Ministry.",
    ));
    assert_eq!(
        codes(&doc, "The head of the FSB"),
        vec![(Some("RUS"), Some("SPY"))]
    );
    assert_eq!(
        codes(&doc, "a spokeswoman for the Russian Foreign Ministry"),
        vec![(Some("RUS"), Some("GOV"))]
    );
}

#[test]
fn coordinations_list_every_actor_in_one_mention() {
    let doc = annotate(document(
        "Russia and Ukraine signed, while France, Germany and Italy watched.",
    ));
    assert_eq!(
        codes(&doc, "Russia and Ukraine"),
        vec![(Some("RUS"), None), (Some("UKR"), None)]
    );
    let three = codes(&doc, "France, Germany and Italy");
    assert_eq!(
        three.iter().map(|c| c.0.unwrap()).collect::<Vec<_>>(),
        vec!["FRA", "DEU", "ITA"]
    );
}

#[test]
fn office_holders_resolve_at_the_document_date() {
    let text = "Gregor Aldane met Petra Vollan.";
    let mut early = document(text);
    early.meta.date = Some("2014-06-01".into());
    let early = annotate(early);
    assert_eq!(
        codes(&early, "Gregor Aldane"),
        vec![(Some("XLA"), Some("GOV"))]
    );
    let mut late = document(text);
    late.doc_date = Some(DocDate {
        value: "2019-02-03".into(),
        precision: Precision::Day,
        source: DateSource::Dateline,
    });
    let late = annotate(late);
    assert_eq!(
        codes(&late, "Gregor Aldane"),
        vec![(Some("XLA"), Some("SPY"))]
    );
    assert_eq!(
        codes(&late, "Petra Vollan"),
        vec![(Some("XLA"), Some("GOV"))]
    );
}

#[test]
fn surnames_corefer_with_the_full_name() {
    let doc = annotate(document(
        "Kazakh Ambassador Nurlan Tokayev left Oslo. Tokayev said he would return.",
    ));
    let full = mention(&doc, "Kazakh Ambassador Nurlan Tokayev");
    let surname = mention(&doc, "Tokayev");
    assert_eq!(code(&surname.actors[0]), (Some("KAZ"), Some("GOV")));
    assert_eq!(surname.actors[0].name, "Nurlan Tokayev");
    assert_eq!(surname.chain, full.chain);
    let he = mention(&doc, "he");
    assert_eq!(he.kind, MentionKind::Pronoun);
    assert_eq!(he.chain, full.chain);
    assert_eq!(he.actors[0].name, "Nurlan Tokayev");
}

#[test]
fn pronouns_prefer_compatible_antecedents() {
    let doc = annotate(document(
        "Canadian diplomats met the Mexican ambassador. They said she was late.",
    ));
    assert_eq!(codes(&doc, "They"), vec![(Some("CAN"), Some("GOV"))]);
    assert_eq!(codes(&doc, "she"), vec![(Some("MEX"), Some("GOV"))]);
}

#[test]
fn it_and_its_refer_to_countries_and_bodies() {
    let doc = annotate(document("Japan protested. It recalled its ambassador."));
    assert_eq!(codes(&doc, "It"), vec![(Some("JPN"), None)]);
    assert_eq!(
        codes(&doc, "its ambassador"),
        vec![(Some("JPN"), Some("GOV"))]
    );
}

#[test]
fn a_dummy_it_is_no_actor() {
    let doc = annotate(document("Japan protested. It is unclear why."));
    assert!(!doc.actors.iter().any(|m| doc.slice(&m.span) == "It"));
}

#[test]
fn role_descriptions_corefer() {
    let doc = annotate(document(
        "Estonian Foreign Minister Liis Kask met Finland's envoy Aarne Virtanen. The foreign minister thanked the envoy.",
    ));
    let minister = mention(&doc, "The foreign minister");
    assert_eq!(minister.actors[0].name, "Liis Kask");
    assert_eq!(code(&minister.actors[0]), (Some("EST"), Some("GOV")));
    let envoy = mention(&doc, "the envoy");
    assert_eq!(envoy.actors[0].name, "Aarne Virtanen");
    assert_eq!(code(&envoy.actors[0]), (Some("FIN"), Some("GOV")));
}

#[test]
fn a_described_person_with_a_country_finds_the_named_one() {
    let doc = annotate(document(
        "Egyptian diplomat Omar Hassan was expelled. The Egyptian diplomat denied it.",
    ));
    let described = mention(&doc, "The Egyptian diplomat");
    assert_eq!(described.actors[0].name, "Omar Hassan");
    assert_eq!(
        described.chain,
        mention(&doc, "Egyptian diplomat Omar Hassan").chain
    );
}

#[test]
fn the_two_sides_are_both_parties_of_the_dyad() {
    let doc = annotate(document(
        "Armenia and Azerbaijan met in Vienna. The two sides agreed to talk again.",
    ));
    assert_eq!(
        codes(&doc, "The two sides"),
        vec![(Some("ARM"), None), (Some("AZE"), None)]
    );
}

#[test]
fn a_quoted_we_is_the_speaker() {
    let doc = annotate(document(
        "\"We consider this unacceptable,\" Kremlin spokesman Ivan Petrov said.",
    ));
    assert_eq!(codes(&doc, "We"), vec![(Some("RUS"), Some("GOV"))]);
}

#[test]
fn hyphenated_demonyms_are_not_the_actor() {
    let doc = annotate(document("Anti-Russian protesters gathered."));
    assert!(doc
        .actors
        .iter()
        .all(|m| m.actors.iter().all(|a| a.country.as_deref() != Some("RUS"))));
}

#[test]
fn tagged_documents_skip_verbs_that_look_like_sector_nouns() {
    let doc = annotate(tagged(
        "Turkish officials press for an official visit.",
        "ADJ NOUN VERB ADP DET ADJ NOUN PUNCT",
    ));
    assert_eq!(
        codes(&doc, "Turkish officials"),
        vec![(Some("TUR"), Some("GOV"))]
    );
    assert_eq!(doc.actors.len(), 1, "{:?}", doc.actors);
}

#[test]
fn mentions_carry_spans_and_heads() {
    let doc = annotate(document("Greek police detained two Albanian nationals."));
    let police = mention(&doc, "Greek police");
    assert_eq!(doc.slice(&police.span), "Greek police");
    assert_eq!(doc.token_text(police.head), "police");
    assert_eq!(police.tokens, 0..2);
    assert_eq!(
        codes(&doc, "two Albanian nationals"),
        vec![(Some("ALB"), Some("CVL"))]
    );
}

#[test]
fn people_with_stated_roles_are_learned_and_remembered() {
    let first = document("Latverian Ambassador Viktor Orlan protested. Orlan left.");
    let learned = resolver().learned(&first);
    assert_eq!(learned.len(), 1, "{learned:?}");
    assert_eq!(learned[0].name, "Viktor Orlan");
    assert_eq!(
        (learned[0].country.as_deref(), learned[0].sector.as_deref()),
        (Some("XLA"), Some("GOV"))
    );
    assert_eq!(learned[0].role.as_deref(), Some("ambassador"));

    let mut later = document("Orlan met reporters.");
    resolver().annotate(&mut later, &ActorMemory::new(learned));
    assert_eq!(codes(&later, "Orlan"), vec![(Some("XLA"), Some("GOV"))]);
    let mut unknown = document("Orlan met reporters.");
    resolver().annotate(&mut unknown, &ActorMemory::empty());
    assert!(unknown
        .actors
        .iter()
        .all(|m| m.actors.iter().all(|a| a.country.is_none())));
}

#[test]
fn the_resolver_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ActorResolver>();
    assert_send_sync::<ActorMemory>();
}

#[test]
fn a_possessive_pronoun_owns_over_a_host_modifier() {
    let doc = annotate(document(
        "\"Our US embassy is under pressure,\" Hungarian Foreign Minister Zoltan Barsi said.",
    ));
    assert_eq!(
        codes(&doc, "Our US embassy"),
        vec![(Some("HUN"), Some("GOV"))]
    );
}

#[test]
fn generic_officials_of_a_sectored_group_take_its_sector() {
    let doc = annotate(document(
        "Representatives of the American intelligence services called.",
    ));
    assert_eq!(
        codes(
            &doc,
            "Representatives of the American intelligence services"
        ),
        vec![(Some("USA"), Some("SPY"))]
    );
}

#[test]
fn complements_chain_from_the_right() {
    let doc = annotate(document(
        "Employees of Poland's mission in Canada were warned.",
    ));
    assert_eq!(
        codes(&doc, "Employees of Poland's mission in Canada"),
        vec![(Some("POL"), Some("GOV"))]
    );
    assert!(!doc.actors.iter().any(|m| doc.slice(&m.span) == "Canada"));
}

#[test]
fn a_shared_demonym_reaches_every_conjunct() {
    let doc = annotate(document("Bulgarian soldiers and diplomats left."));
    assert_eq!(
        codes(&doc, "Bulgarian soldiers and diplomats"),
        vec![(Some("BGR"), Some("MIL")), (Some("BGR"), Some("GOV"))]
    );
}

#[test]
fn a_described_person_falls_back_to_the_last_named_one_of_that_country() {
    let doc = annotate(document(
        "Sven de Wit, the Dutch ambassador, was summoned. The Dutch diplomat declined to comment.",
    ));
    assert_eq!(
        mention(&doc, "The Dutch diplomat").actors[0].name,
        "Sven de Wit"
    );
}

#[test]
fn untagged_documents_still_resolve_the_common_patterns() {
    let doc = annotate(untagged(
        "Russia's ambassador to the United States, Anatoly Vetrov, met Chinese diplomats. He said Moscow would respond.",
    ));
    assert_eq!(
        codes(&doc, "Anatoly Vetrov"),
        vec![(Some("RUS"), Some("GOV"))]
    );
    assert_eq!(
        codes(&doc, "Chinese diplomats"),
        vec![(Some("CHN"), Some("GOV"))]
    );
    assert_eq!(mention(&doc, "He").actors[0].name, "Anatoly Vetrov");
    assert_eq!(codes(&doc, "Moscow"), vec![(Some("RUS"), Some("GOV"))]);
}

#[test]
fn a_quotation_running_over_sentences_names_its_speaker_at_the_end() {
    let doc = annotate(document(
        "\u{201c}There is such a report. We share the concern,\u{201d} said Ivan Petrov, the Kremlin spokesman.",
    ));
    assert_eq!(mention(&doc, "We").actors[0].name, "Ivan Petrov");
    assert_eq!(codes(&doc, "We"), vec![(Some("RUS"), Some("GOV"))]);
}

#[test]
fn a_closed_quotation_without_speaker_continues_the_last_one() {
    let doc = annotate(document(
        "Bolivian Foreign Minister Ana Quispe spoke on Monday. \"Our embassy will stay open.\" Peru disagreed.",
    ));
    assert_eq!(codes(&doc, "Our embassy"), vec![(Some("BOL"), Some("GOV"))]);
}

#[test]
fn a_source_in_an_institution_takes_its_country() {
    let doc = annotate(document(
        "A source in the Cuban Foreign Ministry confirmed the talks.",
    ));
    assert_eq!(
        codes(&doc, "A source in the Cuban Foreign Ministry"),
        vec![(Some("CUB"), Some("GOV"))]
    );
}

#[test]
fn a_people_and_its_state_are_different_entities() {
    let doc = annotate(document(
        "Two Americans were detained, and the United States protested.",
    ));
    let people = mention(&doc, "Two Americans");
    assert_eq!(code(&people.actors[0]), (Some("USA"), None));
    assert_ne!(people.chain, mention(&doc, "the United States").chain);
}

#[test]
fn a_pronoun_before_the_subject_looks_ahead_to_it() {
    let doc = annotate(document(
        "Kenyan President Daniel Mwangi arrived. In her remarks, Tanzanian Foreign Minister Rehema Juma said talks would resume.",
    ));
    assert_eq!(mention(&doc, "her").actors[0].name, "Rehema Juma");
}

#[test]
fn title_case_headlines_keep_names_apart() {
    use chancery_core::{Zone, ZoneKind};
    let headline = "Russia Expels Two US Diplomats Over Spying Claims";
    let text = format!("{headline}\n\nMoscow acted on Friday.");
    let mut doc = Document::new("test", text.clone());
    doc.zones = vec![
        Zone {
            kind: ZoneKind::Title,
            span: 0..headline.len(),
        },
        Zone {
            kind: ZoneKind::Body,
            span: headline.len() + 2..text.len(),
        },
    ];
    chancery_text::tokenize(&mut doc);
    chancery_ling::Linguist::load()
        .expect("linguistic models")
        .annotate(&mut doc);
    let doc = annotate(doc);
    assert_eq!(codes(&doc, "Russia"), vec![(Some("RUS"), None)]);
    assert_eq!(
        codes(&doc, "Two US Diplomats"),
        vec![(Some("USA"), Some("GOV"))]
    );
    assert!(
        doc.actors
            .iter()
            .all(|m| !doc.slice(&m.span).contains("Expels")),
        "{:?}",
        doc.actors
    );
}

#[test]
fn an_unquoted_we_is_the_writer_and_no_actor() {
    let doc = annotate(document(
        "Peru's president resigned. We think the decision was wise.",
    ));
    assert!(
        !doc.actors.iter().any(|m| doc.slice(&m.span) == "We"),
        "{:?}",
        doc.actors
    );
}

#[test]
fn the_owner_of_a_role_stays_a_mention_for_pronouns() {
    let doc = annotate(document(
        "Chile protested. The spokesperson for the State Department said it would not tolerate this.",
    ));
    assert_eq!(
        codes(&doc, "the State Department"),
        vec![(Some("USA"), Some("GOV"))]
    );
    assert_eq!(codes(&doc, "it"), vec![(Some("USA"), Some("GOV"))]);
}

#[test]
fn a_nationality_before_unknown_people_is_no_actor() {
    let doc = annotate(document(
        "Moscow expelled American friends and blamed the Russian offensive.",
    ));
    assert!(
        !doc.actors.iter().any(|m| doc.slice(&m.span) == "American"),
        "{:?}",
        doc.actors
    );
    assert_eq!(codes(&doc, "the Russian"), vec![(Some("RUS"), None)]);
}

#[test]
fn only_definite_descriptions_look_back() {
    let doc = annotate(document(
        "Irish diplomats met Spanish officials. Many diplomats disagreed, but the officials left.",
    ));
    assert_eq!(codes(&doc, "Many diplomats"), vec![(None, Some("GOV"))]);
    assert_eq!(
        codes(&doc, "the officials"),
        vec![(Some("ESP"), Some("GOV"))]
    );
}

#[test]
fn former_officials_are_elites_keeping_their_old_sector() {
    let doc = annotate(document(
        "Former Latverian intelligence chief Boris Kell was arrested.",
    ));
    let actor = &mention(&doc, "Former Latverian intelligence chief Boris Kell").actors[0];
    assert_eq!(code(actor), (Some("XLA"), Some("ELI")));
    assert_eq!(actor.other_sectors, vec!["SPY".to_string()]);
    let mut later = document("Mara Tellan spoke.");
    later.meta.date = Some("2010-01-01".into());
    assert_eq!(
        codes(&annotate(later), "Mara Tellan"),
        vec![(Some("XLA"), Some("ELI"))]
    );
    let mut during = document("Mara Tellan spoke.");
    during.meta.date = Some("2003-01-01".into());
    assert_eq!(
        codes(&annotate(during), "Mara Tellan"),
        vec![(Some("XLA"), Some("GOV"))]
    );
    let mut retired = document("Petra Vollan met Gregor Aldane.");
    retired.meta.date = Some("2030-01-01".into());
    let retired = annotate(retired);
    assert_eq!(
        codes(&retired, "Gregor Aldane"),
        vec![(Some("XLA"), Some("SPY"))],
        "still in office"
    );
}

#[test]
fn he_and_she_keep_to_persons_of_their_gender() {
    let doc = annotate(document(
        "Foreign Office spokeswoman Clare Dunmore met Kremlin spokesman Oleg Vasin. She said he was late.",
    ));
    assert_eq!(mention(&doc, "She").actors[0].name, "Clare Dunmore");
    assert_eq!(mention(&doc, "he").actors[0].name, "Oleg Vasin");
}

#[test]
fn titles_before_a_possessor_are_its_own() {
    let doc = annotate(document(
        "Latverian President Gregor Aldane's spokesman Piotr Hale spoke. The Latverian Foreign Ministry said the ministry would reply.",
    ));
    let spokesman = mention(
        &doc,
        "Latverian President Gregor Aldane's spokesman Piotr Hale",
    );
    assert_eq!(spokesman.actors[0].name, "Piotr Hale");
    assert_eq!(code(&spokesman.actors[0]), (Some("XLA"), Some("GOV")));
    assert_eq!(
        codes(&doc, "the ministry"),
        vec![(Some("XLA"), Some("GOV"))]
    );
    let learned = resolver().learned(&doc);
    assert_eq!(learned[0].role.as_deref(), Some("spokesman"));
}

#[test]
fn the_dateline_place_is_no_actor() {
    use chancery_core::Dateline;
    let text = "MOSCOW, March 31 (Reuters) - Ukraine protested.";
    let mut doc = document(text);
    doc.dateline = Some(Dateline {
        span: 0..28,
        place: Some("MOSCOW".into()),
        ..Dateline::default()
    });
    let doc = annotate(doc);
    assert!(
        !doc.actors.iter().any(|m| doc.slice(&m.span) == "MOSCOW"),
        "{:?}",
        doc.actors
    );
    assert_eq!(codes(&doc, "Ukraine"), vec![(Some("UKR"), None)]);
}
