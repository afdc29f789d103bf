#!/bin/bash
# Writes the Parquet writer version 1 golden files: a small Parquet input
# and the outputs and manifests of a split and a kfold run on it, made by
# splitter at commit 00f0034, the last commit before Parquet writer
# versions were recorded in manifests (its manifests have no
# parquet_writer field: they are what earlier releases left on disk).
# Tests check that today's splitter still verifies them.
#
# Usage (from anywhere in the repository): bash testdata/parquet-v1/make.sh
set -euo pipefail
export GOFLAGS=-buildvcs=false
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
old=00f003445cfebf0194c9ea9d3efab010d7e83939
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$repo" archive "$old" | tar -x -C "$tmp"
(cd "$tmp" && go build -o "$tmp/splitter" ./cmd/splitter && go build -o "$tmp/csv2parquet" ./scripts/bench/csv2parquet)
# The benchmark table's rows (scripts/bench/table.py), 2000 of them.
/usr/bin/python3 - "$tmp/data.csv" <<'PY'
import random, sys
r = random.Random(1)
with open(sys.argv[1], "w") as f:
    f.write("id,x,y,label\n")
    for i in range(2000):
        f.write("%d,%.7f,%.7f,c%d\n" % (i, r.random() * 100, r.random(), r.randrange(5)))
PY
rm -f "$here"/*.parquet "$here"/*.json
"$tmp/csv2parquet" "$tmp/data.csv" "$here/data.parquet"
cd "$here"
"$tmp/splitter" split -q --seed 101 --test 0.2 data.parquet
"$tmp/splitter" kfold -q --folds 3 --seed 7 data.parquet
ls -l "$here"
