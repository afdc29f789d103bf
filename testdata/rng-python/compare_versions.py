"""Replays golden.json's cases on other CPython versions and lists what differs.

    /root/.pyenv/versions/3.12.1/bin/python3 compare_versions.py

Prints one line per differing op result (streams or error messages), then a
summary. Used to state which versions rng.PyRandom equals (docs/compatibility.md).
"""
import json
import sys
import warnings

import pyrandom_oracle as po

warnings.simplefilter("ignore")
g = json.load(open("golden.json"))
new = po.run(g["cases"])
diff = 0
total = 0
for ci, (c, a, b) in enumerate(zip(g["cases"], g["results"], new)):
    if "seed_error" in a or "seed_error" in b:
        total += 1
        if a != b:
            diff += 1
            print(f"case {ci} seed {c['seed']}: {a} != {b}")
        continue
    for oi, (o, x, y) in enumerate(zip(c["ops"], a["results"], b["results"])):
        total += 1
        if x != y:
            diff += 1
            print(f"case {ci} op {o}: 3.11.2 {str(x)[:120]} | {sys.version.split()[0]} {str(y)[:120]}")
print(f"{sys.version.split()[0]}: {diff} of {total} results differ from {g['python']}")
