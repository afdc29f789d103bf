package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/splitter-dev/splitter/internal/oracle"
)

func TestExplainFindsSplitterSplits(t *testing.T) {
	dir, data := auditData(t)
	mustRun(t, dir, "--seed", "12345", "--test", "0.25", "--no-manifest", data)
	train, test := filepath.Join(dir, "data.train.csv"), filepath.Join(dir, "data.test.csv")
	r := mustRun(t, dir, "explain", "--seeds", "12000-13000", data, train, test)
	if !strings.Contains(string(r.stdout), "seed 12345: ") || !strings.Contains(string(r.stdout), "random_state=12345)") {
		t.Errorf("stdout %q lacks seed 12345", r.stdout)
	}
	// Train and test exchanged: no recipe makes that.
	r = runBin(t, dir, "explain", "--seeds", "0-20000", data, test, train)
	if r.code != 1 || len(r.stdout) != 0 || !strings.HasPrefix(string(r.stderr), "splitter: ") ||
		!strings.Contains(string(r.stderr), "\n  sizes 15 + 45 of 60: train_test_split(test_size=0.75)") {
		t.Errorf("exchanged files: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// A row the data does not hold.
	editLines(t, test, func(l []string) []string { l[0] = "1000,1,1\n"; return l })
	if r := runBin(t, dir, "explain", "--seeds", "12000-13000", data, train, test); r.code != 1 {
		t.Errorf("foreign row: exit %d, stdout %q", r.code, r.stdout)
	}
	for _, bad := range []string{"5", "9-3", "a-b", "-1-5"} {
		if r := runBin(t, dir, "explain", "--seeds", bad, data, train, test); r.code == 0 || !strings.Contains(string(r.stderr), "--seeds") {
			t.Errorf("--seeds %s: exit %d, stderr %q", bad, r.code, r.stderr)
		}
	}
}

// explainLiveScript writes DATA, TRAIN and TEST files made by the real
// scikit-learn and pandas, one folder per case.
const explainLiveScript = `
import json, sys, os
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split
for c in json.load(sys.stdin):
    r = np.random.RandomState(c["gen"])
    n = c["n"]
    df = pd.DataFrame({"a": r.randint(0, c["distinct"], n), "label": r.randint(0, 3, n), "s": ["v%d" % v for v in r.randint(0, 50, n)]})
    df.to_csv(os.path.join(c["dir"], "data.csv"), index=False)
    kind, seed = c["kind"], c["seed"]
    if kind == "sklearn":
        tr, te = train_test_split(df, test_size=c["test"], random_state=seed)
    elif kind == "stratified":
        tr, te = train_test_split(df, test_size=c["test"], random_state=seed, stratify=df["label"])
    elif kind == "trainsize":
        tr, te = train_test_split(df, test_size=c["test"], train_size=c["train"], random_state=seed)
    else:
        tr = df.sample(frac=c["test"], random_state=seed)
        te = df.drop(tr.index)
    tr.to_csv(os.path.join(c["dir"], "train.csv"), index=False)
    te.to_csv(os.path.join(c["dir"], "test.csv"), index=False)
print("{}")
`

type explainLiveCase struct {
	Dir      string  `json:"dir"`
	Gen      int     `json:"gen"`
	N        int     `json:"n"`
	Distinct int     `json:"distinct"`
	Kind     string  `json:"kind"`
	Seed     uint32  `json:"seed"`
	Test     float64 `json:"test"`
	Train    int     `json:"train"`
	window   string
}

func TestExplainLive(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn")
	r := oracle.Rand(t)
	root := t.TempDir()
	kinds := []string{"sklearn", "stratified", "trainsize", "pandas", "sklearn", "pandas"}
	var cases []explainLiveCase
	for i, k := range kinds {
		c := explainLiveCase{Dir: filepath.Join(root, strconv.Itoa(i)), Gen: r.IntN(1 << 30), N: 30 + r.IntN(2000),
			Kind: k, Seed: uint32(r.IntN(1<<20 + 1)), Test: float64(1+r.IntN(9)) / 10, Distinct: 1 << 30}
		if i == 4 {
			c.Distinct = 20 // many duplicated rows
		}
		if k == "trainsize" {
			c.Test, c.Train = 0.1, 1+r.IntN(c.N/2)
		}
		lo := int64(c.Seed) - int64(r.IntN(2000))
		if lo < 0 {
			lo = 0
		}
		c.window = fmt.Sprintf("%d-%d", lo, lo+2000)
		if i == 0 {
			c.N, c.window = 10000, "" // one run over the whole default range
		}
		if err := os.MkdirAll(c.Dir, 0o777); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	var ignore map[string]any
	oracle.RunJSON(t, explainLiveScript, cases, &ignore)
	want := map[string]string{"sklearn": "train_test_split(df, test_size=", "stratified": `stratify=df['label']`, "trainsize": "train_size=", "pandas": "df.sample(frac="}
	for _, c := range cases {
		args := []string{"explain"}
		if c.window != "" {
			args = append(args, "--seeds", c.window)
		}
		args = append(args, filepath.Join(c.Dir, "data.csv"), filepath.Join(c.Dir, "train.csv"), filepath.Join(c.Dir, "test.csv"))
		res := runBin(t, "", args...)
		line := ""
		for _, l := range strings.Split(string(res.stdout), "\n") {
			if strings.HasPrefix(l, fmt.Sprintf("seed %d: ", c.Seed)) && strings.Contains(l, want[c.Kind]) {
				line = l
			}
		}
		if res.code != 0 || line == "" {
			t.Errorf("%+v: exit %d, stdout %q, stderr %q: the true recipe is missing", c, res.code, res.stdout, res.stderr)
			continue
		}
		t.Logf("%s n=%d: %s", c.Kind, c.N, line)
	}
}

// TestExplainProgressOnTerminal runs explain with stderr on a
// pseudo-terminal (Python's pty module): the seed count is drawn there,
// and the match still goes to stdout (the same terminal here).
func TestExplainProgressOnTerminal(t *testing.T) {
	dir, data := auditData(t)
	mustRun(t, dir, "--seed", "4242", "--test", "0.25", "--no-manifest", data)
	out, err := runOnPTY("explain", "--seeds", "0-400000", data,
		filepath.Join(dir, "data.train.csv"), filepath.Join(dir, "data.test.csv"))
	if err != nil {
		t.Fatalf("explain under a pty: %v: %q", err, out)
	}
	s := string(out)
	if !strings.Contains(s, "seeds") || !strings.Contains(s, "seed 4242: ") {
		t.Fatalf("no progress or no match on the terminal: %q", s)
	}
	// The bar is cleared before the match is printed: the match starts
	// its line (after the erase's carriage return), not after the bar.
	if before := s[:strings.Index(s, "seed 4242: ")]; before != "" && !strings.HasSuffix(before, "\r") && !strings.HasSuffix(before, "\n") {
		t.Fatalf("the match follows the bar on its line: %q", s)
	}
	res := mustRun(t, dir, "explain", "--seeds", "4000-5000", data, filepath.Join(dir, "data.train.csv"), filepath.Join(dir, "data.test.csv"))
	if len(res.stderr) != 0 {
		t.Fatalf("stderr on a pipe: %q", res.stderr)
	}
}

func TestExplainJSONLines(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 90; i++ {
		fmt.Fprintf(&b, "{\"a\":%d,\"b\":\"x%d\"}\n", i, i%4)
	}
	data := filepath.Join(dir, "d.jsonl")
	if err := os.WriteFile(data, []byte(b.String()), 0o666); err != nil {
		t.Fatal(err)
	}
	mustRun(t, dir, "--seed", "31337", "--test", "0.3", "--no-manifest", data)
	r := mustRun(t, dir, "explain", "--seeds", "31000-32000", data, filepath.Join(dir, "d.train.jsonl"), filepath.Join(dir, "d.test.jsonl"))
	if !strings.Contains(string(r.stdout), `seed 31337: df = pd.read_json(`) {
		t.Errorf("stdout %q", r.stdout)
	}
}

// TestExplainBrokenParquet: Parquet files are read (rows matched by
// value); a damaged one is an error naming it, not a CSV parse error.
func TestExplainBrokenParquet(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for _, n := range []string{"d.parquet", "d.train.parquet", "d.test.parquet"} {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte("PAR1"), 0o666); err != nil {
			t.Fatal(err)
		}
		names = append(names, p)
	}
	r := runBin(t, dir, append([]string{"explain", "--seeds", "0-10"}, names...)...)
	if r.code != 2 || !strings.Contains(string(r.stderr), "d.parquet") || strings.Contains(string(r.stderr), "line ") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestExplainInterrupted: SIGINT during a long search exits 130 naming the
// seeds searched so far.
func TestExplainInterrupted(t *testing.T) {
	dir, data := auditData(t)
	mustRun(t, dir, "--seed", "12345", "--test", "0.25", "--no-manifest", data)
	train, test := filepath.Join(dir, "data.train.csv"), filepath.Join(dir, "data.test.csv")
	cmd := exec.Command(splitterBin, "explain", "--seeds", "20000-4294967295", data, test, train)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	_, sent := signalWhen(t, cmd, syscall.SIGINT, func() bool { return time.Since(start) > 500*time.Millisecond })
	if !sent {
		t.Fatalf("the search ended before the signal: %q", stderr.Bytes())
	}
	re := regexp.MustCompile(`^splitter: interrupted; (searched seeds 20000\.\.\d+|no seed searched) of 20000\.\.4294967295\n$`)
	if code := cmd.ProcessState.ExitCode(); code != 130 || !re.Match(stderr.Bytes()) {
		t.Errorf("exit %d, stderr %q", code, stderr.Bytes())
	}
}

// TestExplainParquet: Parquet parts (a Hugging Face DatasetDict's
// to_parquet per split, here splitter's own outputs) are matched by value.
func TestExplainParquet(t *testing.T) {
	dir := t.TempDir()
	tbl := randomPQTable(rand.New(rand.NewPCG(5, 6)), 240)
	tbl.writeParquet(t, filepath.Join(dir, "d.parquet"), 70)
	mustRun(t, dir, "--seed", "777", "--test", "0.25", "--no-manifest", "d.parquet")
	r := mustRun(t, dir, "explain", "--seeds", "700-800", "d.parquet", "d.train.parquet", "d.test.parquet")
	if !strings.Contains(string(r.stdout), "seed 777: ") {
		t.Errorf("stdout %q lacks seed 777", r.stdout)
	}
	if r := runBin(t, dir, "explain", "--seeds", "700-800", "d.parquet", "d.test.parquet", "d.train.parquet"); r.code != 1 {
		t.Errorf("exchanged parts: exit %d, stdout %q", r.code, r.stdout)
	}
}
