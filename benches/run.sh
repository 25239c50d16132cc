#!/usr/bin/env bash
# Whole-process benchmark (not a test): MB/s, articles/s and peak RSS of
# `vnextract extract` over a corpus folder with every output written, on 1
# and 2 threads, then the pathological inputs of issue 12 (a 20 MB one-line
# article made of the corpus's own articles, 1 MB of one repeated phrase,
# and with BIG=1 a 200 MB article of ordinary lines).
#
#   benches/run.sh /tmp/news-2017 [path/to/vnextract]
#
# Needs GNU time (/usr/bin/time). Inputs are made in a temporary folder.
set -euo pipefail
corpus=${1:?usage: benches/run.sh CORPUS_DIR [BIN]}
bin=${2:-}
if [[ -z $bin ]]; then
    cargo build --release --quiet
    bin=target/release/vnextract
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run LABEL MB ARTICLES ARGS...: one timed run, one line of figures.
run() {
    local label=$1 mb=$2 n=$3
    shift 3
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$bin" extract "$@" -o "$work/out" --force \
        --quiet >/dev/null 2>"$work/stderr" || true
    read -r secs user sys kb <"$work/time"
    # CPU seconds too: on a shared machine they say more than the wall clock.
    awk -v l="$label" -v s="$secs" -v c="$(awk -v u="$user" -v y="$sys" 'BEGIN {print u + y}')" \
        -v kb="$kb" -v mb="$mb" -v n="$n" 'BEGIN {
        printf "%-34s %7.2f s wall %7.2f s CPU %7.2f MB/s %9.1f articles/s %5.3f CPU s/MB %6.0f MB peak RSS\n",
            l, s, c, mb / s, n / s, c / mb, kb / 1024 }'
}

bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$corpus" -type f -name '*.txt' | wc -l)
mb=$(awk -v b="$bytes" 'BEGIN {print b / 1048576}')
echo "corpus: $files articles, $mb MB"
for t in 1 2; do
    run "corpus, $t thread(s)" "$mb" "$files" "$corpus" --threads "$t"
done

# A 20 MB article on one line: the corpus's articles joined by spaces.
find "$corpus" -type f -name '*.txt' | sort | while read -r f; do
    tr '\n' ' ' <"$f"
    printf ' '
done | head -c 20000000 | iconv -c -f utf-8 -t utf-8 >"$work/oneline20.txt" || true
run "20 MB one line (sections)" 19.07 1 "$work/oneline20.txt" --threads 1
run "20 MB one line (whole, limit 25)" 19.07 1 "$work/oneline20.txt" --threads 1 --max-article-mb 25

# 1 MB of one phrase repeated.
repeat() { # PHRASE FILE
    local n=$((1000000 / $(printf '%s' "$1" | wc -c)))
    awk -v p="$1" -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "%s", p }' >"$2"
}
repeat 'Nguyễn Văn ' "$work/names.txt"
repeat '1/1/2020 ' "$work/dates.txt"
repeat 'Nghị quyết số 1/' "$work/resolutions.txt"
repeat 'Phó Chủ tịch UBND tỉnh ' "$work/titles.txt"
for f in names dates resolutions titles; do
    run "1 MB of repeated $f" 0.95 1 "$work/$f.txt" --threads 1
done

if [[ ${BIG:-0} == 1 ]]; then
    find "$corpus" -type f -name '*.txt' | sort | while read -r f; do cat "$f"; echo; done \
        >"$work/c.txt"
    for _ in 1 2; do cat "$work/c.txt"; done | head -c 200000000 >"$work/big200.txt"
    rm "$work/c.txt"
    run "200 MB of ordinary lines" 190.7 1 "$work/big200.txt" --threads 1
fi
