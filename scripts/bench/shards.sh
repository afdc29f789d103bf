#!/usr/bin/env bash
# Sharded-input benchmark (issue 19): one dataset of ROWS rows (about 33 MB
# per million rows) written both as one CSV file and as SHARDS CSV shards
# (each with its header) in a directory, then split side by side,
# interleaved (each round runs both once), manifest included:
#   single   splitter --seed 101 --test 0.2 data.csv
#   sharded  splitter --seed 101 --test 0.2 shards/   (the same rows, in SHARDS files)
# It checks that both write the same bytes, and prints the median wall time
# and median CPU time (user + sys: the machine may be loaded) of each, and
# the ratio sharded / single against the issue's target (<= 1.1).
#
# Usage: scripts/bench/shards.sh [RUNS] [ROWS] [SHARDS]
#   RUNS    runs of each (default 5)
#   ROWS    rows in all (default 10000000)
#   SHARDS  shards (default 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
rows=${2:-10000000}
shards=${3:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/splitter" ./cmd/splitter

cat > "$work/gen.py" <<'PY'
import random, sys
n, k, path, shard_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
r = random.Random(1)
head = "id,x,y,label\n"
per = (n + k - 1) // k
with open(path, "w") as f:
    f.write(head)
    for s in range(k):
        lo, hi = s * per, min(n, (s + 1) * per)
        body = "".join("%d,%.7f,%.7f,c%d\n" % (i, r.random() * 100, r.random(), r.randrange(5)) for i in range(lo, hi))
        f.write(body)
        with open("%s/part-%05d.csv" % (shard_dir, s), "w") as g:
            g.write(head + body)
PY
mkdir "$work/shards" "$work/o1" "$work/o2"
/usr/bin/python3 "$work/gen.py" "$rows" "$shards" "$work/data.csv" "$work/shards"
echo "rows: $rows in 1 file ($(du -m "$work/data.csv" | cut -f1) MB) and in $shards shards" >&2

results="$work/results.tsv"
: >"$results"
# once NAME OUTDIR INPUT: one run, appending "name wall_s cpu_s".
once() {
	rm -f "$2"/*
	local t0=$EPOCHREALTIME
	/usr/bin/time -o "$work/time.txt" -f "%U %S" "$work/splitter" --seed 101 --test 0.2 --out-dir "$2" "$3" >/dev/null
	local t1=$EPOCHREALTIME
	awk -v n="$1" -v a="$t0" -v b="$t1" '{ printf "%s\t%.4f\t%.4f\n", n, b - a, $1 + $2 }' "$work/time.txt" >>"$results"
}
cat "$work/data.csv" "$work"/shards/* >/dev/null # page cache
for ((round = 0; round < runs; round++)); do
	once single "$work/o1" "$work/data.csv"
	once sharded "$work/o2" "$work/shards"
done
cmp "$work/o1/data.train.csv" "$work/o2/shards.train.csv"
cmp "$work/o1/data.test.csv" "$work/o2/shards.test.csv"
echo "outputs: identical bytes" >&2

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
for name in single sharded; do
	w=$(awk -v n=$name '$1 == n { print $2 }' "$results" | median)
	c=$(awk -v n=$name '$1 == n { print $3 }' "$results" | median)
	printf '%-8s median wall %7.3f s   median CPU %7.3f s   (%d runs)\n' "$name" "$w" "$c" "$runs"
	eval "${name}_w=$w ${name}_c=$c"
done
awk -v sw="$single_w" -v hw="$sharded_w" -v sc="$single_c" -v hc="$sharded_c" 'BEGIN {
	printf "sharded / single: wall %.3fx, CPU %.3fx (target <= 1.1x)\n", hw / sw, hc / sc }'
