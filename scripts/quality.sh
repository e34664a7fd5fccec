#!/usr/bin/env bash
# Reproduces every accuracy figure in docs/quality.md from ../shared.
# usage: scripts/quality.sh            (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -d "$shared/data" ]; then
    echo "skipped: $shared is absent (the evaluation data lives there)"
    exit 0
fi
cargo build --release -q
bin=./target/release/chancery
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== UD: tagger, lemmatizer, parser on gold tokenization"
for set in en_ewt/en_ewt-ud-test en_gum_open/en_gum_open-test en_ewt/en_ewt-ud-dev en_gum_open/en_gum_open-dev; do
    echo "-- $set"
    "$bin" parse --conllu --pretokenized < "$shared/data/ud/$set.conllu" > "$tmp/pred.conllu"
    python3 "$shared/eval/score_conllu.py" "$shared/data/ud/$set.conllu" "$tmp/pred.conllu"
done

echo "== TimeBank: temporal expressions"
python3 "$shared/eval/timeml.py" docs "$shared/data/timebank" > "$tmp/tb_docs.jsonl"
"$bin" timex "$tmp/tb_docs.jsonl" > "$tmp/tb_pred.jsonl"
python3 "$shared/eval/timeml.py" score "$shared/data/timebank" "$tmp/tb_pred.jsonl"

echo "== Seed gold: events, actors, speakers, quantities"
"$bin" code --format jsonl "$shared/data/seeds" -o "$tmp/seeds.jsonl"
python3 "$shared/eval/score_events.py" --gold "$shared/data/gold/seeds_events.json" \
    --docs "$shared/data/seeds" --pred "$tmp/seeds.jsonl"
echo "-- chancery eval (must print the same figures)"
"$bin" eval --gold "$shared/data/gold/seeds_events.json" --docs "$shared/data/seeds"

echo "== GUM-open test: named entities"
cargo test -q --release -p chancery-entities --test gum_evaluation -- --ignored --nocapture 2>&1 \
    | grep -v '^running\|^test result\|^$'

echo "== Tokenizer and sentence splitter"
cargo run -q --release -p chancery-text --example eval_tokenizer
