#!/usr/bin/python3
"""Writes pandas_read_csv.json and pandas_read_json.json: how pandas.read_csv and
pandas.read_json(lines=True) number and type tricky CSV and JSON Lines files.

Run with Debian's /usr/bin/python3 (pandas 1.5.3, numpy 1.24.2):
    /usr/bin/python3 testdata/rows/gen_rows.py
Each case holds the CSV text, the delimiter and what pd.read_csv(path, sep=sep)
returned: the error kind, or the row count, column names, index depth and each
column's dtype and values (floats as their IEEE-754 bits, NaN as ["nan"]).
"""
import io, json, os, random, struct, sys, tempfile
import numpy as np, pandas as pd

FIXED = [
    "a,b\n1,2\n   \n\t\n3,4\n", "a,b\n1,2\n  5,6\n3,4\n", "a,b\r1,2\r3,4\r", "a,b\r1,2\r\r,3\r4,5\r",
    "a,b\r1,2\r,3\r4,5\r", "a,b\n1,x\"y\n2,\"x\"y\n", "a,b\n1,\"x\"y\"z\nw\"\n", "\ufeff\n\na,b\n1,2\n",
    "  \n\na,b\n1,2\n", "a,b\n,\n", "a,b\n1,2,3\n4,5,6\n", "a,b\n1,2,3\n4\n", "a,b\n1\n4,5,6\n",
    "a,b\n1,2\n\n\"x\ny\",3,4\n", "a,b\n1,2\n3,\"4\n5,6\n", "a,b", "", "\n \n", "a,a,a.1,,\n1,2,3,4,5\n",
    "a,b\n\"  \"\n1,2\n", "a,b\n1, \"x,y\"\n", "a,b\n1,\"x\ry\"\n2,3\n", "a,b\n  \"x\ny\",1\n2,3\n", "a,b\n1,\"\n",
    "a,b\n1,2\n   ", "a,b\r\n1,2\r\r\n3,4\r\n", "a,b\n1,2\r\n\r,3\n",
    "c,d\n10,1\n9,1\n", "c,d\n10,1\n9,1\na,1\n", "c,d\n1.0,1\n2,1\n1,1\n", "c,d\nTrue,1\nFalse,1\n",
    "c,d\nTrue,1\n,1\n", "c,d\n1,1\n,1\n", "c,d\n9223372036854775808,1\n1,1\n", "c,d\n9223372036854775808,1\n,1\n",
    "c,d\n-9223372036854775809,1\n1,1\n", "c,d\n-9223372036854775809,1\n1.5,1\n", "c,d\n-9223372036854775808,1\n,1\n",
    "c,d\n1e400,1\n", "c,d\n1.7976931348623158e308,1\n", "c,d\n0.000000000000000000001234,1\n", "c,d\ntRuE,1\n",
    "c,d\niNf,1\n-Infinity,1\nnan,1\n", "c,d\nNAN,1\n", "c,d\nNone,1\nNA,1\n", "c,d\n 5 ,1\n\t7,1\n",
]
for tab in ["a\tb\n\t5\n1\t2\n", "a\tb\n \t5\n1\t2\n", "a\tb\n1\t2\n\t\n3\t4\n"]:
    FIXED.append(("\t", tab))

POOL = ["0", "1", "-3", "+4", "007", " 5", "42", "9223372036854775807", "9223372036854775808",
        "1.0", "2.5", "1e3", ".5", "inf", "1e400", "0.1", "True", "false", "", "NA", "nan", "null",
        "x", "a b", " lead", '"q,1"', '"dq""x"', '"line1\nline2"', 'x"y', "\u00e9t\u00e9"]

def random_csv(r):
    eol = r.choice(["\n", "\r\n", "\r"])
    ncols = r.randint(1, 4)
    lines = [",".join("c%d" % i for i in range(ncols))]
    kinds = [r.randrange(4) for _ in range(ncols)]
    for _ in range(r.randint(0, 12)):
        if r.random() < 0.15:
            lines.append(r.choice(["", " ", "\t"]))
        nf = ncols if r.random() > 0.1 else r.randint(1, ncols)
        row = []
        for f in range(nf):
            k = kinds[f]
            if r.random() < 0.2:
                row.append(r.choice(POOL))
            elif k == 0:
                row.append(str(r.randint(-5, 5)))
            elif k == 1:
                row.append(repr(r.uniform(-1e3, 1e3)))
            elif k == 2:
                row.append(r.choice(["True", "False", "TRUE", "false"]))
            else:
                row.append(r.choice(["x", "y", "z", "w"]))
        lines.append(",".join(row))
    text = eol.join(lines)
    if r.random() < 0.7:
        text += eol
    return text

