#!/usr/bin/env bash
# The test of the Spark example, run by .ci/run: Spark local mode with two
# executor threads runs extract.py on ../shared/corpus/unc-2020 and on 5,000
# news-2017 articles (unpacked from ../shared/corpus/news-2017.tar.gz into a
# temporary folder), in one Spark session, and checks that the records
# (sorted by id) and every table are byte-identical to `vnextract extract`
# on the same input.
#
# Needs Java 17 and PyPI: pyspark is installed into a virtual environment
# (target/spark-venv, kept for the next run; SPARK_VENV=DIR puts it
# elsewhere). If it cannot be installed, this FAILS: it never passes by
# skipping. It tests the release build (the debug one extracts too slowly
# for 5,000 articles run twice with batch evidence); VNEXTRACT_BIN=PATH
# tests that binary instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
shared=$root/../shared/corpus

fail() {
    echo >&2
    echo "******************************************************************" >&2
    echo "examples/spark/test.sh FAILED: $*" >&2
    echo "******************************************************************" >&2
    exit 1
}

[ -d "$shared/unc-2020" ] || fail "$shared/unc-2020 is missing"
[ -f "$shared/news-2017.tar.gz" ] || fail "$shared/news-2017.tar.gz is missing"
java -version >/dev/null 2>&1 || fail "no java on PATH: Spark needs Java 17"

bin=${VNEXTRACT_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release --locked --quiet
    bin=$root/target/release/vnextract
fi
[ -x "$bin" ] || fail "no vnextract binary at $bin"

venv=${SPARK_VENV:-$root/target/spark-venv}
if ! "$venv/bin/python" -c "import pyspark" >/dev/null 2>&1; then
    echo "examples/spark/test.sh: installing pyspark from PyPI into $venv" >&2
    python3 -m venv "$venv" || fail "cannot create a Python virtual environment in $venv"
    "$venv/bin/pip" install --quiet "pyspark==4.3.0" \
        || fail "pyspark cannot be installed from PyPI: the Spark example was NOT tested"
    "$venv/bin/python" -c "import pyspark" \
        || fail "pyspark was installed but does not import: the Spark example was NOT tested"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# 5,000 news articles: the first 5,000 .txt files of the archive.
"$venv/bin/python" - "$shared/news-2017.tar.gz" "$tmp/news" <<'PY'
import sys, tarfile
archive, dest = sys.argv[1], sys.argv[2]
n = 0
with tarfile.open(archive) as t:
    for m in t:
        if m.isfile() and m.name.endswith(".txt"):
            t.extract(m, dest, filter="data")
            n += 1
            if n == 5000:
                break
if n != 5000:
    sys.exit(f"only {n} articles in {archive}")
PY
news=$(find "$tmp/news" -mindepth 1 -maxdepth 1 -type d | head -1)
[ -n "$news" ] || fail "no folder unpacked from news-2017.tar.gz"

export PYSPARK_PYTHON=$venv/bin/python
"$venv/bin/python" examples/spark/check.py --vnextract "$bin" --work "$tmp/work" \
    --threads 2 "$shared/unc-2020" "$news" \
    || fail "the Spark job's output is not that of vnextract extract (see above)"
echo "examples/spark/test.sh: passed"
