"""Runs numpy.random.RandomState calls described as JSON; shared by
gen_legacy.py (golden file) and the Go live differential tests (which pass
this file's source to /usr/bin/python3 -c and cases on stdin).

A case: {"seed": 5} | {"seed_words": [1, 2, 3]} | {"state": [tuple]},
plus "calls": [{"m": method, "a": [args...]}, ...] run in order on one
RandomState. The answer per case: {"results": [{"out": ...} | {"err":
"Type: message"}], "pos", "has_gauss", "gauss" (from get_state after the
last call) and "next": the next two raw 32-bit words}.
"""
import json
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore", DeprecationWarning)

DTYPES = {
    "int64": np.int64, "int32": np.int32, "int16": np.int16, "int8": np.int8,
    "uint64": np.uint64, "uint32": np.uint32, "uint16": np.uint16,
    "uint8": np.uint8, "bool": np.bool_, "float64": np.float64,
}


def tolist(x):
    if isinstance(x, np.ndarray):
        if x.dtype == np.bool_:
            return [int(v) for v in x.tolist()]
        return x.tolist()
    if isinstance(x, (np.generic,)):
        return x.item()
    return x


def call(r, m, a):
    if m == "random_sample":
        return r.random_sample(a[0])
    if m == "rand":
        return r.rand(*a)
    if m == "randint":  # low, high, size, dtype
        return r.randint(a[0], a[1], size=a[2], dtype=DTYPES[a[3]])
    if m == "randint_low":  # randint(low, size=..) with high omitted
        return r.randint(a[0], size=a[1])
    if m == "random_integers":
        return r.random_integers(a[0], a[1], size=a[2])
    if m == "uniform":
        return r.uniform(a[0], a[1], size=a[2])
    if m == "standard_normal":
        return r.standard_normal(a[0])
    if m == "randn":
        return r.randn(*a)
    if m == "normal":
        return r.normal(a[0], a[1], size=a[2])
    if m == "standard_exponential":
        return r.standard_exponential(a[0])
    if m == "exponential":
        return r.exponential(a[0], size=a[1])
    if m == "triangular":
        return r.triangular(a[0], a[1], a[2], size=a[3])
    if m == "permutation":
        return r.permutation(a[0])
    if m == "permutation_array":
        return r.permutation(np.array(a[0], dtype=np.int64))
    if m == "shuffle":
        x = list(a[0])
        r.shuffle(x)
        return x
    if m == "choice":  # a, size, replace, p
        p = None if a[3] is None else [float(v) for v in a[3]]  # "nan" allowed
        return r.choice(a[0], size=a[1], replace=a[2], p=p)
    if m == "tomaxint":
        return r.tomaxint(a[0])
    if m == "get_state":
        s = r.get_state()
        return [s[0], s[1].tolist(), s[2], s[3], s[4]]
    if m == "set_state":
        s = a[0]
        r.set_state((s[0], np.array(s[1], dtype=np.uint32), *s[2:]))
        return None
    raise ValueError("unknown method " + m)


def run(case):
    if "seed" in case:
        r = np.random.RandomState(case["seed"])
    elif "seed_words" in case:
        r = np.random.RandomState(case["seed_words"])
    else:
        r = np.random.RandomState(0)
        call(r, "set_state", [case["state"]])
    results = []
    for c in case["calls"]:
        try:
            results.append({"out": tolist(call(r, c["m"], c["a"]))})
        except Exception as e:  # numpy's error type and message
            results.append({"err": type(e).__name__ + ": " + str(e)})
    s = r.get_state()
    return {
        "results": results,
        "pos": s[2], "has_gauss": s[3], "gauss": s[4],
        "next": r.randint(0, 2**32, size=2, dtype=np.uint32).tolist(),
    }


def run_seed_error(seed):
    try:
        np.random.RandomState(seed)
        return ""
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


if __name__ == "__main__":
    req = json.load(sys.stdin)
    out = {"numpy": np.__version__,
           "cases": [run(c) for c in req.get("cases", [])],
           "seed_errors": [run_seed_error(s) for s in req.get("seed_errors", [])]}
    json.dump(out, sys.stdout, allow_nan=False)
