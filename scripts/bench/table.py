#!/usr/bin/env python3
"""The benchmark table of docs/performance.md: splitter beside GNU shuf and
pandas (+ scikit-learn) on the same files, whole processes, medians of
several runs, peak RSS from /usr/bin/time -v.

Inputs: for each row count, a CSV of rows like "17,42.1234567,0.7654321,c3"
(33 bytes a row: 1M rows are 33 MB) and the same table as TSV, JSON Lines,
Parquet (written by scripts/bench/csv2parquet) and gzipped CSV. Jobs, in
each format:

  split    splitter --seed 101 --test 0.2 IN (manifest included)
           pandas: read, train_test_split(df, test_size=0.2, random_state=101), write both
  kfold    splitter kfold --folds 5 --seed 101 IN
           pandas: read, KFold(5, shuffle=True, random_state=101) fold column, write
  shuffle  splitter shuffle --seed 101 IN -o OUT
           pandas: read, df.sample(frac=1, random_state=101), write
  sample   splitter sample --seed 101 --frac 0.1 IN -o OUT
           pandas: read, df.sample(frac=0.1, random_state=101), write
  verify   splitter verify of the split's manifest (CSV only; no counterpart)

shuf is the floor of a line shuffle, not an equivalent: it is neither
CSV-aware (the header is shuffled with the rows) nor exact. It runs for
split, shuffle (shuf IN) and sample (shuf -n) on the text formats
(gzip: zcat | shuf | gzip); not for kfold or Parquet. Parquet with pandas
needs pyarrow; without it those cells say so.

Runs are interleaved (each round runs every tool on every cell), so a
change in the machine's load hits all alike. Ratios are of medians:
tool / splitter (above 1: splitter is faster). The splitter and pandas
outputs of the CSV split, shuffle and sample are checked to hold the same
rows in the same order (first column).

Usage: scripts/bench/table.py [--sizes 1000,100000,1000000] [--runs 5]
         [--pandas-runs 3] [--big-runs 3] [--big-pandas-runs 1]
         [--formats csv,tsv,jsonl,parquet,gz]
         [--jobs split,kfold,shuffle,sample,verify] [--update docs/performance.md]
--big-runs and --big-pandas-runs are the runs of sizes of 10M rows or
more (a 10M-row pandas job takes minutes and gigabytes).
--update replaces the text between the markers "<!-- table:begin -->" and
"<!-- table:end -->" of the file with the table; the table is printed
either way. Run it on an idle machine: a loaded one moves medians by 2x.
"""
import argparse
import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PY = "/usr/bin/python3"
BIG = 10000000  # sizes from here on run --big-runs / --big-pandas-runs times
EXT = {"csv": "csv", "tsv": "tsv", "jsonl": "jsonl", "parquet": "parquet", "gz": "csv.gz"}

PANDAS = r'''
import os, sys
import numpy as np, pandas as pd
job, fmt, src, out = sys.argv[1:5]
read = {
    "csv": pd.read_csv, "gz": pd.read_csv, "parquet": pd.read_parquet,
    "tsv": lambda p: pd.read_csv(p, sep="\t"),
    "jsonl": lambda p: pd.read_json(p, lines=True),
}[fmt]
def write(df, name):
    p = os.path.join(out, name)
    if fmt == "csv": df.to_csv(p + ".csv", index=False)
    elif fmt == "gz": df.to_csv(p + ".csv.gz", index=False)
    elif fmt == "tsv": df.to_csv(p + ".tsv", sep="\t", index=False)
    elif fmt == "jsonl": df.to_json(p + ".jsonl", orient="records", lines=True)
    else: df.to_parquet(p + ".parquet", index=False)
df = read(src)
if job == "split":
    from sklearn.model_selection import train_test_split
    train, test = train_test_split(df, test_size=0.2, random_state=101)
    write(train, "train"); write(test, "test")
elif job == "kfold":
    from sklearn.model_selection import KFold
    fold = np.empty(len(df), dtype=np.int64)
    for k, (_, te) in enumerate(KFold(5, shuffle=True, random_state=101).split(df)):
        fold[te] = k
    write(df.assign(fold=fold), "folds")
elif job == "shuffle":
    write(df.sample(frac=1, random_state=101), "test")
else:
    write(df.sample(frac=0.1, random_state=101), "test")
'''


def sh(*args, **kw):
    return subprocess.run(args, check=True, **kw)


def make_inputs(work, rows, formats, c2p):
    """Writes data{rows}.{ext} for each format; returns {format: path}."""
    base = os.path.join(work, "data%d" % rows)
    csv = base + ".csv"
    import random
    r = random.Random(1)
    with open(csv, "w") as f:
        f.write("id,x,y,label\n")
        buf = []
        for i in range(rows):
            buf.append("%d,%.7f,%.7f,c%d\n" % (i, r.random() * 100, r.random(), r.randrange(5)))
            if len(buf) == 100000:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))
    paths = {"csv": csv}
    if "tsv" in formats:
        with open(csv) as src, open(base + ".tsv", "w") as dst:
            for line in src:
                dst.write(line.replace(",", "\t"))
        paths["tsv"] = base + ".tsv"
    if "jsonl" in formats:
        with open(csv) as src, open(base + ".jsonl", "w") as dst:
            next(src)
            for line in src:
                i, x, y, lab = line.rstrip("\n").split(",")
                dst.write('{"id":%s,"x":%s,"y":%s,"label":"%s"}\n' % (i, x, y, lab))
        paths["jsonl"] = base + ".jsonl"
    if "parquet" in formats:
        sh(c2p, csv, base + ".parquet")
        paths["parquet"] = base + ".parquet"
    if "gz" in formats:
        with open(csv, "rb") as src, gzip.open(base + ".csv.gz", "wb", compresslevel=6) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        paths["gz"] = base + ".csv.gz"
    return paths


