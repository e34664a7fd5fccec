//! What unlabelled text says about words: how often each is capitalised
//! mid-sentence (names are, common words are not) and which distributional
//! cluster it falls in (words used in like contexts: first names, cities,
//! reporting verbs). Built by project code from unlabelled text with spherical
//! k-means over neighbour-word vectors; shipped as `data/models/ner-words.tsv.gz`
//! (`word<TAB>capitalisation class<TAB>cluster`).

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;

use crate::model::ModelError;

/// Words seen fewer times than this get no profile.
const MIN_COUNT: u32 = 4;
/// Most frequent words kept.
const MAX_WORDS: usize = 40_000;
/// Neighbour words that make up the context dimensions (each side).
const CONTEXT_WORDS: usize = 1_000;
/// Cluster counts of the clusterings profiled, coarse to fine: coarse
/// clusters gather whole word kinds (names, reporting verbs), fine ones split
/// them (given names from surnames, cities from countries).
pub const GRANULARITIES: [usize; 3] = [64, 256, 1024];
/// The clustering the feature conjunctions use.
pub const MAIN_GRANULARITY: usize = 1;
const ITERATIONS: usize = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    /// 0: hardly ever capitalised mid-sentence … 3: almost always; 4: too few mid-sentence uses.
    pub capitalisation: u8,
    /// The word's cluster in each clustering of [`GRANULARITIES`].
    pub clusters: [u16; GRANULARITIES.len()],
}

#[derive(Debug, Clone, Default)]
pub struct WordProfiles {
    profiles: HashMap<String, Profile>,
}

impl WordProfiles {
    /// Profile of a word, looked up in lower case with digits as `0`.
    pub fn get(&self, norm: &str) -> Option<Profile> {
        self.profiles.get(norm).copied()
    }

    pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<WordProfiles, ModelError> {
        let mut text = String::new();
        GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|source| ModelError::Io {
                origin: origin.to_string(),
                source,
            })?;
        let mut profiles = HashMap::new();
        for (number, line) in text.lines().enumerate() {
            let bad = || ModelError::Corrupt {
                origin: origin.to_string(),
                problem: format!(
                    "line {}: expected word, class and {} clusters (numbers below {:?})",
                    number + 1,
                    GRANULARITIES.len(),
                    GRANULARITIES
                ),
            };
            let mut fields = line.split('\t');
            let (Some(word), Some(capitalisation)) = (fields.next(), fields.next()) else {
                return Err(bad());
            };
            let mut clusters = [0; GRANULARITIES.len()];
            for (cluster, &count) in clusters.iter_mut().zip(&GRANULARITIES) {
                *cluster = fields
                    .next()
                    .and_then(|c| c.parse().ok())
                    .filter(|&c: &u16| usize::from(c) < count)
                    .ok_or_else(bad)?;
            }
            if fields.next().is_some() {
                return Err(bad());
            }
            let profile = Profile {
                capitalisation: capitalisation.parse().map_err(|_| bad())?,
                clusters,
            };
            profiles.insert(word.to_string(), profile);
        }
        Ok(WordProfiles { profiles })
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut rows: Vec<(&String, &Profile)> = self.profiles.iter().collect();
        rows.sort_by_key(|(word, _)| *word);
        let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::best());
        for (word, p) in rows {
            let clusters: Vec<String> = p.clusters.iter().map(u16::to_string).collect();
            writeln!(
                encoder,
                "{word}\t{}\t{}",
                p.capitalisation,
                clusters.join("\t")
            )
            .expect("writing to memory cannot fail");
        }
        encoder.finish().expect("writing to memory cannot fail")
    }
}

/// The key words are profiled under: lower case, digits as `0`.
pub fn normalise(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(digit_as_zero)
        .collect()
}

/// The key the feature extractor reads a word under, and looks its profile
/// up by: [`normalise`] with typographic quotes read as ASCII ones, so that
/// news text's "’s" is the "'s" of the training text. (The profiles keep
/// the two apart: merging them re-draws the clusters, and the rebuilt
/// clustering scored 1.4 points lower in cross-validation.) One pass over
/// the word: this runs for every word the recognizer reads.
pub fn lookup_key(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match digit_as_zero(c) {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            other => other,
        })
        .collect()
}

fn digit_as_zero(c: char) -> char {
    if c.is_ascii_digit() {
        '0'
    } else {
        c
    }
}

#[derive(Default)]
struct WordCounts {
    total: u32,
    capitalised_inside: u32,
    lowercase_inside: u32,
}

