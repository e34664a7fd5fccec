//! The layout of a plain-text article: paragraphs, and which of them are the
//! title, headings, captions, the dateline and the body. Markdown markers,
//! rules, images and page furniture (`Read more:`, `Advertisement`, photo
//! credits) are left between zones, so offsets into the text never move.

use crate::dateline;
use chancery_core::{Dateline, Document, Metadata, Span, Zone, ZoneKind};

/// Where the title of a text comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TitleRule<'a> {
    /// The first line, when it looks like a headline.
    FirstLine,
    /// A title given beside the text (JSONL `title`): the first line is the
    /// title zone only when it repeats it.
    Given(Option<&'a str>),
}

/// What the analysis found; spans are byte ranges into the analysed text.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub zones: Vec<Zone>,
    pub dateline: Option<Dateline>,
    /// The title as plain words, markers removed.
    pub title: Option<String>,
}

/// A document holding `text` unchanged and the layout found in it.
pub(crate) fn document(id: &str, text: String, origin: &str, layout: Layout) -> Document {
    let mut doc = Document::new(id, text);
    doc.zones = layout.zones;
    doc.dateline = layout.dateline;
    doc.meta = Metadata {
        title: layout.title,
        origin: Some(origin.to_string()),
        ..Metadata::default()
    };
    doc
}

/// Lines are hard-wrapped (and joined back into paragraphs) when no line is
/// longer than this and most lines come close to the longest.
const MAX_WRAP_WIDTH: usize = 100;
/// A wrapped line shorter than this share of the width ends its paragraph.
const WRAPPED_LINE_SHARE: f64 = 0.6;
/// Longest headline, heading and caption, in words.
const MAX_TITLE_WORDS: usize = 30;
const MAX_TITLE_BYTES: usize = 250;
const MAX_HEADING_WORDS: usize = 40;

/// Lines of page furniture, matched on their lowercase start (whole words):
/// no news sentence opens this way.
const NOISE_STARTS: [&str; 30] = [
    "read more",
    "read also",
    "also read",
    "see also",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "recommended:",
    "advertisement",
    "sponsored content",
    "subscribe to",
    "sign up for",
    "share this",
    "share on",
    "follow us",
    "click here",
    "copyright",
    "©",
    "all rights reserved",
    "image source",
    "getty images",
    "reporting by",
    "editing by",
    "additional reporting",
    "(reporting by",
    "(editing by",
    "(additional reporting",
    "updated:",
    "published:",
];
/// A byline (`By Jane Roe and Li Wei`) is a short line opening with `By`.
const MAX_BYLINE_WORDS: usize = 8;
/// Labels of photo captions and credits.
const CAPTION_LABELS: [&str; 8] = [
    "photo:",
    "photo credit",
    "photograph:",
    "picture:",
    "pictured:",
    "image:",
    "caption:",
    "file photo",
];
/// A caption needs this many words besides its label; fewer is a credit.
const MIN_CAPTION_WORDS: usize = 5;

/// How line breaks are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lines {
    /// Join hard-wrapped lines back into paragraphs when the text looks wrapped.
    DetectWrapping,
    /// Every line is a paragraph (text extracted from HTML).
    OneParagraphEach,
}

/// Body paragraphs that may come before a dateline: a headline and a
/// standfirst that end with a period look like body until the dateline shows
/// where the story starts.
const MAX_BODY_BEFORE_DATELINE: usize = 2;

pub(crate) fn analyze(text: &str, rule: TitleRule, lines: Lines) -> Layout {
    let mut analysis = Analysis {
        text,
        rule,
        layout: Layout::default(),
        previous_was_image: false,
        seen_content: false,
        body_paragraphs: 0,
    };
    for paragraph in paragraphs(text, lines) {
        analysis.classify(paragraph);
    }
    analysis.layout
}

struct Analysis<'t> {
    text: &'t str,
    rule: TitleRule<'t>,
    layout: Layout,
    previous_was_image: bool,
    seen_content: bool,
    body_paragraphs: usize,
}

