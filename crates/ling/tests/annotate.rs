//! The shipped models on short sentences written for these tests.

use chancery_core::{Document, Sentence, Token, Upos, ZoneKind};
use chancery_ling::{conllu, Linguist};
use std::sync::OnceLock;

fn linguist() -> &'static Linguist {
    static LINGUIST: OnceLock<Linguist> = OnceLock::new();
    LINGUIST.get_or_init(|| Linguist::load().expect("shipped models load"))
}

/// A document of space-separated tokens, one sentence per entry.
fn document(sentences: &[&str]) -> Document {
    let mut doc = Document::new("test", sentences.join("\n"));
    let mut offset = 0;
    for sentence in sentences {
        let first = doc.tokens.len();
        let mut at = offset;
        for word in sentence.split(' ') {
            doc.tokens.push(Token {
                span: at..at + word.len(),
                ..Token::default()
            });
            at += word.len() + 1;
        }
        doc.sentences.push(Sentence {
            span: offset..offset + sentence.len(),
            tokens: first..doc.tokens.len(),
            zone: ZoneKind::Body,
        });
        offset += sentence.len() + 1;
    }
    linguist().annotate(&mut doc);
    doc
}

fn find(doc: &Document, word: &str) -> usize {
    (0..doc.tokens.len())
        .find(|&i| doc.token_text(i) == word)
        .unwrap_or_else(|| panic!("no token {word}"))
}

#[test]
fn passive_clause_gets_passive_subject_and_agent() {
    let doc = document(&["Two diplomats were expelled by Moscow ."]);
    let verb = find(&doc, "expelled");
    let subject = find(&doc, "diplomats");
    let agent = find(&doc, "Moscow");
    assert_eq!(doc.tokens[verb].head, None, "the verb is the root");
    assert_eq!(doc.tokens[verb].deprel, "root");
    assert_eq!(doc.tokens[subject].head, Some(verb));
    assert_eq!(doc.tokens[subject].deprel, "nsubj:pass");
    assert_eq!(doc.tokens[find(&doc, "were")].head, Some(verb));
    assert_eq!(doc.tokens[find(&doc, "were")].deprel, "aux:pass");
    assert_eq!(doc.tokens[agent].head, Some(verb));
    assert!(
        doc.tokens[agent].deprel.starts_with("obl"),
        "{}",
        doc.tokens[agent].deprel
    );
    assert_eq!(doc.tokens[find(&doc, "by")].head, Some(agent));
    assert_eq!(doc.tokens[find(&doc, "Two")].head, Some(subject));
    assert_eq!(doc.tokens[verb].upos, Upos::VERB);
    assert_eq!(doc.tokens[verb].xpos, "VBN");
    assert_eq!(doc.tokens[verb].lemma, "expel");
    assert_eq!(doc.tokens[find(&doc, "were")].lemma, "be");
    assert_eq!(doc.tokens[subject].lemma, "diplomat");
    assert_eq!(doc.tokens[agent].lemma, "Moscow");
}

#[test]
fn heads_are_document_wide_and_stay_in_their_sentence() {
    let doc = document(&[
        "The minister met the ambassador on Monday .",
        "Russia denied the report .",
    ]);
    let second = &doc.sentences[1].tokens;
    let denied = find(&doc, "denied");
    assert_eq!(doc.tokens[find(&doc, "Russia")].head, Some(denied));
    assert_eq!(doc.tokens[find(&doc, "Russia")].deprel, "nsubj");
    assert_eq!(doc.tokens[find(&doc, "report")].deprel, "obj");
    let roots =
        |range: std::ops::Range<usize>| range.filter(|&i| doc.tokens[i].head.is_none()).count();
    assert_eq!(roots(doc.sentences[0].tokens.clone()), 1);
    assert_eq!(roots(second.clone()), 1);
    for i in second.clone() {
        if let Some(head) = doc.tokens[i].head {
            assert!(
                second.contains(&head),
                "token {i} points outside its sentence"
            );
        }
    }
    assert_eq!(doc.tokens[find(&doc, "met")].lemma, "meet");
}

#[test]
fn unseen_words_get_sensible_tags_and_lemmas() {
    let doc = document(&["The protesters were blorfing the zintrofied barricades ."]);
    let verb = find(&doc, "blorfing");
    assert_eq!(doc.tokens[verb].xpos, "VBG");
    assert_eq!(doc.tokens[verb].lemma, "blorf");
    assert_eq!(doc.tokens[find(&doc, "barricades")].lemma, "barricade");
    assert_eq!(doc.tokens[find(&doc, "protesters")].lemma, "protester");
    assert_eq!(doc.tokens[find(&doc, "The")].lemma, "the");
}

#[test]
fn pretokenized_conllu_keeps_words_and_gets_annotations() {
    let input = "# text = Sanctions were lifted.\n\
1\tSanctions\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\twere\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\tlifted\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    let mut sentences = conllu::parse(input, "test").unwrap();
    let mut doc = conllu::to_document("test", &sentences);
    linguist().annotate(&mut doc);
    conllu::fill_from_document(&mut sentences, &doc);
    let words = &sentences[0].words;
    assert_eq!(
        words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>(),
        ["Sanctions", "were", "lifted", "."]
    );
    assert_eq!((words[2].head, words[2].deprel.as_str()), (0, "root"));
    assert_eq!((words[0].head, words[0].deprel.as_str()), (3, "nsubj:pass"));
    assert_eq!(words[3].upos, "PUNCT");
    assert_eq!(words[2].misc, "SpaceAfter=No");
    let written = conllu::write(&sentences);
    assert_eq!(conllu::parse(&written, "again").unwrap(), sentences);
}
