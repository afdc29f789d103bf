"""Writes testdata/rng-legacy/legacy_golden.json: numpy.random.RandomState
calls (every method splitter's rng.RandomState reproduces, error cases
included) with numpy's answers, computed by legacy_oracle.py.

    /usr/bin/python3 testdata/rng-legacy/gen_legacy.py > testdata/rng-legacy/legacy_golden.json
"""
import json
import os
import platform
import random
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import legacy_oracle  # noqa: E402

g = random.Random(20240601)  # picks parameters only; answers come from numpy
SEEDS = [0, 1, 5, 42, 12345, 2**31 - 1, 2**31, 2**32 - 2, 2**32 - 1]
DTYPES = ["int64", "int32", "int16", "int8", "uint64", "uint32", "uint16", "uint8", "bool"]
RANGES = {"int64": (-2**63, 2**63 - 1), "int32": (-2**31, 2**31 - 1), "int16": (-2**15, 2**15 - 1),
          "int8": (-128, 127), "uint64": (0, 2**64 - 1), "uint32": (0, 2**32 - 1),
          "uint16": (0, 2**16 - 1), "uint8": (0, 255), "bool": (0, 1)}
cases = []


def add(calls, seed=None, words=None):
    c = {"calls": [{"m": m, "a": list(a)} for m, *a in calls]}
    if words is not None:
        c["seed_words"] = words
    else:
        c["seed"] = g.choice(SEEDS) if seed is None else seed
    cases.append(c)


# Seedings: int seeds and arrays (short, 624 words, longer than 624).
for s in SEEDS:
    add([("random_sample", 5)], seed=s)
for w in [[0], [5], [1, 2, 3], [2**32 - 1], [0] * 624, list(range(1, 700)), [g.randrange(2**32) for _ in range(625)]]:
    add([("random_sample", 3), ("randint", 0, 10, 5, "int64")], words=w)

sizes = [0, 1, 2, 3, 10, 1000]
for n in sizes:
    add([("random_sample", n), ("rand", n)])
    add([("permutation", n)])
    add([("standard_normal", n), ("randn", n % 3)])
    add([("standard_exponential", n)])
    add([("tomaxint", n)])
add([("permutation", 100000)], seed=0)
add([("permutation", -3)], seed=0)
add([("permutation_array", [g.randrange(-50, 50) for _ in range(37)]), ("shuffle", list(range(20)))])
add([("shuffle", [])])
add([("shuffle", [7])])

# randint: every dtype, edge ranges (single value, full range, powers of two
# and their neighbours), random sub-ranges, and the bounds errors.
for d in DTYPES:
    lo, hi = RANGES[d]
    add([("randint", lo, hi + 1, 20, d)])          # full range
    add([("randint", lo, lo + 1, 5, d)])           # one value: no draws
    add([("randint", hi, hi + 1, 5, d)])
    for b in range(0, min(64, (hi - lo).bit_length())):
        for dv in (-1, 0, 1):
            w = 2**b + dv
            if w >= 1 and lo + w <= hi + 1:
                add([("randint", lo, lo + w, 7, d)])
    for _ in range(5):
        a, b = sorted(g.randint(lo, hi) for _ in range(2))
        add([("randint", a, b + 1, 50, d), ("randint", a, b + 1, 1, d)])
    add([("randint", lo - 1, lo + 5, 3, d)])   # low out of bounds
    add([("randint", lo, hi + 2, 3, d)])       # high out of bounds
    add([("randint", lo + 1, lo + 1, 3, d)])   # low >= high (empty range)
    add([("randint", lo + 1, lo + 1, 0, d)])   # size 0: no checks
    add([("randint", 0, 1, 0, d)])
add([("randint", 0, 0, 3, "int64"), ("randint", 5, 3, 3, "int64"), ("randint", 0, 10, -1, "int64")])
add([("randint", 0, 10, 3, "float64")])
add([("randint_low", 10, 10), ("randint_low", 2**40, 4)])
add([("random_integers", 1, 6, 20), ("random_integers", -2**63, 2**63 - 1, 4), ("random_integers", 5, 3, 2)])

