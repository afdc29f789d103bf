"""Writes golden_split.json: cases for the split package and what
scikit-learn 1.2.1 (and the Hugging Face recipes rebuilt on numpy, see
split_oracle.py) return for them. Run with /usr/bin/python3 from this
folder:  /usr/bin/python3 gen_split.py
"""
import json
import random

import split_oracle as so

R = random.Random(20240601)


def seed():
    return R.choice([0, 1, 42, 101, 2**32 - 1, R.randrange(2**32)])


def size(n):
    k = R.randrange(8)
    if k == 0:
        return None
    if k < 4:
        return ["i", R.randrange(1, max(2, n))]
    if k == 4:
        return ["f", repr(R.choice([0.07, 0.1, 0.2, 0.25, 0.3, 0.33, 0.5, 0.7]))]
    return ["f", repr(R.random())]


def labels(n, k, dtype):
    w = [R.random() ** 2 + 0.05 for _ in range(k)]
    if dtype == "int":
        vals = R.sample(range(-50, 50), k)
    elif dtype == "float":
        vals = [repr(v / 4) for v in R.sample(range(-50, 50), k)]
    elif dtype == "bool":
        vals, k, w = [False, True], 2, w[:2] + [1.0] * (2 - len(w[:2]))
    else:
        base = ["a", "b", "B", "10", "9", "é", "z", "a10", "a9", " x", "Z"]
        vals = R.sample([b + str(i) for b in base for i in ("", 1, 22, 7, 300)], k)
    return {"dtype": dtype, "values": R.choices(vals, weights=w[:len(vals)], k=n)}


def dtype():
    return R.choice(["int", "float", "str", "bool"])