/// Profiles words from sentences of unlabelled text, clustering them once per
/// entry of `granularities` (cluster counts).
pub fn build<'a>(
    sentences: impl Iterator<Item = Vec<&'a str>>,
    granularities: [usize; GRANULARITIES.len()],
) -> WordProfiles {
    let mut counts: HashMap<String, WordCounts> = HashMap::new();
    let mut corpus: Vec<Vec<String>> = Vec::new();
    for words in sentences {
        let mut normalised = Vec::with_capacity(words.len());
        for (i, word) in words.iter().enumerate() {
            let norm = normalise(word);
            let entry = counts.entry(norm.clone()).or_default();
            entry.total += 1;
            let first = word.chars().next();
            let all_caps = word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if i > 0 && first.is_some_and(char::is_alphabetic) && !all_caps {
                if first.is_some_and(char::is_uppercase) {
                    entry.capitalised_inside += 1;
                } else {
                    entry.lowercase_inside += 1;
                }
            }
            normalised.push(norm);
        }
        corpus.push(normalised);
    }
    let mut by_frequency: Vec<(&String, &WordCounts)> = counts
        .iter()
        .filter(|(_, c)| c.total >= MIN_COUNT)
        .collect();
    by_frequency.sort_by(|a, b| b.1.total.cmp(&a.1.total).then(a.0.cmp(b.0)));
    by_frequency.truncate(MAX_WORDS);
    let word_index: HashMap<&str, usize> = by_frequency
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i))
        .collect();
    let vectors = context_vectors(&corpus, &word_index, by_frequency.len());
    let clusterings =
        granularities.map(|k| spherical_kmeans(&vectors, k.min(vectors.len()).max(1)));
    let profiles = by_frequency
        .iter()
        .enumerate()
        .map(|(index, (word, c))| {
            let inside = c.capitalised_inside + c.lowercase_inside;
            let capitalisation = if inside < 2 {
                4
            } else {
                let share = f64::from(c.capitalised_inside) / f64::from(inside);
                match share {
                    s if s < 0.05 => 0,
                    s if s < 0.5 => 1,
                    s if s < 0.95 => 2,
                    _ => 3,
                }
            };
            (
                (*word).clone(),
                Profile {
                    capitalisation,
                    clusters: std::array::from_fn(|g| clusterings[g][index] as u16),
                },
            )
        })
        .collect();
    WordProfiles { profiles }
}

/// Sparse unit vector per word: log counts of the frequent words to its left
/// (dimensions `0..CONTEXT_WORDS`) and right (`CONTEXT_WORDS..`).
fn context_vectors(
    corpus: &[Vec<String>],
    word_index: &HashMap<&str, usize>,
    words: usize,
) -> Vec<Vec<(u32, f32)>> {
    let mut counts: Vec<HashMap<u32, u32>> = vec![HashMap::new(); words];
    let context = |w: &str| word_index.get(w).copied().filter(|&i| i < CONTEXT_WORDS);
    for sentence in corpus {
        for (i, word) in sentence.iter().enumerate() {
            let Some(&row) = word_index.get(word.as_str()) else {
                continue;
            };
            if let Some(left) = i.checked_sub(1).and_then(|j| context(&sentence[j])) {
                *counts[row].entry(left as u32).or_default() += 1;
            }
            if let Some(right) = sentence.get(i + 1).and_then(|w| context(w)) {
                *counts[row]
                    .entry((CONTEXT_WORDS + right) as u32)
                    .or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|c| {
            let mut vector: Vec<(u32, f32)> = c
                .into_iter()
                .map(|(d, n)| (d, (1.0 + n as f32).ln()))
                .collect();
            vector.sort_unstable_by_key(|&(d, _)| d);
            let norm = vector
                .iter()
                .map(|(_, v)| v * v)
                .sum::<f32>()
                .sqrt()
                .max(1e-6);
            vector.iter_mut().for_each(|(_, v)| *v /= norm);
            vector
        })
        .collect()
}

/// Cosine k-means. Centroids start at words of evenly spaced frequency
/// ranks (starting far apart instead lets a few odd words take most centroids).
fn spherical_kmeans(vectors: &[Vec<(u32, f32)>], k: usize) -> Vec<usize> {
    let dimensions = 2 * CONTEXT_WORDS;
    let similarity = |c: &[f32], vector: &[(u32, f32)]| {
        vector.iter().map(|&(d, v)| c[d as usize] * v).sum::<f32>()
    };
    let mut centroids: Vec<Vec<f32>> = (0..k)
        .map(|c| {
            let mut centroid = vec![0.0; dimensions];
            for &(d, v) in &vectors[c * vectors.len() / k] {
                centroid[d as usize] = v;
            }
            centroid
        })
        .collect();
    let mut assignment = vec![0; vectors.len()];
    for _ in 0..ITERATIONS {
        for (vector, assigned) in vectors.iter().zip(assignment.iter_mut()) {
            *assigned = (0..k)
                .max_by(|&a, &b| {
                    similarity(&centroids[a], vector).total_cmp(&similarity(&centroids[b], vector))
                })
                .unwrap_or(0);
        }
        for centroid in centroids.iter_mut() {
            centroid.fill(0.0);
        }
        for (vector, &assigned) in vectors.iter().zip(&assignment) {
            for &(d, v) in vector {
                centroids[assigned][d as usize] += v;
            }
        }
        for centroid in centroids.iter_mut() {
            let norm = centroid.iter().map(|v| v * v).sum::<f32>().sqrt();
            if norm > 0.0 {
                centroid.iter_mut().for_each(|v| *v /= norm);
            }
        }
    }
    assignment
}

/// Reads every `.txt` file (tokenized with chancery's tokenizer) and every
/// `.conllu` file (its word forms) under `sources` (files or folders,
/// recursively), and writes the profiles to `out`. Returns the word count.
pub fn build_from_files(sources: &[&Path], out: &Path) -> Result<usize, std::io::Error> {
    let mut files = Vec::new();
    for source in sources {
        collect_files(source, &mut files)?;
    }
    files.sort();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", file.display())))?;
        if file.extension().is_some_and(|e| e == "conllu") {
            sentences.extend(conllu_sentences(&text));
        } else {
            let mut document = chancery_core::Document::new(file.display().to_string(), text);
            chancery_text::tokenize(&mut document);
            sentences.extend(document.sentences.iter().map(|s| {
                s.tokens
                    .clone()
                    .map(|i| document.token_text(i).to_string())
                    .collect()
            }));
        }
    }
    let profiles = build(
        sentences
            .iter()
            .map(|s| s.iter().map(String::as_str).collect()),
        GRANULARITIES,
    );
    std::fs::write(out, profiles.to_bytes())
        .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", out.display())))?;
    Ok(profiles.profiles.len())
}

/// The word forms of each sentence of a CoNLL-U file.
fn conllu_sentences(text: &str) -> Vec<Vec<String>> {
    let mut sentences = Vec::new();
    let mut words = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !words.is_empty() {
                sentences.push(std::mem::take(&mut words));
            }
        } else if !line.starts_with('#') {
            let mut columns = line.split('\t');
            let id = columns.next().unwrap_or_default();
            if let Some(form) = columns.next().filter(|_| !id.contains(['-', '.'])) {
                words.push(form.to_string());
            }
        }
    }
    if !words.is_empty() {
        sentences.push(words);
    }
    sentences
}

