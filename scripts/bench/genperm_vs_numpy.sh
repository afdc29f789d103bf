#!/bin/sh
# Side-by-side timing of numpy.random.default_rng(s).permutation(10_000_000)
# against rng.Generator.Permutation, after checking both give the same
# permutation: perm_vs_numpy.sh --generator.
#   scripts/bench/genperm_vs_numpy.sh [ROUNDS] [N]
exec "$(dirname "$0")/perm_vs_numpy.sh" --generator "$@"
