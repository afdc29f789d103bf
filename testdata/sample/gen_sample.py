"""Writes golden.json: pandas 1.5 DataFrame.sample / GroupBy.sample and
CPython random.sample / choices / shuffle outcomes for fixed cases.

Run with /usr/bin/python3 (Debian: pandas 1.5.3, numpy 1.24.2, Python 3.11)
from this directory:  /usr/bin/python3 gen_sample.py
Cases are listed below (edge and error cases) or drawn from a fixed seed.
"""
import json
import random

import cases as C

INF = "inf"


def fixed():
    out = []
    F = lambda **kw: out.append(dict(kind="frame", **kw))
    G = lambda **kw: out.append(dict(kind="groupby", **kw))
    s = {"int": 42}
    # known answers (spec §7) and basics
    F(rows=10, n=3, random_state=s)
    F(rows=10, frac=0.5, random_state={"int": 0})
    F(rows=10, n=3, weights=list(range(1, 11)), random_state={"int": 0})
    F(rows=10, n=4, replace=True, random_state={"int": 0})
    F(rows=10, n=3, weights=[None] + [1] * 9, random_state={"int": 1})
    F(rows=10, random_state=s)  # n defaults to 1
    F(rows=10, frac=0.25, random_state=s)  # round(2.5) = 2
    F(rows=10, frac=0.35, random_state=s)  # round(3.5) = 4
    F(rows=5, frac=0.5, random_state=s)
    F(rows=10, frac=1.5, replace=True, random_state=s)
    F(rows=10, frac=1.0, random_state={"int": 2**32 - 1})
    F(rows=10, n=3, ignore_index=True, random_state=s)
    F(rows=0, n=0, random_state=s)
    F(rows=0, frac=0.5, random_state=s)
    F(rows=1, n=1, random_state=s)
    # random_state forms
    F(rows=10, n=3, random_state={"array": [5]})  # squeezes to RandomState(5)
    F(rows=10, n=3, random_state={"array": [1, 2, 3]})
    F(rows=10, n=3, random_state={"array": [0, 2**32 - 1]})
    F(rows=10, n=3, random_state={"generator": 5})
    F(rows=10, n=3, replace=True, random_state={"generator": 5})
    F(rows=10, n=3, weights=list(range(1, 11)), random_state={"generator": 5})
    F(rows=10, n=3, weights=list(range(1, 11)), replace=True, random_state={"generator": 5})
    # errors, pandas' order: random_state, size, weights, choice
    F(rows=10, n=1, random_state={"int": -1})
    F(rows=10, n=1, random_state={"int": 2**32})
    F(rows=10, n=1, random_state={"array": []})
    F(rows=10, n=1, random_state={"array": [-1, 2]})
    F(rows=10, n=1, random_state={"array": [1, 2**32]})
    F(rows=10, n=2, frac=0.5, random_state=s)
    F(rows=10, n=-1, random_state=s)
    F(rows=10, nf=2.5, random_state=s)
    F(rows=10, nf=2.0, random_state=s)
    F(rows=10, nf=-1.5, random_state=s)
    F(rows=10, frac=1.2, random_state=s)
    F(rows=10, frac=-0.2, replace=True, random_state=s)
    F(rows=10, frac=-0.2, random_state=s)
    F(rows=10, n=11, random_state=s)
    F(rows=0, n=1, random_state=s)
    F(rows=0, n=0, weights=[], random_state=s)
    F(rows=10, n=3, weights=[1] * 9, random_state=s)
    F(rows=10, n=3, weights=[INF] + [1] * 9, random_state=s)
    F(rows=10, n=3, weights=["-inf"] + [1] * 9, random_state=s)
    F(rows=10, n=3, weights=[INF, -1] + [1] * 8, random_state=s)
    F(rows=10, n=3, weights=[-1] + [1] * 9, random_state=s)
    F(rows=10, n=3, weights=[0] * 10, random_state=s)
    F(rows=10, n=3, weights=[None] * 10, random_state=s)
    F(rows=10, n=5, weights=[1, 0, 0, 0, 0, 0, 0, 0, 1, 1], random_state=s)
    F(rows=10, n=5, weights=[1e308] * 10, random_state=s)
    F(rows=10, n=5, weights=[1e-320] * 10, random_state=s)
    F(rows=10, n=5, frac=0.2, weights=[-1] * 10, random_state={"int": -1})
    F(rows=10, n=-1, weights=[-1] * 10, random_state=s)
    # groupby
    g = list("xyxyxyxyzz")
    G(rows=10, n=1, key_type="str", keys=g, random_state={"int": 5})
    G(rows=10, frac=0.5, key_type="str", keys=g, random_state={"int": 5})
    G(rows=10, n=3, key_type="str", keys=g, random_state={"int": 5})
    G(rows=10, n=3, replace=True, key_type="str", keys=g, random_state={"int": 5})
    G(rows=10, n=2, weights=[0, 0] + [1] * 8, key_type="str", keys=g, random_state={"int": 1})
    G(rows=10, n=2, weights=[0, 1, 0, 1, 0, 1, 0, 1, 1, 1], key_type="str", keys=g, random_state={"int": 1})
    G(rows=6, n=1, key_type="float64", keys=[0.0, -0.0, None, 1.5, -2.0, None], random_state={"int": 0})
    G(rows=2, n=1, key_type="float64", keys=[None, None], random_state={"int": 0})
    G(rows=0, n=0, key_type="int64", keys=[], random_state={"int": 0})
    G(rows=6, n=1, key_type="str", keys=["b", "a", None, "B", "é", "a"], random_state={"int": 0})
    G(rows=3, n=1, key_type="bool", keys=[True, False, None], random_state={"int": 0})
    G(rows=4, n=1, key_type="bool", keys=[True, False, True, True], random_state={"int": 0})
    G(rows=4, frac=0.5, weights=[1, 1, 0, 0], key_type="int64", keys=[1, 1, 2, 2], random_state={"int": 5})
    G(rows=4, frac=0, weights=[1, 1, 0, None], key_type="int64", keys=[1, 1, 2, 2], random_state={"int": 5})
    G(rows=4, frac=1, weights=[1, 0, 1, None], key_type="codes", keys=[0, -1, 1, 1], random_state={"int": 5})
    G(rows=4, n=-1, weights=[1, 1], key_type="int64", keys=[1, 2, 3, 4], random_state={"int": 5})
    G(rows=4, n=1, weights=[1, 1], key_type="int64", keys=[1, 2, 3, 4], random_state={"int": 5})
    G(rows=4, n=1, key_type="int64", keys=[3, -2, 3, 10], random_state={"generator": 7})
    G(rows=10, frac=1.5, replace=True, key_type="str", keys=g, random_state={"array": [3, 4]})
    # python random
    P = lambda **kw: out.append(kw)
    P(kind="py_sample", rows=10, k=3, seed=1)
    P(kind="py_sample", rows=10, k=11, seed=1)
    P(kind="py_sample", rows=10, k=-1, seed=1)
    P(kind="py_sample", rows=1000, k=10, seed=2**70 + 5)
    P(kind="py_sample", rows=30, k=10, seed=-7)
    P(kind="py_shuffle", rows=20, seed=0)
    P(kind="py_shuffle", rows=0, seed=0)
    P(kind="py_choices", rows=10, k=5, seed=3)
    P(kind="py_choices", rows=5, k=5, weights=[1, 2, 3, 4, 5], seed=3)
    P(kind="py_choices", rows=5, k=5, weights=[1, 2, 3], seed=3)
    P(kind="py_choices", rows=5, k=5, weights=[0] * 5, seed=3)
    P(kind="py_choices", rows=5, k=5, weights=[1, INF, 1, 1, 1], seed=3)
    P(kind="py_choices", rows=0, k=2, seed=3)
    return [c for c in out if c is not None]


