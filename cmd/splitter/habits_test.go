package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestFriendlyErrors: an unknown column is named with the closest ones
// and the column list; a percentage size is refused with its fraction.
func TestFriendlyErrors(t *testing.T) {
	dir, path := writeInput(t, sampleCSV)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--seed", "1", "--stratify", "lable", path}, `did you mean "label"? columns: id, label, grp, w)`},
		{[]string{"--seed", "1", "--stratify", "zzzzzz", path}, `no such column "zzzzzz" (columns: id, label, grp, w)`},
		{[]string{"sample", "--seed", "1", "--weights", "W", path, "-o", "s.csv"}, `did you mean "w"?`},
		{[]string{"--seed", "1", "--test", "20%", path}, "did you mean 0.2?"},
		{[]string{"--seed", "1", "--test", "12.5 %", path}, "did you mean 0.125?"},
	} {
		r := runBin(t, dir, c.args...)
		if r.code != 2 || bytes.Count(r.stderr, []byte("\n")) != 1 || !strings.Contains(string(r.stderr), c.want) {
			t.Errorf("splitter %q: exit %d, stderr %q, want one line with %q", c.args, r.code, r.stderr, c.want)
		}
	}
}

// TestPythonSpellings: the Python calls' argument names work as flags
// and give the same outputs as splitter's own names.
func TestPythonSpellings(t *testing.T) {
	dir, path := writeInput(t, sampleCSV)
	mustRun(t, dir, "--seed", "3", "--test", "0.25", "--stratify", "label", "--out-dir", "a", path)
	mustRun(t, dir, "--random-state", "3", "--test_size", "0.25", "--stratify-by-column", "label", "--out-dir", "b", path)
	mustRun(t, dir, "kfold", "--n-splits", "2", "--random_state", "3", "--out-dir", "b", path)
	mustRun(t, dir, "kfold", "--folds", "2", "--seed", "3", "--out-dir", "a", path)
	for _, f := range []string{"data.train.csv", "data.test.csv", "data.folds.csv"} {
		a, _ := os.ReadFile(filepath.Join(dir, "a", f))
		b, err := os.ReadFile(filepath.Join(dir, "b", f))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between splitter's and Python's flag names (%v)", f, err)
		}
	}
}

// TestCompletion: `splitter completion bash` is a script bash accepts,
// and column flags complete to the input's column names.
func TestCompletion(t *testing.T) {
	dir, path := writeInput(t, sampleCSV)
	r := mustRun(t, dir, "completion", "bash")
	script := filepath.Join(dir, "splitter.bash")
	os.WriteFile(script, r.stdout, 0o666)
	if bash, err := exec.LookPath("bash"); err == nil {
		out, err := exec.Command(bash, "-c", "source "+script+" && complete -p splitter").CombinedOutput()
		if err != nil || !strings.Contains(string(out), "splitter") {
			t.Errorf("bash does not register the completion: %v %s", err, out)
		}
	}
	for _, shell := range []string{"zsh", "fish", "powershell"} {
		if r := runBin(t, dir, "completion", shell); r.code != 0 || len(r.stdout) == 0 {
			t.Errorf("completion %s: exit %d", shell, r.code)
		}
	}
	for _, args := range [][]string{
		{"__complete", "split", path, "--stratify", ""},
		{"__complete", "--seed", "1", path, "--group", ""},
		{"__complete", "sample", path, "--weights", "l"},
	} {
		r := mustRun(t, dir, args...)
		if got := strings.Fields(string(r.stdout)); len(got) < 4 || strings.Join(got[:4], ",") != "id,label,grp,w" {
			t.Errorf("%q completes to %q", args, r.stdout)
		}
	}
	r = mustRun(t, dir, "__complete", "")
	for _, sub := range []string{"split", "kfold", "shuffle", "sample", "perm", "verify", "explain", "completion"} {
		if !bytes.Contains(r.stdout, []byte(sub)) {
			t.Errorf("the command list lacks %s", sub)
		}
	}
}

