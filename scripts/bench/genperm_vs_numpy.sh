#!/bin/sh
# Side-by-side timing of numpy.random.default_rng(s).permutation(10_000_000):
# splitter's rng.Generator.Permutation (Go benchmark, one iteration per
# round) versus numpy's (/usr/bin/python3), alternating rounds on the same
# machine so that background load hits both alike. Before timing, it checks
# that both produce the same permutation (SHA-256 of the int64 values).
# Prints both medians and the ratio numpy/Go (> 1 means Go is faster).
#   scripts/bench/genperm_vs_numpy.sh [ROUNDS] [N]
set -eu
ROUNDS=${1:-9}
N=${2:-10000000}
cd "$(dirname "$0")/../.."
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
go test -c -o "$TMP/rng.test" ./rng/ >/dev/null
PY=${SPLITTER_PYTHON:-/usr/bin/python3}
# same output first
GOSUM=$(SPLITTER_GENPERM_N=$N "$TMP/rng.test" -test.run '^$' -test.bench '^BenchmarkGeneratorPermutationSum$' -test.benchtime 1x | awk '/sha256=/ {sub(/.*sha256=/, ""); print $1}')
NPSUM=$("$PY" -c "
import hashlib, numpy as np
p = np.random.default_rng(0).permutation($N)
print(hashlib.sha256(p.astype('<i8').tobytes()).hexdigest())")
if [ "$GOSUM" != "$NPSUM" ]; then
	echo "MISMATCH: Go $GOSUM numpy $NPSUM" >&2
	exit 1
fi
i=0
while [ "$i" -lt "$ROUNDS" ]; do
	SPLITTER_GENPERM_N=$N "$TMP/rng.test" -test.run '^$' -test.bench '^BenchmarkGeneratorPermutationN$' -test.benchtime 1x |
		awk '/^BenchmarkGeneratorPermutationN/ {print $3/1e9}' >>"$TMP/go"
	"$PY" -c "
import time, numpy as np
g = np.random.default_rng($i)
t = time.perf_counter(); g.permutation($N); print(time.perf_counter() - t)" >>"$TMP/np"
	i=$((i + 1))
done
"$PY" - "$TMP/go" "$TMP/np" "$N" "$ROUNDS" <<'PYEOF'
import statistics, sys, numpy
g = [float(x) for x in open(sys.argv[1])]
n = [float(x) for x in open(sys.argv[2])]
mg, mn = statistics.median(g), statistics.median(n)
print(f"default_rng(s).permutation({sys.argv[3]}), {sys.argv[4]} alternating rounds, outputs identical")
print(f"  Go  Generator.Permutation     median {mg*1e3:8.1f} ms  (min {min(g)*1e3:.1f})")
print(f"  numpy {numpy.__version__} permutation  median {mn*1e3:8.1f} ms  (min {min(n)*1e3:.1f})")
print(f"  ratio numpy/Go = {mn/mg:.2f}")
PYEOF
