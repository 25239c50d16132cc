#!/usr/bin/env python3
"""vnextract as a stage of Apache Spark.

Reads folders of articles (and records files) the way `vnextract extract`
reads them, pipes each partition through `vnextract stream --parts K/N` on
the executors, and puts the partitions' outputs together with `vnextract
merge` into the output folder of one `extract` run: the same files, byte for
byte (articles.jsonl and every CSV table).

    spark-submit extract.py INPUT... -o OUT [--vnextract BIN] [--partitions N]

The stages:

1. listing (driver): `vnextract list INPUT...` gives every article (a file,
   or a record of a records file) as one JSON line with its place in the
   input order (`key`) and its unique id. For a folder these lines are
   paths, not texts: the executors read the files themselves, from a path
   every executor sees (a shared file system).
2. evidence (when the binary has `gather`): each partition gathers what its
   articles tell about names (`vnextract gather`), a tree reduce merges the
   counts (`vnextract gather --merge`: a sum, so any partitioning gives the
   same file), and the merged file is shipped to every executor
   (`SparkContext.addFile`) for the next stage.
3. extraction (executors): each partition is piped through one
   `vnextract stream --parts K/N [--evidence FILE]` process (rules loaded
   once per partition, `--threads` the cores Spark gives the task), which
   writes a header line and one part line per article: its rows of every
   table and what it adds to the run-wide tables. Spark saves them as
   part-NNNNN files.
4. merge (driver): `vnextract merge PARTS -o OUT` interleaves the parts by
   key and replays the run-wide tables (people, documents) in input order:
   a streaming k-way merge, no extraction.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import uuid

from pyspark import SparkFiles, TaskContext
from pyspark.sql import SparkSession


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", help="folders or files, as for `vnextract extract`")
    p.add_argument("-o", "--output", required=True, help="output folder (as for `extract -o`)")
    p.add_argument(
        "--vnextract",
        default=shutil.which("vnextract") or "vnextract",
        help="the vnextract binary (default: the one on PATH)",
    )
    p.add_argument(
        "--ship",
        action="store_true",
        help="the executors get the binary (and --rules) as Spark files (spark-submit "
        "--files, or added here with SparkContext.addFile) instead of running it from a "
        "path every executor sees",
    )
    p.add_argument("--rules", help="folder of rule files replacing the built-in ones")
    p.add_argument(
        "--partitions",
        type=int,
        default=0,
        help="partitions of the input (default: twice the default parallelism)",
    )
    p.add_argument(
        "--evidence",
        choices=["auto", "on", "off"],
        default="auto",
        help="gather batch evidence first (auto: when the binary has `gather`)",
    )
    p.add_argument(
        "--work",
        help="folder for the part files (default: a temporary folder, removed after the "
        "merge); on a cluster, a folder the driver can read",
    )
    p.add_argument("--force", action="store_true", help="as `extract --force`")
    p.add_argument("--master", help="Spark master when not run by spark-submit (local[2]...)")
    return p.parse_args(argv)


def run(cmd, **kw):
    """Run a command; its stderr goes to ours; fail loudly."""
    r = subprocess.run(cmd, stdout=subprocess.PIPE, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed with exit status {r.returncode}")
    return r.stdout


def has_gather(binary):
    r = subprocess.run([binary, "gather", "--help"], capture_output=True)
    return r.returncode == 0


class Tools:
    """Where the executors find the binary and the rules: shipped files
    (SparkFiles) or paths they all see."""

    def __init__(self, binary, rules, shipped):
        self.binary = os.path.basename(binary) if shipped else os.path.abspath(binary)
        self.rules = None
        if rules:
            self.rules = os.path.basename(os.path.normpath(rules)) if shipped else os.path.abspath(rules)
        self.shipped = shipped

    def on_executor(self):
        if not self.shipped:
            return self.binary, self.rules
        binary = SparkFiles.get(self.binary)
        os.chmod(binary, 0o755)
        return binary, SparkFiles.get(self.rules) if self.rules else None


def task_threads():
    """The cores Spark gives this task (spark.task.cpus)."""
    ctx = TaskContext.get()
    return max(1, ctx.cpus() if ctx is not None else 1)


def pipe(cmd, lines):
    """Feed `lines` to a command's stdin (from a thread) and yield its
    output lines as they come; fail loudly when it fails."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line.encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for out in proc.stdout:
        yield out.decode("utf-8").rstrip("\n")
    writer.join()
    if proc.wait() != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed with exit status {proc.returncode}")


def rules_args(rules):
    return ["--rules", rules] if rules else []


