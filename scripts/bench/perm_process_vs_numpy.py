#!/usr/bin/env python3
"""Issue 18's perm target, as it is worded: `splitter perm --n N` as a whole
process (start, draw, print N lines to /dev/null) against numpy's
RandomState(s).permutation(N) timed inside Python (no start-up, no
printing). Rounds alternate, so background load hits both alike; prints
both medians and the ratio numpy/splitter (> 1: the splitter process is
faster than numpy's call alone). The first round checks that the two
permutations are the same.

Usage: scripts/bench/perm_process_vs_numpy.py [ROUNDS] [N]   (default 9, 10000000)
"""
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
    with tempfile.TemporaryDirectory() as work:
        exe = os.path.join(work, "splitter")
        subprocess.run(["go", "build", "-o", exe, "./cmd/splitter"], cwd=ROOT, check=True,
                       env=dict(os.environ, CGO_ENABLED="0"))
        out = subprocess.run([exe, "perm", "--seed", "0", "--n", str(n)], check=True, capture_output=True).stdout
        want = "".join("%d\n" % v for v in np.random.RandomState(0).permutation(n)).encode()
        if hashlib.sha256(out).digest() != hashlib.sha256(want).digest():
            sys.exit("splitter perm and numpy differ")
        sp, nv = [], []
        with open(os.devnull, "wb") as null:
            for i in range(rounds):
                t = time.perf_counter()
                subprocess.run([exe, "perm", "--seed", str(i), "--n", str(n)], check=True, stdout=null)
                sp.append(time.perf_counter() - t)
                r = np.random.RandomState(i)
                t = time.perf_counter()
                r.permutation(n)
                nv.append(time.perf_counter() - t)
    ms, mn = statistics.median(sp) * 1e3, statistics.median(nv) * 1e3
    print("permutation(%d), %d alternating rounds, outputs identical" % (n, rounds))
    print("  splitter perm --n %d (whole process, lines to /dev/null)  median %8.1f ms" % (n, ms))
    print("  numpy %s RandomState(s).permutation (in-process)  median %8.1f ms" % (np.__version__, mn))
    print("  ratio numpy/splitter = %.2f (target >= 1)" % (mn / ms))


if __name__ == "__main__":
    main()
