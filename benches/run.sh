#!/usr/bin/env bash
# Whole-process benchmark (not a test): MB/s, articles/s and peak RSS of
# `vnextract extract` over a corpus folder with every output written, on 1
# and 2 threads, then the pathological inputs of issue 12 (a 20 MB one-line
# article made of the corpus's own articles, 1 MB of one repeated phrase,
# and a 200 MB article of ordinary paragraphs, unless BIG=0).
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

# A 200 MB article of ordinary paragraphs, made of sentences written for
# this benchmark (names, titles, dates and citations in every paragraph):
# read in sections, its peak RSS must stay under 500 MB (issue 12). BIG=0
# skips it (about three minutes).
if [[ ${BIG:-1} != 0 ]]; then
    LC_ALL=C awk -v bytes=200000000 'BEGIN {
        s[0] = "Ngày %d/%d/2020, ông Nguyễn Văn An, Chủ tịch UBND tỉnh Bình Định, đã chủ trì cuộc họp về kế hoạch phát triển kinh tế."
        s[1] = "Theo Nghị quyết số %d/NQ-CP của Chính phủ, các địa phương cần hoàn thành việc rà soát trước tháng %d."
        s[2] = "Bà Trần Thị Bình, Phó Giám đốc Sở Y tế, cho biết ngành y tế đã chuẩn bị đủ thuốc và vật tư cho mùa dịch."
        s[3] = "Ông An nhấn mạnh rằng mọi người dân phải được tiếp cận dịch vụ công một cách thuận tiện và minh bạch."
        s[4] = "Trong quý 4 năm 2021, Bộ Tài chính sẽ trình dự thảo luật sửa đổi lên Quốc hội trước ngày %d/%d."
        s[5] = "Bà Bình cũng đề nghị các bệnh viện tuyến huyện tăng cường phối hợp với trung tâm y tế dự phòng."
        n = 0; i = 0
        while (n < bytes) {
            line = ""
            for (k = 0; k < 4; k++) { line = line sprintf(s[i % 6], i % 28 + 1, i % 12 + 1) " "; i++ }
            line = line "\n"
            if (i % 24 == 0) line = line "\n"
            printf "%s", line; n += length(line)
        }
    }' >"$work/big200.txt"
    run "200 MB article (two passes)" 190.7 1 "$work/big200.txt" --threads 2
    run "200 MB article (--no-batch)" 190.7 1 "$work/big200.txt" --threads 2 --no-batch
fi
