#!/usr/bin/python3
"""Golden vectors for splitter's numpy Generator world (package rng):
SeedSequence, PCG64 (state, advance, jumped) and Generator (random,
integers for every dtype, permutation, shuffle, permuted, choice, uniform,
standard_normal), computed by the real numpy.

    /usr/bin/python3 testdata/rng-generator/gen_generator.py      # writes generator_golden.json
    ... gen_generator.py --stdin                                  # evaluates cases read from stdin

The --stdin mode is what the live differential tests (rng/generator_live_test.go)
run: the Go test draws fresh cases, this file evaluates them with numpy, so
the golden file and the live tests share one evaluator.

Every output is canonical JSON: integers as integers, floats as their IEEE
bit patterns ({"f": [...]}), long arrays as a SHA-256 of their int64
little-endian bytes ({"sha256": ..., "len": n, "head": first 20}), errors as
{"error": "<message>"}.
"""
import hashlib
import json
import platform
import sys

import numpy as np

BIG = 1000  # longer outputs are digested


def ints(a):
    a = np.asarray(a).reshape(-1)
    if a.dtype == np.bool_:
        a = a.astype(np.int64)
    if a.size > BIG:
        b = a.astype(np.int64) if a.dtype != np.uint64 else a.view(np.int64)
        return {"sha256": hashlib.sha256(b.astype("<i8").tobytes()).hexdigest(),
                "len": int(a.size), "head": a[:20].tolist()}
    return {"i": a.tolist()}


def floats(a):
    a = np.asarray(a, dtype=np.float64).reshape(-1)
    if a.size > BIG:
        b = a.view(np.int64)
        return {"sha256": hashlib.sha256(b.astype("<i8").tobytes()).hexdigest(),
                "len": int(a.size), "head": a[:20].view(np.uint64).tolist()}
    return {"f": a.view(np.uint64).tolist()}


def seedseq(c):
    ent = c.get("entropy")
    if isinstance(ent, list):
        ent = [int(x) for x in ent]
    elif ent is not None:
        ent = int(ent)
    kw = {}
    if c.get("spawn_key"):
        kw["spawn_key"] = tuple(int(x) for x in c["spawn_key"])
    if c.get("pool_size"):
        kw["pool_size"] = c["pool_size"]
    ss = np.random.SeedSequence(ent, **kw)
    for k in c.get("path") or []:
        ss = ss.spawn(k + 1)[k]
    return ss


def state(bg):
    s = bg.state
    return {"state": str(s["state"]["state"]), "inc": str(s["state"]["inc"]),
            "has_uint32": int(s["has_uint32"]), "uinteger": int(s["uinteger"])}


DTYPES = {"int64": np.int64, "int32": np.int32, "int16": np.int16, "int8": np.int8,
          "uint64": np.uint64, "uint32": np.uint32, "uint16": np.uint16, "uint8": np.uint8,
          "bool": np.bool_}


def gen_op(g, op):
    f = op["f"]
    n = op.get("n")
    if f == "random":
        return floats(g.random(n))
    if f == "integers":
        v = g.integers(int(op["low"]), int(op["high"]), size=n, dtype=DTYPES[op["dtype"]],
                       endpoint=op["endpoint"])
        if op["dtype"] == "uint64":
            return ints(np.asarray(v, dtype=np.uint64).view(np.int64))
        return ints(v)
    if f == "permutation":
        return ints(g.permutation(n))
    if f == "shuffle":
        x = list(range(n))
        g.shuffle(x)
        return ints(x)
    if f in ("permutation_axis", "shuffle_axis"):
        shape = op["shape"]
        x = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
        if f == "permutation_axis":
            return ints(g.permutation(x, axis=op["axis"]).reshape(-1))
        g.shuffle(x, axis=op["axis"])
        return ints(x.reshape(-1))
    if f == "permuted":
        shape = op["shape"]
        x = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
        return ints(g.permuted(x, axis=op["axis"]).reshape(-1))
    if f == "choice":
        a = op["pop"]
        if op.get("array"):
            a = np.arange(a) if a >= 0 else np.arange(0)
        p = op.get("p")
        if p is not None:
            p = [float(x) for x in p]
        return ints(g.choice(a, n, replace=op["replace"], p=p, shuffle=op["shuffle"]))
    if f == "uniform":
        return floats(g.uniform(float(op["low"]), float(op["high"]), size=n))
    if f == "normal":
        return floats(g.standard_normal(n))
    raise ValueError("unknown op " + f)