def commands(tool, job, fmt, src, out, rows, splitter, pandas_py):
    """The command of tool for a cell, or None where it has none."""
    ext = EXT[fmt]
    if tool == "splitter":
        return {
            "split": [splitter, "--seed", "101", "--test", "0.2", "--out-dir", out, src],
            "kfold": [splitter, "kfold", "--folds", "5", "--seed", "101", "--out-dir", out, src],
            "shuffle": [splitter, "shuffle", "--seed", "101", src, "-o", os.path.join(out, "test." + ext)],
            "sample": [splitter, "sample", "--seed", "101", "--frac", "0.1", src, "-o", os.path.join(out, "test." + ext)],
            "verify": [splitter, "verify", os.path.join(out, os.path.basename(src).split(".")[0] + ".split.json")],
        }[job]
    if tool == "pandas":
        return None if job == "verify" else [PY, pandas_py, job, fmt, src, out]
    # shuf: text formats only, and no fold column.
    if job not in ("split", "shuffle", "sample") or fmt == "parquet":
        return None
    n = ["-n", str(max(1, rows // 10))] if job == "sample" else []
    dst = os.path.join(out, "shuf." + ext)
    if fmt == "gz":
        return ["sh", "-c", "zcat '%s' | shuf %s | gzip > '%s'" % (src, " ".join(n), dst)]
    return ["shuf"] + n + [src, "-o", dst]


def run_once(cmd, work):
    """Runs cmd under /usr/bin/time -v; returns (wall s, peak RSS MB)."""
    tf = os.path.join(work, "time.txt")
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", "-o", tf] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), p.stderr.decode(errors="replace")[-2000:]))
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(tf).read())
    return wall, int(m.group(1)) / 1024


def first_column(path, fmt):
    """The ids of an output, in order (CSV only)."""
    with open(path) as f:
        next(f)
        return [line.split(",", 1)[0] for line in f]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,100000,1000000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pandas-runs", type=int, default=3)
    ap.add_argument("--big-runs", type=int, default=3)
    ap.add_argument("--big-pandas-runs", type=int, default=1)
    ap.add_argument("--formats", default="csv,tsv,jsonl,parquet,gz")
    ap.add_argument("--jobs", default="split,kfold,shuffle,sample,verify")
    ap.add_argument("--update", metavar="FILE")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    formats = a.formats.split(",")
    jobs = a.jobs.split(",")
    os.chdir(ROOT)
    work = tempfile.mkdtemp(prefix="splitter-table-")
    try:
        splitter = os.path.join(work, "splitter")
        c2p = os.path.join(work, "csv2parquet")
        # As README and docs/cli.md build it: static, without cgo (a cgo
        # build is linked to libc, which costs ~4 ms of every start).
        sh("go", "build", "-o", splitter, "./cmd/splitter", env=dict(os.environ, CGO_ENABLED="0"))
        sh("go", "build", "-o", c2p, "./scripts/bench/csv2parquet")
        pandas_py = os.path.join(work, "pandas_job.py")
        with open(pandas_py, "w") as f:
            f.write(PANDAS)
        pyarrow = subprocess.run([PY, "-c", "import pyarrow"], capture_output=True).returncode == 0
        inputs = {n: make_inputs(work, n, formats, c2p) for n in sizes}
        cells = [(n, fmt, job) for n in sizes for fmt in formats for job in jobs
                 if job != "verify" or fmt == "csv"]
        times = {}  # (n, fmt, job, tool) -> [(wall, rss)]
        out = os.path.join(work, "out")
        def runs(tool, n):
            big = n >= BIG
            if tool == "pandas":
                return a.big_pandas_runs if big else a.pandas_runs
            return a.big_runs if big else a.runs
        for rnd in range(max(a.runs, a.pandas_runs, a.big_runs, a.big_pandas_runs)):
            for n, fmt, job in cells:
                if all(rnd >= runs(t, n) for t in ("splitter", "shuf", "pandas")):
                    continue
                print("round %d: %d rows, %s, %s" % (rnd + 1, n, fmt, job), file=sys.stderr, flush=True)
                src = inputs[n][fmt]
                with open(src, "rb") as f:  # in the page cache
                    while f.read(1 << 24):
                        pass
                for tool in ("splitter", "shuf", "pandas"):
                    if rnd >= runs(tool, n):
                        continue
                    if tool == "pandas" and fmt == "parquet" and not pyarrow:
                        continue
                    cmd = commands(tool, job, fmt, src, out, n, splitter, pandas_py)
                    if cmd is None:
                        continue
                    if job == "verify":  # verify the split's outputs
                        shutil.rmtree(out, ignore_errors=True)
                        os.makedirs(out)
                        sh(*commands("splitter", "split", fmt, src, out, n, splitter, pandas_py), stdout=subprocess.DEVNULL)
                    else:
                        shutil.rmtree(out, ignore_errors=True)
                        os.makedirs(out)
                    times.setdefault((n, fmt, job, tool), []).append(run_once(cmd, work))
                    if rnd == 0 and fmt == "csv" and job in ("split", "shuffle", "sample"):
                        name = "data%d.test.csv" % n if job == "split" else "test.csv"
                        got = os.path.join(out, name if tool == "splitter" else "test.csv")
                        if tool == "splitter":
                            want_ids = first_column(got, fmt)
                        elif tool == "pandas" and first_column(got, fmt) != want_ids:
                            sys.exit("splitter and pandas disagree on the rows of %s (%d rows)" % (job, n))
        table = render(times, cells, a, pyarrow)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table)
    if a.update:
        text = open(a.update).read()
        b, e = "<!-- table:begin -->\n", "<!-- table:end -->"
        i, j = text.index(b) + len(b), text.index(e)
        with open(a.update, "w") as f:
            f.write(text[:i] + table + "\n" + text[j:])


def render(times, cells, a, pyarrow):
    med = {k: (statistics.median(w for w, _ in v) * 1000, statistics.median(r for _, r in v), len(v)) for k, v in times.items()}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    pdv = subprocess.run([PY, "-c", "import pandas, sklearn; print(pandas.__version__, sklearn.__version__)"],
                         capture_output=True, text=True).stdout.split()
    cpu = ""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    lines = [
        "Machine: %s, %d cores, %s; load average before the run's end %s. splitter %s (%s), pandas %s, "
        "scikit-learn %s. Medians of %d runs (pandas: %d)%s; ms of wall time, MB of peak RSS."
        % (cpu, os.cpu_count(), platform.system(), " ".join(open("/proc/loadavg").read().split()[:3]),
           commit, subprocess.run(["go", "env", "GOVERSION"], capture_output=True, text=True).stdout.strip(),
           pdv[0] if pdv else "?", pdv[1] if len(pdv) > 1 else "?", a.runs, a.pandas_runs,
           "; 10M rows and more: %d (pandas: %d)" % (a.big_runs, a.big_pandas_runs) if any(n >= BIG for n, _, _ in cells) else ""),
        "",
        "| rows | format | job | splitter ms | splitter MB | shuf ms | shuf / splitter | pandas ms | pandas MB | pandas / splitter |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, fmt, job in cells:
        g = med.get((n, fmt, job, "splitter"))
        if g is None:
            continue
        row = ["{:,}".format(n), fmt, job, "%.1f" % g[0], "%.1f" % g[1]]
        s = med.get((n, fmt, job, "shuf"))
        row += ["%.1f" % s[0], "%.2fx" % (s[0] / g[0])] if s else ["—", "—"]
        p = med.get((n, fmt, job, "pandas"))
        if p:
            row += ["%.0f" % p[0], "%.1f" % p[1], "%.1fx" % (p[0] / g[0])]
        elif fmt == "parquet" and not pyarrow and job != "verify":
            row += ["no pyarrow", "—", "—"]
        else:
            row += ["—", "—", "—"]
        lines.append("| " + " | ".join(row) + " |")
    # The targets, where the table has the cells.
    notes = []
    s1 = med.get((1000000, "csv", "split", "splitter"))
    if s1:
        notes.append("1M-row CSV split: %.1f ms (target <= 90, goal 50), peak RSS %.1f MB (target <= 48)." % (s1[0], s1[1]))
        sh1 = med.get((1000000, "csv", "split", "shuf"))
        if sh1:
            notes.append("shuf on that file: %.1f ms, %.2fx splitter's time (to resolve: >= 2)." % (sh1[0], sh1[0] / s1[0]))
        v1 = med.get((1000000, "csv", "verify", "splitter"))
        if v1:
            notes.append("verify of that split: %.1f ms, %.2fx the split's time (target <= 1)." % (v1[0], v1[0] / s1[0]))
        p1 = med.get((1000000, "parquet", "split", "splitter"))
        if p1:
            notes.append("Parquet in and out (1M split): %.1f ms, %.2fx the CSV split's time (target <= 2), peak RSS %.1f MB (target <= 100)."
                         % (p1[0], p1[0] / s1[0], p1[1]))
    s10 = med.get((10000000, "csv", "split", "splitter"))
    if s1 and s10:
        notes.append("10x the rows (10M vs 1M CSV split): %.2fx the time (target <= 10.2x); peak RSS %.1f MB, "
                     "%.1f B/row above the 1M figure (target <= 16)."
                     % (s10[0] / s1[0], s10[1], (s10[1] - s1[1]) * 2**20 / 9e6))
    if notes:
        lines += [""] + ["- " + x for x in notes]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
