package table

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/rows"
)

// TestGlobLive compares Glob with sorted(glob.glob(pattern)) on a tree of
// hidden files, brackets, dots and nested folders, for random patterns.
func TestGlobLive(t *testing.T) {
	oracle.Require(t)
	r := oracle.Rand(t)
	root := t.TempDir()
	names := []string{"a.csv", "b.csv", ".h.csv", "_s.csv", "a[1].csv", "x!.csv", "ü.csv", "A.CSV", "part-0.csv.gz",
		"d/a.csv", "d/.e.csv", ".hd/a.csv", "d/sub/z.csv", "e.f/g.csv", "-", "[ab].csv", "c*d", "q?.tsv", "back\\slash.csv"}
	for _, n := range names {
		p := filepath.Join(root, n)
		os.MkdirAll(filepath.Dir(p), 0o777)
		if err := os.WriteFile(p, nil, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	pieces := []string{"*", "?", "a", ".", "csv", "[ab]", "[!a]", "[a-c]", "[c-a]", "[", "]", "d/", "*/", ".*", "_", "[!]", "[]]", "[.]", "!", "\\", "-", "ü", "[*]", "gz", "[?]"}
	patterns := []string{"*", "*.csv", ".*", "*/*.csv", "d/*", "d/.*", "*/*", "[ab].csv", "[[]ab].csv", "?.csv", "*.[!c]sv", "d/sub/*", "[", "*[", "a[1].csv"}
	for range 300 {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		patterns = append(patterns, b.String())
	}
	var want [][]string
	oracle.RunJSON(t, oracle.Script(t, "testdata/glob_live.py"), map[string]any{"root": root, "patterns": patterns}, &want)
	t.Chdir(root)
	for i, p := range patterns {
		got, err := Glob(p)
		if err != nil {
			t.Errorf("Glob(%q): %v", p, err)
			continue
		}
		if len(got) == 0 && len(want[i]) == 0 {
			continue
		}
		if !slices.Equal(got, want[i]) {
			t.Errorf("Glob(%q) = %q, Python %q", p, got, want[i])
		}
	}
}

// TestConcatColumnLive compares the column of a Dataset with
// pd.concat([...], ignore_index=True)["x"] (its dtype and every value's
// Python type and value) for random shards of ints, big uints, floats,
// bools, strings, all-missing and empty columns.
func TestConcatColumnLive(t *testing.T) {
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	kinds := [][]string{{"1", "-7"}, {"18446744073709551615"}, {"1.5", "2"}, {"True", "False"}, {"True", ""}, {"q", "10"}, {}, {""}, {"q", ""}}
	var cases [][]string
	for range 200 {
		var texts []string
		for range 1 + r.IntN(4) {
			k := kinds[r.IntN(len(kinds))]
			var b strings.Builder
			b.WriteString("x\n")
			for range min(len(k), 1+r.IntN(3)) {
				b.WriteString(k[r.IntN(len(k))] + "\n")
			}
			if len(k) == 0 {
				b.Reset()
				b.WriteString("x\n")
			}
			texts = append(texts, b.String())
		}
		cases = append(cases, texts)
	}
	var want []struct {
		Kind   string     `json:"kind"`
		Values [][]string `json:"values"`
	}
	oracle.RunJSON(t, oracle.Script(t, "testdata/concat_live.py"), cases, &want)
	for i, texts := range cases {
		cols := make([]*rows.Column, len(texts))
		for k, text := range texts {
			ix, err := rows.IndexBytes(fmt.Sprint(k), []byte(text), rows.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if cols[k], err = ix.Column("x"); err != nil {
				t.Fatal(err)
			}
		}
		got := concatColumns("x", cols)
		if kind := string(dtypeKind(got)); got.Len() > 0 && kind != want[i].Kind {
			t.Errorf("%q: kind %s, pandas %s", texts, kind, want[i].Kind)
			continue
		}
		for j, w := range want[i].Values {
			if g := pyValue(got.Value(j)); g != w[0]+" "+w[1] {
				t.Errorf("%q: value %d is %s, pandas %s %s", texts, j, g, w[0], w[1])
				break
			}
		}
	}
}

// pyValue is v's Python type name and repr.
func pyValue(v any) string {
	switch v := v.(type) {
	case int64:
		return "int " + strconv.FormatInt(v, 10)
	case uint64:
		return "int " + strconv.FormatUint(v, 10)
	case float64:
		switch {
		case math.IsNaN(v):
			return "float nan"
		case v == math.Trunc(v) && math.Abs(v) < 1e16:
			return "float " + strconv.FormatFloat(v, 'f', 1, 64)
		}
		return "float " + strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		if v {
			return "bool True"
		}
		return "bool False"
	case string:
		return "str '" + v + "'"
	}
	return fmt.Sprintf("%T", v)
}

// TestDatasetRows: rows are numbered across shards (empty ones
// included), Shard maps them back, and WriteRowsContext writes the first
// shard's header and each row's own bytes.
func TestDatasetRows(t *testing.T) {
	dir := t.TempDir()
	texts := []string{"a,b\r\n1,x\r\n", "a,b\n", "\ufeffa,b\n2,\"y\nz\"\n3,w", "a,b\n4,v\n"}
	var files []string
	for k, text := range texts {
		p := filepath.Join(dir, fmt.Sprintf("p%d.csv", k))
		os.WriteFile(p, []byte(text), 0o666)
		files = append(files, p)
	}
	d, err := OpenDataset(context.Background(), files, rows.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if d.Len() != 4 {
		t.Fatalf("Len %d, want 4", d.Len())
	}
	for i, want := range [][2]int{{0, 0}, {2, 0}, {2, 1}, {3, 0}} {
		if k, local := d.Shard(i); k != want[0] || local != want[1] {
			t.Errorf("Shard(%d) = %d, %d; want %v", i, k, local, want)
		}
	}
	var b strings.Builder
	if err := d.WriteRowsContext(context.Background(), &b, []int{3, 2, 1, 0}); err != nil {
		t.Fatal(err)
	}
	if want := "a,b\r\n4,v\n3,w\n2,\"y\nz\"\n1,x\r\n"; b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
	b.Reset()
	if err := d.WriteRangeWithFolds(&b, "fold", []int{0, 1, 2, 3}, 1, 4); err != nil {
		t.Fatal(err)
	}
	if want := "a,b,fold\r\n2,\"y\nz\",1\n3,w,2\n4,v,3\n"; b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
}
