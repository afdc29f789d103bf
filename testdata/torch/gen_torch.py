#!/usr/bin/python3
"""Writes the torch golden files of splitter's rng and split packages.

Run from this folder with Debian's interpreter (torch 1.13):
    /usr/bin/python3 gen_torch.py          # randperm.json, random_split.json
    /usr/bin/python3 gen_torch.py --large  # also randperm_large.json (~1 min, ~2 GB RAM)

Seeds are written as decimal strings (they exceed 2**53).
Large permutations are recorded by sha256 of their little-endian int64
bytes plus the first and last 16 values.
"""
import hashlib
import json
import subprocess
import sys
import warnings

import numpy as np
import torch
from torch.utils.data import random_split



def debian_version(pkg):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True,
                              text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


VERSIONS = {
    "torch": torch.__version__,
    "python3-torch (Debian)": debian_version("python3-torch"),
    "python": sys.version.split()[0],
    "numpy": np.__version__,
}


def digest(perm):
    a = np.asarray(perm, dtype="<i8")
    return hashlib.sha256(a.tobytes()).hexdigest()


def perm_record(p, full_limit=2000):
    p = p.to(torch.int64).numpy()
    rec = {"sha256": digest(p), "head": p[:16].tolist(), "tail": p[-16:].tolist() if len(p) else []}
    if len(p) <= full_limit:
        rec["perm"] = p.tolist()
    return rec


def randperm_cases():
    seeds = [0, 1, 42, 12345, 2**31 - 1, 2**32 - 1, 2**32, 2**32 + 5, 2**40 + 7, 2**63 - 1, 2**63,
             2**64 - 1, 2**64 - 2, -1, -2, -42, -2**31, -2**32, -2**63, 67280421310721]
    sizes = [0, 1, 2, 3, 10, 100, 1000, 4097]
    cases = []
    for s in seeds:
        for n in sizes:
            g = torch.Generator().manual_seed(s)
            rec = {"seed": str(s), "initial_seed": str(g.initial_seed()), "n": [n]}
            rec["perms"] = [perm_record(torch.randperm(n, generator=g))]
            cases.append(rec)
    # one generator, several calls in a row: the state carries over
    for s in [0, -7, 2**33 + 1]:
        g = torch.Generator().manual_seed(s)
        ns = [5, 0, 1, 17, 1000, 3]
        cases.append({"seed": str(s), "initial_seed": str(g.initial_seed()), "n": ns,
                      "perms": [perm_record(torch.randperm(n, generator=g)) for n in ns]})
    # larger sizes: a refill boundary crossing many times, and 10**6
    for s, n in [(3, 100003), (2**64 - 1, 1000000)]:
        g = torch.Generator().manual_seed(s)
        cases.append({"seed": str(s), "initial_seed": str(g.initial_seed()), "n": [n],
                      "perms": [perm_record(torch.randperm(n, generator=g))]})
    # other dtypes draw the same values
    dtypes = {}
    for dt in ["int32", "int16", "uint8", "float32", "float64", "float16", "bfloat16"]:
        p = torch.randperm(200, generator=torch.Generator().manual_seed(9), dtype=getattr(torch, dt))
        dtypes[dt] = perm_record(p)
    # unseeded torch.Generator() and the global generator after torch.manual_seed
    default = {"initial_seed": str(torch.Generator().initial_seed()),
               "perm": torch.randperm(50, generator=torch.Generator()).tolist()}
    torch.manual_seed(2024)
    global_perm = {"seed": "2024", "perm": torch.randperm(50).tolist()}
    return {"versions": VERSIONS, "cases": cases, "dtypes_seed9_n200": dtypes,
            "default_generator": default, "global_manual_seed": global_perm}


def seed_errors():
    out = []
    for s in [2**64, 2**64 + 5, -2**63 - 1, -2**64, 10**30]:
        try:
            torch.Generator().manual_seed(s)
            out.append({"seed": str(s), "ok": True})
        except RuntimeError as e:
            out.append({"seed": str(s), "error": str(e)})
    return out


