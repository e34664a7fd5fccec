//! Scoring coded events against gold annotations, figure for figure the same
//! as `shared/eval/score_events.py`: a prediction matches a gold event when
//! its evidence span overlaps the gold anchor and its type is one the gold
//! allows; required gold events are matched first, then optional ones; an
//! unmatched prediction of a forbidden type in a forbidden sentence is a
//! forbidden hit unless it is negated or hypothetical.
//!
//! Predictions are JSON values (the event-record lines), read as leniently as
//! the Python scorer reads them. Offsets are character offsets.

use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// An evidence span longer than this is a document, not a sentence: never a match.
const MAX_EVIDENCE: i64 = 1000;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("document {0} not found in --docs")]
    MissingDocument(String),
    #[error("{doc}: anchor not in text: {anchor:?}")]
    AnchorNotFound { doc: String, anchor: String },
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: not JSON: {source}")]
    Json {
        path: PathBuf,
        line: usize,
        source: serde_json::Error,
    },
    #[error("{path}: not a gold file: {source}")]
    Gold {
        path: PathBuf,
        source: serde_json::Error,
    },
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads a gold file.
pub fn load_gold(path: &Path) -> Result<Gold, EvalError> {
    serde_json::from_str(&read(path)?).map_err(|source| EvalError::Gold {
        path: path.to_path_buf(),
        source,
    })
}

/// Document texts by id: a folder of `.txt` files (id = file name without
/// `.txt`) or a JSONL file of `{"id", "text"}` objects.
pub fn load_docs(path: &Path) -> Result<HashMap<String, String>, EvalError> {
    let mut docs = HashMap::new();
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        for entry in entries.filter_map(Result::ok) {
            let file = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(id) = name.strip_suffix(".txt") {
                docs.insert(id.to_string(), read(&file)?);
            }
        }
    } else {
        for (line, value) in json_lines(path)? {
            let field = |key: &str| match value.get(key) {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Null) | None => None,
                Some(other) => Some(other.to_string()),
            };
            let (Some(id), Some(text)) = (field("id"), field("text")) else {
                return Err(EvalError::Json {
                    path: path.to_path_buf(),
                    line,
                    source: serde::de::Error::custom("a document needs \"id\" and \"text\""),
                });
            };
            docs.insert(id, text);
        }
    }
    Ok(docs)
}

/// Predicted event records, one JSON object per line.
pub fn load_preds(path: &Path) -> Result<Vec<Value>, EvalError> {
    Ok(json_lines(path)?.into_iter().map(|(_, v)| v).collect())
}

fn json_lines(path: &Path) -> Result<Vec<(usize, Value)>, EvalError> {
    read(path)?
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l)
                .map(|v| (n + 1, v))
                .map_err(|source| EvalError::Json {
                    path: path.to_path_buf(),
                    line: n + 1,
                    source,
                })
        })
        .collect()
}

/// A gold file: `{"docs": [{"doc_id", "events": [...]}]}`.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub docs: Vec<GoldDoc>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    pub doc_id: String,
    pub events: Vec<GoldEvent>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    /// Words of the document the event is read from (first occurrence).
    pub anchor: String,
    /// One type or a list of acceptable types.
    #[serde(rename = "type")]
    pub types: OneOrMany,
    /// Actor blocks; null means "not scored".
    pub actor: Option<Vec<Value>>,
    pub recipient: Option<Vec<Value>>,
    pub optional: bool,
    #[serde(default)]
    pub forbid: bool,
    pub attributed_to: Option<GoldSpeaker>,
    pub quantity: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpeaker {
    pub name: String,
}

/// The summary figures, in the Python scorer's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub gold_events: usize,
    pub predicted_events: usize,
    pub tp: usize,
    pub fp: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub dyad_f1: f64,
    pub actor_accuracy: Option<f64>,
    pub recipient_accuracy: Option<f64>,
    pub speaker_accuracy: Option<f64>,
    pub quantity_accuracy: Option<f64>,
    pub forbidden_hits: usize,
}

/// One line of `--show-errors`.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreError {
    /// A required gold event no prediction matched.
    Missed {
        doc: String,
        types: Vec<String>,
        anchor: String,
    },
    /// A matched event whose actor or recipient countries are wrong.
    WrongParticipant {
        role: &'static str,
        doc: String,
        types: Vec<String>,
        anchor: String,
        gold: Vec<String>,
        predicted: Vec<String>,
    },
    /// A prediction no gold event matched.
    Spurious {
        doc: String,
        event_type: Option<String>,
        evidence: String,
    },
}

