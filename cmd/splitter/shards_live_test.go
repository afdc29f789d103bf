package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// shardCase is one case drawn by testdata/live_shards.py: a sharded
// dataset, the command line, and the outputs Python's rows make.
type shardCase struct {
	Args    []string          `json:"args"`
	Dir     string            `json:"dir"`
	OutDir  string            `json:"outdir"`
	Error   *string           `json:"error"`
	Outputs map[string]string `json:"outputs"` // output path → file of its expected bytes
	Rows    int               `json:"rows"`
	Shards  int               `json:"shards"`
}

// TestShardsLive runs random commands on random sharded datasets (a
// directory, a glob or a list; quoted newlines, CRLF, BOM, a last line
// without its end, empty and gzipped shards) and compares every output
// byte for byte with the rows pd.concat([pd.read_csv(f) for f in files],
// ignore_index=True) and the live scikit-learn or pandas call give; each
// manifest must verify.
func TestShardsLive(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "pandas", "sklearn")
	r := oracle.Rand(t)
	root := t.TempDir()
	var cases []shardCase
	oracle.RunJSON(t, oracle.Script(t, "testdata/live_shards.py"), map[string]any{"dir": root, "seed": r.Int64(), "count": 40}, &cases)
	failed := 0
	for _, c := range cases {
		if !checkShardCase(t, c) {
			failed++
		}
		if failed > 3 {
			t.Fatal("too many failures")
		}
	}
	t.Logf("%d sharded cases compared with pandas/scikit-learn", len(cases))
}

func checkShardCase(t *testing.T, c shardCase) bool {
	t.Helper()
	name := "splitter " + strings.Join(c.Args, " ")
	before := filesUnder(t, c.Dir)
	res := runBin(t, "", c.Args...)
	if c.Error != nil {
		if res.code != 2 || bytes.Count(res.stderr, []byte("\n")) != 1 {
			t.Errorf("%s: exit %d, stderr %q; Python raises %s", name, res.code, res.stderr, *c.Error)
			return false
		}
		if after := filesUnder(t, c.Dir); len(after) != len(before) {
			t.Errorf("%s: failed but wrote files", name)
			return false
		}
		return true
	}
	if res.code != 0 {
		t.Errorf("%s: exit %d: %s", name, res.code, res.stderr)
		return false
	}
	for out, exp := range c.Outputs {
		got, err := readMaybeGzip(out)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return false
		}
		want, err := os.ReadFile(exp)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s (%d rows in %d shards): %s differs from Python at byte %d\n got %.200q\nwant %.200q", name, c.Rows, c.Shards, out, firstDiff(got, want), got, want)
			return false
		}
	}
	ms, _ := filepath.Glob(filepath.Join(c.OutDir, "*.json"))
	if len(ms) != 1 {
		t.Errorf("%s: manifests %v, want one", name, ms)
		return false
	}
	if v := runBin(t, "", "verify", ms[0]); v.code != 0 {
		t.Errorf("%s: verify %s: exit %d: %s", name, ms[0], v.code, v.stderr)
		return false
	}
	return true
}