# Continuous distributions and their errors.
add([("uniform", -1, 1, 10), ("uniform", 5, 5, 2), ("uniform", 3, -2, 4), ("uniform", 0, float("1e308"), 2)])
add([("uniform", -1.7e308, 1.7e308, 2)])
add([("normal", 0, 1, 10), ("normal", 10.5, 3.25, 11), ("normal", 0, 0, 2), ("normal", 0, -1, 2)])
add([("standard_normal", 11), ("get_state",)], seed=1)
add([("standard_normal", 1), ("get_state",), ("random_sample", 2)], seed=7)
add([("exponential", 2.5, 10), ("exponential", 0, 3), ("exponential", -1, 3)])
add([("triangular", 0, 0.3, 1, 10), ("triangular", -5, -5, 5, 5), ("triangular", -5, 5, 5, 5), ("triangular", 1, 1, 1, 1),
     ("triangular", 2, 1, 3, 1), ("triangular", 0, 4, 3, 1)])

# choice: the four combinations, sizes, and numpy's errors.
for pop in [1, 2, 3, 10, 1000]:
    p = [g.random() * (g.random() < 0.8) for _ in range(pop)]
    if sum(p) == 0:
        p[0] = 1.0
    s = sum(p)
    p = [v / s for v in p]
    nz = sum(v > 0 for v in p)
    for k in sorted({0, 1, min(2, pop), pop // 2, pop}):
        add([("choice", pop, k, True, None), ("choice", pop, k, False, None)])
        add([("choice", pop, k, True, p)])
        add([("choice", pop, min(k, nz), False, p)])
add([("choice", 4, 3, True, [.1, .2, .3, .4]), ("choice", 4, 2, False, [.1, .2, .3, .4])], seed=0)
add([("choice", 0, 0, True, None), ("choice", 0, 1, True, None), ("choice", -2, 0, False, None),
     ("choice", 3, 4, False, None), ("choice", 3, -1, False, None), ("choice", 3, -1, True, None),
     ("choice", 3, 2, True, [0.5, 0.5]), ("choice", 3, 2, True, [0.5, "nan", 0.5]),
     ("choice", 3, 2, True, [1.5, -0.5, 0]), ("choice", 3, 2, True, [0.5, 0.4, 0]),
     ("choice", 3, 2, False, [1, 0, 0]), ("choice", 3, 2, True, [0.5, 0.5, 1e-9]),
     ("choice", 3, -1, True, [1, 0, 0]), ("choice", 3, -1, False, [1, 0, 0]), ("choice", 0, 0, True, [])])

# State: get_state, then continue from a saved state.
add([("random_sample", 700), ("standard_normal", 3), ("get_state",)], seed=3)
r = np.random.RandomState(11)
r.standard_normal(5)
st = r.get_state()
saved = [st[0], st[1].tolist(), st[2], st[3], st[4]]
cases.append({"state": saved, "calls": [{"m": "standard_normal", "a": [3]}, {"m": "random_sample", "a": [3]}]})
cases.append({"seed": 0, "calls": [{"m": "set_state", "a": [saved]}, {"m": "standard_normal", "a": [2]}]})
cases.append({"seed": 0, "calls": [{"m": "set_state", "a": [["PCG64"] + saved[1:]]}]})

for c in cases:
    c["answer"] = legacy_oracle.run(c)
seed_errors = [-1, 2**32, 2**64, [], [1, -1], [2**32], [0, 2**32 + 5], 0, 2**32 - 1, [0]]
json.dump({
    "generator": "testdata/rng-legacy/gen_legacy.py",
    "numpy": np.__version__,
    "python": platform.python_version(),
    "libc": " ".join(platform.libc_ver()),
    "cases": cases,
    "seed_errors": [{"seed": s, "err": legacy_oracle.run_seed_error(s)} for s in seed_errors],
}, sys.stdout, separators=(",", ":"), allow_nan=False)