def run(c):
    try:
        kind = c["kind"]
        if kind == "seedseq":
            ss = seedseq(c)
            out = {"pool": [int(x) for x in ss.pool],
                   "gen32": ss.generate_state(c["n"]).tolist(),
                   "gen64": [str(x) for x in ss.generate_state(c["n"], np.uint64).tolist()],
                   "n_children_spawned": ss.n_children_spawned}
            kids = ss.spawn(c.get("spawn", 0))
            out["children"] = [[int(x) for x in k.pool] for k in kids]
            out["children_keys"] = [list(k.spawn_key) for k in kids]
            out["repr"] = repr(ss)
            return out
        ss = seedseq(c)
        bg = np.random.PCG64(ss)
        if kind == "pcg64":
            out = {"seeded": state(bg)}
            bg.random_raw(c.get("raw", 0))
            if c.get("half"):
                np.random.Generator(bg).integers(0, 10, dtype=np.uint32)
            out["before"] = state(bg)
            if c.get("advance") is not None:
                bg.advance(int(c["advance"]))
                out["advanced"] = state(bg)
                out["next"] = str(bg.random_raw())
            if c.get("jumps") is not None:
                j = bg.jumped(int(c["jumps"]))
                out["jumped"] = state(j)
                out["original"] = state(bg)
            return out
        st = c.get("set_state")
        if st:  # a state written elsewhere (e.g. by Go) loaded into numpy
            bg.state = {"bit_generator": "PCG64",
                        "state": {"state": int(st["state"]), "inc": int(st["inc"])},
                        "has_uint32": st["has_uint32"], "uinteger": st["uinteger"]}
        g = np.random.Generator(bg)
        outs = []
        for op in c["ops"]:
            try:
                outs.append(gen_op(g, op))
            except Exception as e:  # numpy's error, compared by message
                outs.append({"error": str(e)})
        return {"outs": outs, "state": state(bg)}
    except Exception as e:
        return {"error": str(e)}


