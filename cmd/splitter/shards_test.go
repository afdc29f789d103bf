package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// shardRun is a command whose outputs (named parts) are sharded.
type shardRun struct {
	args  []string
	parts []string
	kind  string // the manifest's KIND
}

// manifest is the run's manifest name: data.KIND.json, or for -o
// data.PART.csv data.PART.KIND.json.
func (r shardRun) manifest() string {
	if slices.Contains(r.args, "-o") {
		return "data." + r.parts[0] + "." + r.kind + ".json"
	}
	return "data." + r.kind + ".json"
}

func shardRuns(seed string) []shardRun {
	return []shardRun{
		{[]string{"--seed", seed, "--test", "0.3"}, []string{"train", "test"}, "split"},
		{[]string{"--seed", seed, "--sizes", "0.6,0.2,0.2"}, []string{"train", "val", "test"}, "split"},
		{[]string{"kfold", "--seed", seed, "--folds", "3", "--files"}, []string{"folds", "fold0.train", "fold0.test", "fold1.train", "fold1.test", "fold2.train", "fold2.test"}, "kfold"},
		{[]string{"shuffle", "--seed", seed, "-o", "data.shuffle.csv"}, []string{"shuffle"}, "shuffle"},
		{[]string{"sample", "--seed", seed, "--n", "7", "-o", "data.sample.csv"}, []string{"sample"}, "sample"},
	}
}

// drawShardCSV draws a CSV with CRLF line ends and quoted fields holding
// line ends, so that shards must be cut at rows, not lines.
func drawShardCSV(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("id,label,note\r\n")
	for i := range n {
		note := []string{"plain", `"two` + "\n" + `lines"`, `"a,b"`, ""}[r.IntN(4)]
		fmt.Fprintf(&b, "%d,%d,%s\r\n", i, r.IntN(3), note)
	}
	return b.String()
}

// TestShardsConcatenate: --shards K and --max-rows-per-file N write
// exactly the named files, each a whole file with the header, whose rows
// concatenated in name order are the unsharded output byte for byte;
// verify passes, and fails once a shard is changed.
func TestShardsConcatenate(t *testing.T) {
	rnd := oracle.Rand(t)
	n := 10 + rnd.IntN(50)
	content := drawShardCSV(rnd, n)
	seed := strconv.Itoa(rnd.IntN(1 << 30))
	for _, run := range shardRuns(seed) {
		plainDir, _ := writeInput(t, content)
		mustRun(t, plainDir, append(run.args, "data.csv")...)
		k, per := 1+rnd.IntN(n/2+3), 1+rnd.IntN(n/2+2)
		for _, mode := range [][]string{{"--shards", strconv.Itoa(k)}, {"--max-rows-per-file", strconv.Itoa(per)}} {
			dir, _ := writeInput(t, content)
			mustRun(t, dir, append(append(run.args, mode...), "data.csv")...)
			var want []string
			for _, part := range run.parts {
				whole, err := os.ReadFile(filepath.Join(plainDir, "data."+part+".csv"))
				if err != nil {
					t.Fatal(err)
				}
				counts := shardCounts(t, filepath.Join(plainDir, "data."+part+".csv"), mode[0] == "--shards", k, per)
				got := concatShards(t, dir, part, counts, &want)
				if !bytes.Equal(got, whole) {
					t.Errorf("%v %v: the %s shards concatenated differ from the unsharded file\ngot:\n%q\nwant:\n%q", run.args, mode, part, got, whole)
				}
			}
			checkShardFiles(t, dir, want, run.manifest())
			m := filepath.Join(dir, run.manifest())
			if r := runBin(t, dir, "verify", m); r.code != 0 {
				t.Fatalf("%v %v: verify exit %d: %s", run.args, mode, r.code, r.stderr)
			}
			changeShard(t, dir, want)
			if r := runBin(t, dir, "verify", m); r.code != 1 {
				t.Errorf("%v %v: verify of a changed shard: exit %d, want 1: %s", run.args, mode, r.code, r.stderr)
			}
		}
	}
}