def gather_partition(tools, units):
    """Stage 2, per partition: the evidence of its articles, as file text.
    Files are gathered by path (read exactly as `extract` reads them),
    records from stdin; the pieces are merged (a sum) into one file."""
    binary, rules = tools.on_executor()
    files, records = [], []
    for u in map(json.loads, units):
        if u.get("file"):
            files.append(u["file"])
        elif u.get("text") is not None:
            rec = {"id": u["id"], "text": u["text"]}
            for k in ("date", "title"):
                if u.get(k):
                    rec[k] = u[k]
            records.append(json.dumps(rec, ensure_ascii=False))
    threads = ["--threads", str(task_threads())]
    with tempfile.TemporaryDirectory() as tmp:
        pieces = []
        # Paths in chunks, to stay under the argument-length limit.
        for i in range(0, len(files), 500):
            out = os.path.join(tmp, f"files-{i}.evidence")
            run([binary, "gather", *files[i : i + 500], "-o", out, *threads, *rules_args(rules)])
            pieces.append(out)
        if records:
            out = os.path.join(tmp, "records.evidence")
            data = ("\n".join(records) + "\n").encode("utf-8")
            run([binary, "gather", "-", "-o", out, *threads, *rules_args(rules)], input=data)
            pieces.append(out)
        if not pieces:
            # Only inputs that could not be read: no evidence to add.
            return
        merged = os.path.join(tmp, "partition.evidence")
        run([binary, "gather", "--merge", *pieces, "-o", merged])
        with open(merged, encoding="utf-8") as f:
            yield f.read()


def merge_evidence(tools, a, b):
    """The reduce: two evidence files merged into one (a sum of counts)."""
    binary, _ = tools.on_executor()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, text in (("a", a), ("b", b)):
            paths.append(os.path.join(tmp, name))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(text)
        out = os.path.join(tmp, "merged")
        run([binary, "gather", "--merge", *paths, "-o", out])
        with open(out, encoding="utf-8") as f:
            return f.read()


def extract_partition(tools, partitions, evidence, index, units):
    """Stage 3, per partition: `stream --parts K/N`, one process."""
    binary, rules = tools.on_executor()
    cmd = [binary, "stream", "--parts", f"{index + 1}/{partitions}"]
    cmd += ["--threads", str(task_threads()), *rules_args(rules)]
    if evidence:
        cmd += ["--evidence", SparkFiles.get(evidence)]
    yield from pipe(cmd, units)


def main(argv):
    args = parse_args(argv)
    builder = SparkSession.builder.appName("vnextract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        return job(args, sc)
    finally:
        spark.stop()


def job(args, sc):
    binary = os.path.abspath(args.vnextract) if os.path.exists(args.vnextract) else args.vnextract
    if not os.path.exists(binary):
        sys.exit(f"extract.py: no vnextract binary at {args.vnextract}: give one with --vnextract")
    tools = Tools(binary, args.rules, args.ship)
    if args.ship:
        # Unless spark-submit --files shipped them already.
        shipped = sc.getConf().get("spark.files", "")
        if os.path.basename(binary) not in shipped:
            sc.addFile(binary)
        if args.rules:
            sc.addFile(os.path.abspath(args.rules), recursive=True)
    evidence = args.evidence == "on" or (args.evidence == "auto" and has_gather(binary))
    if args.evidence == "on" and not has_gather(binary):
        sys.exit("extract.py: --evidence on, but this vnextract has no `gather` command")

    # 1. Listing, on the driver.
    units = run([binary, "list", *args.inputs]).decode("utf-8").splitlines()
    partitions = args.partitions or 2 * sc.defaultParallelism
    partitions = max(1, min(partitions, len(units)))
    # Contiguous slices: each partition is in input order.
    rdd = sc.parallelize(units, partitions).cache()

    work = args.work or tempfile.mkdtemp(prefix="vnextract-spark-")
    try:
        # 2. Evidence: gather per partition, tree reduce, broadcast as a file.
        evidence_name = None
        if evidence:
            merged = rdd.mapPartitions(lambda it: gather_partition(tools, it)).treeReduce(
                lambda a, b: merge_evidence(tools, a, b)
            )
            # A name of its own: Spark refuses a second file of one name
            # in a session (several jobs may share one).
            path = os.path.join(work, f"batch-{uuid.uuid4().hex}.evidence")
            with open(path, "w", encoding="utf-8") as f:
                f.write(merged)
            sc.addFile(path)
            evidence_name = os.path.basename(path)

        # 3. Extraction: one `stream --parts` process per partition.
        parts = os.path.join(work, "parts")
        rdd.mapPartitionsWithIndex(
            lambda i, it: extract_partition(tools, partitions, evidence_name, i, it)
        ).saveAsTextFile("file://" + os.path.abspath(parts))

        # 4. Merge, on the driver: the output folder of one `extract` run.
        merge = [binary, "merge", parts, "-o", args.output]
        if args.force:
            merge.append("--force")
        status = subprocess.run(merge).returncode
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    # As `extract`: 1 when some input could not be read (see errors.csv).
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