def golden_cases():
    """A fixed, readable list of cases; the live tests draw fresh ones.
    Float parameters are written as strings (repr) so NaN and inf survive JSON."""
    cases = []
    seeds = ["0", "1", "42", "12345", str(2**32 - 1), str(2**32), str(2**64 - 1), str(2**64),
             str(2**64 + 12345), str(2**128 + 7), str(3**100), str(2**200 - 1)]
    for s in seeds:
        cases.append({"kind": "seedseq", "entropy": s, "n": 9, "spawn": 3})
    cases += [
        {"kind": "seedseq", "entropy": [], "n": 5, "spawn": 2},
        {"kind": "seedseq", "entropy": ["0"], "n": 5, "spawn": 2},
        {"kind": "seedseq", "entropy": ["1", "2", "3", "4", "5", "6"], "n": 5, "spawn": 2},
        {"kind": "seedseq", "entropy": [str(2**40), "7"], "n": 5},
        {"kind": "seedseq", "entropy": "5", "spawn_key": ["1", "2"], "n": 5},
        {"kind": "seedseq", "entropy": str(2**150), "spawn_key": [str(2**40)], "n": 5, "spawn": 2},
        {"kind": "seedseq", "entropy": "77", "pool_size": 8, "n": 12, "spawn": 2},
        {"kind": "seedseq", "entropy": "77", "pool_size": 3, "n": 1},
        {"kind": "seedseq", "entropy": "-1", "n": 1},
        {"kind": "seedseq", "entropy": "9", "path": [2, 0, 5], "n": 6, "spawn": 2},
    ]
    for s in ["0", "42", str(2**64 + 3), str(2**130 + 11)]:
        cases.append({"kind": "pcg64", "entropy": s, "raw": 3, "half": True, "advance": "1000"})
        cases.append({"kind": "pcg64", "entropy": s, "advance": str(-5)})
        cases.append({"kind": "pcg64", "entropy": s, "advance": str(2**130 + 99)})
        cases.append({"kind": "pcg64", "entropy": s, "raw": 1, "half": True, "jumps": "1"})
        cases.append({"kind": "pcg64", "entropy": s, "jumps": "12345678901234567890123"})
    # Generator methods
    def gcase(seed, ops, **kw):
        c = {"kind": "gen", "entropy": seed, "ops": ops}
        c.update(kw)
        return c
    for s in ["0", "1", "42", "12345", str(2**64 + 1), str(2**128 + 1)]:
        cases.append(gcase(s, [{"f": "random", "n": 5}, {"f": "random", "n": None}]))
        cases.append(gcase(s, [{"f": "permutation", "n": n} for n in (0, 1, 2, 3, 5, 10, 100)]))
        cases.append(gcase(s, [{"f": "shuffle", "n": n} for n in (0, 1, 2, 7, 50)]))
        cases.append(gcase(s, [{"f": "normal", "n": 2000}, {"f": "normal", "n": None}]))
        cases.append(gcase(s, [{"f": "uniform", "low": "-3.5", "high": "7.25", "n": 10},
                               {"f": "uniform", "low": "1.0", "high": "1.0", "n": 2}]))
    for dt in DTYPES:
        info = np.iinfo(DTYPES[dt]) if dt != "bool" else None
        lo, hi = (0, 1) if dt == "bool" else (int(info.min), int(info.max))
        ops = []
        for (a, b, e) in [(0, 1, True), (0, 1, False), (lo, hi, True), (lo, 0, True), (0, 10, False),
                          (3, 3, True), (3, 3, False), (lo, hi + 1, False), (lo - 1, hi, True),
                          (lo, hi + 1, True), (5, 2, False), (5, 2, True), (0, 0, False), (0, -1, True), (-1, -5, False)]:
            for n in (None, 1, 7, 100):
                ops.append({"f": "integers", "low": str(a), "high": str(b), "n": n, "dtype": dt, "endpoint": e})
        for w in (7, 15, 16, 31, 32, 33, 62, 63):
            m = min(2**w, hi)
            ops.append({"f": "integers", "low": "0", "high": str(m), "n": 50, "dtype": dt, "endpoint": False})
        cases.append(gcase("2024", ops))
    # the 32-bit buffer carried across calls
    cases.append(gcase("7", [{"f": "permutation", "n": 2}, {"f": "integers", "low": "0", "high": "10", "n": 3, "dtype": "int64", "endpoint": False},
                              {"f": "random", "n": 1}, {"f": "shuffle", "n": 3}, {"f": "integers", "low": "0", "high": "300", "n": 3, "dtype": "uint8", "endpoint": False},
                              {"f": "integers", "low": "0", "high": "2", "n": 40, "dtype": "bool", "endpoint": False}]))
    for pop, n in [(10, 3), (10, 10), (1, 1), (5, 0), (0, 0), (20000, 500), (20000, 400), (20000, 401),
                   (20000, 1000), (20000, 1001), (10000, 5000), (10001, 5000), (100000, 99999), (3, 4), (0, 1), (-1, 0), (-1, 1), (5, -1)]:
        ops = []
        for rep in (True, False):
            for sh in (True, False):
                ops.append({"f": "choice", "pop": pop, "n": n, "replace": rep, "p": None, "shuffle": sh})
                ops.append({"f": "choice", "pop": pop, "n": n, "replace": rep, "p": None, "shuffle": sh, "array": True})
        cases.append(gcase("99", ops))
    ps = [[0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25], [0.0, 0.5, 0.0, 0.5], [1.0, 0.0, 0.0, 0.0],
          [0.5, 0.5, float("nan"), 0.0], [1.5, -0.5, 0.0, 0.0], [0.5, 0.4, 0.0, 0.0], [0.5, 0.5],
          [float("inf"), 0, 0, 0], [1 / 3, 1 / 3, 1 / 3, 0.0]]
    for p in ps:
        ops = []
        for n in (None, 1, 2, 3, 4, 10):
            for rep in (True, False):
                ops.append({"f": "choice", "pop": 4, "n": n, "replace": rep,
                            "p": [repr(float(x)) for x in p], "shuffle": True})
        cases.append(gcase("5", ops))
    for shape in ([3, 4], [1, 7], [7, 1], [0, 3], [5, 6], [2, 3, 4]):
        ops = [{"f": "permuted", "shape": shape, "axis": ax} for ax in (None, 0, 1, -1, 2, -3)]
        cases.append(gcase("2", ops))
    for shape in ([4, 5], [2, 3, 4], [1, 6], [6, 0]):
        ops = []
        for ax in range(len(shape)):
            ops.append({"f": "permutation_axis", "shape": shape, "axis": ax})
            ops.append({"f": "shuffle_axis", "shape": shape, "axis": ax})
        cases.append(gcase("6", ops))
    cases.append(gcase("3", [{"f": "uniform", "low": "5.0", "high": "1.0", "n": 1}, {"f": "uniform", "low": "0.0", "high": "inf", "n": 1},
                             {"f": "uniform", "low": "0.0", "high": "-0.0", "n": None}, {"f": "uniform", "low": "0.0", "high": "1.0", "n": -1},
                             {"f": "uniform", "low": "nan", "high": "1.0", "n": 1}, {"f": "uniform", "low": "-1e308", "high": "1e308", "n": 1},
                             {"f": "normal", "n": -1}, {"f": "permutation", "n": -1}, {"f": "random", "n": -1},
                             {"f": "integers", "low": "0", "high": "10", "n": -1, "dtype": "int64", "endpoint": False},
                             {"f": "integers", "low": "5", "high": "2", "n": 0, "dtype": "int8", "endpoint": False}]))
    cases.append(gcase("31337", [{"f": "permutation", "n": 10_000_000}, {"f": "random", "n": 1}]))
    cases.append(gcase("8", [{"f": "random", "n": 3}], entropy=["1", "2", str(2**100)]))
    cases.append(gcase("8", [{"f": "integers", "low": "0", "high": "10", "n": 5, "dtype": "int64", "endpoint": False}],
                       set_state={"state": str(2**127 + 12345), "inc": str(2**100 + 1), "has_uint32": 1, "uinteger": 4000000000}))
    cases.append(gcase("8", [{"f": "permutation", "n": 10}],
                       set_state={"state": str(0), "inc": str(2**128 - 1), "has_uint32": 0, "uinteger": 0}))
    cases.append(gcase("8", [{"f": "permutation", "n": 20}], path=[1]))
    cases.append(gcase("8", [{"f": "permutation", "n": 20}], path=[0, 3]))
    return cases


def main():
    if "--stdin" in sys.argv:
        json.dump([run(c) for c in json.load(sys.stdin)], sys.stdout, allow_nan=False)
        return
    cases = golden_cases()
    doc = {"generator": "testdata/rng-generator/gen_generator.py",
           "numpy": np.__version__, "python": platform.python_version(),
           "cases": [{"case": c, "want": run(c)} for c in cases]}
    with open("testdata/rng-generator/generator_golden.json", "w") as f:
        json.dump(doc, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