// TestSummaryJSON: --json prints the contract's summary, its class counts
// agree with the files written; --dry-run writes nothing and exits as the
// run would.
func TestSummaryJSON(t *testing.T) {
	dir, path := writeInput(t, sampleCSV)
	r := mustRun(t, dir, "--seed", "4", "--test", "0.5", "--stratify", "label", "--json", path)
	var s struct {
		Command, Python string
		Seed            *string
		Input           struct {
			Path string
			Rows int
		}
		Outputs []struct {
			Name, Path string
			Rows       int
			Classes    map[string]int
		}
		Manifest *string
	}
	if err := json.Unmarshal(r.stdout, &s); err != nil {
		t.Fatalf("--json printed %q: %v", r.stdout, err)
	}
	if s.Command != "split" || s.Seed == nil || *s.Seed != "4" || s.Input.Rows != 8 || len(s.Outputs) != 2 || s.Manifest == nil {
		t.Fatalf("summary %+v", s)
	}
	for _, o := range s.Outputs {
		data, err := os.ReadFile(o.Path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")[1:]
		got := map[string]int{}
		for _, l := range lines {
			got[strings.Split(l, ",")[1]]++
		}
		if len(lines) != o.Rows || !maps.Equal(got, o.Classes) {
			t.Errorf("%s: summary says %d rows %v, file has %d %v", o.Name, o.Rows, o.Classes, len(lines), got)
		}
	}
	if bytes.Contains(mustRead(t, *s.Manifest), []byte(`\u00`)) {
		t.Errorf("the manifest is HTML-escaped")
	}

	dry := t.TempDir()
	in := filepath.Join(dry, "data.csv")
	os.WriteFile(in, []byte(sampleCSV), 0o644)
	r = mustRun(t, dry, "--seed", "4", "--test", "0.5", "--dry-run", "--json", "data.csv")
	if !bytes.Contains(r.stdout, []byte(`"manifest": "data.split.json"`)) {
		t.Errorf("--dry-run --json: %s", r.stdout)
	}
	r = mustRun(t, dry, "kfold", "--seed", "4", "--folds", "2", "--dry-run", "data.csv")
	if !bytes.Contains(r.stdout, []byte("would write folds: data.folds.csv, 8 rows")) {
		t.Errorf("kfold --dry-run: %s", r.stdout)
	}
	if r := runBin(t, dry, "--seed", "4", "--test", "9", "--dry-run", "data.csv"); r.code != 2 {
		t.Errorf("--dry-run of a failing run: exit %d", r.code)
	}
	if ents, _ := os.ReadDir(dry); len(ents) != 1 {
		t.Errorf("--dry-run wrote %v", ents)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const foldFilesScript = `
import json, sys
import pandas as pd
from sklearn.model_selection import StratifiedKFold
c = json.load(sys.stdin)
df = pd.read_csv(c["path"])
out = {}
for k, (tr, te) in enumerate(StratifiedKFold(n_splits=c["k"], shuffle=True, random_state=c["seed"]).split(df, df["label"])):
    out["fold%d.train" % k] = df.iloc[tr].to_csv(index=False)
    out["fold%d.test" % k] = df.iloc[te].to_csv(index=False)
json.dump(out, sys.stdout)
`

// TestKfoldFilesLive: kfold --files writes each fold's train and test rows
// as df.iloc[train_idx] / df.iloc[test_idx] of the live scikit-learn.
func TestKfoldFilesLive(t *testing.T) {
	oracle.Require(t, "pandas", "sklearn")
	r := oracle.Rand(t)
	dir, path := auditData(t)
	seed, k := r.IntN(1<<31), 2+r.IntN(4)
	mustRun(t, dir, "kfold", "--files", "--folds", strconv.Itoa(k), "--seed", strconv.Itoa(seed), "--stratify", "label", path)
	var want map[string]string
	oracle.RunJSON(t, foldFilesScript, map[string]any{"path": path, "k": k, "seed": seed}, &want)
	if len(want) != 2*k {
		t.Fatalf("python gave %d parts", len(want))
	}
	for name, w := range want {
		got, err := os.ReadFile(filepath.Join(dir, "data."+name+".csv"))
		if err != nil || string(got) != w {
			t.Errorf("seed %d k %d: %s differs from Python (%v)", seed, k, name, err)
		}
	}
}

// TestManPages: `splitter man DIR` writes a roff page per command.
func TestManPages(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, dir, "man", "man1")
	for _, c := range []string{"", "-split", "-kfold", "-shuffle", "-sample", "-perm", "-verify", "-explain"} {
		b, err := os.ReadFile(filepath.Join(dir, "man1", "splitter"+c+".1"))
		if err != nil || !bytes.Contains(b, []byte(".TH \"SPLITTER\" \"1\"")) {
			t.Errorf("splitter%s.1: %v", c, err)
		}
	}
}

// TestOutputToStdout: `-o -` writes shuffle's and sample's rows to
// standard output, byte for byte what `-o FILE` writes, and no file named
// "-" and no manifest unless --manifest names one (which records "-").
func TestOutputToStdout(t *testing.T) {
	dir, path := writeInput(t, sampleCSV)
	for _, args := range [][]string{
		{"shuffle", "--seed", "3", path},
		{"sample", "--seed", "3", "--n", "5", "--weights", "w", path},
	} {
		mustRun(t, dir, append(args, "-o", "file.csv")...)
		want := mustRead(t, filepath.Join(dir, "file.csv"))
		r := mustRun(t, dir, append(args, "-o", "-")...)
		if !bytes.Equal(r.stdout, want) {
			t.Errorf("%q -o -: stdout %q, want %q", args, r.stdout, want)
		}
		for _, name := range []string{"-", "-.shuffle.json", "-.sample.json", "-.split.json"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				t.Errorf("%q -o -: wrote a file %q", args, name)
			}
		}
		r = mustRun(t, dir, append(args, "-o", "-", "--manifest", "m.json")...)
		m := mustRead(t, filepath.Join(dir, "m.json"))
		if !bytes.Equal(r.stdout, want) || !bytes.Contains(m, []byte(`"path": "-"`)) {
			t.Errorf("%q -o - --manifest: stdout %q, manifest %s", args, r.stdout, m)
		}
		if r := runBin(t, dir, append(args, "-o", "-", "--json")...); r.code != 2 {
			t.Errorf("%q -o - --json: exit %d", args, r.code)
		}
	}
}
