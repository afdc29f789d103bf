package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/recipe"
)

// foldCase is one fold column scikit-learn writes for the live test.
type foldCase struct {
	Path  string `json:"path"`
	N     int    `json:"n"`
	K     int    `json:"k"`
	Seed  int    `json:"seed"`
	Gen   int    `json:"gen"`
	CV    string `json:"cv"`    // skf, skf0, gkf, sgkf, sgkf0
	Index bool   `json:"index"` // to_csv(index=True)
	Drop  bool   `json:"drop"`  // a column the cross-validator ignores dropped
	Files bool   `json:"files"` // also each fold's test rows as path.foldK.csv
}

// explainFoldsScript writes each case's data with the fold column the
// real cross-validator gives (fold[test] = f over enumerate(split)), as
// pandas writes it: with its index or without, a column dropped.
const explainFoldsScript = `
import json, sys
import numpy as np, pandas as pd
from sklearn.model_selection import StratifiedKFold, GroupKFold, StratifiedGroupKFold
for c in json.load(sys.stdin):
    r, n = np.random.RandomState(c["gen"]), c["n"]
    df = pd.DataFrame({"x": (r.rand(n) * 100).round(2), "label": r.choice(["a", "b", "c", "d"], n, p=[0.4, 0.3, 0.2, 0.1]),
                       "grp": r.randint(0, 15 + n // 20, n), "note": r.randint(0, 5, n)})
    cv, on = {
        "skf": (StratifiedKFold(c["k"], shuffle=True, random_state=c["seed"]), (df, df["label"])),
        "skf0": (StratifiedKFold(c["k"]), (df, df["label"])),
        "gkf": (GroupKFold(c["k"]), (df, None, df["grp"])),
        "sgkf": (StratifiedGroupKFold(c["k"], shuffle=True, random_state=c["seed"]), (df, df["label"], df["grp"])),
        "sgkf0": (StratifiedGroupKFold(c["k"]), (df, df["label"], df["grp"])),
    }[c["cv"]]
    fold = np.empty(n, dtype=int)
    for f, (_, test) in enumerate(cv.split(*on)):
        fold[test] = f
        if c["files"]:
            df.iloc[test].to_csv(c["path"] + ".fold%d.csv" % f, index=c["index"])
    if c["files"]:
        df.to_csv(c["path"] + ".data.csv", index=False)
    out = df.assign(fold=fold)
    if c["drop"]:
        out = out.drop(columns=["note"])
    out.to_csv(c["path"], index=c["index"])
print("null")
`

// want is the line explain prints for the case.
func (c foldCase) want() string {
	switch c.CV {
	case "skf":
		return fmt.Sprintf("seed %d: StratifiedKFold(n_splits=%d, shuffle=True, random_state=%d).split(df, df['label'])", c.Seed, c.K, c.Seed)
	case "skf0":
		return fmt.Sprintf("seed 0: StratifiedKFold(n_splits=%d).split(df, df['label'])", c.K)
	case "gkf":
		return fmt.Sprintf("seed 0: GroupKFold(n_splits=%d).split(df, groups=df['grp'])", c.K)
	case "sgkf":
		return fmt.Sprintf("seed %d: StratifiedGroupKFold(n_splits=%d, shuffle=True, random_state=%d).split(df, df['label'], groups=df['grp'])", c.Seed, c.K, c.Seed)
	}
	return fmt.Sprintf("seed 0: StratifiedGroupKFold(n_splits=%d, shuffle=False).split(df, df['label'], groups=df['grp'])", c.K)
}

