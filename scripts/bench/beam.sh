#!/usr/bin/env bash
# Times one split three ways on the same dataset and checks they agree:
#   cli    splitter --seed 101 --test 0.2 --stratify label --shards 4 on
#          the one file data.csv (the single-machine CLI);
#   beam   beam/cmd/splitbeam with the same flags on data/ (10 shards),
#          run on the Prism runner in process on this machine.
# Each side runs RUNS times, interleaved; the medians and the ratio
# beam/cli are printed. The outputs must be byte-identical (cmp).
#
# Usage: scripts/bench/beam.sh [ROWS] [RUNS]   (default 10000000 rows, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-10000000} runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOFLAGS=-buildvcs=false
go build -o "$work/splitter" ./cmd/splitter
(cd beam && go build -o "$work/splitbeam" ./cmd/splitbeam)

/usr/bin/python3 - "$rows" "$work" <<'PY'
import os, random, sys
n, work = int(sys.argv[1]), sys.argv[2]
r = random.Random(1)
os.mkdir(os.path.join(work, "data"))
head = "id,x,y,label,text\n"
shards = 10
with open(os.path.join(work, "data.csv"), "w") as whole:
    whole.write(head)
    for s in range(shards):
        with open(os.path.join(work, "data", "part-%05d.csv" % s), "w") as f:
            f.write(head)
            for i in range(s * n // shards, (s + 1) * n // shards):
                text = '"a, ""quoted""\nline %d"' % i if i % 97 == 0 else "t%d" % i
                line = "%d,%.7f,%.7f,c%d,%s\n" % (i, r.random() * 100, r.random(), r.randrange(5), text)
                f.write(line)
                whole.write(line)
PY
du -sh "$work/data.csv" | sed 's/^/input: /'
flags=(--seed 101 --test 0.2 --stratify label --shards 4)

time_ms() { # time_ms CMD... -> milliseconds on stdout
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}
cli=() beam=()
for ((i = 0; i < runs; i++)); do
	rm -rf "$work/cli" "$work/beam"
	cli+=("$(time_ms "$work/splitter" "${flags[@]}" --out-dir "$work/cli" "$work/data.csv")")
	beam+=("$(time_ms "$work/splitbeam" "${flags[@]}" --out-dir "$work/beam" "$work/data")")
done
for f in "$work"/cli/*.csv; do cmp "$f" "$work/beam/$(basename "$f")"; done
echo "outputs identical: $(ls "$work"/cli/*.csv | wc -l) files"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mc=$(median "${cli[@]}") mb=$(median "${beam[@]}")
echo "rows=$rows runs=$runs cores=$(nproc)"
echo "cli (one file):       median ${mc} ms  (${cli[*]})"
echo "beam/prism (10 shards): median ${mb} ms  (${beam[*]})"
awk -v a="$mb" -v b="$mc" 'BEGIN {printf "beam/cli: %.2fx\n", a / b}'
