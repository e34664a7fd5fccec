//! Reading the knowledge-base TSV files: `#` comment lines, one header line
//! naming the columns, then one record per line. Columns are found by name,
//! so users may reorder them or add their own.

use crate::KbError;

/// One record of a table, with its line number for error messages.
pub struct Row<'a> {
    pub line: usize,
    columns: &'a [String],
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The trimmed value of a column; empty when the column or value is absent.
    pub fn get(&self, column: &str) -> &'a str {
        self.columns
            .iter()
            .position(|c| c == column)
            .and_then(|i| self.fields.get(i))
            .map_or("", |v| v.trim())
    }

    /// A column's value, or None when empty.
    pub fn optional(&self, column: &str) -> Option<&'a str> {
        Some(self.get(column)).filter(|v| !v.is_empty())
    }

    /// The `;`-separated items of a column.
    pub fn list(&self, column: &str) -> impl Iterator<Item = &'a str> {
        self.get(column)
            .split(';')
            .map(str::trim)
            .filter(|item| !item.is_empty())
    }
}

/// A parsed table: its header and its data lines.
pub struct Table<'a> {
    file: &'a str,
    columns: Vec<String>,
    lines: Vec<(usize, &'a str)>,
}

impl<'a> Table<'a> {
    /// Parses `text` (from `file`, named in errors) and checks that every
    /// column in `required` is in the header.
    pub fn parse(file: &'a str, text: &'a str, required: &[&str]) -> Result<Table<'a>, KbError> {
        let mut data = text
            .lines()
            .enumerate()
            .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
            .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'));
        let Some((_, header)) = data.next() else {
            return Err(KbError::Format {
                file: file.to_string(),
                line: 0,
                message: "the file has no header line".into(),
            });
        };
        let columns: Vec<String> = header.split('\t').map(|c| c.trim().to_string()).collect();
        if let Some(missing) = required.iter().find(|r| !columns.iter().any(|c| c == *r)) {
            return Err(KbError::Format {
                file: file.to_string(),
                line: 0,
                message: format!(
                    "the header lacks the column `{missing}` (expected columns: {})",
                    required.join(", ")
                ),
            });
        }
        Ok(Table {
            file,
            columns,
            lines: data.collect(),
        })
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.lines.iter().map(|&(line, text)| Row {
            line,
            columns: &self.columns,
            fields: text.split('\t').collect(),
        })
    }

    /// An error about one line of this table.
    pub fn error(&self, line: usize, message: impl Into<String>) -> KbError {
        KbError::Format {
            file: self.file.to_string(),
            line,
            message: message.into(),
        }
    }
}