impl fmt::Display for ScoreError {
    /// Tab-separated, as the Python scorer prints its error tuples.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScoreError::Missed { doc, types, anchor } => {
                write!(f, "FN\t{doc}\t{}\t{anchor}", py_list(types))
            }
            ScoreError::WrongParticipant {
                role,
                doc,
                types,
                anchor,
                gold,
                predicted,
            } => write!(
                f,
                "{role}\t{doc}\t{}\t{anchor}\t{}\t{}",
                py_list(types),
                py_list(gold),
                py_list(predicted)
            ),
            ScoreError::Spurious {
                doc,
                event_type,
                evidence,
            } => write!(
                f,
                "FP\t{doc}\t{}\t{evidence}",
                event_type.as_deref().unwrap_or("None")
            ),
        }
    }
}

/// A list of strings as Python's `str()` writes it: `['A', 'B']`.
fn py_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("'{s}'")).collect();
    format!("[{}]", quoted.join(", "))
}

/// A float as Python's `repr()` writes it (`1.0`, `0.6667`).
fn py_float(x: f64) -> String {
    format!("{x:?}")
}

/// Python's `round(x, 4)`.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

impl Summary {
    fn fields(&self) -> Vec<(&'static str, Option<String>)> {
        let int = |n: usize| Some(n.to_string());
        let float = |x: f64| Some(py_float(x));
        vec![
            ("gold_events", int(self.gold_events)),
            ("predicted_events", int(self.predicted_events)),
            ("tp", int(self.tp)),
            ("fp", int(self.fp)),
            ("precision", float(self.precision)),
            ("recall", float(self.recall)),
            ("f1", float(self.f1)),
            ("dyad_f1", float(self.dyad_f1)),
            ("actor_accuracy", self.actor_accuracy.map(py_float)),
            ("recipient_accuracy", self.recipient_accuracy.map(py_float)),
            ("speaker_accuracy", self.speaker_accuracy.map(py_float)),
            ("quantity_accuracy", self.quantity_accuracy.map(py_float)),
            ("forbidden_hits", int(self.forbidden_hits)),
        ]
    }

    /// The summary as the Python scorer prints it: `name<pad> value` lines.
    pub fn to_table(&self) -> String {
        self.fields()
            .into_iter()
            .map(|(k, v)| format!("{k:20} {}\n", v.as_deref().unwrap_or("None")))
            .collect()
    }

    /// The summary as one JSON line, as `json.dumps` writes it.
    pub fn to_json_line(&self) -> String {
        let parts: Vec<String> = self
            .fields()
            .into_iter()
            .map(|(k, v)| format!("\"{k}\": {}", v.as_deref().unwrap_or("null")))
            .collect();
        format!("{{{}}}", parts.join(", "))
    }
}

/// Gold and legacy type names to the PLOVER names predictions use.
fn norm_type(t: &str) -> String {
    let upper = t.to_uppercase();
    match upper.as_str() {
        "DEMAND" => "REQUEST".into(),
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE".into(),
        "FIGHT" => "ASSAULT".into(),
        _ => upper,
    }
}

/// Codes that name the same thing in older CAMEO-style gold files.
fn alias(code: String) -> String {
    let canonical = match code.as_str() {
        "JAP" => "JPN",
        "ITL" => "ITA",
        "GER" => "DEU",
        "UK" => "GBR",
        "PAL" => "PSE",
        "UNO" | "EUR" | "NATO" | "NAT" => "IGO",
        _ => return code,
    };
    canonical.to_string()
}

