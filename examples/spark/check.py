#!/usr/bin/env python3
"""The test of the Spark example (run by test.sh): one Spark session in
local mode with two executor threads runs extract.py's job on each input
given, and each result must equal `vnextract extract` on the same input:
the records (articles.jsonl) sorted by id, and every table, byte for byte.

    check.py --vnextract BIN --work DIR INPUT...

Prints the time of each run (Spark, and the single `extract` process).
"""

import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract  # noqa: E402  (the job itself)

from pyspark.sql import SparkSession  # noqa: E402


def compare(name, spark_out, ref_out):
    """Problems found between the Spark output and the reference run."""
    problems = []
    spark_files = sorted(os.listdir(spark_out))
    ref_files = sorted(os.listdir(ref_out))
    if spark_files != ref_files:
        problems.append(f"{name}: files {spark_files} != {ref_files}")
    for f in ref_files:
        a = os.path.join(spark_out, f)
        b = os.path.join(ref_out, f)
        if not os.path.exists(a):
            continue
        with open(a, "rb") as fa, open(b, "rb") as fb:
            if fa.read() != fb.read():
                problems.append(f"{name}: {f} differs from `vnextract extract`")

    def records(folder):
        with open(os.path.join(folder, "articles.jsonl"), encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        return sorted(lines, key=lambda r: r["id"])

    got, want = records(spark_out), records(ref_out)
    if len(got) != len(want):
        problems.append(f"{name}: {len(got)} records, `extract` gives {len(want)}")
    elif got != want:
        first = next(i for i, (x, y) in enumerate(zip(got, want)) if x != y)
        problems.append(f"{name}: record {want[first]['id']} differs (sorted by id)")
    if not want:
        problems.append(f"{name}: no records at all: nothing was tested")
    return problems, len(want)


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--vnextract", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--threads", type=int, default=2, help="executor threads (local[N])")
    p.add_argument("inputs", nargs="+")
    args = p.parse_args(argv)
    spark = (
        SparkSession.builder.master(f"local[{args.threads}]")
        .appName("vnextract-example-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    # The executors' Python imports the job's functions from this module.
    spark.sparkContext.addPyFile(extract.__file__)
    problems = []
    try:
        for n, folder in enumerate(args.inputs):
            name = os.path.basename(os.path.normpath(folder))
            spark_out = os.path.join(args.work, f"spark-{n}")
            ref_out = os.path.join(args.work, f"extract-{n}")
            started = time.time()
            job = [folder, "-o", spark_out, "--vnextract", args.vnextract]
            # The first input with the binary shipped as a Spark file, the
            # others run from its path.
            job_args = extract.parse_args(job + (["--ship"] if n == 0 else []))
            status = extract.job(job_args, spark.sparkContext)
            spark_s = time.time() - started
            started = time.time()
            ref = subprocess.run(
                [args.vnextract, "extract", folder, "-o", ref_out, "--quiet",
                 "--threads", str(args.threads)]
            )
            ref_s = time.time() - started
            if status != ref.returncode:
                problems.append(f"{name}: Spark job exit {status}, extract {ref.returncode}")
            found, records = compare(name, spark_out, ref_out)
            problems += found
            print(
                f"{name}: {records} articles; Spark local[{args.threads}] {spark_s:.1f} s, "
                f"one extract process ({args.threads} threads) {ref_s:.1f} s; "
                + ("identical" if not found else "DIFFERENT"),
                flush=True,
            )
    finally:
        spark.stop()
    for line in problems:
        print("FAIL: " + line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