// TestExplainFoldsRecipesLive: scikit-learn writes fold columns of
// StratifiedKFold, GroupKFold and StratifiedGroupKFold (shuffled with
// fresh seeds, or not) for fresh data, with or without the index column
// and with a column dropped; explain --fold-column names exactly the
// cross-validator, its columns and the seed. Two rows of one class in
// different folds exchanged (class counts per fold kept) match nothing:
// exit 1. The same folds as one file each (df.iloc[test].to_csv per fold)
// name the same recipe; two of them exchanged, none.
func TestExplainFoldsRecipesLive(t *testing.T) {
	oracle.Require(t, "sklearn", "pandas")
	r := oracle.Rand(t)
	dir := t.TempDir()
	var cases []foldCase
	for i, cv := range []string{"skf", "skf", "skf0", "gkf", "sgkf", "sgkf", "sgkf0"} {
		cases = append(cases, foldCase{Path: filepath.Join(dir, strconv.Itoa(i)+".csv"), N: 60 + r.IntN(900), K: 2 + r.IntN(5),
			Seed: r.IntN(20000), Gen: r.IntN(1 << 30), CV: cv, Index: r.IntN(2) == 0, Drop: r.IntN(2) == 0, Files: i == 1 || i == 4})
	}
	var ignore any
	oracle.RunJSON(t, explainFoldsScript, cases, &ignore)
	for _, c := range cases {
		res := mustRun(t, dir, "explain", "--fold-column", "fold", "--seeds", "0-20000", c.Path)
		if !strings.Contains(string(res.stdout), c.want()+"\n") {
			t.Errorf("%+v: stdout %q, want %s", c, res.stdout, c.want())
		}
		if !c.Files {
			continue
		}
		args := []string{"explain", "--fold-files", "--seeds", "0-20000", c.Path + ".data.csv"}
		for f := range c.K {
			args = append(args, c.Path+".fold"+strconv.Itoa(f)+".csv")
		}
		if res := mustRun(t, dir, args...); !strings.Contains(string(res.stdout), c.want()+"\n") {
			t.Errorf("%+v as fold files: stdout %q, want %s", c, res.stdout, c.want())
		}
		args[len(args)-1], args[len(args)-2] = args[len(args)-2], args[len(args)-1]
		if res := runBin(t, dir, args...); res.code != 1 && !exchangedExplained(t, c, res.stdout, args[len(args)-c.K:]) {
			t.Errorf("%+v as fold files, the last two exchanged: exit %d, stdout %q", c, res.code, res.stdout)
		}
	}
	c := cases[0] // StratifiedKFold(shuffle=True): --json names its recipe as a manifest would
	res := mustRun(t, dir, "explain", "--json", "--fold-column", "fold", "--seeds", "0-20000", c.Path)
	var out struct {
		Matches []struct {
			Seed   string        `json:"seed"`
			Recipe recipe.Recipe `json:"recipe"`
		} `json:"matches"`
	}
	if err := json.Unmarshal(res.stdout, &out); err != nil || len(out.Matches) != 1 {
		t.Fatalf("--json: stdout %q: %v", res.stdout, err)
	}
	if m := out.Matches[0]; m.Recipe.Validate() != nil || m.Seed != strconv.Itoa(c.Seed) || m.Recipe.Seed != m.Seed || m.Recipe.Call != recipe.StratifiedKFold || m.Recipe.Stratify != "label" || m.Recipe.Folds != c.K {
		t.Errorf("--json: %+v, want StratifiedKFold(%d) on label, seed %d", m, c.K, c.Seed)
	}
	if err := os.WriteFile(c.Path, exchangeFolds(t, c.Path), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := runBin(t, dir, "explain", "--fold-column", "fold", "--seeds", "0-20000", c.Path); res.code != 1 {
		t.Errorf("%+v with two rows' folds exchanged: exit %d, stdout %q", c, res.code, res.stdout)
	}
}

// exchangeFolds returns the CSV file at path with the last fields (the
// folds) of two rows of the same label and different folds exchanged.
func exchangeFolds(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	label := slices.Index(strings.Split(lines[0], ","), "label")
	field := func(i, col int) string { return strings.Split(lines[i], ",")[col] }
	last := func(l string) int { return strings.LastIndex(l, ",") }
	for i := 1; i < len(lines)-1; i++ {
		for j := i + 1; j < len(lines)-1; j++ {
			a, z := lines[i][last(lines[i]):], lines[j][last(lines[j]):]
			if field(i, label) == field(j, label) && a != z {
				lines[i], lines[j] = lines[i][:last(lines[i])]+z, lines[j][:last(lines[j])]+a
				return []byte(strings.Join(lines, "\n"))
			}
		}
	}
	t.Fatalf("%s: no two rows of one label in different folds", path)
	return nil
}

// exchangedExplained reports whether explain's answer for fold files given
// in another order is true all the same: with few groups and two folds,
// another seed of a shuffled cross-validator can deal the same folds the
// other way round. scikit-learn writes the folds again with the seed
// explain names, which must then be the files in the order given.
func exchangedExplained(t *testing.T, c foldCase, stdout []byte, files []string) bool {
	var seed int
	if _, err := fmt.Sscanf(string(stdout), "seed %d:", &seed); err != nil || (c.CV != "skf" && c.CV != "sgkf") {
		return false
	}
	again := c
	again.Path, again.Seed, again.Files = filepath.Join(t.TempDir(), "again.csv"), seed, true
	var ignore any
	oracle.RunJSON(t, explainFoldsScript, []foldCase{again}, &ignore)
	for f, name := range files {
		want, got := mustRead(t, again.Path+".fold"+strconv.Itoa(f)+".csv"), mustRead(t, name)
		if string(want) != string(got) {
			return false
		}
	}
	t.Logf("%+v: the exchanged fold files are seed %d's folds too (checked with scikit-learn)", c, seed)
	return true
}
