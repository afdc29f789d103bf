"""Draws random CSV files and splitter command lines, and writes the bytes
splitter must produce for each, computed from the rows the live Python call
returns (or records the exception Python raises). Input (JSON on stdin):
{"dir", "seed", "count", "kinds"}; output: the list of cases. Run by
split_live_test.go with /usr/bin/python3."""
import sys, json, os, random, traceback
import numpy as np, pandas as pd
from sklearn.model_selection import (train_test_split, GroupShuffleSplit, KFold,
                                     StratifiedKFold, GroupKFold, RepeatedKFold,
                                     RepeatedStratifiedKFold, LeaveOneGroupOut)

cfg = json.load(sys.stdin)
R = random.Random(cfg["seed"])
root = cfg["dir"]
kinds = cfg["kinds"]

WORDS = ["alpha", "beta", "x,y", 'say ""hi""', "multi\nline", "  lead", "trail  ", "", "a\"b",
         "semi;colon", "tab\there", "ünï", "10", "9", "-3", "1.5", "NaN?", "#hash"]

def label_pool(kind, k):
    if kind == "int":
        return [str(v) for v in R.sample(range(-20, 100), k)]
    if kind == "str":
        return R.sample(["cat", "dog", "10", "9", "a b", "Z", "z", "007", "ß", "x,y", "1e3"], k)
    if kind == "float":
        return R.sample(["1.0", "2", "1.5", "-0.25", "3.0", "1e2", "7", "0.1"], k)
    return ["True", "False"][:k]

SEP = ","

def quote(v):
    # A CSV field: quoted when needed (or sometimes for no reason).
    needs = any(c in v for c in SEP + '"\n\r') or v.strip() != v and v != ""
    if '""' in v:  # already-doubled quotes: literal doubled data, must be quoted
        return '"' + v + '"'
    if needs or R.random() < 0.1:
        return '"' + v.replace('"', '""') + '"'
    return v

def make_csv(n):
    style = R.choice(["lf", "lf", "crlf", "mixed", "cr"])
    def eol():
        if style == "lf": return "\n"
        if style == "crlf": return "\r\n"
        if style == "cr": return "\r"
        return R.choice(["\n", "\r\n"])
    lk = R.choice(["int", "int", "str", "float", "bool"])
    k = 2 if lk == "bool" else R.randint(2, 7)
    pool = label_pool(lk, k)
    weights = [R.random() ** 2 + 0.02 for _ in pool]
    ng = R.randint(2, 40)
    gk = R.choice(["int", "str"])
    gvals = [str(g) if gk == "int" else "g%d" % g for g in range(ng)]
    header_fields = ["id", "label", "grp", "text", "num"]
    bom = "\ufeff" if R.random() < 0.1 else ""
    header = bom + SEP.join(header_fields)
    hdr_eol = eol()
    records = []  # (text without eol, eol, nfields)
    for i in range(n):
        lab = R.choices(pool, weights)[0]
        text = R.choice(WORDS)
        if style == "cr":
            text = text.replace("\n", " ")
        f = [str(i), quote(lab), R.choice(gvals), quote(text), repr(round(R.uniform(-5, 5), 3))]
        nf = 5
        if R.random() < 0.03:
            nf = R.randint(3, 4)
            f = f[:nf]
        records.append([SEP.join(f), eol(), nf])
    last_no_eol = R.random() < 0.3 and n > 0
    if last_no_eol:
        records[-1][1] = ""
    parts = [header, hdr_eol]
    for r in records:
        if R.random() < 0.03 and r[1] != "":
            parts.append((R.choice(["", "  ", "\t"]) if style != "cr" and SEP == "," else "") + (r[1] if style != "mixed" else "\n"))
        parts.append(r[0] + r[1])
    data = "".join(parts).encode("utf-8")
    if n == 0 and R.random() < 0.5:
        data = (header).encode("utf-8")
        hdr_eol = ""
    return data, header, hdr_eol, records, header_fields

def row_bytes(rec, hdr_eol):
    end = rec[1] if rec[1] != "" else (hdr_eol or "\n")
    return (rec[0] + end).encode("utf-8")