def encv(v):
    if v is None: return ["none"]
    if isinstance(v, (bool, np.bool_)): return ["b", bool(v)]
    if isinstance(v, (int, np.integer)): return ["i", str(int(v))]
    if isinstance(v, (float, np.floating)):
        if v != v: return ["nan"]
        return ["f", str(struct.unpack("<Q", struct.pack("<d", float(v)))[0])]
    if isinstance(v, str): return ["s", v]
    return ["?", repr(v)]

def read(text, sep):
    with tempfile.NamedTemporaryFile("wb", suffix=".csv", delete=False) as f:
        f.write(text.encode("utf-8"))
        path = f.name
    try:
        df = pd.read_csv(path, sep=sep)
    except Exception as e:
        m = str(e)
        kind = "other"
        if type(e).__name__ == "EmptyDataError": kind = "empty"
        elif "EOF inside string" in m: kind = "quote"
        elif "Expected" in m and "fields" in m: kind = "fields"
        return {"err": kind, "msg": type(e).__name__ + ": " + m.strip()}
    finally:
        os.unlink(path)
    cols = {c: {"dtype": str(df[c].dtype), "values": [encv(v) for v in df[c].tolist()]} for c in df.columns}
    k = 0 if isinstance(df.index, pd.RangeIndex) else df.index.nlevels
    return {"names": [str(c) for c in df.columns], "rows": len(df), "index": k, "cols": cols}

JSONL_FIXED = [
    '{"a": 1, "b": "x"}\n\n  \n{"a": 2, "b": "y"}\n', '{"a": 1}\r\n{"a": null}\r\n', '{"a": true}\n{"a": false}\n',
    '{"a": true}\n{"b": 1}\n', '{"a": "1"}\n{"a": " 2 "}\n', '{"a": "1_0"}\n{"a": "x"}\n', '{"a": 1.0}\n{"a": 2.0}\n',
    '{"a": 2.5e23}\n{"a": 0.1}\n', '{"a": 9223372036854775808}\n{"a": 1}\n', '{"a": -1}\n{"a": 9223372036854775808}\n',
    '{"a": 1, "a": 2}\n', '{"a": "x"}\n{"a": null}\n', '{"a": "inf"}\n{"a": 1}\n', '{"x y": 1.5, "b": 3}\n{"b": 4}',
]

def random_jsonl(r):
    keys = ["a", "b", "label"][: r.randint(1, 3)]
    kinds = [r.randrange(4) for _ in keys]
    lines = []
    for _ in range(r.randint(0, 10)):
        if r.random() < 0.15:
            lines.append(r.choice(["", " ", "\t"]))
        parts = []
        for k, kind in zip(keys, kinds):
            if r.random() < 0.1:
                continue
            if r.random() < 0.1:
                v = r.choice(["null", "true", '"1"', "1.5", "0"])
            elif kind == 0:
                v = str(r.randint(-5, 5))
            elif kind == 1:
                v = "%d.%de%d" % (r.randint(0, 10**6), r.randint(0, 10**9), r.randint(-40, 40))
            elif kind == 2:
                v = r.choice(["true", "false"])
            else:
                v = '"%s"' % r.choice(["x", "y", "z"])
            parts.append('"%s": %s' % (k, v))
        lines.append("{" + ", ".join(parts) + "}")
    return "\n".join(lines) + ("\n" if r.random() < 0.7 else "")

def read_json(text):
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as f:
        f.write(text.encode("utf-8"))
        path = f.name
    try:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            df = pd.read_json(path, lines=True)
    except Exception as e:
        return {"err": "other", "msg": type(e).__name__ + ": " + str(e).strip()}
    finally:
        os.unlink(path)
    # None (JSON null in an object column) and NaN (a missing key) are both missing values.
    cols = {str(c): {"dtype": str(df[c].dtype), "values": [["nan"] if v is None else encv(v) for v in df[c].tolist()]}
            for c in df.columns}
    return {"names": [str(c) for c in df.columns], "rows": len(df), "index": 0, "cols": cols}

def write(name, cases):
    out = {"generator": "testdata/rows/gen_rows.py", "pandas": pd.__version__, "numpy": np.__version__,
           "python": sys.version.split()[0]}
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, name), "w") as f:
        f.write(json.dumps(out)[:-1] + ', "cases": [\n')
        f.write(",\n".join(json.dumps(c, ensure_ascii=True) for c in cases))
        f.write("\n]}\n")

def main():
    r = random.Random(20261125)
    cases = []
    for c in FIXED:
        sep, text = c if isinstance(c, tuple) else (",", c)
        cases.append({"csv": text, "sep": sep, "want": read(text, sep)})
    for _ in range(200):
        text = random_csv(r)
        cases.append({"csv": text, "sep": ",", "want": read(text, ",")})
    write("pandas_read_csv.json", cases)
    jcases = [{"jsonl": t, "want": read_json(t)} for t in JSONL_FIXED]
    for _ in range(100):
        t = random_jsonl(r)
        jcases.append({"jsonl": t, "want": read_json(t)})
    write("pandas_read_json.json", jcases)

main()
