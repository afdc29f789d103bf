package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"github.com/splitter-dev/splitter/job"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// Conformance cases found by adversarial testing of the binary against
// pandas + scikit-learn: each input is drawn fresh (oracle.Rand), the rows
// Python returns come from the live train_test_split(pd.read_csv(path)),
// and the expected bytes are the drawn records themselves.

// confCase is one drawn input: its header line, records (line ends
// included) and the file name it is written under.
type confCase struct {
	name    string
	header  string // without its line end
	hdrEOL  string
	records []string
	data    []byte
}

// drawConfCase draws a small CSV whose header may follow blank lines (and a
// BOM), written under a name ending in ".csv" plus a gzip extension in a
// random case (pandas' compression="infer" ignores the case).
func drawConfCase(r *rand.Rand, i int) confCase {
	eols := []string{"\n", "\r\n", "\r"}
	eol := eols[r.IntN(len(eols))]
	c := confCase{header: "id,label,text", hdrEOL: eol}
	var b strings.Builder
	if r.IntN(3) == 0 {
		b.WriteString("\ufeff")
		c.header = "\ufeff" + c.header
	}
	if r.IntN(2) == 0 {
		for range 1 + r.IntN(3) {
			b.WriteString([]string{"", "  ", "\t"}[r.IntN(3)] + "\n")
		}
	}
	b.WriteString(strings.TrimPrefix(c.header, "\ufeff") + eol)
	n := 4 + r.IntN(60)
	for j := range n {
		rec := fmt.Sprintf("%d,%c,\"q%d, \"\"x\"\"\"", j, 'a'+rune(r.IntN(3)), r.IntN(100)) + eol
		c.records = append(c.records, rec)
		b.WriteString(rec)
	}
	c.data = []byte(b.String())
	c.name = fmt.Sprintf("data%d.csv", i)
	if r.IntN(4) > 0 {
		c.name += []string{".gz", ".GZ", ".Gz", ".gZ"}[r.IntN(4)]
	}
	return c
}

// confReadGzip reads path, decompressing it when its name ends in .gz in
// any case.
func confReadGzip(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(strings.ToLower(path), ".gz") {
		return b
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out.Bytes()
}

const confSplitScript = `
import sys, json, warnings
warnings.simplefilter("ignore")
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split
out = []
for c in json.load(sys.stdin):
    df = pd.read_csv(c["path"])
    tr, te = train_test_split(np.arange(len(df)), test_size=c["test"], random_state=c["seed"])
    out.append({"n": len(df), "train": tr.tolist(), "test": te.tolist()})
json.dump(out, sys.stdout)
`

// TestConformanceGzipCaseAndLeadingBlankLines: "data.csv.GZ" is gzip to
// pandas (splitter read it as raw bytes and failed with "invalid UTF-8",
// and would have written ".GZ" outputs uncompressed); blank lines before
// the header are not part of the header line copied to each output
// (splitter copied them when the file had no BOM).
func TestConformanceGzipCaseAndLeadingBlankLines(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn")
	r := oracle.Rand(t)
	dir := t.TempDir()
	type pyCase struct {
		Path string  `json:"path"`
		Test float64 `json:"test"`
		Seed uint32  `json:"seed"`
	}
	var cases []confCase
	var in []pyCase
	for i := range 40 {
		c := drawConfCase(r, i)
		path := filepath.Join(dir, c.name)
		data := c.data
		if strings.HasSuffix(strings.ToLower(c.name), ".gz") {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(data)
			zw.Close()
			data = buf.Bytes()
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
		in = append(in, pyCase{path, float64(1+r.IntN(5)) / 10, r.Uint32()})
	}
	var want []struct {
		N     int   `json:"n"`
		Train []int `json:"train"`
		Test  []int `json:"test"`
	}
	oracle.RunJSON(t, confSplitScript, in, &want)
	for i, c := range cases {
		if want[i].N != len(c.records) {
			t.Fatalf("%s: pandas reads %d rows, drawn %d", c.name, want[i].N, len(c.records))
		}
		args := []string{"--seed", fmt.Sprint(in[i].Seed), "--test", fmt.Sprint(in[i].Test), "--no-manifest", in[i].Path}
		mustRun(t, dir, args...)
		stem, ext := job.SplitName(c.name)
		for part, idx := range map[string][]int{"train": want[i].Train, "test": want[i].Test} {
			exp := c.header + c.hdrEOL
			for _, j := range idx {
				exp += c.records[j]
			}
			got := confReadGzip(t, filepath.Join(dir, stem+"."+part+ext))
			if string(got) != exp {
				t.Errorf("splitter %s: %s is\n%q\nwant\n%q", strings.Join(args, " "), part, got, exp)
			}
		}
	}
}

// TestConformanceNaNSizeNamesItsFlag: scikit-learn raises "cannot convert
// float NaN to integer" for test_size=nan and for train_size=nan alike;
// the error named --test even when only --train was given.
func TestConformanceNaNSizeNamesItsFlag(t *testing.T) {
	dir, path := writeInput(t, "id,label\n0,a\n1,b\n2,a\n3,b\n4,a\n5,b\n")
	for _, flag := range []string{"--test", "--train"} {
		for _, v := range []string{"nan", "NaN"} {
			r := runBin(t, dir, "--seed", "1", flag, v, path)
			if r.code == 0 || !strings.Contains(string(r.stderr), flag) || !strings.Contains(string(r.stderr), "NaN") {
				t.Errorf("splitter %s %s: exit %d, stderr %q; want an error naming %s", flag, v, r.code, r.stderr, flag)
			}
			if left := filesUnder(t, dir); len(left) != 1 {
				t.Errorf("splitter %s %s left %q", flag, v, left)
			}
		}
	}
}