impl Analysis<'_> {
    fn classify(&mut self, paragraph: Span) {
        let raw = &self.text[paragraph.clone()];
        let after_image = std::mem::replace(&mut self.previous_was_image, false);
        if is_rule(raw) || is_link_line(raw) {
            return;
        }
        if raw.starts_with("![") {
            self.previous_was_image = true;
            return;
        }
        let inner = strip_markers(self.text, paragraph.clone());
        let words = plain_words(&self.text[inner.clone()]);
        if words.is_empty() || is_furniture(&words) {
            return;
        }
        if let Some(label_end) = caption_label_end(&self.text[inner.clone()]) {
            let caption = inner.start + label_end..inner.end;
            if plain_words(&self.text[caption.clone()]).split(' ').count() >= MIN_CAPTION_WORDS {
                self.push(ZoneKind::Caption, caption);
            }
            return;
        }
        let first = !std::mem::replace(&mut self.seen_content, true);
        let marked_heading = raw.starts_with('#');
        let emphasized = raw.starts_with(['*', '_']);
        let multi_line = raw.contains('\n');
        let word_count = words.split(' ').count();
        let open_ended = !ends_sentence(&words);
        if first && self.is_title(&words, marked_heading, multi_line) {
            self.layout.title = Some(words);
            self.push(ZoneKind::Title, inner);
            return;
        }
        if after_image && (emphasized || open_ended) && word_count <= MAX_HEADING_WORDS {
            self.push(ZoneKind::Caption, inner);
            return;
        }
        let dateline_possible =
            self.layout.dateline.is_none() && self.body_paragraphs <= MAX_BODY_BEFORE_DATELINE;
        if dateline_possible && self.dateline(inner.clone()) {
            return;
        }
        let heading =
            marked_heading || (!multi_line && open_ended && word_count <= MAX_HEADING_WORDS);
        if heading {
            self.push(ZoneKind::Heading, inner);
        } else {
            self.body_paragraphs += 1;
            self.push(ZoneKind::Body, inner);
        }
    }

    fn is_title(&self, words: &str, marked: bool, multi_line: bool) -> bool {
        match self.rule {
            TitleRule::FirstLine => {
                marked
                    || (!multi_line
                        && !words.ends_with('.')
                        && words.len() <= MAX_TITLE_BYTES
                        && words.split(' ').count() <= MAX_TITLE_WORDS
                        && dateline::parse(words).is_none_or(|d| d.rest != words.len()))
            }
            TitleRule::Given(Some(title)) => {
                plain_words(title).to_lowercase() == words.to_lowercase()
            }
            TitleRule::Given(None) => false,
        }
    }

    /// Takes the dateline opening the paragraph, if any, with the rest of the
    /// paragraph as body (a dateline may also stand alone on its line).
    fn dateline(&mut self, paragraph: Span) -> bool {
        let Some(found) = dateline::parse(&self.text[paragraph.clone()]) else {
            return false;
        };
        let alone = found.rest == paragraph.len();
        self.retag_before_dateline();
        let span = paragraph.start..paragraph.start + found.end;
        self.push(ZoneKind::Dateline, span.clone());
        if !alone {
            self.push(ZoneKind::Body, paragraph.start + found.rest..paragraph.end);
            self.body_paragraphs += 1;
        }
        self.layout.dateline = Some(Dateline {
            span,
            place: found.place,
            date_text: found.date_text,
            outlet: found.outlet,
        });
        true
    }

    /// What looked like body before the dateline is the headline (the first
    /// line, when the title comes from it) and standfirsts.
    fn retag_before_dateline(&mut self) {
        let first_line_title =
            matches!(self.rule, TitleRule::FirstLine) && self.layout.title.is_none();
        for (i, zone) in self.layout.zones.iter_mut().enumerate() {
            if zone.kind != ZoneKind::Body {
                continue;
            }
            let words = plain_words(&self.text[zone.span.clone()]);
            if i == 0 && first_line_title && words.split(' ').count() <= MAX_TITLE_WORDS {
                zone.kind = ZoneKind::Title;
                self.layout.title = Some(words);
            } else {
                zone.kind = ZoneKind::Heading;
            }
        }
    }

    fn push(&mut self, kind: ZoneKind, span: Span) {
        if !span.is_empty() {
            self.layout.zones.push(Zone { kind, span });
        }
    }
}

