#!/usr/bin/env bash
# Seeds per second of `splitter explain` (train_test_split recipes) against
# the obvious Python search (RandomState(s).permutation(n) for each seed,
# compared with the test rows' positions), on a 10,000-row 80/20 split
# whose seed lies outside the range searched. Prints each side's median
# seeds/s, the ratio, and the time 2**32 seeds take at splitter's median.
#
# Usage: scripts/bench/explain_seeds.sh [RUNS] [SEEDS] [PYSEEDS]
#   RUNS     runs per side (default 5)
#   SEEDS    seeds per splitter run (default 16777216 = 2**24)
#   PYSEEDS  seeds per Python run (default 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5} seeds=${2:-16777216} pyseeds=${3:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/splitter" ./cmd/splitter

/usr/bin/python3 - "$work/data.csv" <<'PY'
import random, sys
r = random.Random(1)
with open(sys.argv[1], "w") as f:
    f.write("id,x,label\n")
    for i in range(10000):
        f.write("%d,%.7f,c%d\n" % (i, r.random(), r.randrange(5)))
PY
"$work/splitter" --seed 4000000000 --test 0.2 --no-manifest --out-dir "$work" "$work/data.csv"

now() { date +%s%N; }
: > "$work/go.txt"; : > "$work/py.txt"
for ((i = 0; i < runs; i++)); do
	t0=$(now)
	if "$work/splitter" explain --compat sklearn --seeds "0-$((seeds - 1))" \
		"$work/data.csv" "$work/data.train.csv" "$work/data.test.csv" > /dev/null 2>&1; then
		echo "unexpected match" >&2; exit 1
	fi
	t1=$(now)
	echo "$seeds / (($t1 - $t0) / 1000000000)" | bc -l >> "$work/go.txt"
	/usr/bin/python3 - "$work" "$pyseeds" >> "$work/py.txt" <<'PY'
import sys, time
import numpy as np, pandas as pd
work, k = sys.argv[1], int(sys.argv[2])
df = pd.read_csv(work + "/data.csv")
test = pd.read_csv(work + "/data.test.csv")["id"].to_numpy()  # id == row number
t0 = time.perf_counter()
for s in range(k):
    p = np.random.RandomState(s).permutation(len(df))
    if np.array_equal(p[: len(test)], test):
        sys.exit("unexpected match")
print(k / (time.perf_counter() - t0))
PY
done
median() { sort -g "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mg=$(median "$work/go.txt") mp=$(median "$work/py.txt")
printf 'splitter explain: median %.0f seeds/s (%d seeds a run, %d runs, %d cores)\n' "$mg" "$seeds" "$runs" "$(nproc)"
printf 'python loop:      median %.0f seeds/s (%d seeds a run)\n' "$mp" "$pyseeds"
printf 'ratio %.0fx; 2**32 seeds at the median: %.0f s\n' "$(echo "$mg / $mp" | bc -l)" "$(echo "4294967296 / $mg" | bc -l)"
