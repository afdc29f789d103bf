"""Writes golden.json: fixed PyRandom cases evaluated by CPython's random.

Run from this folder with /usr/bin/python3 (CPython 3.11.2 on Debian 12):
    /usr/bin/python3 gen_python.py
The evaluation code is pyrandom_oracle.py, shared with the live tests.
"""
import json
import platform
import sys

import pyrandom_oracle as po


def int_seed(v):
    return {"kind": "int", "v": str(v)}


SEEDS = [int_seed(v) for v in (
    0, 1, 2, 42, -1, -42, 5, 2**31 - 1, 2**32 - 1, 2**32, -(2**32), 2**53 + 1,
    2**63 - 1, 2**64 - 1, 2**64, 10**60, -(2**200 + 7), 2**1000 + 12345, 3**500)]
SEEDS += [{"kind": "float", "v": repr(v)} for v in (
    0.0, -0.0, 1.5, -1.5, 3.0, 0.1, -0.1, 1e300, -1e300, 5e-324, 2.0**61, 2.0**62 + 2**10,
    123456.789, float("inf"), float("-inf"))]
STRS = ["", "a", "abc", "hello", "héllo wörld", "ünïcode ✓ 😀 𝔘", "x" * 100, "0"]
SEEDS += [{"kind": "str", "v": s, "version": v} for s in STRS for v in (1, 2)]
BYTES = [b"", b"hello", bytes(range(256)), b"\xff\x00\x80"]
SEEDS += [{"kind": "bytes", "hex": b.hex(), "version": v} for b in BYTES for v in (1, 2)]
SEEDS += [{"kind": "bytearray", "hex": b.hex(), "version": v} for b in BYTES[:2] for v in (1, 2)]

BASE_OPS = [
    ["random", 5],
    ["getrandbits", 0], ["getrandbits", 1], ["getrandbits", 31], ["getrandbits", 32],
    ["getrandbits", 33], ["getrandbits", 63], ["getrandbits", 64], ["getrandbits", 65],
    ["getrandbits", 100], ["getrandbits", 1000],
    ["shuffle", 0], ["shuffle", 1], ["shuffle", 2], ["shuffle", 10], ["shuffle", 100],
    ["sample", 100, 5], ["sample", 10, 10], ["sample", 0, 0], ["sample", 21, 3], ["sample", 22, 3],
    ["choices", 10, None, 5], ["choices", 4, [0.1, 0.2, 0.3, 0.4], 8],
    ["randrange", "10"], ["randrange", "-5", "5", None], ["randint", "1", "100"],
    ["uniform", 1.0, 3.5, 3],
    ["randbytes", 0], ["randbytes", 1], ["randbytes", 3], ["randbytes", 4], ["randbytes", 7],
    ["randbytes", 9], ["randbytes", -1],
    ["triangular", 0.0, 1.0, None, 3], ["triangular", 1.0, 10.0, 2.5, 3], ["triangular", 2.0, 2.0, 5.0, 1],
    ["triangular", 5.0, 1.0, 7.0, 3], ["triangular", -3.0, 4.0, -5.0, 3],
    ["getstate"],
]

SIZE_OPS = [
    # sample: both algorithms around the setsize switch (k=6 -> 85, k=60 -> 277)
    ["sample", 85, 6], ["sample", 86, 6], ["sample", 277, 60], ["sample", 278, 60],
    ["sample", 1000, 1000], ["sample", 10**6, 10], ["sample", 2**40, 7], ["sample", 2**62, 3],
    ["sample", 5, 6], ["sample", 5, -1],
    ["sample_counts", [4, 2], 5], ["sample_counts", [1, 0, 3, 5], 9], ["sample_counts", [0, 0], 1],
    ["sample_counts", [3], 4], ["sample_counts", [], 0], ["sample_counts", [2, -1, 4], 3],
    ["choices", 3, [1, 2, 3], 0], ["choices", 3, [1, 2, 3], -2], ["choices", 0, None, 0],
    ["choices", 0, None, 1], ["choices", 0, [], 1], ["choices", 3, [1, 2], 1],
    ["choices", 3, [0, 0, 0], 1], ["choices", 3, [1e308, 1e308, 1], 1],
    ["choices", 3, [-1, 5, -1], 6], ["choices", 6, [0.1, 0.2, 0.3, 0.1, 0.2, 0.1], 50],
    ["choices_cum", 4, [1, 1, 3, 3.5], 20], ["choices_cum", 2, [0, 0], 1],
    ["choice", 7], ["choice", 0], ["choice", 2**40],
    ["randrange", "0"], ["randrange", "-3"], ["randrange", "5", "5", None],
    ["randrange", "5", "1", None], ["randrange", "0", "10", "3"], ["randrange", "10", "0", "-3"],
    ["randrange", "0", "10", "0"], ["randrange", "5", "1", "2"], ["randrange", "1", "5", "-2"],
    ["randrange", str(-2**70), str(2**70), "7"], ["randrange", str(2**100)],
    ["randrange", str(-2**63), str(2**63 - 1), None],
    ["randint", "5", "4"], ["randint", "-9223372036854775808", "9223372036854775807"],
    ["randint", "3", "3"],
    ["getrandbits", 4000], ["shuffle", 5000], ["sample", 5000, 4000], ["choices", 3000, None, 3000],
    ["getstate"],
]

CASES = [{"seed": s, "ops": BASE_OPS} for s in SEEDS]
CASES += [{"seed": int_seed(v), "ops": SIZE_OPS} for v in (0, 12345, 2**40 + 1)]
# a state saved by Python (mid-block, gauss_next set) loaded and continued
import random  # noqa: E402
r = random.Random(2024)
for _ in range(1000):
    r.random()
r.gauss(0.0, 1.0)
v, s, g = r.getstate()
CASES.append({"seed": {"kind": "state", "v": [v, list(s), g]}, "ops": BASE_OPS})
r.seed(7)
v, s, g = r.getstate()
CASES.append({"seed": {"kind": "state", "v": [2, [x - 2**32 if x >= 2**31 else x for x in s], None]},
              "ops": [["random", 3], ["getstate"]]})

# random.sample's pool/set threshold: setsize for k, computed as Lib/random.py does
from math import ceil as _ceil, log as _log  # noqa: E402
KS = list(range(0, 2001))
for m in range(2, 32):
    c = (4**m - 1) // 3
    KS += [c - 1, c, c + 1]
SETSIZE = [[str(k), str(21 + (4 ** _ceil(_log(k * 3, 4)) if k > 5 else 0))] for k in KS]

out = {
    "python": sys.version.split()[0],
    "implementation": platform.python_implementation(),
    "generator": "testdata/rng-python/gen_python.py",
    "cases": CASES,
    "results": po.run(CASES),
    "setsize": SETSIZE,
}
with open("golden.json", "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
