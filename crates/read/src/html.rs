//! HTML pages: the article body (`<article>`, `[itemprop=articleBody]`,
//! `<main>`, else the block densest in paragraphs) without navigation,
//! headers, footers, asides, scripts, styles, forms or comments; the title,
//! date, URL and site name from the page's metadata (meta tags, JSON-LD,
//! `<time>`). The document text is the title and the body's blocks, one per
//! line; its zones come from the markup (headings, captions) and from the
//! plain-text layout analysis (datelines, furniture).

use crate::layout::{self, Lines, TitleRule};
use crate::published_date;
use chancery_core::{Document, ZoneKind};
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

/// Elements whose content is never article text.
const SKIPPED: [&str; 18] = [
    "nav", "header", "footer", "aside", "script", "style", "form", "noscript", "iframe", "svg",
    "button", "template", "select", "textarea", "menu", "dialog", "object", "canvas",
];
/// Class or id words of page furniture inside an article.
const FURNITURE_MARKS: [&str; 11] = [
    "share",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "advert",
    "promo",
    "comments",
    "breadcrumb",
    "byline",
    "author",
];
/// Elements that end a line of text.
const BLOCKS: [&str; 23] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "dd",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// A document from an HTML page; `id` and `origin` as for text files. An
/// error when the page holds no text at all.
pub(crate) fn read_html(id: &str, html: &str, origin: &str) -> Result<Document, String> {
    let page = Html::parse_document(html);
    let title = first_content(
        &page,
        &["meta[property='og:title']", "meta[name='twitter:title']"],
    )
    .or_else(|| first_text(&page, "h1"))
    .or_else(|| first_text(&page, "title").map(without_site_name));
    let mut blocks = Vec::new();
    if let Some(title) = &title {
        blocks.push((ZoneKind::Title, title.clone()));
    }
    let mut collector = Collector::default();
    collector.walk(article_body(&page));
    collector.flush();
    blocks.extend(
        collector
            .blocks
            .into_iter()
            .filter(|(_, text)| Some(text) != title.as_ref()),
    );

    let text = blocks
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    if text.is_empty() {
        return Err("no article text in the HTML page".into());
    }
    let found = layout::analyze(
        &text,
        TitleRule::Given(title.as_deref()),
        Lines::OneParagraphEach,
    );
    let line_kinds = line_starts(&blocks);
    let mut doc = layout::document(id, text, origin, found);
    // The markup knows headings and captions better than line heuristics.
    for zone in &mut doc.zones {
        let line = line_kinds.partition_point(|(start, _)| *start <= zone.span.start) - 1;
        let marked = line_kinds[line].1;
        if matches!(marked, ZoneKind::Heading | ZoneKind::Caption)
            && zone.kind != ZoneKind::Dateline
        {
            zone.kind = marked;
        }
    }
    doc.meta.title = title;
    doc.meta.date = first_content(
        &page,
        &[
            "meta[property='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='date']",
            "meta[name='pubdate']",
            "meta[name='dc.date']",
        ],
    )
    .or_else(|| linked_data_field(&page, "datePublished"))
    .or_else(|| first_attr(&page, "time[datetime]", "datetime"))
    .map(|date| published_date(&date));
    doc.meta.url = first_attr(&page, "link[rel='canonical']", "href")
        .or_else(|| first_content(&page, &["meta[property='og:url']"]));
    doc.meta.source = first_content(&page, &["meta[property='og:site_name']"]);
    Ok(doc)
}

/// Byte offset where each block's line starts, with the block's kind.
fn line_starts(blocks: &[(ZoneKind, String)]) -> Vec<(usize, ZoneKind)> {
    let mut start = 0;
    blocks
        .iter()
        .map(|(kind, text)| {
            let line = (start, *kind);
            start += text.len() + 1;
            line
        })
        .collect()
}

/// The element holding the article text.
fn article_body(page: &Html) -> ElementRef<'_> {
    for css in [
        "[itemprop='articleBody']",
        "article",
        "main",
        "[role='main']",
    ] {
        let best = page
            .select(&selector(css))
            .max_by_key(|candidate| paragraph_text_len(*candidate, true));
        if let Some(best) = best.filter(|b| paragraph_text_len(*b, true) > 0) {
            return best;
        }
    }
    // The element whose own paragraphs hold the most text.
    page.root_element()
        .descendent_elements()
        .max_by_key(|candidate| paragraph_text_len(*candidate, false))
        .filter(|best| paragraph_text_len(*best, false) > 0)
        .unwrap_or_else(|| page.root_element())
}

