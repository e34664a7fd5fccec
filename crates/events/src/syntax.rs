//! Reading the dependency parse: subjects (through control, coordination and
//! relative clauses), voice, case markers, subtrees. Token indexes are
//! document-wide, as `Token::head` is.

use chancery_core::{Document, Upos};

/// A read-only view of one document's parse.
#[derive(Clone, Copy)]
pub struct Tree<'d> {
    pub doc: &'d Document,
}

impl<'d> Tree<'d> {
    pub fn new(doc: &'d Document) -> Tree<'d> {
        Tree { doc }
    }

    pub fn upos(&self, i: usize) -> Upos {
        self.doc.tokens[i].upos
    }

    /// The relation with its subtype (`nsubj:pass`).
    pub fn deprel(&self, i: usize) -> &'d str {
        &self.doc.tokens[i].deprel
    }

    /// The relation without subtype (`nsubj`).
    pub fn base_rel(&self, i: usize) -> &'d str {
        self.deprel(i).split(':').next().unwrap_or("")
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.doc.tokens[i].head
    }

    pub fn lower(&self, i: usize) -> String {
        self.doc.token_text(i).to_lowercase()
    }

    /// The lemma in lowercase, or the lowercase form when there is none.
    pub fn lemma(&self, i: usize) -> String {
        let lemma = &self.doc.tokens[i].lemma;
        if lemma.is_empty() || lemma == "_" {
            self.lower(i)
        } else {
            lemma.to_lowercase()
        }
    }

    /// Whether the token is `word` by lemma or by form.
    pub fn is_word(&self, i: usize, words: &[String]) -> bool {
        let (lemma, lower) = (self.lemma(i), self.lower(i));
        words.iter().any(|w| *w == lemma || *w == lower)
    }

    pub fn is_verbal(&self, i: usize) -> bool {
        matches!(self.upos(i), Upos::VERB | Upos::AUX)
    }

    pub fn is_nominal(&self, i: usize) -> bool {
        matches!(
            self.upos(i),
            Upos::NOUN | Upos::PROPN | Upos::PRON | Upos::NUM
        )
    }

    pub fn children(&self, i: usize) -> Vec<usize> {
        self.doc.children(i).collect()
    }

    /// Children whose relation is `rel` exactly or has `rel` as its base.
    pub fn children_rel(&self, i: usize, rel: &str) -> Vec<usize> {
        self.doc
            .children(i)
            .filter(|&c| self.deprel(c) == rel || self.base_rel(c) == rel)
            .collect()
    }

    pub fn child_rel(&self, i: usize, rel: &str) -> Option<usize> {
        self.doc
            .children(i)
            .find(|&c| self.deprel(c) == rel || self.base_rel(c) == rel)
    }

    /// The case word (preposition) of a nominal dependent, lowercase.
    pub fn case_word(&self, i: usize) -> Option<String> {
        self.doc
            .children(i)
            .find(|&c| self.base_rel(c) == "case")
            .map(|c| self.lower(c))
    }

    /// Whether the clause of `i` is passive: marked so, or a reduced relative.
    pub fn is_passive(&self, i: usize) -> bool {
        self.has_passive_marks(i) || self.is_reduced_relative(i)
    }

    /// A passive auxiliary or subject.
    pub fn has_passive_marks(&self, i: usize) -> bool {
        self.doc
            .children(i)
            .any(|c| matches!(self.deprel(c), "aux:pass" | "nsubj:pass" | "csubj:pass"))
    }

    /// A participle modifying a noun with no object of its own ("diplomats
    /// expelled from …"): passive when the verb takes an object at all.
    pub fn is_reduced_relative(&self, i: usize) -> bool {
        self.deprel(i) == "acl"
            && self.doc.tokens[i].xpos == "VBN"
            && self.child_rel(i, "obj").is_none()
    }

    /// The subject of the clause headed by `i`: its own, or the one it shares
    /// through control (`xcomp`), coordination (`conj`) or a relative clause.
    pub fn subject(&self, i: usize) -> Option<usize> {
        let mut current = i;
        for _ in 0..8 {
            let own = self
                .doc
                .children(current)
                .find(|&c| matches!(self.deprel(c), "nsubj" | "nsubj:pass" | "csubj"));
            if let Some(s) = own {
                return Some(self.antecedent(current, s));
            }
            let head = self.head(current)?;
            let mark = self
                .doc
                .children(current)
                .find(|&c| self.base_rel(c) == "mark")
                .map(|c| self.lower(c));
            match self.base_rel(current) {
                // "sanctioned firms for supplying drones", "imposed sanctions
                // on firms for supplying …": the reason clause's doer is the
                // one punished.
                "advcl" if mark.as_deref() == Some("for") => {
                    let punished = ["on", "against"]
                        .iter()
                        .flat_map(|p| self.prep_dependents(head, p))
                        .next();
                    return punished.or_else(|| self.child_rel(head, "obj"));
                }
                // A participial adjunct ("…, imposing sanctions") shares the
                // main clause's subject too.
                "xcomp" | "conj" | "advcl"
                    if self.is_verbal(head) || self.upos(head) == Upos::ADJ =>
                {
                    current = head
                }
                "acl" => return Some(head),
                _ => return None,
            }
        }
        None
    }

    /// A relative pronoun subject stands for the noun its clause modifies.
    fn antecedent(&self, clause: usize, subject: usize) -> usize {
        let relative = self.upos(subject) == Upos::PRON
            && matches!(self.lemma(subject).as_str(), "who" | "which" | "that");
        match self.head(clause) {
            Some(noun) if relative && self.deprel(clause).starts_with("acl") => noun,
            _ => subject,
        }
    }

    /// Candidate base forms of an inflected word, for when the lemmatizer
    /// missed it (`bombed` → `bomb`, `censored` → `censor`, `expelling` → `expel`).
    pub fn stems(&self, i: usize) -> Vec<String> {
        let word = self.lower(i);
        let mut stems = Vec::new();
        for (suffix, replacement) in [
            ("ied", "y"),
            ("ies", "y"),
            ("ed", ""),
            ("ed", "e"),
            ("ing", ""),
            ("ing", "e"),
            ("es", ""),
            ("s", ""),
        ] {
            let Some(stem) = word.strip_suffix(suffix) else {
                continue;
            };
            if stem.len() < 3 {
                continue;
            }
            stems.push(format!("{stem}{replacement}"));
            // A doubled final consonant: expelled → expel.
            let bytes = stem.as_bytes();
            if replacement.is_empty()
                && bytes.len() > 3
                && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
            {
                stems.push(stem[..stem.len() - 1].to_string());
            }
        }
        stems
    }

    /// The `by` phrase of a passive clause.
    pub fn agent(&self, i: usize) -> Option<usize> {
        self.doc.children(i).find(|&c| {
            self.deprel(c) == "obl:agent"
                || (matches!(self.base_rel(c), "obl" | "nmod")
                    && self.case_word(c).as_deref() == Some("by"))
        })
    }

    /// Nominal dependents introduced by preposition `prep`.
    pub fn prep_dependents(&self, i: usize, prep: &str) -> Vec<usize> {
        self.doc
            .children(i)
            .filter(|&c| {
                matches!(self.base_rel(c), "obl" | "nmod" | "advcl" | "iobj")
                    && self.case_word(c).as_deref() == Some(prep)
            })
            .collect()
    }

    /// `i` and every token under it, in text order.
    pub fn subtree(&self, i: usize) -> Vec<usize> {
        let Some(s) = self.doc.sentence_of(i) else {
            return vec![i];
        };
        self.doc.sentences[s]
            .tokens
            .clone()
            .filter(|&j| self.dominates(i, j))
            .collect()
    }

    /// Whether `ancestor` is `j` or above it.
    pub fn dominates(&self, ancestor: usize, j: usize) -> bool {
        let mut current = Some(j);
        for _ in 0..64 {
            match current {
                Some(c) if c == ancestor => return true,
                Some(c) => current = self.head(c),
                None => return false,
            }
        }
        false
    }

    /// Tokens conjoined to `i` (`Russia, Turkey and Iran`), `i` first.
    pub fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let more = self.children_rel(out[k], "conj");
            out.extend(more.into_iter().filter(|c| self.upos(*c) != Upos::VERB));
            k += 1;
        }
        out
    }

    /// Tokens from `i` up to the root, `i` excluded.
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut current = self.head(i);
        while let Some(c) = current {
            if out.contains(&c) || out.len() > 64 {
                break;
            }
            out.push(c);
            current = self.head(c);
        }
        out
    }
}
