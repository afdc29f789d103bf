package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/internal/pqtest"
)

// writeShardTwins writes rows lo..hi-1 of t as CSV at csvPath and as
// Parquet (row groups of rg rows) at pqPath.
func writeShardTwins(tb testing.TB, t pqTable, lo, hi int, csvPath, pqPath string, rg int) {
	var b bytes.Buffer
	b.WriteString("id,label,grp,w,x\n")
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "label", Type: arrow.BinaryTypes.String},
		{Name: "grp", Type: arrow.PrimitiveTypes.Int64},
		{Name: "w", Type: arrow.PrimitiveTypes.Float64},
		{Name: "x", Type: arrow.PrimitiveTypes.Float64},
	}, nil)
	rb := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer rb.Release()
	for i := lo; i < hi; i++ {
		fmt.Fprintf(&b, "%d,%s,%d,%s,%s\n", i, t.labels[i], t.grps[i],
			strconv.FormatFloat(t.ws[i], 'g', -1, 64), strconv.FormatFloat(t.xs[i], 'g', -1, 64))
		rb.Field(0).(*array.Int64Builder).Append(int64(i))
		rb.Field(1).(*array.StringBuilder).Append(t.labels[i])
		rb.Field(2).(*array.Int64Builder).Append(t.grps[i])
		rb.Field(3).(*array.Float64Builder).Append(t.ws[i])
		rb.Field(4).(*array.Float64Builder).Append(t.xs[i])
	}
	if err := os.WriteFile(csvPath, b.Bytes(), 0o666); err != nil {
		tb.Fatal(err)
	}
	rec := rb.NewRecord()
	defer rec.Release()
	f, err := os.Create(pqPath)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	pqtest.MustWrite(tb, f, rec, parquet.WithMaxRowGroupLength(int64(rg)))
}

// TestShardsParquetMatchCSV cuts random tables into random shards written
// both as CSV and as Parquet (pyarrow cannot be installed here, so Parquet
// is checked through its CSV twins, which TestShardsLive checks against
// Python): split, stratified split, kfold, shuffle and sample of the
// Parquet directory must give the rows (ids) of the CSV directory's, in
// order, and the fold column the same folds.
func TestShardsParquetMatchCSV(t *testing.T) {
	t.Parallel()
	r := oracle.Rand(t)
	for k := 0; k < 6; k++ {
		n := 20 + r.IntN(600)
		tt := randomPQTable(r, n)
		base := t.TempDir()
		csvDir, pqDir := filepath.Join(base, "csv"), filepath.Join(base, "pq")
		os.Mkdir(csvDir, 0o777)
		os.Mkdir(pqDir, 0o777)
		shards := 1 + r.IntN(5)
		cuts := []int{0, n}
		for range shards - 1 {
			cuts = append(cuts, r.IntN(n+1))
		}
		slices.Sort(cuts)
		for s := range shards {
			name := fmt.Sprintf("train-%05d-of-%05d", s, shards)
			writeShardTwins(t, tt, cuts[s], cuts[s+1], filepath.Join(csvDir, name+".csv"), filepath.Join(pqDir, name+".parquet"), 1+r.IntN(n))
		}
		seed := strconv.Itoa(r.IntN(1 << 30))
		for _, c := range []struct {
			args []string
			out  string
		}{
			{[]string{"split", "--seed", seed, "--test", "0.3"}, "DIR.test.EXT"},
			{[]string{"split", "--seed", seed, "--test", "0.3", "--stratify", "label"}, "DIR.train.EXT"},
			{[]string{"kfold", "--seed", seed, "--folds", "3"}, "DIR.folds.EXT"},
			{[]string{"shuffle", "--seed", seed, "-o", "OUT"}, "OUT"},
			{[]string{"sample", "--seed", seed, "--n", strconv.Itoa(n / 2), "-o", "OUT"}, "OUT"},
		} {
			var ids [2][]int64
			var folds [2][]string
			for j, dir := range []string{csvDir, pqDir} {
				ext := []string{".csv", ".parquet"}[j]
				out := filepath.Join(base, "out"+ext)
				args := slices.Clone(c.args)
				for i, a := range args {
					if a == "OUT" {
						args[i] = out
					}
				}
				mustRun(t, "", append(args, "--no-manifest", dir)...)
				if c.out != "OUT" {
					out = filepath.Join(base, filepath.Base(dir)+c.out[len("DIR"):len(c.out)-len(".EXT")]+ext)
				}
				if j == 0 {
					ids[j] = csvIDs(t, out)
				} else {
					ids[j] = parquetIDs(t, out)
				}
				if c.args[0] == "kfold" {
					if j == 0 {
						folds[j] = csvLastColumn(t, out)
					} else {
						folds[j] = parquetColumn(t, out, "fold")
					}
				}
			}
			if !slices.Equal(ids[0], ids[1]) || !slices.Equal(folds[0], folds[1]) {
				t.Errorf("%v on %d rows in %d shards: Parquet rows %v, CSV twins' %v (folds %v, %v)", c.args, n, shards, ids[1], ids[0], folds[1], folds[0])
			}
		}
	}
}

// csvLastColumn returns the last field of every data line of a CSV file
// without quotes.
func csvLastColumn(tb testing.TB, path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for i, l := range bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n")) {
		if i > 0 {
			out = append(out, string(l[bytes.LastIndexByte(l, ',')+1:]))
		}
	}
	return out
}
