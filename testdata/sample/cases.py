"""Runs sampling cases through the real pandas / CPython random.

Shared by gen_sample.py (golden files) and the live differential tests in
package sample (which pipe a JSON list of cases to `python3 cases.py` on
stdin and read a JSON list of outcomes on stdout).

A case is a dict:
  kind: "frame" | "groupby" | "py_sample" | "py_choices" | "py_shuffle"
  rows: number of rows
  n, frac: pandas' n / frac (absent or null = None); "nf": n as a float
  replace, ignore_index: bools
  weights: list (null = NaN, "inf"/"-inf" strings) or absent
  random_state: {"int": s} | {"array": [..]} | {"generator": s}
      ({"generator": s} is numpy.random.default_rng(s))
  key_type, keys: groupby key column ("int64", "float64", "bool", "str",
      "codes"; null = missing)
  seed: Python random seed (int) for py_* kinds; k: sample size
Outcome: {"result": [positions]} or {"error": "ExceptionType: message"}.
"""
import json
import math
import random
import sys
import warnings

import numpy as np
import pandas as pd

warnings.simplefilter("ignore")


def versions():
    return {
        "pandas": pd.__version__,
        "numpy": np.__version__,
        "python": sys.version.split()[0],
    }


def _float(x):
    if x is None:
        return math.nan
    if isinstance(x, str):
        return float(x)
    return float(x)


def _random_state(rs):
    if rs is None:
        return None
    if "int" in rs:
        return int(rs["int"])
    if "array" in rs:
        return np.array(rs["array"], dtype=np.int64)
    if "generator" in rs:
        return np.random.default_rng(int(rs["generator"]))
    raise ValueError("bad random_state %r" % rs)


def _keys(case):
    t = case["key_type"]
    keys = case["keys"]
    if t == "int64":
        return pd.Series(keys, dtype="int64")
    if t == "float64":
        return pd.Series([_float(k) for k in keys], dtype="float64")
    if t == "bool":
        if any(k is None for k in keys):
            return pd.Series([np.nan if k is None else bool(k) for k in keys], dtype=object)
        return pd.Series(keys, dtype=bool)
    if t == "str":
        return pd.Series([np.nan if k is None else k for k in keys], dtype=object)
    if t == "codes":
        return pd.Series([np.nan if k < 0 else k for k in keys], dtype="float64")
    raise ValueError(t)


def run(case):
    kind = case["kind"]
    rows = case["rows"]
    if kind.startswith("py_"):
        r = random.Random(case["seed"])
        if kind == "py_shuffle":
            x = list(range(rows))
            r.shuffle(x)
            return x
        if kind == "py_sample":
            return r.sample(range(rows), case["k"])
        w = case.get("weights")
        if w is not None:
            w = [_float(x) for x in w]
        return r.choices(range(rows), weights=w, k=case["k"])
    df = pd.DataFrame({"pos": np.arange(rows)})
    kw = {}
    if case.get("n") is not None:
        kw["n"] = int(case["n"])
    if case.get("nf") is not None:
        kw["n"] = float(case["nf"])
    if case.get("frac") is not None:
        kw["frac"] = float(case["frac"])
    kw["replace"] = bool(case.get("replace", False))
    if case.get("weights") is not None:
        kw["weights"] = [_float(x) for x in case["weights"]]
    kw["random_state"] = _random_state(case.get("random_state"))
    if kind == "frame":
        kw["ignore_index"] = bool(case.get("ignore_index", False))
        out = df.sample(**kw)
        if kw["ignore_index"]:
            assert list(out.index) == list(range(len(out)))
        return [int(p) for p in out["pos"]]
    if kind == "groupby":
        df["key"] = _keys(case)
        out = df.groupby("key").sample(**kw)
        return [int(p) for p in out["pos"]]
    raise ValueError(kind)


def outcome(case):
    try:
        return {"result": run(case)}
    except Exception as e:  # the error is part of the contract
        return {"error": "%s: %s" % (type(e).__name__, e)}


def main():
    cases = json.load(sys.stdin)
    json.dump([outcome(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
