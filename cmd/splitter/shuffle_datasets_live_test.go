package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/recipe"
)

// datasetsShuffleScript returns, for each case, the rows in the order
// Hugging Face's Dataset.shuffle(seed) selects them: its own code is
// select(indices=np.random.default_rng(seed).permutation(len(self)))
// (datasets is not installable here, so the permutation is drawn as it
// draws it).
const datasetsShuffleScript = `
import json, sys
import numpy as np
print(json.dumps([np.random.default_rng(c["seed"]).permutation(c["n"]).tolist() for c in json.load(sys.stdin)]))
`

// TestShuffleDatasetsLive: `splitter shuffle --compat datasets` writes
// the rows in default_rng(seed).permutation's order (seeds up to 2**64-1:
// default_rng takes any integer >= 0), and the manifest's Python, run by
// Python, makes the same order.
func TestShuffleDatasetsLive(t *testing.T) {
	oracle.Require(t, "numpy", "pandas")
	r := oracle.Rand(t)
	type hfCase struct {
		N    int    `json:"n"`
		Seed uint64 `json:"seed"`
	}
	var cases []hfCase
	for i := range 6 {
		c := hfCase{N: 1 + r.IntN(400), Seed: uint64(r.IntN(1 << 20))}
		if i%2 == 1 {
			c.Seed = r.Uint64()
		}
		cases = append(cases, c)
	}
	var want [][]int64
	oracle.RunJSON(t, datasetsShuffleScript, cases, &want)
	var codes []string
	for i, c := range cases {
		dir := t.TempDir()
		var b strings.Builder
		b.WriteString("id,v\n")
		for j := range c.N {
			fmt.Fprintf(&b, "%d,%d\n", j, r.IntN(1000))
		}
		data := filepath.Join(dir, "data.csv")
		if err := os.WriteFile(data, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		seed := strconv.FormatUint(c.Seed, 10)
		mustRun(t, dir, "shuffle", "--compat", "datasets", "--seed", seed, "data.csv", "-o", "out.csv")
		if ids := csvIDs(t, filepath.Join(dir, "out.csv")); !slices.Equal(ids, want[i]) {
			t.Errorf("%+v: rows in another order than default_rng(seed).permutation", c)
		}
		m, err := audit.ReadManifest(filepath.Join(dir, "out.shuffle.json"))
		if err != nil {
			t.Fatal(err)
		}
		if m.Recipe.Call != recipe.DatasetsShuffle {
			t.Errorf("%+v: manifest call %q", c, m.Recipe.Call)
		}
		codes = append(codes, strings.ReplaceAll(m.Python, "pd.read_csv(", "pd.read_csv("+strconv.Quote(dir)+" + '/' + "))
	}
	var ran [][][]int64
	oracle.RunJSON(t, explainRunScript, codes, &ran)
	for i, c := range cases {
		if len(ran[i]) != 1 || !slices.Equal(ran[i][0], want[i]) {
			t.Errorf("%+v: the manifest's Python makes another order:\n%s", c, codes[i])
		}
	}
}
