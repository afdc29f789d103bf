# The live oracle of live_test.go: reads {"shards": [...], "kind": "split"
# or "kfold", "seed": S, "test": T, "folds": K} on stdin, reads the shards
# as pd.concat([pd.read_csv(f) for f in shards], ignore_index=True) and
# prints the ids of train and test (train_test_split, stratify=df["label"])
# or each row's fold (StratifiedKFold(K, shuffle=True, random_state=S)),
# or {"error": ...} when Python raises.
import json
import sys

import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold, train_test_split

case = json.load(sys.stdin)
df = pd.concat([pd.read_csv(f) for f in case["shards"]], ignore_index=True)
try:
    if case["kind"] == "split":
        train, test = train_test_split(df, test_size=case["test"], random_state=case["seed"], stratify=df["label"])
        out = {"train": train["id"].tolist(), "test": test["id"].tolist()}
    else:
        fold = np.zeros(len(df), dtype=int)
        skf = StratifiedKFold(case["folds"], shuffle=True, random_state=case["seed"])
        for k, (_, t) in enumerate(skf.split(df, df["label"])):
            fold[t] = k
        out = {"fold": fold.tolist()}
except (TypeError, ValueError) as e:
    out = {"error": str(e)}
out["dtype"] = str(df["label"].dtype)
json.dump(out, sys.stdout)