/// Paragraph spans, trimmed: runs of lines between blank lines when the text
/// is hard-wrapped, else one per line (most news text puts each paragraph on
/// one line). A leading byte-order mark is left out.
fn paragraphs(text: &str, mode: Lines) -> Vec<Span> {
    let mut lines: Vec<Option<Span>> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = if offset == 0 {
            line.len() - line.trim_start_matches('\u{feff}').len()
        } else {
            0
        };
        let content = line[start..].trim();
        lines.push((!content.is_empty()).then(|| {
            let begin = offset + start + (line[start..].len() - line[start..].trim_start().len());
            begin..begin + content.len()
        }));
        offset += line.len();
    }
    let widths: Vec<usize> = lines
        .iter()
        .flatten()
        .map(|span| text[span.clone()].chars().count())
        .collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    let long_line = (widest as f64 * WRAPPED_LINE_SHARE) as usize;
    // Wrapped lines are of similar width and often break mid-sentence, so
    // many lines do not end a sentence and many start in lowercase; one
    // paragraph per line nearly always ends a sentence on each line.
    let content = || lines.iter().flatten().map(|span| &text[span.clone()]);
    let open_lines = content().filter(|line| !ends_sentence(line)).count();
    let continued_lines = content()
        .filter(|line| line.starts_with(char::is_lowercase))
        .count();
    let wrapped = mode == Lines::DetectWrapping
        && widths.len() >= 4
        && widest <= MAX_WRAP_WIDTH
        && widths.iter().filter(|&&w| w >= long_line).count() * 2 >= widths.len()
        && open_lines * 3 >= widths.len()
        && continued_lines * 4 >= widths.len();

    let mut paragraphs: Vec<Span> = Vec::new();
    let mut joinable = false;
    for line in lines {
        let Some(span) = line else {
            joinable = false;
            continue;
        };
        let prose = is_prose_line(&text[span.clone()]);
        match paragraphs.last_mut() {
            Some(last) if joinable && prose => last.end = span.end,
            _ => paragraphs.push(span.clone()),
        }
        joinable = wrapped && prose && text[span].chars().count() >= long_line;
    }
    paragraphs
}

/// A line that can continue a wrapped paragraph: no markdown structure.
fn is_prose_line(line: &str) -> bool {
    !(line.starts_with(['#', '!', '>', '*', '_', '[']) || line.starts_with("- ") || is_rule(line))
}

/// `---`, `***`, `___`, `===` (spaces allowed between the marks).
fn is_rule(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && matches!(marks[0], '-' | '*' | '_' | '=')
        && marks.iter().all(|&c| c == marks[0])
}

/// A line that is nothing but a markdown link (`[Related story](https://…)`).
fn is_link_line(line: &str) -> bool {
    let line = line.trim_matches(['*', '_']);
    let Some((label, target)) = line.split_once("](") else {
        return false;
    };
    label.starts_with('[') && target.ends_with(')') && !target.contains(char::is_whitespace)
}

/// The span without heading marks, block quotes, bullets and emphasis at
/// either end.
fn strip_markers(text: &str, span: Span) -> Span {
    let s = &text[span.clone()];
    let bytes = s.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let rest = &s[start..];
        let skip = if rest.starts_with(['*', '_', '>', ' ', '\t']) {
            1
        } else if rest.starts_with('#') {
            rest.len() - rest.trim_start_matches('#').len()
        } else if rest.starts_with("- ") || rest.starts_with("+ ") {
            2
        } else if rest.starts_with("• ") {
            "• ".len()
        } else {
            0
        };
        if skip == 0 {
            break;
        }
        start += skip;
    }
    let heading = s.starts_with('#');
    let trimmed = s[start..].trim_end_matches(|c: char| {
        c == '*' || c == '_' || c.is_whitespace() || (heading && c == '#')
    });
    span.start + start..span.start + start + trimmed.len()
}

/// The words of a zone as plain text: emphasis marks dropped, spaces collapsed.
fn plain_words(s: &str) -> String {
    s.replace(['*', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Page furniture: `Read more: …`, `Advertisement`, a lone credit like `(Reuters)`.
fn is_furniture(words: &str) -> bool {
    let lower = words.to_lowercase();
    let word_count = lower.split(' ').count();
    let parenthesized = lower.starts_with('(') && lower.ends_with(')') && word_count <= 4;
    let byline = lower.starts_with("by ")
        && word_count <= MAX_BYLINE_WORDS
        && !ends_sentence(words)
        && words[3..].starts_with(char::is_uppercase);
    let noise_start = NOISE_STARTS.iter().any(|start| {
        lower.starts_with(start) && !lower[start.len()..].starts_with(char::is_alphanumeric)
    });
    parenthesized || byline || noise_start
}

/// Where the caption proper starts after a label like `Photo:`.
fn caption_label_end(s: &str) -> Option<usize> {
    let lower = s.to_lowercase();
    let label = CAPTION_LABELS
        .iter()
        .find(|label| lower.starts_with(*label))?;
    let rest = s.get(label.len()..)?;
    let after = rest.trim_start_matches(|c: char| c.is_whitespace() || ":-—–|*_".contains(c));
    Some(s.len() - after.len())
}

/// Whether the words end a sentence (closing quotes and brackets aside).
fn ends_sentence(words: &str) -> bool {
    words
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', '…', ':', ';'])
}
