"""Side-by-side timing of the pandas calls that package sample's benchmarks
reproduce (BenchmarkShuffle1M, BenchmarkWeighted, BenchmarkGroupBy).

    /usr/bin/python3 testdata/sample/bench_pandas.py
    go test -run XXX -bench . -count 7 ./sample

Prints the median of 7 runs in milliseconds; divide by the Go ns/op medians.
"""
import timeit

import numpy as np
import pandas as pd

df = pd.DataFrame({"a": np.arange(1_000_000)})
w = pd.DataFrame({"w": np.random.RandomState(1).random_sample(100_000)})
k = pd.DataFrame({"k": np.random.RandomState(1).randint(0, 100, 1_000_000)})
for name, f in [
    ("Shuffle1M: df.sample(frac=1)", lambda: df.sample(frac=1, random_state=3)),
    ("Weighted: df.sample(n=1000, weights=w) of 100,000", lambda: w.sample(n=1000, weights="w", random_state=3)),
    ("GroupBy: groupby(k).sample(frac=0.3), 1M rows, 100 groups", lambda: k.groupby("k").sample(frac=0.3, random_state=3)),
]:
    ts = sorted(timeit.repeat(f, number=1, repeat=7))
    print("%-60s median %8.2f ms" % (name, ts[3] * 1000))
