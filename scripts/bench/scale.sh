#!/usr/bin/env bash
# Scale benchmark (issue 9): builds 1M- and 10M-row CSVs (about 33 MB per
# million rows) and reports, side by side on this machine, the median wall
# time and median peak RSS (/usr/bin/time -f %M, file in page cache) of
#   splitter        splitter --seed 101 --test 0.2 data.csv (manifest included)
#   pandas+sklearn  read_csv + train_test_split(test_size=0.2, random_state=101)
#                   + to_csv of both parts (/usr/bin/python3)
#   shuf            GNU shuf data.csv -o out (not CSV-aware, not exact)
#   mlr             mlr --csv shuffle data.csv > out
#   cat             cat data.csv > out (the floor: one read, one write)
# (interleaved: each round runs every tool once on every size) and the ratios against
# splitter, the cost of 10x the rows, and the issue's
# targets (>= 20x faster than pandas+sklearn, faster than shuf, <= 48 MB peak
# RSS at 1M rows, 10x rows <= 10.5x time).
#
# Usage: scripts/bench/scale.sh [RUNS] [SIZES]
#   RUNS   runs per tool and size for the fast tools (default 5); pandas and
#          mlr get max(1, RUNS/2) at 1M rows and 1 run at 10M rows
#   SIZES  row counts, comma separated (default 1000000,10000000)
# CPU (user + sys) is printed too: on a loaded machine wall times swing.
# SCALE_SKIP_SLOW=1 skips pandas and mlr at 10M rows (they need minutes and
# several GB of memory there).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
sizes=${2:-1000000,10000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/splitter" ./cmd/splitter

cat > "$work/gen.py" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
r = random.Random(1)
with open(path, "w") as f:
    f.write("id,x,y,label\n")
    buf = []
    for i in range(n):
        buf.append("%d,%.7f,%.7f,c%d\n" % (i, r.random() * 100, r.random(), r.randrange(5)))
        if len(buf) == 100000:
            f.write("".join(buf)); buf = []
    f.write("".join(buf))
PY
cat > "$work/pandas_split.py" <<'PY'
import sys
import pandas as pd
from sklearn.model_selection import train_test_split
src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src)
train, test = train_test_split(df, test_size=0.2, random_state=101)
train.to_csv(out + "/data.train.csv", index=False)
test.to_csv(out + "/data.test.csv", index=False)
PY

results="$work/results.tsv"
: >"$results"

# once NAME ROWS OUTPUTS CMD...: runs CMD once and appends "name rows wall_s
# maxrss_kb user_s sys_s". OUTPUTS (a glob) is removed first, so no tool is
# timed deleting its previous run's output (about 0.2 s at 10M rows). Wall
# time is read from bash's EPOCHREALTIME (microseconds; /usr/bin/time's %e
# has 10 ms steps, 6% of a 1M-row split).
once() {
	local name=$1 rows=$2 outputs=$3
	shift 3
	rm -f $outputs
	local t0=$EPOCHREALTIME
	/usr/bin/time -o "$work/time.txt" -f "%M %U %S" "$@" >/dev/null 2>"$work/err.txt" ||
		{ echo "$name failed:" >&2; cat "$work/err.txt" >&2; exit 1; }
	local t1=$EPOCHREALTIME
	printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rows" "$round" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')" \
		"$(tr ' ' '\t' <"$work/time.txt")" >>"$results"
}

IFS=, read -ra rowlist <<<"$sizes"
for rows in "${rowlist[@]}"; do
	/usr/bin/python3 "$work/gen.py" "$rows" "$work/data$rows.csv"
	echo "rows: $rows ($(du -m "$work/data$rows.csv" | cut -f1) MB)" >&2