def cases():
    out = [
        # known answers quoted in the algorithm notes
        {"kind": "tts", "n": 10, "test": ["f", "0.3"], "seed": 42, "shuffle": True},
        {"kind": "tts", "n": 10, "seed": 0, "shuffle": True},
        {"kind": "tts", "n": 12, "test": ["f", "0.25"], "seed": 0, "shuffle": True,
         "y": {"dtype": "int", "values": [0] * 6 + [1] * 6}},
        {"kind": "tts", "n": 100, "test": ["f", "0.07"], "seed": 3, "shuffle": True},
        {"kind": "tts", "n": 100, "train": ["f", "0.07"], "seed": 3, "shuffle": True},
        {"kind": "kfold", "n": 10, "n_splits": 3, "shuffle": True, "seed": 0},
        {"kind": "skf", "n": 4, "n_splits": 2, "shuffle": False, "y": {"dtype": "int", "values": [0, 0, 1, 1]}},
        {"kind": "skf", "n": 19, "n_splits": 3, "shuffle": True, "seed": 0,
         "y": {"dtype": "str", "values": list("bbaacbabcaabbbcc") + ["c"] * 3}},
        {"kind": "gkf", "n": 6, "n_splits": 2, "groups": {"dtype": "int", "values": [1, 1, 1, 2, 3, 3]}},
        {"kind": "sgkf", "n": 17, "n_splits": 3, "shuffle": True, "seed": 0,
         "y": {"dtype": "int", "values": [0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]},
         "groups": {"dtype": "int", "values": [1, 1, 2, 2, 3, 3, 3, 4, 5, 5, 5, 5, 6, 6, 7, 8, 8]}},
        {"kind": "hfshuffle", "n": 10, "seed": 42},
        {"kind": "hfshuffle", "n": 10, "seed": 0},
        {"kind": "hf", "n": 10, "test": ["f", "0.2"], "seed": 42, "shuffle": True},
        # errors
        {"kind": "tts", "n": 10, "test": ["f", "0.0"], "seed": 0, "shuffle": True},
        {"kind": "tts", "n": 10, "test": ["i", 3], "train": ["f", "0.99"], "seed": 0, "shuffle": True},
        {"kind": "tts", "n": 10, "test": ["f", "0.5"], "train": ["f", "0.6"], "seed": 0, "shuffle": True},
        {"kind": "tts", "n": 10, "test": ["f", "nan"], "seed": 0, "shuffle": True},
        {"kind": "tts", "n": 10, "seed": 0, "shuffle": False, "y": {"dtype": "int", "values": [0, 1] * 5}},
        {"kind": "tts", "n": 10, "seed": 0, "shuffle": True, "y": {"dtype": "int", "values": [0] * 9 + [1]}},
        {"kind": "tts", "n": 10, "seed": 0, "shuffle": True, "y": {"dtype": "float", "values": ["1", "nan"] * 5}},
        {"kind": "kfold", "n": 10, "n_splits": 1, "shuffle": False},
        {"kind": "kfold", "n": 10, "n_splits": 3, "shuffle": False, "seed": 1},
        {"kind": "kfold", "n": 2, "n_splits": 3, "shuffle": False},
        {"kind": "skf", "n": 10, "n_splits": 2, "shuffle": False, "y": {"dtype": "float", "values": ["1.5", "2"] * 5}},
        {"kind": "skf", "n": 10, "n_splits": 6, "shuffle": False, "y": {"dtype": "int", "values": [1, 2] * 5}},
        {"kind": "gkf", "n": 6, "n_splits": 4, "groups": {"dtype": "int", "values": [1, 1, 1, 2, 3, 3]}},
        {"kind": "hf", "n": 10, "test": ["i", 5], "train": ["i", 6], "seed": 0, "shuffle": True},
        {"kind": "hf", "n": 10, "seed": 0, "shuffle": True, "y": {"dtype": "int", "values": [0] * 9 + [1]}, "col": "label"},
        {"kind": "loo", "n": 1},
        {"kind": "lpo", "n": 3, "p": 3},
        {"kind": "tss", "n": 5, "n_splits": 5},
        {"kind": "tss", "n": 10, "n_splits": 3, "test_size": 3, "gap": 2},
    ]
    for _ in range(40):
        n = R.choice([2, 3, 5, 10, 37, 100, 1000])
        out.append({"kind": "tts", "n": n, "test": size(n), "train": size(n) if R.random() < 0.3 else None,
                    "seed": seed(), "shuffle": R.random() < 0.9,
                    "y": labels(n, R.randrange(2, 8), dtype()) if R.random() < 0.5 else None})
    for kind in ["ss", "sss", "gss"]:
        for _ in range(15):
            n = R.choice([5, 10, 37, 100, 500])
            c = {"kind": kind, "n": n, "n_splits": R.randrange(1, 4), "test": size(n), "seed": seed()}
            if kind == "sss":
                c["y"] = labels(n, R.randrange(2, 6), dtype())
            if kind == "gss":
                c["groups"] = labels(n, R.randrange(2, 20), R.choice(["int", "str", "float"]))
            out.append(c)
    for kind in ["kfold", "skf", "gkf", "sgkf", "rkf", "rskf"]:
        for _ in range(15):
            n = R.choice([5, 10, 37, 100, 500])
            c = {"kind": kind, "n": n, "n_splits": R.randrange(2, 6), "shuffle": R.random() < 0.5}
            if c["shuffle"]:
                c["seed"] = seed()
            if kind in ("rkf", "rskf"):
                c["n_repeats"] = R.randrange(1, 4)
                c["seed"] = seed()
            if kind in ("skf", "sgkf", "rskf"):
                c["y"] = labels(n, R.randrange(2, 6), dtype())
            if kind in ("gkf", "sgkf"):
                c["groups"] = labels(n, R.randrange(5, 40), R.choice(["int", "str", "float"]))
            out.append(c)
    for _ in range(10):
        n = R.randrange(2, 40)
        c = {"kind": "tss", "n": n, "n_splits": R.randrange(2, 6), "gap": R.randrange(0, 3)}
        if R.random() < 0.5:
            c["max_train_size"] = R.randrange(1, n)
        out.append(c)
    out.append({"kind": "lpo", "n": 6, "p": 2})
    out.append({"kind": "loo", "n": 5})
    out.append({"kind": "ps", "test_fold": [R.randrange(-1, 4) for _ in range(20)]})
    for _ in range(20):
        n = R.choice([3, 10, 37, 100, 1000])
        out.append({"kind": "hf", "n": n, "test": size(n), "train": size(n) if R.random() < 0.3 else None,
                    "seed": R.choice([0, 42, 2**40 + 7, R.randrange(2**64)]), "shuffle": R.random() < 0.9,
                    "y": labels(n, R.randrange(2, 6), dtype()) if R.random() < 0.5 else None, "col": "label"})
    return out


def main():
    cs = cases()
    golden = {"versions": so.versions(),
              "generator": "testdata/split/gen_split.py",
              "cases": [dict(case=c, result=so.run_case(c)) for c in cs]}
    with open("golden_split.json", "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")
    print(len(cs), "cases")


if __name__ == "__main__":
    main()
