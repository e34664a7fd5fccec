//! Plain-text reading: zones keep the offsets of the text as given.

use chancery_core::{Document, ZoneKind};
use chancery_read::read_text;

fn zones(doc: &Document) -> Vec<(ZoneKind, &str)> {
    doc.zones
        .iter()
        .map(|z| (z.kind, &doc.text[z.span.clone()]))
        .collect()
}

#[test]
fn keeps_the_text_and_finds_title_dateline_and_body() {
    let text = "Envoys meet again in Vienna\n\
                VIENNA, Oct. 14 (Chancery Wire) — Two delegations met on Tuesday. They agreed to talk again.\n\
                The next round is planned for December.\n";
    let doc = read_text("talks", text.to_string(), "talks.txt");
    assert_eq!(doc.text, text);
    assert_eq!(doc.id, "talks");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Envoys meet again in Vienna")
    );
    assert_eq!(doc.meta.origin.as_deref(), Some("talks.txt"));
    assert_eq!(
        zones(&doc),
        vec![
            (ZoneKind::Title, "Envoys meet again in Vienna"),
            (ZoneKind::Dateline, "VIENNA, Oct. 14 (Chancery Wire) —"),
            (
                ZoneKind::Body,
                "Two delegations met on Tuesday. They agreed to talk again."
            ),
            (ZoneKind::Body, "The next round is planned for December."),
        ]
    );
    let dateline = doc.dateline.expect("dateline");
    assert_eq!(&text[dateline.span], "VIENNA, Oct. 14 (Chancery Wire) —");
    assert_eq!(dateline.place.as_deref(), Some("VIENNA"));
    assert_eq!(dateline.date_text.as_deref(), Some("Oct. 14"));
    assert_eq!(dateline.outlet.as_deref(), Some("Chancery Wire"));
}

#[test]
fn markdown_noise_stays_outside_the_zones() {
    let text = "\n# *Ministers trade warnings over grain deal*\n\n---\n\n\
                ![A port crane](https://example.org/crane.jpg)\n\n\
                Cranes stand idle at the port\n\n\
                ANKARA, May 2 (Chancery Wire) — Turkey urged both sides to return to the table.\n\n\
                **Read more:** Grain prices climb again\n\n\
                [Grain prices climb again](https://example.org/grain)\n\n\
                [Kyiv](https://example.org/kyiv) welcomed the offer (officials said)\n\n\
                Advertisement\n\n\
                ## What comes next\n\n\
                Photo: Officials leave the talks in Istanbul on Friday evening\n\n\
                (Reuters)\n\n\
                File photo\n\n\
                The talks resume on **Monday**, officials said.\n";
    let doc = read_text("grain", text.to_string(), "grain.md");
    assert_eq!(doc.text, text);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Ministers trade warnings over grain deal")
    );
    assert_eq!(
        zones(&doc),
        vec![
            (ZoneKind::Title, "Ministers trade warnings over grain deal"),
            (ZoneKind::Caption, "Cranes stand idle at the port"),
            (ZoneKind::Dateline, "ANKARA, May 2 (Chancery Wire) —"),
            (
                ZoneKind::Body,
                "Turkey urged both sides to return to the table."
            ),
            (
                ZoneKind::Heading,
                "[Kyiv](https://example.org/kyiv) welcomed the offer (officials said)"
            ),
            (ZoneKind::Heading, "What comes next"),
            (
                ZoneKind::Caption,
                "Officials leave the talks in Istanbul on Friday evening"
            ),
            (
                ZoneKind::Body,
                "The talks resume on **Monday**, officials said."
            ),
        ]
    );
}

#[test]
fn a_first_sentence_is_not_a_title_and_subheads_are_headings() {
    let text = "Lithuania closed a consulate on Monday.\nA second line of text follows here.\nTalks stall\nNo date was set for new talks.";
    let doc = read_text("x", text.to_string(), "x.txt");
    assert_eq!(doc.meta.title, None);
    assert_eq!(
        zones(&doc),
        vec![
            (ZoneKind::Body, "Lithuania closed a consulate on Monday."),
            (ZoneKind::Body, "A second line of text follows here."),
            (ZoneKind::Heading, "Talks stall"),
            (ZoneKind::Body, "No date was set for new talks."),
        ]
    );
    assert!(doc.dateline.is_none());
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let text = "Ottawa recalls envoy\n\n\
                OTTAWA (Chancery Wire) - Canada recalled its ambassador\n\
                for consultations on Thursday after a row over\n\
                fishing rights, the foreign ministry said in a short\n\
                statement.\n\n\
                The ministry gave no date for his return and said a\n\
                review of ties was under way.\n";
    let doc = read_text("wrap", text.to_string(), "wrap.txt");
    let found = zones(&doc);
    assert_eq!(found[0], (ZoneKind::Title, "Ottawa recalls envoy"));
    assert_eq!(found[1], (ZoneKind::Dateline, "OTTAWA (Chancery Wire) -"));
    assert_eq!(
        found[2],
        (
            ZoneKind::Body,
            "Canada recalled its ambassador\nfor consultations on Thursday after a row over\nfishing rights, the foreign ministry said in a short\nstatement."
        )
    );
    assert_eq!(
        found[3],
        (
            ZoneKind::Body,
            "The ministry gave no date for his return and said a\nreview of ties was under way."
        )
    );
    assert_eq!(found.len(), 4);
}