/// Bytes of text in the element's `<p>`s: all of them, or its children only.
fn paragraph_text_len(element: ElementRef, deep: bool) -> usize {
    let paragraphs: Box<dyn Iterator<Item = ElementRef>> = if deep {
        Box::new(element.descendent_elements())
    } else {
        Box::new(element.child_elements())
    };
    paragraphs
        .filter(|e| e.value().name() == "p")
        .map(|p| p.text().map(str::len).sum::<usize>())
        .sum()
}

/// Collects the text of an element as lines, one per block.
#[derive(Default)]
struct Collector {
    blocks: Vec<(ZoneKind, String)>,
    line: String,
    /// The kind of the innermost open block.
    kinds: Vec<ZoneKind>,
    /// Only spaces since the last `<br>`.
    after_break: bool,
}

impl Collector {
    fn walk(&mut self, element: ElementRef) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => {
                    self.line.push_str(text);
                    self.after_break &= text.trim().is_empty();
                }
                // Two line breaks in a row separate paragraphs, one joins lines.
                Node::Element(e) if e.name() == "br" => {
                    if std::mem::replace(&mut self.after_break, true) {
                        self.flush();
                    } else {
                        self.line.push(' ');
                    }
                }
                Node::Element(e) if is_skipped(e) => {}
                Node::Element(e) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = e.name();
                    if BLOCKS.contains(&name) {
                        self.flush();
                        self.kinds
                            .push(block_kind(name).unwrap_or_else(|| self.kind()));
                        self.walk(child);
                        self.flush();
                        self.kinds.pop();
                    } else {
                        self.walk(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn kind(&self) -> ZoneKind {
        self.kinds.last().copied().unwrap_or(ZoneKind::Body)
    }

    /// Ends the current line, spaces collapsed.
    fn flush(&mut self) {
        self.after_break = false;
        let line = self.line.split_whitespace().collect::<Vec<_>>().join(" ");
        self.line.clear();
        if !line.is_empty() {
            self.blocks.push((self.kind(), line));
        }
    }
}

fn block_kind(name: &str) -> Option<ZoneKind> {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(ZoneKind::Heading),
        "figcaption" => Some(ZoneKind::Caption),
        "p" | "li" | "blockquote" => Some(ZoneKind::Body),
        _ => None,
    }
}

fn is_skipped(element: &scraper::node::Element) -> bool {
    if SKIPPED.contains(&element.name()) {
        return true;
    }
    element.classes().chain(element.id()).any(|mark| {
        let mark = mark.to_ascii_lowercase();
        FURNITURE_MARKS.iter().any(|f| mark.contains(f))
    })
}

/// A string field of the page's schema.org JSON-LD (`datePublished`), looked
/// for in the top-level objects, arrays and `@graph` lists.
fn linked_data_field(page: &Html, field: &str) -> Option<String> {
    fn find(value: &Value, field: &str) -> Option<String> {
        match value {
            Value::Object(object) => match object.get(field) {
                Some(Value::String(found)) if !found.trim().is_empty() => Some(found.clone()),
                _ => object.get("@graph").and_then(|graph| find(graph, field)),
            },
            Value::Array(items) => items.iter().find_map(|item| find(item, field)),
            _ => None,
        }
    }
    page.select(&selector("script[type='application/ld+json']"))
        .filter_map(|script| serde_json::from_str::<Value>(&script.text().collect::<String>()).ok())
        .find_map(|data| find(&data, field))
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this module are valid CSS")
}

/// The first non-empty `content` of the meta elements matched, in order.
fn first_content(page: &Html, selectors: &[&str]) -> Option<String> {
    selectors
        .iter()
        .find_map(|css| first_attr(page, css, "content"))
}

fn first_attr(page: &Html, css: &str, attribute: &str) -> Option<String> {
    page.select(&selector(css))
        .filter_map(|e| e.value().attr(attribute))
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|v| !v.is_empty())
}

fn first_text(page: &Html, css: &str) -> Option<String> {
    page.select(&selector(css))
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .find(|t| !t.is_empty())
}

/// A `<title>` without the site name after a bar (`Envoy recalled | The Times`).
fn without_site_name(title: String) -> String {
    match title.rsplit_once(" | ") {
        Some((headline, _)) if !headline.trim().is_empty() => headline.trim().to_string(),
        _ => title,
    }
}