def size_str():
    r = R.random()
    if r < 0.45:
        return repr(round(R.uniform(0.02, 0.98), R.randint(1, 4)))
    if r < 0.55:
        return R.choice(["1e-1", "2.5e-1", "5E-1", ".3"])
    if r < 0.9:
        # n is the current case's row count (module-level loop variable).
        return str(R.randint(1, max(1, min(60, n // 2 if R.random() < 0.8 else n + 2))))
    return R.choice(["0", "-1", "1.0", "0.0", "100000", "1.5"])

def pysize(s):
    if s is None: return None
    return float(s) if any(c in s for c in ".eE") else int(s)

cases = []
for ci in range(cfg["count"]):
    kind = kinds[ci % len(kinds)]
    d = os.path.join(root, "case%d" % ci)
    os.makedirs(d)
    n = R.choice([0, 1, 2, 3, 5, 10]) if R.random() < 0.1 else R.choice([R.randint(4, 60), R.randint(60, 600), R.randint(600, 5000)])
    fmt = R.choice(["csv"] * 6 + ["tsv", "csv.gz", "tsv.gz", "semi"])
    SEP = {"tsv": "\t", "tsv.gz": "\t", "semi": ";"}.get(fmt, ",")
    ext = "." + fmt if fmt != "semi" else ".csv"
    data, header, hdr_eol, records, hf = make_csv(n)
    path = os.path.join(d, "data" + ext)
    if fmt.endswith(".gz"):
        import gzip
        with gzip.open(path, "wb") as gz:
            gz.write(data)
    else:
        open(path, "wb").write(data)
    pd_read_csv = pd.read_csv
    def read(p):
        return pd_read_csv(p, sep=SEP)
    seed = R.choice([R.randint(0, 2**32 - 1), R.randint(0, 1000), 0, 2**32 - 1])
    args = []
    exp = {}
    err = None
    try:
        df = read(path)
        assert len(df) == n and (n == 0 or list(df["id"]) == list(range(n))), ("generator: pandas rows differ", path, len(df), n, [x for x in df["id"]][:20])
        if kind in ("split", "stratify", "noshuffle", "group"):
            test = size_str() if R.random() < 0.85 else None
            train = size_str() if R.random() < 0.25 else None
            args = ["split"] if R.random() < 0.5 else []
            args += ["--seed", str(seed)]
            if test is not None: args += ["--test", test]
            if train is not None: args += ["--train", train]
            kw = dict(test_size=pysize(test), train_size=pysize(train))
            if kind == "group":
                args += ["--group", "grp"]
                gss = GroupShuffleSplit(n_splits=1, random_state=seed, **{k: v for k, v in kw.items() if v is not None or k == "train_size"})
                tr, te = next(gss.split(df, groups=df["grp"]))
                parts = {"train": list(tr), "test": list(te)}
            else:
                if kind == "stratify":
                    args += ["--stratify", "label"]
                    kw["stratify"] = df["label"]
                if kind == "noshuffle":
                    args += ["--no-shuffle"]
                    kw["shuffle"] = False
                a, b = train_test_split(df, random_state=seed, **kw)
                parts = {"train": list(a.index), "test": list(b.index)}
            for name, idx in parts.items():
                exp[name] = b"".join([(header + hdr_eol).encode()] + [row_bytes(records[i], hdr_eol) for i in idx])
        elif kind in ("val", "val-strat"):
            test = size_str() if R.random() < 0.9 else None
            val = size_str()
            args = ["--seed", str(seed), "--val", val] + (["--test", test] if test else [])
            kw = dict(test_size=pysize(test))
            kw2 = dict(test_size=pysize(val))
            if kind == "val-strat":
                args += ["--stratify", "label"]
                kw["stratify"] = df["label"]
            rest, te = train_test_split(df, random_state=seed, **kw)
            if kind == "val-strat":
                kw2["stratify"] = rest["label"]
            tr, va = train_test_split(rest, random_state=seed, **kw2)
            parts = {"train": list(tr.index), "val": list(va.index), "test": list(te.index)}
            for name, idx in parts.items():
                exp[name] = b"".join([(header + hdr_eol).encode()] + [row_bytes(records[i], hdr_eol) for i in idx])
        elif kind == "datasets":
            # Hugging Face datasets is not installed here: its
            # Dataset.train_test_split (non-stratified) is emulated from its
            # source: sklearn's size rules, then test = perm[:n_test],
            # train = perm[n_test:n_test+n_train] with
            # perm = np.random.default_rng(seed).permutation(n).
            from sklearn.model_selection._split import _validate_shuffle_split
            test = size_str() if R.random() < 0.85 else None
            train = size_str() if R.random() < 0.25 else None
            hseed = R.choice([R.randint(0, 2**32), R.randint(0, 2**64), R.randint(0, 2**130)])
            args = ["--compat", "datasets", "--seed", str(hseed)]
            if test is not None: args += ["--test", test]
            if train is not None: args += ["--train", train]
            if n == 0:
                parts = {"train": [], "test": []}
            else:
                n_train, n_test = _validate_shuffle_split(n, pysize(test), pysize(train), default_test_size=0.25)
                perm = np.random.default_rng(hseed).permutation(n)
                parts = {"train": list(perm[n_test:n_test + n_train]), "test": list(perm[:n_test])}
            for name, idx in parts.items():
                exp[name] = b"".join([(header + hdr_eol).encode()] + [row_bytes(records[i], hdr_eol) for i in idx])
        elif kind == "torch":
            import torch
            from torch.utils.data import random_split
            tseed = R.choice([R.randint(-2**63, 2**64 - 1), R.randint(0, 100), -1])
            k = R.randint(1, 4)
            if R.random() < 0.5:
                fr = [R.random() for _ in range(k)]
                tot = sum(fr)
                lens = [repr(round(x / tot, 2)) for x in fr]
            else:
                cuts = sorted(R.randint(0, n) for _ in range(k - 1))
                lens = [str(b - a) for a, b in zip([0] + cuts, cuts + [n])]
                if R.random() < 0.1:
                    lens[0] = str(int(lens[0]) + 1)
            args = ["--compat", "torch", "--seed", str(tseed), "--lengths", ",".join(lens)]
            names = ["part%d" % i for i in range(k)]
            if R.random() < 0.3:
                names = ["n%d" % i for i in range(k)]
                args += ["--names", ",".join(names)]
            pl = [float(x) if "." in x else int(x) for x in lens]
            if any(isinstance(x, int) and x < 0 for x in pl):
                raise ValueError("negative length")
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                subsets = random_split(range(n), pl, generator=torch.Generator().manual_seed(tseed))
            for name, sub in zip(names, subsets):
                exp[name] = b"".join([(header + hdr_eol).encode()] + [row_bytes(records[i], hdr_eol) for i in list(sub)])
        elif kind in ("shuffle", "shuffle-python", "shuffle-torch"):
            out = os.path.join(d, "out", "data.shuffled" + ext) if R.random() < 0.3 else os.path.join(d, "data.shuffled" + ext)
            args = ["shuffle", "-o", out]
            if kind == "shuffle":
                args += ["--seed", str(seed)]
                idx = list(df.sample(frac=1, random_state=seed).index)
            elif kind == "shuffle-python":
                ps = R.choice([R.randint(-2**70, 2**70), R.randint(0, 1000)])
                args += ["--compat", "python", "--seed", str(ps)]
                idx = list(range(n)); random.seed(ps); random.shuffle(idx)
            else:
                import torch
                ts = R.randint(-2**63, 2**64 - 1)
                args += ["--compat", "torch", "--seed", str(ts)]
                idx = torch.randperm(n, generator=torch.Generator().manual_seed(ts)).tolist()
            exp["shuffled"] = b"".join([(header + hdr_eol).encode()] + [row_bytes(records[i], hdr_eol) for i in idx])
        elif kind in ("sample", "sample-group", "sample-python"):
            out = os.path.join(d, "data.sampled" + ext)
            args = ["sample", "-o", out]
            replace = R.random() < 0.4
            kw = {}
            r = R.random()
            if r < 0.45 or kind == "sample-python":
                nn = R.choice([0, 1, R.randint(0, n + 2), R.randint(0, 5)])
                args += ["--n", str(nn)]; kw["n"] = nn
            elif r < 0.9:
                fr = round(R.uniform(0, 1.5 if replace else 1.0), 3)
                args += ["--frac", repr(fr)]; kw["frac"] = fr
            if replace:
                args += ["--replace"]; kw["replace"] = True
            w = None
            if R.random() < 0.3 and (kind != "sample-python" or replace):
                args += ["--weights", "num" if R.random() < 0.5 else "id"]
                w = args[-1]
            if kind == "sample-python":
                ps = R.randint(-2**40, 2**40)
                args += ["--compat", "python", "--seed", str(ps)]
                random.seed(ps)
                k = kw.get("n", 1)
                if replace:
                    idx = random.choices(range(n), weights=None if w is None else list(df[w]), k=k)
                else:
                    idx = random.sample(range(n), k)
            else:
                args += ["--seed", str(seed)]
                if w: kw["weights"] = w
                if kind == "sample-group":
                    args += ["--group", "grp"]
                    res = df.groupby("grp").sample(random_state=seed, **kw)
                else:
                    res = df.sample(random_state=seed, **kw)
                idx = list(res.index)
            exp["sampled"] = b"".join([(header + hdr_eol).encode()] + [row_bytes(records[i], hdr_eol) for i in idx])
        elif kind in ("kfold", "kfold-strat", "kfold-group", "kfold-noshuffle", "kfold-repeated", "kfold-repeated-strat", "kfold-logo"):
            K = R.choice([2, 3, 5, 10, R.randint(2, 12)])
            args = ["kfold", "--folds", str(K)]
            y = g = None
            reps = 1
            if kind.startswith("kfold-repeated"):
                reps = R.randint(1, 4)
                args += ["--repeats", str(reps), "--seed", str(seed)]
                if kind == "kfold-repeated-strat":
                    cv = RepeatedStratifiedKFold(n_splits=K, n_repeats=reps, random_state=seed); y = df["label"]
                    args += ["--stratify", "label"]
                else:
                    cv = RepeatedKFold(n_splits=K, n_repeats=reps, random_state=seed)
            elif kind == "kfold-logo":
                cv = LeaveOneGroupOut(); g = df["grp"]; K = None
                args = ["kfold", "--leave-one-group-out", "--group", "grp"]
            elif kind == "kfold-group":
                cv = GroupKFold(K); g = df["grp"]; args += ["--group", "grp"]
            elif kind == "kfold-noshuffle":
                cv = KFold(K); args += ["--no-shuffle"]
            elif kind == "kfold-strat":
                cv = StratifiedKFold(K, shuffle=True, random_state=seed); y = df["label"]
                args += ["--stratify", "label", "--seed", str(seed)]
            else:
                cv = KFold(K, shuffle=True, random_state=seed); args += ["--seed", str(seed)]
            folds = [[None] * n for _ in range(reps)]
            for j, (_, te) in enumerate(cv.split(df, y, g)):
                for i in te: folds[j // K if K else 0][i] = j % K if K else j
            for r, fold in enumerate(folds):
                out = [(header + SEP + "fold" + (hdr_eol or "\n")).encode()]
                for i, rec in enumerate(records):
                    end = rec[1] if rec[1] != "" else (hdr_eol or "\n")
                    out.append((rec[0] + SEP * (len(hf) - rec[2]) + SEP + "%d" % fold[i] + end).encode())
                exp["rep%d.folds" % r if kind.startswith("kfold-repeated") else "folds"] = b"".join(out)
    except Exception as e:
        if isinstance(e, AssertionError):
            raise
        err = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
        exp = {}
    outdir = None
    if kind.startswith(("shuffle", "sample")):
        outdir = os.path.dirname(args[2])
    elif R.random() < 0.3:
        outdir = os.path.join(d, "out", "sub")
        args += ["--out-dir", outdir]
    for name, b in exp.items():
        open(os.path.join(root, "exp%d.%s" % (ci, name)), "wb").write(b)
    if fmt == "semi":
        args += ["--sep", ";"]
    cases.append({"ext": ext, "dir": d, "args": args + [path], "outdir": outdir or d, "outputs": sorted(exp), "error": err, "kind": kind, "n": n})
json.dump(cases, sys.stdout)