#[test]
fn a_byte_order_mark_stays_in_the_text_but_out_of_the_zones() {
    let text = "\u{feff}Oslo hosts ceasefire talks\nNegotiators arrived in Oslo on Sunday.";
    let doc = read_text("bom", text.to_string(), "bom.txt");
    assert_eq!(doc.text, text);
    assert_eq!(
        zones(&doc),
        vec![
            (ZoneKind::Title, "Oslo hosts ceasefire talks"),
            (ZoneKind::Body, "Negotiators arrived in Oslo on Sunday."),
        ]
    );
}

#[test]
fn a_standfirst_after_the_title_is_a_heading_and_the_tass_dateline_is_found() {
    let text = "Envoy rejects charges — ministry\n\
                \u{201c}We have nothing to hide,\u{201d} the envoy added\n\
                CAIRO, June 3. /Chancery Wire/. The envoy rejected the charges at a briefing.";
    let doc = read_text("tass", text.to_string(), "tass.txt");
    assert_eq!(
        zones(&doc),
        vec![
            (ZoneKind::Title, "Envoy rejects charges — ministry"),
            (
                ZoneKind::Heading,
                "\u{201c}We have nothing to hide,\u{201d} the envoy added"
            ),
            (ZoneKind::Dateline, "CAIRO, June 3. /Chancery Wire/."),
            (
                ZoneKind::Body,
                "The envoy rejected the charges at a briefing."
            ),
        ]
    );
    let dateline = doc.dateline.unwrap();
    assert_eq!(dateline.outlet.as_deref(), Some("Chancery Wire"));
    assert_eq!(dateline.date_text.as_deref(), Some("June 3"));
}

#[test]
fn what_comes_before_a_dateline_is_headline_and_standfirst() {
    let text = "Ceasefire talks collapse in Doha.\n\n\
                Both delegations walked out after two days.\n\n\
                DOHA (Chancery Wire) — Negotiators left the Qatari capital on Sunday.\n\n\
                ROME (Chancery Wire) — This later line is not a dateline.";
    let doc = read_text("doha", text.to_string(), "doha.txt");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Ceasefire talks collapse in Doha.")
    );
    assert_eq!(
        zones(&doc),
        vec![
            (ZoneKind::Title, "Ceasefire talks collapse in Doha."),
            (
                ZoneKind::Heading,
                "Both delegations walked out after two days."
            ),
            (ZoneKind::Dateline, "DOHA (Chancery Wire) —"),
            (
                ZoneKind::Body,
                "Negotiators left the Qatari capital on Sunday."
            ),
            (
                ZoneKind::Body,
                "ROME (Chancery Wire) — This later line is not a dateline."
            ),
        ]
    );
}

#[test]
fn bylines_credits_and_crlf_line_ends_stay_out_of_the_zones() {
    let text = "Quito and Lima restore ties\r\nBy Ana Ruiz and Li Wei\r\n\
                By Monday, both embassies had reopened.\r\n\
                Subscribers to the bulletin were told first.\r\n\
                (Reporting by Ana Ruiz; Editing by Tom Hale)\r\n";
    let doc = read_text("ties", text.to_string(), "ties.txt");
    assert_eq!(
        zones(&doc),
        vec![
            (ZoneKind::Title, "Quito and Lima restore ties"),
            (ZoneKind::Body, "By Monday, both embassies had reopened."),
            (
                ZoneKind::Body,
                "Subscribers to the bulletin were told first."
            ),
        ]
    );
}

/// Pieces random texts are made of: words, markdown marks, dateline parts,
/// multi-byte characters, line breaks.
const PIECES: [&str; 32] = [
    "MOSCOW",
    "Geneva",
    ", ",
    "March 3",
    " (Wire) ",
    "—",
    "-",
    "--",
    ". /TASS/.",
    "# ",
    "*",
    "**",
    "_",
    "---",
    "![x](y)",
    "Photo: ",
    "Read more:",
    "\u{feff}",
    "é",
    "“",
    "”",
    "…",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "talks.",
    "By ",
    "(",
    ")",
    "said",
    "Ω",
];

#[test]
fn random_texts_keep_zone_invariants() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let length = (next() % 40) as usize;
        let text: String = (0..length)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let doc = read_text("random", text.clone(), "random.txt");
        assert_eq!(doc.text, text);
        let mut end = 0;
        for zone in &doc.zones {
            assert!(
                zone.span.start >= end && zone.span.start < zone.span.end,
                "{text:?}"
            );
            let slice = text
                .get(zone.span.clone())
                .expect("zone on char boundaries");
            assert_eq!(slice, slice.trim(), "{text:?}");
            end = zone.span.end;
        }
        if let Some(dateline) = &doc.dateline {
            assert!(text.get(dateline.span.clone()).is_some(), "{text:?}");
        }
    }
}