fn collect_files(path: &Path, files: &mut Vec<std::path::PathBuf>) -> Result<(), std::io::Error> {
    if !path.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(path)
        .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir()
            || path
                .extension()
                .is_some_and(|e| e == "txt" || e == "conllu")
        {
            collect_files(&path, files)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_capitalised_words_that_share_contexts() {
        let mut sentences: Vec<Vec<&str>> = Vec::new();
        for _ in 0..4 {
            for name in ["Anna", "Boris"] {
                sentences.push(vec!["yesterday", name, "said", "no"]);
            }
            for noun in ["plan", "deal"] {
                sentences.push(vec!["so", "the", noun, "was", "good"]);
            }
        }
        // Nine distinct contexts: every word but the two pairs stands alone.
        let profiles = build(sentences.into_iter(), [9, 9, 9]);
        let get = |w: &str| profiles.get(w).unwrap();
        assert_eq!(get("anna").capitalisation, 3);
        assert_eq!(get("plan").capitalisation, 0);
        for g in 0..GRANULARITIES.len() {
            let cluster = |w: &str| get(w).clusters[g];
            assert_eq!(cluster("anna"), cluster("boris"));
            assert_eq!(cluster("plan"), cluster("deal"));
            assert_ne!(cluster("anna"), cluster("plan"));
        }
        let back = WordProfiles::from_bytes(&profiles.to_bytes(), "test").unwrap();
        assert_eq!(back.get("anna"), Some(get("anna")));
        // A profile file from before the fine and coarse clusterings.
        let mut old_format = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        old_format.write_all(b"anna\t3\t17\n").unwrap();
        let error = WordProfiles::from_bytes(&old_format.finish().unwrap(), "old.tsv.gz")
            .expect_err("two columns short");
        let message = error.to_string();
        assert!(
            message.contains("old.tsv.gz") && message.contains("line 1"),
            "{message}"
        );
    }

    #[test]
    fn a_cluster_beyond_its_clustering_is_refused() {
        let mut file = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        file.write_all(b"anna\t3\t17\t300\t900\n").unwrap();
        let error = WordProfiles::from_bytes(&file.finish().unwrap(), "big.tsv.gz")
            .expect_err("cluster 300 of 256");
        assert!(error.to_string().contains("big.tsv.gz"), "{error}");
    }

    #[test]
    fn typographic_quotes_are_read_as_ascii_ones() {
        assert_eq!(lookup_key("\u{2019}s"), "'s");
        assert_eq!(lookup_key("\u{201C}"), "\"");
        assert_eq!(lookup_key("Kyiv\u{2019}s"), lookup_key("Kyiv's"));
        assert_eq!(lookup_key("G20"), "g00");
        assert_ne!(normalise("\u{2019}s"), "'s", "profiles keep them apart");
    }
}
