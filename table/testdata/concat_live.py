"""For each case (a list of CSV texts of one column x), the dtype kind and
the values of pd.concat([pd.read_csv(t) for t in texts],
ignore_index=True)["x"]: each value as [type name, repr]. Input (JSON on
stdin): a list of cases; output: a list of {"kind", "values"}."""
import io, json, sys, warnings
import pandas as pd

warnings.simplefilter("ignore")
out = []
for texts in json.load(sys.stdin):
    x = pd.concat([pd.read_csv(io.StringIO(t)) for t in texts], ignore_index=True)["x"]
    vals = []
    for v in x.tolist() if x.dtype.kind != "O" else list(x):
        name = type(v).__name__
        vals.append([{"int": "int", "float": "float", "bool": "bool", "str": "str"}.get(name, name), repr(v)])
    out.append({"kind": x.dtype.kind, "values": vals})
json.dump(out, sys.stdout)
