//! HTML pages: the article text without the page around it, metadata from
//! the head, zones from the markup.

use chancery_core::{Document, ZoneKind};
use chancery_read::read_inputs;

fn read_page(html: &str) -> Document {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(&path, html).unwrap();
    let mut docs: Vec<_> = read_inputs(&[path]).collect();
    assert_eq!(docs.len(), 1);
    docs.remove(0).unwrap()
}

fn zones(doc: &Document) -> Vec<(ZoneKind, &str)> {
    doc.zones
        .iter()
        .map(|z| (z.kind, doc.slice(&z.span)))
        .collect()
}

const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Site | Harbour dispute</title>
<meta property="og:title" content="Harbour dispute flares between Oslo and Reykjavik">
<meta property="article:published_time" content="2023-08-14T09:15:00+02:00">
<meta property="og:site_name" content="Test Gazette">
<link rel="canonical" href="https://example.org/harbour">
<script>var junk = "Sanctions were imposed on everyone.";</script>
<style>p { color: blue }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="promo">Subscribe for one dollar a week.</div>
<article>
  <h1>Harbour dispute flares between Oslo and Reykjavik</h1>
  <div class="byline">By A. Writer</div>
  <p>OSLO, Aug. 14 (Test Gazette) &mdash; Norway summoned the Icelandic   ambassador
  on Monday over a fishing <b>dispute</b>.</p>
  <!-- a comment that says Iceland declared war -->
  <figure><img src="x.jpg"><figcaption>Boats in the harbour at dawn.</figcaption></figure>
  <h2>Talks planned</h2>
  <p>Both sides agreed to hold talks in September.<br>No venue was named.</p>
  <aside><p>Related: other disputes</p></aside>
  <form><label>Email</label><input></form>
</article>
<footer><p>Copyright Test Gazette.</p></footer>
</body></html>"#;

#[test]
fn extracts_the_article_and_its_metadata() {
    let doc = read_page(PAGE);
    assert_eq!(doc.id, "page");
    assert_eq!(
        doc.text,
        "Harbour dispute flares between Oslo and Reykjavik\n\
         OSLO, Aug. 14 (Test Gazette) — Norway summoned the Icelandic ambassador on Monday over a fishing dispute.\n\
         Boats in the harbour at dawn.\n\
         Talks planned\n\
         Both sides agreed to hold talks in September. No venue was named."
    );
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Harbour dispute flares between Oslo and Reykjavik")
    );
    assert_eq!(doc.meta.date.as_deref(), Some("2023-08-14"));
    assert_eq!(doc.meta.url.as_deref(), Some("https://example.org/harbour"));
    assert_eq!(doc.meta.source.as_deref(), Some("Test Gazette"));
    assert_eq!(
        zones(&doc),
        vec![
            (
                ZoneKind::Title,
                "Harbour dispute flares between Oslo and Reykjavik"
            ),
            (ZoneKind::Dateline, "OSLO, Aug. 14 (Test Gazette) —"),
            (
                ZoneKind::Body,
                "Norway summoned the Icelandic ambassador on Monday over a fishing dispute."
            ),
            (ZoneKind::Caption, "Boats in the harbour at dawn."),
            (ZoneKind::Heading, "Talks planned"),
            (
                ZoneKind::Body,
                "Both sides agreed to hold talks in September. No venue was named."
            ),
        ]
    );
    assert_eq!(
        doc.dateline.unwrap().outlet.as_deref(),
        Some("Test Gazette")
    );
}

#[test]
fn without_an_article_element_the_densest_paragraph_block_is_the_body() {
    let page = r#"<html><head><title>Border talks | Test Gazette</title></head><body>
        <div id="menu"><p>Home</p><p>About</p></div>
        <div id="story">
          <p>Envoys from Peru and Bolivia met at the border on Friday.</p>
          <p>They signed an agreement on water rights.</p>
        </div>
        <div id="footer-links"><p>Contact us</p></div>
        <time datetime="2022-11-04">Nov 4</time>
        </body></html>"#;
    let doc = read_page(page);
    assert_eq!(
        doc.text,
        "Border talks\nEnvoys from Peru and Bolivia met at the border on Friday.\nThey signed an agreement on water rights."
    );
    assert_eq!(doc.meta.date.as_deref(), Some("2022-11-04"));
    assert_eq!(zones(&doc)[0], (ZoneKind::Title, "Border talks"));
    assert!(zones(&doc)[1..]
        .iter()
        .all(|(kind, _)| *kind == ZoneKind::Body));
}

#[test]
fn two_line_breaks_separate_paragraphs_and_one_joins_lines() {
    let page = "<html><head><title>Note</title></head><body><article><div>\
        Envoys met in Lima.<br>They spoke for an hour.<br> <br>\
        A second meeting is planned.</div></article></body></html>";
    let doc = read_page(page);
    assert_eq!(
        doc.text,
        "Note\nEnvoys met in Lima. They spoke for an hour.\nA second meeting is planned."
    );
}

#[test]
fn the_date_may_come_from_linked_data() {
    let page = r#"<html><head><title>Accord signed</title>
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Test Gazette"},
          {"@type": "NewsArticle", "headline": "Accord signed", "datePublished": "2021-09-30T08:00:00Z"}
        ]}
        </script></head>
        <body><article><p>The accord was signed in Nairobi.</p></article></body></html>"#;
    let doc = read_page(page);
    assert_eq!(doc.meta.date.as_deref(), Some("2021-09-30"));
    assert_eq!(doc.text, "Accord signed\nThe accord was signed in Nairobi.");
}
