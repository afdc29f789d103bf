#!/usr/bin/env bash
# Compares the whole-process wall time of `splitter --seed 101 --test 0.2
# data.csv` (manifest included) between two revisions on one 1M-row CSV
# (33 MB, in the page cache), runs interleaved so both see the same load,
# and prints each side's median and the ratio NEW/OLD.
#
# Usage: scripts/bench/compare_commits.sh OLD NEW [RUNS] [ROWS]
#   OLD, NEW  git revisions (NEW may be "." for the working tree)
#   RUNS      runs per side (default 21); ROWS rows (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
old=$1 new=$2 runs=${3:-21} rows=${4:-1000000}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/src-old" >/dev/null 2>&1 || true; git worktree remove --force "$work/src-new" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

export CGO_ENABLED=0 # as README and docs/cli.md build it: static, not linked to libc
build() { # build REV OUT
	if [ "$1" = "." ]; then go build -o "$2" ./cmd/splitter; return; fi
	git worktree add --detach -q "$work/src-$3" "$1"
	(cd "$work/src-$3" && go build -o "$2" ./cmd/splitter)
}
build "$old" "$work/old" old
build "$new" "$work/new" new

/usr/bin/python3 - "$rows" "$work/data.csv" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
r = random.Random(1)
with open(path, "w") as f:
    f.write("id,x,y,label\n")
    for i in range(n):
        f.write("%d,%.7f,%.7f,c%d\n" % (i, r.random() * 100, r.random(), r.randrange(5)))
PY
cat "$work/data.csv" > /dev/null

time_one() { # time_one BIN -> microseconds
	rm -rf "$work/out"
	local t0 t1
	t0=$(date +%s%N)
	"$1" --seed 101 --test 0.2 --out-dir "$work/out" "$work/data.csv"
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000))
}
: > "$work/old.txt"; : > "$work/new.txt"
for _ in 1 2; do time_one "$work/old" > /dev/null; time_one "$work/new" > /dev/null; done # warm up
for ((i = 0; i < runs; i++)); do
	if ((i % 2)); then
		time_one "$work/old" >> "$work/old.txt"; time_one "$work/new" >> "$work/new.txt"
	else
		time_one "$work/new" >> "$work/new.txt"; time_one "$work/old" >> "$work/old.txt"
	fi
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mo=$(median "$work/old.txt") mn=$(median "$work/new.txt")
printf 'rows %d, %d runs each, interleaved\n' "$rows" "$runs"
printf 'old %-12s median %8.1f ms\n' "$old" "$(echo "$mo / 1000" | bc -l)"
printf 'new %-12s median %8.1f ms\n' "$new" "$(echo "$mn / 1000" | bc -l)"
printf 'new/old %.3f\n' "$(echo "$mn / $mo" | bc -l)"