done
mkdir -p "$work/go" "$work/py"
# Interleaved: each round runs every tool once on every size, so a change
# in the machine's load during the benchmark hits all tools and sizes alike
# (the cost of 10x the rows compares runs of the same rounds).
for ((round = 0; round < runs; round++)); do
	for rows in "${rowlist[@]}"; do
		data="$work/data$rows.csv"
		cat "$data" >/dev/null # page cache
		slow=$((runs / 2 > 0 ? runs / 2 : 1))
		if ((rows > 2000000)); then slow=1; fi
		if [[ ${SCALE_SKIP_SLOW:-} == 1 && $rows -gt 2000000 ]]; then slow=0; fi
		once cat "$rows" "$work/cat.csv" sh -c "cat '$data' > '$work/cat.csv'"
		once splitter "$rows" "$work/go/*" "$work/splitter" --seed 101 --test 0.2 --out-dir "$work/go" "$data"
		once shuf "$rows" "$work/shuf.csv" shuf "$data" -o "$work/shuf.csv"
		if ((round < slow)); then
			once pandas+sklearn "$rows" "$work/py/*" /usr/bin/python3 "$work/pandas_split.py" "$data" "$work/py"
			once mlr "$rows" "$work/mlr.csv" sh -c "mlr --csv shuffle '$data' > '$work/mlr.csv'"
			# Same rows, same order (pandas re-formats fields: compare ids).
			cmp <(cut -d, -f1 "$work/go/data$rows.test.csv") <(cut -d, -f1 "$work/py/data.test.csv") >/dev/null ||
				{ echo "splitter and pandas disagree on the test rows" >&2; exit 1; }
		fi
		rm -f "$work"/cat.csv "$work"/shuf.csv "$work"/mlr.csv "$work"/go/* "$work"/py/*
	done
done
rm -f "$work"/data*.csv

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$results" <<'PY'
import sys, statistics as st
rows, walls = {}, {}
for line in open(sys.argv[1]):
    name, n, rnd, wall, rss, user, sys_ = line.split("\t")
    rows.setdefault((name, int(n)), []).append((float(wall), int(rss), float(user) + float(sys_)))
    walls.setdefault((name, int(n)), {})[int(rnd)] = float(wall)
sizes = sorted({n for _, n in rows})
tools = ["splitter", "pandas+sklearn", "shuf", "mlr", "cat"]
med = {k: (st.median(x[0] for x in v), st.median(x[1] for x in v) / 1024, len(v), st.median(x[2] for x in v)) for k, v in rows.items()}
print("%-15s %10s %10s %10s %11s %5s %16s" % ("tool", "rows", "wall (s)", "CPU (s)", "peak RSS MB", "runs", "wall / splitter"))
for n in sizes:
    g = med.get(("splitter", n))
    for t in tools:
        if (t, n) not in med:
            continue
        w, r, k, c = med[(t, n)]
        print("%-15s %10d %10.3f %10.3f %11.1f %5d %15.2fx" % (t, n, w, c, r, k, w / g[0] if g else float("nan")))
print()
for n in sizes:
    g = med.get(("splitter", n))
    if not g:
        continue
    p, s = med.get(("pandas+sklearn", n)), med.get(("shuf", n))
    line = ["%d rows:" % n]
    if p: line.append("pandas+sklearn / splitter = %.1fx (target >= 20x)" % (p[0] / g[0]))
    if s: line.append("shuf / splitter = %.2fx (target > 1)" % (s[0] / g[0]))
    line.append("splitter peak RSS %.1f MB (target <= 48 MB at 1M rows)" % g[1])
    print("  ".join(line))
if len(sizes) > 1:
    a, b = sizes[0], sizes[-1]
    ga, gb = med.get(("splitter", a)), med.get(("splitter", b))
    if ga and gb:
        wa, wb = walls[("splitter", a)], walls[("splitter", b)]
        paired = st.median(wb[r] / wa[r] for r in wa if r in wb)
        print("splitter %dx rows costs %.2fx the time: ratio of the medians; %.2fx: median of the %d rounds' ratios (target <= %.1fx)"
              % (b // a, gb[0] / ga[0], paired, len(wa), 1.05 * b / a))
PY
