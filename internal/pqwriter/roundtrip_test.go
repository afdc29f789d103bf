package pqwriter

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

// TestRoundTrip reads files written by FileWriter back with pqarrow's
// reader and compares every value with what was written. The records are
// of the types that read back as written (with the ARROW:schema kept):
// no fixed-size lists, timestamps in seconds, time32[s], date64,
// decimal256 (pqarrow's reader misreads narrow ones) or dictionaries
// (written directly, sliced ones can read back wrong values), and
// decimal128 and float16 only at the top (pqarrow writes these wrongly
// under null parents). FileWriter writes all of those as pqarrow does,
// byte for byte, which the other tests check.
func TestRoundTrip(t *testing.T) {
	compared := 0
	for seed := firstSeed(); seed < firstSeed()+300; seed++ {
		want, got := compare(t, seed, true)
		if got.err == nil && got.panicked == nil {
			compared += checkReadBack(t, seed, got)
		}
		release(want.recs)
		release(got.recs)
		if t.Failed() {
			break
		}
	}
	t.Logf("%d columns read back equal", compared)
	if compared < 500 {
		t.Errorf("only %d columns compared", compared)
	}
}

// checkReadBack compares o's file, read with pqarrow, with o's records,
// column by column as JSON; it returns the number of columns compared.
func checkReadBack(t *testing.T, seed int64, o outcome) int {
	t.Helper()
	mem := memory.DefaultAllocator
	pr, err := file.NewParquetReader(bytes.NewReader(o.file))
	if err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	fr, err := pqarrow.NewFileReader(pr, pqarrow.ArrowReadProperties{}, mem)
	if err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	tbl, err := readTable(fr)
	if err != nil {
		t.Fatalf("seed %d: reading back: %v", seed, err)
	}
	defer tbl.Release()
	for c := 0; c < int(tbl.NumCols()); c++ {
		var written []arrow.Array
		for _, r := range o.recs {
			written = append(written, r.Column(c))
		}
		want := jsonOf(t, written)
		got := jsonOf(t, tbl.Column(c).Data().Chunks())
		if want != got {
			t.Errorf("seed %d column %s: read back\n%s\nwrote\n%s", seed, o.sc.Field(c).Name, got, want)
		}
	}
	return int(tbl.NumCols())
}

// readTable is fr.ReadTable, its panics made errors.
func readTable(fr *pqarrow.FileReader) (tbl arrow.Table, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pqarrow's reader panicked: %v", r)
		}
	}()
	return fr.ReadTable(context.Background())
}

func jsonOf(t *testing.T, chunks []arrow.Array) string {
	t.Helper()
	var all []json.RawMessage
	for _, a := range chunks {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var rows []json.RawMessage
		if err := json.Unmarshal(b, &rows); err != nil {
			t.Fatal(err)
		}
		all = append(all, rows...)
	}
	out, _ := json.Marshal(all)
	return string(out)
}
