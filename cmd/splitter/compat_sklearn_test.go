package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// corpusCase is a line of testdata/sklearn-versions/sklearn-versions.jsonl.gz.
type corpusCase struct {
	ID      string                     `json:"id"`
	Sklearn string                     `json:"sklearn"`
	Call    string                     `json:"call"`
	Params  map[string]json.RawMessage `json:"params"`
	N       int                        `json:"n"`
	Y       []any                      `json:"y"`
	Groups  []any                      `json:"groups"`
	Result  [][2][]int                 `json:"result"`
	Error   json.RawMessage            `json:"error"`
}

func readCorpus(t *testing.T) []corpusCase {
	t.Helper()
	f, err := os.Open("../../testdata/sklearn-versions/sklearn-versions.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []corpusCase
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var c corpusCase
		d := json.NewDecoder(strings.NewReader(sc.Text()))
		d.UseNumber()
		if err := d.Decode(&c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// writeCorpusCSV writes id,label[,grp] rows for the case's labels.
func writeCorpusCSV(t *testing.T, c corpusCase) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "data.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	head := []string{"id", "label"}
	if c.Groups != nil {
		head = append(head, "grp")
	}
	w.Write(head)
	for i := range c.N {
		rec := []string{strconv.Itoa(i), ""}
		if c.Y != nil {
			rec[1] = fmt.Sprint(c.Y[i])
		}
		if c.Groups != nil {
			rec = append(rec, fmt.Sprint(c.Groups[i]))
		}
		w.Write(rec)
	}
	w.Flush()
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// readIDColumn returns the first column of a CSV output (the row ids),
// and the last column when last is true.
func readCSVColumn(t *testing.T, path string, last bool) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs[1:] {
		if last {
			out = append(out, r[len(r)-1])
		} else {
			out = append(out, r[0])
		}
	}
	return out
}

func param(c corpusCase, key string) (string, bool) {
	raw, ok := c.Params[key]
	return string(raw), ok
}

// TestCompatSklearnCorpus runs `splitter kfold --compat sklearn@X.Y.Z` and
// `splitter split --compat sklearn@X.Y.Z` on CSVs made from corpus cases
// and compares the written rows with what that release returned.
func TestCompatSklearnCorpus(t *testing.T) {
	type pick struct{ call, version string }
	want := map[pick]int{
		{"StratifiedKFold", "0.21.3"}:   1000, // all of them
		{"StratifiedKFold", "0.19.0"}:   4,
		{"StratifiedKFold", "0.18.2"}:   4,
		{"KFold", "0.21.3"}:             8,
		{"GroupKFold", "0.21.3"}:        3,
		{"GroupKFold", "1.6.1"}:         3,
		{"train_test_split", "0.20.4"}:  6,
		{"train_test_split", "0.24.2"}:  4,
		{"GroupShuffleSplit", "0.20.4"}: 3,
	}
	ran := map[pick]int{}
	for _, c := range readCorpus(t) {
		p := pick{c.Call, c.Sklearn}
		if ran[p] >= want[p] || c.Error != nil {
			continue
		}
		seed, seeded := param(c, "random_state")
		if seed == "null" {
			continue
		}
		shuffle, _ := param(c, "shuffle")
		args := []string{"--compat", "sklearn@" + c.Sklearn}
		if seeded {
			args = append(args, "--seed", seed)
		}
		for _, s := range []struct{ key, flag string }{{"test_size", "--test"}, {"train_size", "--train"}} {
			if v, ok := param(c, s.key); ok {
				if v == "null" {
					goto next
				}
				args = append(args, s.flag, v)
			}
		}
		switch c.Call {
		case "StratifiedKFold", "KFold", "GroupKFold":
			if c.Call == "GroupKFold" && seeded != (shuffle == "true") {
				continue
			}
			if c.Call != "GroupKFold" && shuffle != "true" {
				args = append(args, "--no-shuffle") // also: seed ignored before 0.24
			}
			if k, ok := param(c, "n_splits"); ok {
				args = append(args, "--folds", k)
			}
			switch c.Call {
			case "StratifiedKFold":
				args = append(args, "--stratify", "label")
			case "GroupKFold":
				args = append(args, "--group", "grp")
			}
			dir, path := writeCorpusCSV(t, c)
			mustRun(t, dir, append([]string{"kfold", "--no-manifest"}, append(args, path)...)...)
			got := readCSVColumn(t, filepath.Join(dir, "data.folds.csv"), true)
			exp := make([]string, c.N)
			for f, fold := range c.Result {
				for _, i := range fold[1] {
					exp[i] = strconv.Itoa(f)
				}
			}
			if !slices.Equal(got, exp) {
				t.Errorf("%s %s@%s %v: folds %v, want %v", c.ID, c.Call, c.Sklearn, args, got, exp)
			}
		case "train_test_split", "GroupShuffleSplit":
			if shuffle != "" {
				continue
			}
			if n, _ := param(c, "n_splits"); c.Call == "GroupShuffleSplit" && n != "1" {
				if n != "" {
					continue
				}
			}
			if strat, _ := param(c, "stratify"); strat == "true" {
				args = append(args, "--stratify", "label")
			}
			if c.Call == "GroupShuffleSplit" {
				args = append(args, "--group", "grp")
			}
			dir, path := writeCorpusCSV(t, c)
			mustRun(t, dir, append([]string{"split", "--no-manifest"}, append(args, path)...)...)
			for side, name := range []string{"train", "test"} {
				got := readCSVColumn(t, filepath.Join(dir, "data."+name+".csv"), false)
				exp := make([]string, 0)
				for _, i := range c.Result[0][side] {
					exp = append(exp, strconv.Itoa(i))
				}
				if !slices.Equal(got, exp) {
					t.Errorf("%s %s@%s %v: %s rows %v, want %v", c.ID, c.Call, c.Sklearn, args, name, got, exp)
				}
			}
		default:
			continue
		}
		ran[p]++
	next:
	}
	for p, n := range want {
		if n == 1000 {
			n = 25
		}
		if ran[p] < n {
			t.Errorf("%s@%s: only %d corpus cases run through the CLI, want %d", p.call, p.version, ran[p], n)
		}
	}
	t.Logf("corpus cases reproduced through the CLI: %v", ran)
}

// TestCompatSklearnFlags checks the --compat sklearn@ values refused.
func TestCompatSklearnFlags(t *testing.T) {
	dir, path := writeInput(t, "a,label\n1,x\n2,y\n3,x\n4,y\n5,x\n6,y\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"kfold", "--compat", "sklearn@0.20", "--seed", "1", path}, "0.20.4"},
		{[]string{"split", "--compat", "sklearn@0.20", "--seed", "1", path}, "ambiguous"},
		{[]string{"kfold", "--compat", "sklearn@0.17.1", path}, "unknown"},
		{[]string{"kfold", "--compat", "sklearn@2.0.0", path}, "unknown"},
		{[]string{"kfold", "--compat", "sklearn@1.5.2", "--group", "label", "--seed", "3", path}, "1.6"},
	} {
		r := runBin(t, dir, c.args...)
		if r.code == 0 || !strings.Contains(string(r.stderr), c.want) || !strings.Contains(string(r.stderr), "--") {
			t.Errorf("splitter %q: exit %d, stderr %q; want an error naming %q", c.args, r.code, r.stderr, c.want)
		}
	}
	// seed with --no-shuffle: ignored before 0.24, an error from 0.24
	mustRun(t, dir, "kfold", "--no-manifest", "--compat", "sklearn@0.23.2", "--folds", "2", "--no-shuffle", "--seed", "4", path)
	if r := runBin(t, dir, "kfold", "--no-manifest", "--compat", "sklearn@0.24.0", "--folds", "2", "--no-shuffle", "--seed", "4", path); r.code == 0 {
		t.Errorf("--seed with --no-shuffle under 0.24.0 accepted")
	}
}

// TestCompatSklearnGroupTies checks the stderr warning for a pinned
// GroupKFold with tied sizes among more than 16 groups.
func TestCompatSklearnGroupTies(t *testing.T) {
	var b strings.Builder
	b.WriteString("a,g\n")
	for i := range 40 {
		fmt.Fprintf(&b, "%d,%d\n", i, i%20)
	}
	dir, path := writeInput(t, b.String())
	r := mustRun(t, dir, "kfold", "--no-manifest", "--compat", "sklearn@1.2.1", "--group", "g", path)
	if !strings.Contains(string(r.stderr), "warning: GroupKFold") {
		t.Errorf("no tie warning on stderr: %q", r.stderr)
	}
	for _, v := range []string{"1.9.dev0"} {
		r := mustRun(t, dir, "kfold", "--no-manifest", "--compat", "sklearn@"+v, "--group", "g", path)
		if len(r.stderr) != 0 {
			t.Errorf("%s: unexpected stderr %q", v, r.stderr)
		}
	}
	r = mustRun(t, dir, "kfold", "--no-manifest", "--group", "g", path)
	if len(r.stderr) != 0 {
		t.Errorf("unpinned: unexpected stderr %q", r.stderr)
	}
}
