//! Writing event records in the formats users ask for: JSON Lines (the
//! contract), a JSON array, CSV (one row per event, lists joined by `;`) and
//! a terminal table.

use chancery_core::record::EventRecord;
use chancery_core::Actor;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON event record per line.
    Jsonl,
    /// One JSON array of event records.
    Json,
    /// One row per event, lists joined by `;`.
    Csv,
    /// A table for reading in a terminal.
    Table,
}

pub struct RecordWriter<W: Write> {
    format: Format,
    out: W,
    written: usize,
}

const CSV_HEADER: [&str; 20] = [
    "doc_id",
    "event_id",
    "event_type",
    "mode",
    "context",
    "actor_country",
    "actor_sector",
    "actor_text",
    "recipient_country",
    "recipient_sector",
    "recipient_text",
    "date",
    "aux",
    "speaker",
    "quantity",
    "score",
    "cameo",
    "evidence_start",
    "evidence_end",
    "evidence_text",
];

impl<W: Write> RecordWriter<W> {
    pub fn new(format: Format, mut out: W) -> std::io::Result<RecordWriter<W>> {
        match format {
            Format::Csv => writeln!(out, "{}", CSV_HEADER.join(","))?,
            Format::Table => writeln!(
                out,
                "{:<10} {:<14} {:<14} {:<10} {:<14} TRIGGER / EVIDENCE",
                "TYPE", "ACTOR", "RECIPIENT", "DATE", "AUX"
            )?,
            Format::Json => write!(out, "[")?,
            Format::Jsonl => {}
        }
        Ok(RecordWriter {
            format,
            out,
            written: 0,
        })
    }

    pub fn write(&mut self, record: &EventRecord) -> anyhow::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, record)?;
                writeln!(self.out)?;
            }
            Format::Json => {
                if self.written > 0 {
                    write!(self.out, ",")?;
                }
                writeln!(self.out)?;
                serde_json::to_writer(&mut self.out, record)?;
            }
            Format::Csv => self.write_csv(record)?,
            Format::Table => self.write_table_row(record)?,
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the format (the JSON array) and flushes.
    pub fn finish(mut self) -> std::io::Result<()> {
        if self.format == Format::Json {
            writeln!(self.out, "\n]")?;
        }
        self.out.flush()
    }

    fn write_csv(&mut self, r: &EventRecord) -> anyhow::Result<()> {
        let mut row = csv::WriterBuilder::new().from_writer(vec![]);
        let field = |actors: &[Actor], f: fn(&Actor) -> Option<&str>| {
            actors
                .iter()
                .map(|a| f(a).unwrap_or(""))
                .collect::<Vec<_>>()
                .join(";")
        };
        let aux: Vec<&str> = r.aux.iter().map(|a| a.as_str()).collect();
        row.write_record([
            r.doc_id.as_str(),
            &r.event_id,
            r.event_type.as_str(),
            &r.mode.join(";"),
            &r.context.join(";"),
            &field(&r.actor, |a| a.country.as_deref()),
            &field(&r.actor, |a| a.sector.as_deref()),
            &field(&r.actor, |a| Some(a.text.as_str())),
            &field(&r.recipient, |a| a.country.as_deref()),
            &field(&r.recipient, |a| a.sector.as_deref()),
            &field(&r.recipient, |a| Some(a.text.as_str())),
            r.date.as_ref().map(|d| d.value.as_str()).unwrap_or(""),
            &aux.join(";"),
            r.attribution
                .as_ref()
                .map(|a| a.speaker.name.as_str())
                .unwrap_or(""),
            &r.quantity
                .as_ref()
                .map(|q| q.value.to_string())
                .unwrap_or_default(),
            &r.score.to_string(),
            r.cameo.as_deref().unwrap_or(""),
            &r.evidence.start.to_string(),
            &r.evidence.end.to_string(),
            &r.evidence.text,
        ])?;
        self.out.write_all(&row.into_inner()?)?;
        Ok(())
    }

    fn write_table_row(&mut self, r: &EventRecord) -> std::io::Result<()> {
        let side = |actors: &[Actor]| {
            let codes: Vec<String> = actors
                .iter()
                .map(|a| {
                    let country = a.country.as_deref().unwrap_or("?");
                    match &a.sector {
                        Some(sector) => format!("{country}/{sector}"),
                        None => country.to_string(),
                    }
                })
                .collect();
            if codes.is_empty() {
                "-".to_string()
            } else {
                codes.join("+")
            }
        };
        let aux: Vec<&str> = r.aux.iter().map(|a| a.as_str()).collect();
        let evidence: String = r
            .evidence
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let evidence: String = evidence.chars().take(90).collect();
        writeln!(
            self.out,
            "{:<10} {:<14} {:<14} {:<10} {:<14} [{}] {}",
            r.event_type.as_str(),
            side(&r.actor),
            side(&r.recipient),
            r.date.as_ref().map(|d| d.value.as_str()).unwrap_or("-"),
            if aux.is_empty() {
                "-".to_string()
            } else {
                aux.join(",")
            },
            r.trigger.text,
            evidence
        )
    }
}