def drawn(r, count):
    out = []
    for _ in range(count):
        rows = r.choice([r.randint(0, 12), r.randint(0, 200)])
        c = {"kind": r.choice(["frame", "frame", "groupby"]), "rows": rows}
        c["replace"] = r.random() < 0.4
        if r.random() < 0.5:
            c["n"] = r.randint(0, rows + 2)
        else:
            c["frac"] = round(r.uniform(0, 1.5 if c["replace"] else 1.0), r.choice([1, 2, 17]))
        if r.random() < 0.4:
            c["weights"] = [r.choice([None, 0, r.random(), r.randint(1, 9)]) for _ in range(rows)]
        kind = r.random()
        if kind < 0.7:
            c["random_state"] = {"int": r.randint(0, 2**32 - 1)}
        elif kind < 0.85:
            c["random_state"] = {"array": [r.randint(0, 2**32 - 1) for _ in range(r.randint(1, 5))]}
        else:
            c["random_state"] = {"generator": r.randint(0, 2**64 - 1)}
        if c["kind"] == "groupby":
            t = r.choice(["int64", "float64", "bool", "str"])
            c["key_type"] = t
            m = r.randint(1, 6)
            if t == "int64":
                c["keys"] = [r.randint(-3, m) for _ in range(rows)]
            elif t == "float64":
                c["keys"] = [r.choice([None, -0.0, 0.0, 0.5, -1.25, 3.0, 1e300]) for _ in range(rows)]
            elif t == "bool":
                c["keys"] = [r.random() < 0.5 for _ in range(rows)]
            else:
                c["keys"] = [r.choice([None, "a", "b", "B", "ab", "", "é", "z"][:m + 2]) for _ in range(rows)]
        out.append(c)
    return out


def main():
    cs = fixed() + drawn(random.Random(20261125), 300)
    res = [C.outcome(c) for c in cs]
    with open("golden.json", "w") as f:
        json.dump({"versions": C.versions(), "generator": "gen_sample.py",
                   "cases": [dict(case=c, **o) for c, o in zip(cs, res)]}, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
