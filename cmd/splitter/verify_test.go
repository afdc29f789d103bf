package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// auditData writes a 60-row CSV with a label column into a fresh folder.
func auditData(t *testing.T) (dir, path string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("id,label,x\n")
	for i := 0; i < 60; i++ {
		b.WriteString(strconv.Itoa(i) + "," + strconv.Itoa(i%3) + "," + strconv.Itoa(i*7%11) + "\n")
	}
	return writeInput(t, b.String())
}

// editLines rewrites the data lines (after the header) of a file.
func editLines(t *testing.T, path string, edit func([]string) []string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	out := append([]string{lines[0]}, edit(append([]string(nil), lines[1:]...))...)
	if err := os.WriteFile(path, []byte(strings.Join(out, "")), 0o666); err != nil {
		t.Fatal(err)
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			st := info.ModTime().String()
			out = append(out, p+" "+strconv.FormatInt(info.Size(), 10)+" "+st)
		}
		return nil
	})
	return out
}

func TestVerify(t *testing.T) {
	flags := []string{"--seed", "101", "--test", "0.2", "--stratify", "label"}
	cases := []struct {
		name     string
		file     string // train or test
		edit     func([]string) []string
		args     []string // extra verify flags
		wantCode int
		wantMsg  string // in stderr
	}{
		{name: "as written", wantCode: 0},
		{name: "swap", file: "train", edit: func(l []string) []string { l[3], l[7] = l[7], l[3]; return l }, wantCode: 1, wantMsg: "row 4 (line 5)"},
		{name: "swap any order", file: "train", edit: func(l []string) []string { l[3], l[7] = l[7], l[3]; return l }, args: []string{"--any-order"}, wantCode: 0},
		{name: "swap across files", file: "both", wantCode: 1, wantMsg: "1 missing, 1 extra"},
		{name: "dropped row", file: "test", edit: func(l []string) []string { return append(l[:2], l[3:]...) }, wantCode: 1, wantMsg: "1 missing, 0 extra"},
		{name: "duplicated row", file: "train", edit: func(l []string) []string { return append(l, l[0]) }, wantCode: 1, wantMsg: "0 missing, 1 extra"},
		{name: "duplicated row any order", file: "train", edit: func(l []string) []string { return append(l, l[0]) }, args: []string{"--any-order"}, wantCode: 1, wantMsg: "is not an expected row"},
		{name: "reordered", file: "train", edit: func(l []string) []string {
			for i, j := 0, len(l)-1; i < j; i, j = i+1, j-1 {
				l[i], l[j] = l[j], l[i]
			}
			return l
		}, wantCode: 1, wantMsg: "0 missing, 0 extra, 48 misplaced rows"},
		{name: "reordered any order", file: "test", edit: func(l []string) []string { l[0], l[len(l)-1] = l[len(l)-1], l[0]; return l }, args: []string{"--any-order"}, wantCode: 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, data := auditData(t)
			// Relative paths: the manifest then records them relative
			// (an absolute one would need --allow-absolute).
			mustRun(t, dir, append(append([]string{}, flags...), "data.csv")...)
			train, test := filepath.Join(dir, "data.train.csv"), filepath.Join(dir, "data.test.csv")
			switch c.file {
			case "train":
				editLines(t, train, c.edit)
			case "test":
				editLines(t, test, c.edit)
			case "both":
				var fromTest, fromTrain string
				editLines(t, test, func(l []string) []string { fromTest = l[1]; return l })
				editLines(t, train, func(l []string) []string { fromTrain, l[5] = l[5], fromTest; return l })
				editLines(t, test, func(l []string) []string { l[1] = fromTrain; return l })
			}
			before := listDir(t, dir)
			forms := [][]string{
				append(append([]string{"verify"}, c.args...), "data.split.json"),
				append(append(append([]string{"verify"}, c.args...), flags...), data, train, test),
			}
			for _, args := range forms {
				r := runBin(t, dir, args...)
				if r.code != c.wantCode || !strings.Contains(string(r.stderr), c.wantMsg) {
					t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", args, r.code, r.stderr, c.wantCode, c.wantMsg)
				}
				if r.code == 1 && strings.Count(string(r.stderr), "\n") != 1 {
					t.Errorf("%q: stderr %q, want one line", args, r.stderr)
				}
				// The manifest form shows no byte of the files it read
				// (the flag form quotes the rows that differ).
				if len(args) == len(c.args)+2 && strings.Contains(string(r.stderr), `"`) {
					t.Errorf("%q: stderr %q quotes the files", args, r.stderr)
				}
			}
			if after := listDir(t, dir); !reflect.DeepEqual(before, after) {
				t.Errorf("verify changed the folder:\n%v\n%v", before, after)
			}
		})
	}
}

func TestVerifyWrongSeedAndTamperedInput(t *testing.T) {
	dir, data := auditData(t)
	mustRun(t, dir, "--seed", "7", "--test", "15", "data.csv")
	train, test := filepath.Join(dir, "data.train.csv"), filepath.Join(dir, "data.test.csv")
	mustRun(t, dir, "verify", "--seed", "7", "--test", "15", data, train, test)
	r := runBin(t, dir, "verify", "--seed", "8", "--test", "15", data, train, test)
	if r.code != 1 || !strings.Contains(string(r.stderr), "data.train.csv: row 1 (line 2): expected") {
		t.Errorf("wrong seed: exit %d, %s", r.code, r.stderr)
	}
	r = runBin(t, dir, "verify", "--seed", "7", "--test", "15", "--no-shuffle", data, train, test)
	if r.code != 1 {
		t.Errorf("shuffle=False: exit %d, %s", r.code, r.stderr)
	}
	// Tampered input: one field changed.
	editLines(t, data, func(l []string) []string { l[10] = "10,1,99\n"; return l })
	r = runBin(t, dir, "verify", "data.split.json")
	if r.code != 1 || !strings.Contains(string(r.stderr), "the input changed") || strings.Contains(string(r.stderr), "sha256 ") {
		t.Errorf("tampered input: exit %d, %s", r.code, r.stderr)
	}
}

