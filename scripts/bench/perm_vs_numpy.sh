#!/bin/sh
# Side-by-side timing of a 10_000_000 permutation: splitter's rng (Go
# benchmark, one iteration per round) versus numpy's (/usr/bin/python3),
# alternating rounds on the same machine so that background load hits both
# alike. Prints both medians and the ratio numpy/Go (> 1 means Go is faster).
#   scripts/bench/perm_vs_numpy.sh [--generator] [ROUNDS] [N]
# Without --generator: RandomState(s).permutation(N) against
# rng.RandomState.Permutation. With --generator (genperm_vs_numpy.sh):
# default_rng(s).permutation(N) against rng.Generator.Permutation, after
# checking that both produce the same permutation (SHA-256 of the int64
# values).
set -eu
if [ "${1:-}" = --generator ]; then
	shift
	BENCH=GeneratorPermutation NENV=SPLITTER_GENPERM_N
	NPRNG=np.random.default_rng GOCALL=Generator.Permutation
	TITLE="default_rng(s).permutation"
else
	BENCH=LegacyPermutation NENV=SPLITTER_PERM_N
	NPRNG=np.random.RandomState GOCALL=RandomState.Permutation
	TITLE="permutation"
fi
ROUNDS=${1:-9}
N=${2:-10000000}
cd "$(dirname "$0")/../.."
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
go test -c -o "$TMP/rng.test" ./rng/ >/dev/null
PY=${SPLITTER_PYTHON:-/usr/bin/python3}
SAME=
if [ "$BENCH" = GeneratorPermutation ]; then
	# same output first
	GOSUM=$(env "$NENV=$N" "$TMP/rng.test" -test.run '^$' -test.bench '^BenchmarkGeneratorPermutationSum$' -test.benchtime 1x | awk '/sha256=/ {sub(/.*sha256=/, ""); print $1}')
	NPSUM=$("$PY" -c "
import hashlib, numpy as np
p = np.random.default_rng(0).permutation($N)
print(hashlib.sha256(p.astype('<i8').tobytes()).hexdigest())")
	if [ "$GOSUM" != "$NPSUM" ]; then
		echo "MISMATCH: Go $GOSUM numpy $NPSUM" >&2
		exit 1
	fi
	SAME=", outputs identical"
fi
i=0
while [ "$i" -lt "$ROUNDS" ]; do
	env "$NENV=$N" "$TMP/rng.test" -test.run '^$' -test.bench "^Benchmark${BENCH}N\$" -test.benchtime 1x |
		awk "/^Benchmark${BENCH}N/ {print \$3/1e9}" >>"$TMP/go"
	"$PY" -c "
import time, numpy as np
r = $NPRNG($i)
t = time.perf_counter(); r.permutation($N); print(time.perf_counter() - t)" >>"$TMP/np"
	i=$((i + 1))
done
"$PY" - "$TMP/go" "$TMP/np" "$N" "$ROUNDS" "$TITLE" "$GOCALL" "$SAME" <<'PYEOF'
import statistics, sys, numpy
g = [float(x) for x in open(sys.argv[1])]
n = [float(x) for x in open(sys.argv[2])]
mg, mn = statistics.median(g), statistics.median(n)
print(f"{sys.argv[5]}({sys.argv[3]}), {sys.argv[4]} alternating rounds{sys.argv[7]}")
print(f"  Go  {sys.argv[6]:<25} median {mg*1e3:8.1f} ms  (min {min(g)*1e3:.1f})")
print(f"  numpy {numpy.__version__} permutation  median {mn*1e3:8.1f} ms  (min {min(n)*1e3:.1f})")
print(f"  ratio numpy/Go = {mn/mg:.2f}")
PYEOF
