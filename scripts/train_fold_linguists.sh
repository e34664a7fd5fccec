#!/usr/bin/env bash
# Trains one tagger + parser per fold of GUM-open train, each without that
# fold's documents (document i belongs to fold i mod FOLDS), so that the
# entity recognizer can learn from tags and trees as wrong as they will be on
# new text: the shipped models know their own training text almost perfectly
# (GUM train XPOS 0.997, LAS 0.981 against dev 0.961, 0.818).
#
# usage: scripts/train_fold_linguists.sh OUT_DIR [FOLDS] [PARALLEL]
#   writes OUT_DIR/fold-0 … fold-(FOLDS-1), each holding tagger.bin,
#   lemmatizer.bin and parser.bin; then
#   chancery train ner --fold-linguists OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/train_fold_linguists.sh OUT_DIR [FOLDS] [PARALLEL]}
folds=${2:-5}
parallel=${3:-2}
ud=../shared/data/ud
if [ ! -d "$ud/en_gum_open" ]; then
    echo "error: $ud/en_gum_open is absent (the training data lives in ../shared)" >&2
    exit 1
fi
cargo build --release -q
bin=$PWD/target/release/chancery
mkdir -p "$out"
out=$(cd "$out" && pwd)

train_fold() {
    local fold=$1
    local data=$out/ud-$fold models=$out/fold-$fold
    mkdir -p "$data/en_gum_open" "$models"
    ln -sfn "$PWD/$ud/en_ewt" "$data/en_ewt"
    ln -sfn "$PWD/$ud/en_gum_open/en_gum_open-dev.conllu" "$data/en_gum_open/en_gum_open-dev.conllu"
    # Keep every document whose index is not this fold's.
    awk -v fold="$fold" -v folds="$folds" '
        /^# newdoc/ { doc++ }
        (doc - 1) % folds != fold { print }
    ' "$ud/en_gum_open/en_gum_open-train.conllu" > "$data/en_gum_open/en_gum_open-train.conllu"
    {
        "$bin" train tagger --ud "$data" --out "$models"
        "$bin" train parser --ud "$data" --out "$models"
        "$bin" train labeler --ud "$data" --out "$models" --epochs 8
    } > "$out/fold-$fold.log" 2>&1
    echo "fold $fold done"
}

for ((fold = 0; fold < folds; fold++)); do
    train_fold "$fold" &
    while (($(jobs -rp | wc -l) >= parallel)); do wait -n; done
done
wait