SPLIT_CASES = [
    (10, [3, 7]), (10, [7, 3]), (10, [0.8, 0.2]), (10, [0.5, 0.3, 0.2]), (10, [0.33, 0.33, 0.34]),
    (10, [1, 0]), (10, [0, 1]), (10, [2, -1]), (10, [12, -2]), (10, [-2, 12]), (10, [3.0, 7.0]),
    (10, [3, 7.0]), (10, [1.0]), (10, [1]), (1, [1]), (10, [10]), (0, []), (5, []), (0, [0.5, 0.5]),
    (3, [0.5, 0.5]), (10, [1.5, -0.5]), (10, [float("nan"), 1]), (10, [float("inf"), 1]),
    (10, [0.3, 0.3, 0.3]), (10, [-0.0, 1.0]), (10, [0.1] * 10), (7, [0.1] * 10), (100, [0.1] * 10),
    (101, [0.7, 0.2, 0.1]), (1000, [0.8, 0.1, 0.1]), (999, [0.8, 0.1, 0.1]), (10, [0.6, 0.6]),
    (10, [0.5, 0.5000000001]), (10, [0.5, 0.4999999999]), (10, [0.5, 0.49999]), (10, [1.1, -0.1]),
    (10, [4, 4]), (10, [4, 8]), (10, [0.2, 8]), (10, [8, 0.2]), (10, [5, 5, 0.0]), (10, [0.0, 5, 5]),
    (10, [1e-300, 1.0]), (3, [1 / 3, 1 / 3, 1 / 3]), (10, [0, 0, 10]), (10, [0.25, 0.25, 0.25, 0.25]),
    (17, [0.2] * 5), (5, [0.9, 0.1]), (50, [0.001, 0.999]), (2, [1, 1]), (2, [1.0, 1.0]),
]


def split_case(n, lengths, seed):
    rec = {"n": n, "lengths": [repr(x) for x in lengths], "seed": str(seed)}
    g = torch.Generator().manual_seed(seed)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            parts = random_split(range(n), lengths, generator=g)
            rec["parts"] = [list(p) for p in parts]
        except Exception as e:  # noqa: BLE001 - record torch's error as it is
            rec["error"] = {"type": type(e).__name__, "message": str(e).split("\n")[0]}
    rec["warnings"] = [str(x.message) for x in w]
    return rec


def split_cases():
    cases = []
    for i, (n, lengths) in enumerate(SPLIT_CASES):
        for seed in [42, -3 - i, 2**63 + i]:
            cases.append(split_case(n, lengths, seed))
    return {"versions": VERSIONS, "cases": cases}


def large_cases():
    n = 4294967295 // 20  # 214748364: later torch switches to 64-bit draws here; 1.13 does not
    cases = []
    for s in [0, 2**64 - 3]:
        for m in [n - 1, n]:
            p = torch.randperm(m, generator=torch.Generator().manual_seed(s), dtype=torch.int32)
            a = p.numpy().astype("<i4")
            cases.append({"seed": str(s), "n": m, "dtype": "int32",
                          "sha256_int32le": hashlib.sha256(a.tobytes()).hexdigest(),
                          "head": a[:16].tolist(), "tail": a[-16:].tolist()})
            del p, a
    return {"versions": VERSIONS, "cases": cases}


def dump(name, obj):
    with open(name, "w") as f:
        json.dump(obj, f, indent=None, separators=(",", ":"))
        f.write("\n")


def main():
    rp = randperm_cases()
    rp["seed_errors"] = seed_errors()
    dump("randperm.json", rp)
    dump("random_split.json", split_cases())
    if "--large" in sys.argv:
        dump("randperm_large.json", large_cases())


if __name__ == "__main__":
    main()
