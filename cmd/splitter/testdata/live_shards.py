"""Draws random sharded datasets (a directory, a glob or a list of CSV
files: random shard counts and sizes, quoted newlines, a shard without a
final line end, CRLF in one shard, a BOM in one, empty shards, gzip) and a
splitter command for each, and writes the bytes splitter must produce,
computed from the rows the live Python returns for
pd.concat([pd.read_csv(f) for f in files], ignore_index=True) and the call
(train_test_split, KFold, StratifiedKFold, df.sample), or records the error
Python raises. Input (JSON on stdin): {"dir", "seed", "count"}; output: the
list of cases. Run by shards_live_test.go with /usr/bin/python3."""
import sys, json, os, random, gzip, glob
import pandas as pd
from sklearn.model_selection import train_test_split, KFold, StratifiedKFold

cfg = json.load(sys.stdin)
R = random.Random(cfg["seed"])
root = cfg["dir"]
WORDS = ["alpha", "x,y", "multi\nline", 'say "hi"', "", "ünï", "10", "  lead"]


def field(v):
    if any(c in v for c in ',"\n\r') or v.strip() != v or R.random() < 0.1:
        return '"' + v.replace('"', '""') + '"'
    return v


def make_shard(n, start, labels, eol, bom, last_eol):
    """One shard's bytes and, per row, (record without line end, line end)."""
    header = bom + "id,label,text,num"
    recs = []
    for i in range(n):
        f = [str(start + i), R.choice(labels), field(R.choice(WORDS)), repr(round(R.uniform(-5, 5), 2))]
        recs.append([",".join(f), eol])
    if recs and not last_eol:
        recs[-1][1] = ""
    data = header + eol + "".join(r[0] + r[1] for r in recs)
    return data.encode("utf-8"), eol, recs


cases = []
for ci in range(cfg["count"]):
    d = os.path.join(root, "case%d" % ci)
    shards_dir = os.path.join(d, "ds")
    os.makedirs(shards_dir)
    k = R.randint(1, 6)
    label_kind = R.choice(["int", "str"])
    labels = ["0", "1", "2"] if label_kind == "int" else ["cat", "dog", "10"]
    sizes = [R.choice([0, R.randint(1, 5), R.randint(5, 80), R.randint(80, 400)]) for _ in range(k)]
    crlf, bom, no_eol = R.randrange(k), R.randrange(k), R.randrange(k)
    gz = R.random() < 0.2
    names, shard_rows, eols = [], [], []
    start = 0
    for s in range(k):
        data, eol, recs = make_shard(sizes[s], start, labels, "\r\n" if s == crlf else "\n",
                                     "\ufeff" if s == bom and R.random() < 0.5 else "",
                                     s != no_eol or R.random() < 0.3)
        start += sizes[s]
        name = "part-%05d.csv" % s + (".gz" if gz and R.random() < 0.5 else "")
        p = os.path.join(shards_dir, name)
        if name.endswith(".gz"):
            with gzip.open(p, "wb") as g:
                g.write(data)
        else:
            open(p, "wb").write(data)
        names.append(p)
        shard_rows.append(recs)
        eols.append(eol)
    open(os.path.join(shards_dir, "_SUCCESS"), "wb").write(b"")
    open(os.path.join(shards_dir, ".part-00000.csv.crc"), "wb").write(b"junk")
    form = R.choice(["dir", "glob", "list"])
    if form == "dir":
        inputs, files = [shards_dir], sorted(f.path for f in os.scandir(shards_dir) if f.is_file() and f.name[0] not in "._")
        stem, outdir = "ds", d
    elif form == "glob":
        pat = os.path.join(shards_dir, "part-*")
        inputs, files = [pat], sorted(glob.glob(pat))
        stem, outdir = "part-00000", d  # beside the folder: outputs there would match the glob
    else:
        files = names[:]
        R.shuffle(files)
        inputs, stem, outdir = files, os.path.basename(files[0]).split(".")[0], shards_dir
    # The rows of the dataset in concat order, each as splitter writes it.
    order = [names.index(f) for f in files]
    rows = []
    for s in order:
        for rec, end in shard_rows[s]:
            rows.append((rec, end or eols[s]))
    first = order[0]
    raw = gzip.open(files[0]).read() if files[0].endswith(".gz") else open(files[0], "rb").read()
    raw = raw.decode("utf-8")
    head = raw[:raw.index(eols[first]) + len(eols[first])]
    df = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
    assert len(df) == len(rows), (len(df), len(rows))
    cmd = R.choice(["split", "stratify", "kfold", "skfold", "shuffle", "sample"])
    seed = R.randint(0, 2**32 - 1)
    ext = ".csv.gz" if files[0].endswith(".gz") else ".csv"
    args, outs, err = ["--seed", str(seed)], {}, None

    def text(idx):
        return head + "".join(rows[i][0] + rows[i][1] for i in idx)

    try:
        if cmd in ("split", "stratify"):
            test = R.choice(["0.25", "0.3", "3"])
            args = ["split"] + args + ["--test", test]
            kw = {}
            if cmd == "stratify":
                args += ["--stratify", "label"]
                kw["stratify"] = df["label"]
            tr, te = train_test_split(df, test_size=float(test) if "." in test else int(test), random_state=seed, **kw)
            outs = {stem + ".train" + ext: text(tr.index), stem + ".test" + ext: text(te.index)}
        elif cmd in ("kfold", "skfold"):
            kf = R.randint(2, 5)
            args = ["kfold"] + args + ["--folds", str(kf)]
            fold = [None] * len(df)
            if cmd == "skfold":
                args += ["--stratify", "label"]
                it = StratifiedKFold(kf, shuffle=True, random_state=seed).split(df, df["label"])
            else:
                it = KFold(kf, shuffle=True, random_state=seed).split(df)
            for f, (_, te) in enumerate(it):
                for i in te:
                    fold[i] = f
            h = head[:-len(eols[first])] + ",fold" + eols[first]
            outs = {stem + ".folds" + ext: h + "".join(rows[i][0] + "," + str(fold[i]) + rows[i][1] for i in range(len(df)))}
        elif cmd == "shuffle":
            args = ["shuffle"] + args + ["-o", os.path.join(outdir, "shuf" + ext)]
            outs = {"shuf" + ext: text(df.sample(frac=1, random_state=seed).index)}
        else:
            nn = R.randint(0, max(0, len(df)))
            args = ["sample"] + args + ["--n", str(nn), "-o", os.path.join(outdir, "samp" + ext)]
            outs = {"samp" + ext: text(df.sample(n=nn, random_state=seed).index)}
    except Exception as e:
        err = type(e).__name__ + ": " + str(e).splitlines()[0] if str(e) else type(e).__name__
    if form == "glob" and args[0] in ("split", "kfold"):
        args += ["--out-dir", outdir]
    case = {"args": args + inputs, "dir": d, "outdir": outdir, "error": err, "outputs": {}, "rows": len(df), "shards": k}
    for i, (name, body) in enumerate(sorted(outs.items())):
        exp = os.path.join(root, "exp%d.%d" % (ci, i))
        open(exp, "wb").write(body.encode("utf-8"))
        case["outputs"][os.path.join(outdir, name)] = exp
    cases.append(case)
json.dump(cases, sys.stdout)