func TestVerifyOtherCommands(t *testing.T) {
	dir, data := auditData(t)
	mustRun(t, dir, "kfold", "--folds", "4", "--seed", "3", "--stratify", "label", "data.csv")
	mustRun(t, dir, "verify", "data.kfold.json")
	mustRun(t, dir, "verify", "kfold", "--folds", "4", "--seed", "3", "--stratify", "label", data, filepath.Join(dir, "data.folds.csv"))
	if r := runBin(t, dir, "verify", "kfold", "--folds", "4", "--seed", "4", "--stratify", "label", data, filepath.Join(dir, "data.folds.csv")); r.code != 1 {
		t.Errorf("kfold wrong seed: exit %d %s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "s", "sample.csv")
	r := mustRun(t, dir, "sample", "--n", "10", "data.csv", "-o", filepath.Join("s", "sample.csv")) // drawn seed, recorded
	if !strings.HasPrefix(string(r.stderr), "seed: ") {
		t.Fatalf("no drawn seed: %q", r.stderr)
	}
	mustRun(t, dir, "verify", filepath.Join("s", "sample.sample.json"))
	seed := strings.TrimSpace(strings.TrimPrefix(string(r.stderr), "seed: "))
	mustRun(t, dir, "verify", "sample", "--n", "10", "--seed", seed, data, out)
	mustRun(t, dir, "--seed", "5", "--test", "0.2", "--val", "0.25", "data.csv")
	mustRun(t, dir, "verify", "data.split.json")
	mustRun(t, dir, "verify", "--seed", "5", "--test", "0.2", "--val", "0.25", data,
		filepath.Join(dir, "data.train.csv"), filepath.Join(dir, "data.val.csv"), filepath.Join(dir, "data.test.csv"))
	// Errors: too few files, no seed.
	for _, args := range [][]string{
		{"verify", "--seed", "5", "--test", "0.2", data, filepath.Join(dir, "data.train.csv")},
		{"verify", "--test", "0.2", data, filepath.Join(dir, "data.train.csv"), filepath.Join(dir, "data.test.csv")},
		{"verify", filepath.Join(dir, "nope.split.json")},
	} {
		if r := runBin(t, dir, args...); r.code == 0 || strings.Count(string(r.stderr), "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want an error line", args, r.code, r.stderr)
		}
	}
}

func TestVerifyFormats(t *testing.T) {
	dir := t.TempDir()
	tbl := randomPQTable(rand.New(rand.NewPCG(3, 4)), 300)
	pq := filepath.Join(dir, "d.parquet")
	tbl.writeParquet(t, pq, 100)
	var jl, tsv strings.Builder
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&jl, "{\"a\":%d,\"b\":\"x%d\"}\n", i, i%7)
		if i == 0 {
			tsv.WriteString("a\tb\n")
		}
		fmt.Fprintf(&tsv, "%d\t\"q,%d\"\n", i, i%5)
	}
	files := map[string]string{"d.jsonl": jl.String(), "d.tsv": tsv.String()}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	for _, in := range []string{"d.parquet", "d.jsonl", "d.tsv"} {
		ext := filepath.Ext(in)
		mustRun(t, dir, "--seed", "9", "--test", "0.3", in)
		mustRun(t, dir, "verify", "d.split.json")
		train, test := "d.train"+ext, "d.test"+ext
		mustRun(t, dir, "verify", "--seed", "9", "--test", "0.3", in, train, test)
		if r := runBin(t, dir, "verify", "--seed", "10", "--test", "0.3", in, train, test); r.code != 1 || !strings.Contains(string(r.stderr), train) {
			t.Errorf("%s, wrong seed: exit %d, stderr %q", in, r.code, r.stderr)
		}
		if ext != ".parquet" {
			if r := runBin(t, dir, "verify", "--any-order", "--seed", "10", "--test", "0.3", in, train, test); r.code != 1 || !strings.Contains(string(r.stderr), "missing") {
				t.Errorf("%s, wrong seed, any order: exit %d, stderr %q", in, r.code, r.stderr)
			}
		}
	}
}

func TestVerifyTorchParts(t *testing.T) {
	dir, data := auditData(t)
	mustRun(t, dir, "--compat", "torch", "--lengths", "0.5,0.3,0.2", "--names", "a,b,c", "--seed", "-5", "data.csv")
	mustRun(t, dir, "verify", "data.split.json")
	p := func(s string) string { return filepath.Join(dir, "data."+s+".csv") }
	mustRun(t, dir, "verify", "--compat", "torch", "--lengths", "0.5,0.3,0.2", "--seed", "-5", data, p("a"), p("b"), p("c"))
	r := runBin(t, dir, "verify", "--compat", "torch", "--lengths", "0.5,0.3,0.2", "--seed", "-5", data, p("a"), p("c"), p("b"))
	if r.code != 1 || !strings.Contains(string(r.stderr), "data.c.csv") {
		t.Errorf("parts exchanged: exit %d, stderr %q", r.code, r.stderr)
	}
}
