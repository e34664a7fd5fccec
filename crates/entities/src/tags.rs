//! The BILOU tag set over the name classes: encoding spans as tags, the
//! transitions a valid sequence may take, and decoding tags back to spans.

use crate::gum::{NameClass, NamedSpan};

/// Outside, then Begin/Inside/Last/Unit for each class.
pub const TAG_COUNT: usize = 1 + 4 * NameClass::ALL.len();
pub const OUTSIDE: usize = 0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

const POSITIONS: [Position; 4] = [
    Position::Begin,
    Position::Inside,
    Position::Last,
    Position::Unit,
];

fn tag(class: NameClass, position: Position) -> usize {
    let class_index = NameClass::ALL.iter().position(|&c| c == class).unwrap_or(0);
    let position_index = POSITIONS.iter().position(|&p| p == position).unwrap_or(0);
    1 + class_index * 4 + position_index
}

fn split(tag: usize) -> Option<(NameClass, Position)> {
    (tag != OUTSIDE).then(|| (NameClass::ALL[(tag - 1) / 4], POSITIONS[(tag - 1) % 4]))
}

/// Whether `next` may follow `previous` (None: sentence start).
pub fn allowed(previous: Option<usize>, next: usize) -> bool {
    let open = previous
        .and_then(split)
        .filter(|(_, p)| matches!(p, Position::Begin | Position::Inside));
    match (open, split(next)) {
        (None, None) => true,
        (None, Some((_, p))) => matches!(p, Position::Begin | Position::Unit),
        (Some(_), None) => false,
        (Some((open_class, _)), Some((class, p))) => {
            class == open_class && matches!(p, Position::Inside | Position::Last)
        }
    }
}

/// Whether a sentence may end on `tag`.
pub fn may_end(tag: usize) -> bool {
    !matches!(split(tag), Some((_, Position::Begin | Position::Inside)))
}

/// The tag of every word, given non-overlapping spans.
pub fn encode(length: usize, names: &[NamedSpan]) -> Vec<usize> {
    let mut tags = vec![OUTSIDE; length];
    for name in names {
        let words = name.words.clone();
        if words.len() == 1 {
            tags[words.start] = tag(name.class, Position::Unit);
        } else {
            for i in words.clone() {
                tags[i] = tag(name.class, Position::Inside);
            }
            tags[words.start] = tag(name.class, Position::Begin);
            tags[words.end - 1] = tag(name.class, Position::Last);
        }
    }
    tags
}

/// The spans of a valid tag sequence.
pub fn decode(tags: &[usize]) -> Vec<NamedSpan> {
    let mut names = Vec::new();
    let mut start = 0;
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            Some((_, Position::Begin)) => start = i,
            Some((class, Position::Last)) => names.push(NamedSpan {
                words: start..i + 1,
                class,
            }),
            Some((class, Position::Unit)) => names.push(NamedSpan {
                words: i..i + 1,
                class,
            }),
            _ => {}
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_then_decode_gives_back_the_spans() {
        let names = vec![
            NamedSpan {
                words: 0..3,
                class: NameClass::Person,
            },
            NamedSpan {
                words: 4..5,
                class: NameClass::Place,
            },
        ];
        let tags = encode(6, &names);
        assert!(allowed(None, tags[0]));
        assert!(tags.windows(2).all(|w| allowed(Some(w[0]), w[1])));
        assert!(may_end(tags[5]));
        assert_eq!(decode(&tags), names);
    }

    #[test]
    fn a_begun_name_must_continue_in_its_class() {
        let begin_person = tag(NameClass::Person, Position::Begin);
        assert!(!allowed(Some(begin_person), OUTSIDE));
        assert!(!allowed(
            Some(begin_person),
            tag(NameClass::Place, Position::Last)
        ));
        assert!(allowed(
            Some(begin_person),
            tag(NameClass::Person, Position::Last)
        ));
        assert!(!may_end(begin_person));
        assert!(!allowed(None, tag(NameClass::Place, Position::Inside)));
    }
}