// shardCounts are the row counts the contract gives the shards of the
// output at path: K files, the first n mod K one longer; or files of N
// rows, the last shorter, one empty file for 0 rows.
func shardCounts(t *testing.T, path string, exact bool, k, per int) []int {
	tb, err := table.Open(context.Background(), path, rows.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := tb.Len()
	tb.Close()
	var out []int
	switch {
	case exact:
		for i := range k {
			c := n / k
			if i < n%k {
				c++
			}
			out = append(out, c)
		}
	case n == 0:
		out = []int{0}
	default:
		for lo := 0; lo < n; lo += per {
			out = append(out, min(per, n-lo))
		}
	}
	return out
}

// concatShards reads the shards of part in name order, checks each one's
// row count, and returns the first whole and the others without their
// header; their names are appended to names.
func concatShards(t *testing.T, dir, part string, counts []int, names *[]string) []byte {
	var out, header []byte
	for i, c := range counts {
		name := fmt.Sprintf("data.%s-%05d-of-%05d.csv", part, i, len(counts))
		*names = append(*names, name)
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		tb, err := table.Open(context.Background(), filepath.Join(dir, name), rows.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if tb.Len() != c {
			t.Errorf("%s: %d rows, want %d", name, tb.Len(), c)
		}
		tb.Close()
		h := b[:bytes.IndexByte(b, '\n')+1]
		if i == 0 {
			header, out = h, b
			continue
		}
		if !bytes.Equal(h, header) {
			t.Errorf("%s: header %q, want %q", name, h, header)
		}
		out = append(out, b[len(h):]...)
	}
	return out
}

// checkShardFiles: the folder holds the input, the manifest and exactly
// the shards.
func checkShardFiles(t *testing.T, dir string, shards []string, manifest string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	want := append(slices.Clone(shards), "data.csv", manifest)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
}

// changeShard swaps two bytes of the first shard with a row (the label
// digit of its first row), or appends a row to one without.
func changeShard(t *testing.T, dir string, shards []string) {
	for _, name := range shards {
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		h := bytes.IndexByte(b, '\n') + 1
		if h == len(b) {
			continue
		}
		i := h + bytes.IndexByte(b[h:], ',') + 1
		b[i] = "10"[min(1, int(b[i]-'0'))] // a label 0 becomes 1, others 0
		if err := os.WriteFile(path, b, 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatal("no shard holds a row")
}

// TestShardsParquet: the shards of a Parquet input's outputs hold, in
// name order, the unsharded output's rows (ids, and kfold's fold
// column), and verify passes.
func TestShardsParquet(t *testing.T) {
	rnd := oracle.Rand(t)
	n := 5 + rnd.IntN(80)
	tbl := randomPQTable(rnd, n)
	seed := strconv.Itoa(rnd.IntN(1 << 30))
	k, per := 1+rnd.IntN(n/2+3), 1+rnd.IntN(n/2+2)
	for _, run := range []shardRun{
		{[]string{"--seed", seed, "--test", "0.3"}, []string{"train", "test"}, "split"},
		{[]string{"kfold", "--seed", seed, "--folds", "3"}, []string{"folds"}, "kfold"},
	} {
		plain := t.TempDir()
		tbl.writeParquet(t, filepath.Join(plain, "data.parquet"), 1+rnd.IntN(n))
		mustRun(t, plain, append(run.args, "data.parquet")...)
		for _, mode := range [][]string{{"--shards", strconv.Itoa(k)}, {"--max-rows-per-file", strconv.Itoa(per)}} {
			dir := t.TempDir()
			if err := os.Link(filepath.Join(plain, "data.parquet"), filepath.Join(dir, "data.parquet")); err != nil {
				t.Fatal(err)
			}
			mustRun(t, dir, append(append(run.args, mode...), "data.parquet")...)
			for _, part := range run.parts {
				whole := filepath.Join(plain, "data."+part+".parquet")
				counts := shardCounts(t, whole, mode[0] == "--shards", k, per)
				for _, col := range []string{"id", "fold"} {
					if col == "fold" && part != "folds" {
						continue
					}
					var got []string
					for i, c := range counts {
						vals := parquetColumn(t, filepath.Join(dir, fmt.Sprintf("data.%s-%05d-of-%05d.parquet", part, i, len(counts))), col)
						if len(vals) != c {
							t.Errorf("%v %v: shard %d of %s holds %d rows, want %d", run.args, mode, i, part, len(vals), c)
						}
						got = append(got, vals...)
					}
					if want := parquetColumn(t, whole, col); !slices.Equal(got, want) {
						t.Errorf("%v %v: %s's shards hold %s %v, want %v", run.args, mode, part, col, got, want)
					}
				}
			}
			if r := runBin(t, dir, "verify", filepath.Join(dir, "data."+run.kind+".json")); r.code != 0 {
				t.Errorf("%v %v: verify exit %d: %s", run.args, mode, r.code, r.stderr)
			}
		}
	}
}
