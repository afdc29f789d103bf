"""Evaluates PyRandom test cases with CPython's random module.

Used both by gen_python.py (golden file) and, read as a script, by the live
differential tests in rng/pyrandom_live_test.go (cases on stdin as JSON,
results on stdout as JSON). Run with /usr/bin/python3.

A case is {"seed": SEED, "ops": [OP, ...]}; SEED is one of
  {"kind": "int", "v": "<decimal>"}, {"kind": "float", "v": "<repr>"},
  {"kind": "str", "v": "<text>", "version": 1|2},
  {"kind": "bytes"|"bytearray", "hex": "<hex>", "version": 1|2},
  {"kind": "state", "v": <json of random.getstate()>}.
Each OP is a list [name, args...]; its result is a JSON value, or
{"error": "<exception class>", "msg": "<message>"}. Big ints travel as
decimal strings; lists longer than DIGEST_MIN travel as
{"n": len, "sha256": sha256(",".join(map(str, x)))}.
"""
import hashlib
import json
import random
import sys

DIGEST_MIN = 2000


def seq(x):
    if len(x) > DIGEST_MIN:
        h = hashlib.sha256(",".join(map(str, x)).encode()).hexdigest()
        return {"n": len(x), "sha256": h}
    return x


def make(seed):
    kind = seed["kind"]
    r = random.Random()
    if kind == "int":
        r.seed(int(seed["v"]))
    elif kind == "float":
        r.seed(float(seed["v"]))
    elif kind == "str":
        r.seed(seed["v"], version=seed.get("version", 2))
    elif kind == "bytes":
        r.seed(bytes.fromhex(seed["hex"]), version=seed.get("version", 2))
    elif kind == "bytearray":
        r.seed(bytearray.fromhex(seed["hex"]), version=seed.get("version", 2))
    elif kind == "state":
        v = seed["v"]
        r.setstate((v[0], tuple(v[1]), v[2]))
    else:
        raise SystemExit("unknown seed kind " + kind)
    return r


def op(r, o):
    name, a = o[0], o[1:]
    if name == "random":
        return [r.random() for _ in range(a[0])]
    if name == "uniform":
        return [r.uniform(a[0], a[1]) for _ in range(a[2])]
    if name == "getrandbits":
        return str(r.getrandbits(a[0]))
    if name == "shuffle":
        x = list(range(a[0]))
        r.shuffle(x)
        return seq(x)
    if name == "sample":
        return seq(r.sample(range(a[0]), a[1]))
    if name == "sample_counts":
        return seq(r.sample(range(len(a[0])), a[1], counts=a[0]))
    if name == "choices":
        w = None if a[1] is None else [float(v) for v in a[1]]
        return seq(r.choices(range(a[0]), weights=w, k=a[2]))
    if name == "choices_cum":
        return seq(r.choices(range(a[0]), cum_weights=[float(v) for v in a[1]], k=a[2]))
    if name == "choice":
        return r.choice(range(a[0]))
    if name == "randrange":
        args = [int(v) for v in a if v is not None]
        return str(r.randrange(*args))
    if name == "randint":
        return str(r.randint(int(a[0]), int(a[1])))
    if name == "randbytes":
        return r.randbytes(a[0]).hex()
    if name == "triangular":
        return [r.triangular(a[0], a[1], a[2]) for _ in range(a[3])]
    if name == "getstate":
        v, s, g = r.getstate()
        return [v, list(s), g]
    raise SystemExit("unknown op " + name)


def run_case(case):
    try:
        r = make(case["seed"])
    except (TypeError, ValueError, OverflowError) as e:  # seeding errors are results
        return {"seed_error": {"error": type(e).__name__, "msg": str(e)}}
    out = []
    for o in case["ops"]:
        try:
            out.append(op(r, o))
        except (ValueError, TypeError, IndexError, OverflowError) as e:
            out.append({"error": type(e).__name__, "msg": str(e)})
    return {"results": out}


def run(cases):
    return [run_case(c) for c in cases]


if __name__ == "__main__":
    json.dump(run(json.load(sys.stdin)), sys.stdout)