fn non_empty_str(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// The set of country codes of a list of actor blocks.
fn countries(actors: Option<&Value>) -> BTreeSet<String> {
    let list = actors.and_then(Value::as_array).map(Vec::as_slice);
    list.unwrap_or_default()
        .iter()
        .filter_map(|a| non_empty_str(a.get("country")).or_else(|| non_empty_str(a.get("code"))))
        .map(|c| alias(c.to_uppercase()))
        .collect()
}

/// Whether every gold country is among the predicted ones; None when not scored.
fn actor_ok(gold: &Option<Vec<Value>>, pred: Option<&Value>) -> Option<bool> {
    let gold = countries(Some(&Value::Array(gold.clone()?)));
    if gold.is_empty() {
        return None;
    }
    Some(gold.is_subset(&countries(pred)))
}

/// Whether the predicted speaker's name holds the gold speaker's last name.
fn speaker_ok(gold: Option<&GoldSpeaker>, pred: &Value) -> Option<bool> {
    let gold = gold?;
    let speaker = pred.get("attribution").and_then(|a| a.get("speaker"));
    let name = speaker
        .and_then(|s| non_empty_str(s.get("name")).or_else(|| non_empty_str(s.get("text"))))
        .unwrap_or("")
        .to_lowercase();
    let last = gold.name.split_whitespace().last()?.to_lowercase();
    Some(name.contains(&last))
}

fn overlaps(a: (i64, i64), b: (i64, i64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The evidence span of a prediction, when it has one.
fn evidence_span(p: &Value) -> Option<(i64, i64)> {
    let ev = p.get("evidence")?;
    Some((ev.get("start")?.as_i64()?, ev.get("end")?.as_i64()?))
}

fn predicted_type(p: &Value) -> String {
    norm_type(p.get("event_type").and_then(Value::as_str).unwrap_or(""))
}

/// Python's `text[start:end][:120]` over characters, negative indexes included.
fn py_slice(chars: &[char], start: i64, end: i64) -> String {
    let len = chars.len() as i64;
    let clamp = |i: i64| (if i < 0 { (len + i).max(0) } else { i.min(len) }) as usize;
    let (s, e) = (clamp(start), clamp(end));
    if s >= e {
        return String::new();
    }
    chars[s..e].iter().take(120).collect()
}

struct AnchoredGold<'a> {
    event: &'a GoldEvent,
    span: (i64, i64),
    types: BTreeSet<String>,
}

#[derive(Default)]
struct Counts {
    gold: usize,
    tp: usize,
    fp: usize,
    dyad_tp: usize,
    forbidden_hits: usize,
    actor: (usize, usize),
    recipient: (usize, usize),
    speaker: (usize, usize),
    quantity: (usize, usize),
}

/// Scores `preds` (event records as JSON) against `gold`; `docs` maps a
/// document id to its exact text.
pub fn score(
    gold: &Gold,
    docs: &HashMap<String, String>,
    preds: &[Value],
) -> Result<(Summary, Vec<ScoreError>), EvalError> {
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    let mut by_doc: HashMap<String, Vec<&Value>> = HashMap::new();
    for p in preds {
        let id = match p.get("doc_id") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => "None".to_string(),
        };
        by_doc.entry(id).or_default().push(p);
    }
    for gold_doc in &gold.docs {
        let doc_id = &gold_doc.doc_id;
        let text = docs
            .get(doc_id)
            .ok_or_else(|| EvalError::MissingDocument(doc_id.clone()))?;
        let chars: Vec<char> = text.chars().collect();
        let mut golds = Vec::new();
        for event in &gold_doc.events {
            let byte = text
                .find(&event.anchor)
                .ok_or_else(|| EvalError::AnchorNotFound {
                    doc: doc_id.clone(),
                    anchor: event.anchor.clone(),
                })?;
            let start = text[..byte].chars().count() as i64;
            let types = match &event.types {
                OneOrMany::One(t) => vec![t.clone()],
                OneOrMany::Many(ts) => ts.clone(),
            };
            golds.push(AnchoredGold {
                event,
                span: (start, start + event.anchor.chars().count() as i64),
                types: types.iter().map(|t| norm_type(t)).collect(),
            });
        }
        let pred_here = by_doc.get(doc_id).map(Vec::as_slice).unwrap_or_default();
        let mut used = vec![false; pred_here.len()];
        let mut order: Vec<usize> = (0..golds.len()).collect();
        order.sort_by_key(|&k| (golds[k].event.optional, golds[k].event.forbid));
        for k in order {
            let g = &golds[k];
            if g.event.forbid {
                continue;
            }
            let mut best: Option<(usize, usize)> = None;
            for (j, p) in pred_here.iter().enumerate() {
                if used[j] {
                    continue;
                }
                let Some(span) = evidence_span(p) else {
                    continue;
                };
                if span.1 - span.0 > MAX_EVIDENCE
                    || !g.types.contains(&predicted_type(p))
                    || !overlaps(span, g.span)
                {
                    continue;
                }
                let quality = [
                    actor_ok(&g.event.actor, p.get("actor")),
                    actor_ok(&g.event.recipient, p.get("recipient")),
                ]
                .into_iter()
                .filter(|ok| *ok == Some(true))
                .count();
                if best.is_none_or(|(_, q)| quality > q) {
                    best = Some((j, quality));
                }
            }
            if g.event.optional {
                if let Some((j, _)) = best {
                    used[j] = true;
                }
                continue;
            }
            counts.gold += 1;
            let types: Vec<String> = g.types.iter().cloned().collect();
            let Some((j, _)) = best else {
                errors.push(ScoreError::Missed {
                    doc: doc_id.clone(),
                    types,
                    anchor: g.event.anchor.clone(),
                });
                continue;
            };
            used[j] = true;
            let p = pred_here[j];
            counts.tp += 1;
            let mut dyad = true;
            for (role, gold_side, tally) in [
                ("ACTOR", &g.event.actor, &mut counts.actor),
                ("RECIPIENT", &g.event.recipient, &mut counts.recipient),
            ] {
                let field = role.to_lowercase();
                let Some(ok) = actor_ok(gold_side, p.get(&field)) else {
                    continue;
                };
                tally.0 += 1;
                tally.1 += usize::from(ok);
                if !ok {
                    dyad = false;
                    errors.push(ScoreError::WrongParticipant {
                        role,
                        doc: doc_id.clone(),
                        types: types.clone(),
                        anchor: g.event.anchor.clone(),
                        gold: countries(Some(&Value::Array(gold_side.clone().unwrap_or_default())))
                            .into_iter()
                            .collect(),
                        predicted: countries(p.get(&field)).into_iter().collect(),
                    });
                }
            }
            counts.dyad_tp += usize::from(dyad);
            if let Some(ok) = speaker_ok(g.event.attributed_to.as_ref(), p) {
                counts.speaker.0 += 1;
                counts.speaker.1 += usize::from(ok);
            }
            if let Some(expected) = g.event.quantity {
                counts.quantity.0 += 1;
                let value = p
                    .get("quantity")
                    .and_then(|q| q.get("value"))
                    .and_then(Value::as_f64);
                counts.quantity.1 += usize::from(value == Some(expected));
            }
        }
        for (j, p) in pred_here.iter().enumerate() {
            if used[j] {
                continue;
            }
            let ev = p.get("evidence");
            let bound = |key: &str| ev.and_then(|e| e.get(key)).and_then(Value::as_i64);
            let span = (bound("start").unwrap_or(-1), bound("end").unwrap_or(-1));
            let ptype = predicted_type(p);
            let forbidden = golds
                .iter()
                .any(|g| g.event.forbid && g.types.contains(&ptype) && overlaps(span, g.span));
            let qualified = p.get("aux").and_then(Value::as_array).is_some_and(|aux| {
                aux.iter()
                    .any(|a| matches!(a.as_str(), Some("negation" | "hypothetical")))
            });
            if forbidden && !qualified {
                counts.forbidden_hits += 1;
            }
            counts.fp += 1;
            errors.push(ScoreError::Spurious {
                doc: doc_id.clone(),
                event_type: p
                    .get("event_type")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                evidence: py_slice(&chars, span.0.max(0), span.1),
            });
        }
    }
    Ok((summarize(&counts, preds.len()), errors))
}

fn summarize(c: &Counts, predicted: usize) -> Summary {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let f1 = |p: f64, r: f64| {
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let accuracy = |(scored, ok): (usize, usize)| (scored > 0).then(|| round4(ratio(ok, scored)));
    let precision = ratio(c.tp, c.tp + c.fp);
    let recall = ratio(c.tp, c.gold);
    let dyad_precision = ratio(c.dyad_tp, c.tp + c.fp);
    let dyad_recall = ratio(c.dyad_tp, c.gold);
    Summary {
        gold_events: c.gold,
        predicted_events: predicted,
        tp: c.tp,
        fp: c.fp,
        precision: round4(precision),
        recall: round4(recall),
        f1: round4(f1(precision, recall)),
        dyad_f1: round4(f1(dyad_precision, dyad_recall)),
        actor_accuracy: accuracy(c.actor),
        recipient_accuracy: accuracy(c.recipient),
        speaker_accuracy: accuracy(c.speaker),
        quantity_accuracy: accuracy(c.quantity),
        forbidden_hits: c.forbidden_hits,
    }
}
