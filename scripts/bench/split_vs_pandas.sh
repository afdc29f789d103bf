#!/usr/bin/env bash
# Side-by-side benchmark: a 1,000,000-row CSV split by
#   splitter --seed 101 --test 0.2 data.csv
# vs the same job in Python (/usr/bin/python3: pandas read_csv +
# scikit-learn train_test_split + to_csv of both parts), or, with JOB=shuffle,
#   splitter shuffle --seed 101 data.csv -o shuffled.csv
# vs read_csv + df.sample(frac=1, random_state=101) + to_csv. Both sides write
# the same rows in the same order. Timed by hyperfine (median of >= 5 runs
# each); prints both medians and their ratio.
#
# Usage: [JOB=split|shuffle] scripts/bench/split_vs_pandas.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
runs=${2:-5}
job=${JOB:-split}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/splitter" ./cmd/splitter

# A realistic CSV: ints, floats, a quoted text field with commas, a label.
/usr/bin/python3 - "$rows" "$work/data.csv" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
r = random.Random(1)
cities = ['"Austin, TX"', '"Boston, MA"', "Denver", "Miami", '"Portland, OR"', "Seattle"]
with open(path, "w") as f:
    f.write("id,age,city,score,spend,note,label\n")
    for i in range(n):
        f.write("%d,%d,%s,%.4f,%.2f,%s,%d\n" % (i, r.randint(18, 90), r.choice(cities),
                r.random(), r.uniform(0, 500), r.choice(["", "vip", '"said ""hi"""', "x"]),
                r.random() < 0.1))
PY
cat > "$work/pandas_split.py" <<'PY'
import sys
import pandas as pd
from sklearn.model_selection import train_test_split
src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src)
if sys.argv[3] == "shuffle":
    df.sample(frac=1, random_state=101).to_csv(out + "/data.test.csv", index=False)
else:
    train, test = train_test_split(df, test_size=0.2, random_state=101)
    train.to_csv(out + "/data.train.csv", index=False)
    test.to_csv(out + "/data.test.csv", index=False)
PY
mkdir -p "$work/go" "$work/py"
echo "rows: $rows ($(du -h "$work/data.csv" | cut -f1)), runs: $runs"

if [ "$job" = shuffle ]; then
	# The shuffled file takes the test file's name so that one check serves both jobs.
	gocmd="$work/splitter shuffle --seed 101 --no-manifest $work/data.csv -o $work/go/data.test.csv"
else
	gocmd="$work/splitter --seed 101 --test 0.2 --out-dir $work/go $work/data.csv"
fi
echo "job: $job" >&2
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/times.json" \
	-n splitter "$gocmd" \
	-n pandas+sklearn "/usr/bin/python3 $work/pandas_split.py $work/data.csv $work/py $job" >&2

# The two must agree (pandas re-formats fields, so compare the id column).
cmp <(cut -d, -f1 "$work/go/data.test.csv") <(cut -d, -f1 "$work/py/data.test.csv") >/dev/null ||
	{ echo "splitter and pandas disagree on the test rows" >&2; exit 1; }

/usr/bin/python3 - "$work/times.json" <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
g, p = res["splitter"], res["pandas+sklearn"]
print("median wall splitter:       %.3f s" % g["median"])
print("median wall pandas+sklearn: %.3f s" % p["median"])
print("ratio of medians (pandas / splitter): %.1fx" % (p["median"] / g["median"]))
# CPU time is less sensitive to a busy machine than wall time.
gc, pc = g["user"] + g["system"], p["user"] + p["system"]
print("mean CPU (user+sys) splitter: %.3f s, pandas+sklearn: %.3f s, ratio %.1fx" % (gc, pc, pc / gc))
PY
