package pqreader

import (
	"bytes"
	"context"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/decimal256"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
	"github.com/splitter-dev/splitter/internal/pqtest"
)

// TestDecimal256Exact writes decimal256 columns of every precision from 39
// to 76 (17 to 32 bytes a value) holding negative and positive numbers,
// and reads them back: every value must be the number written. pqarrow
// v15 misreads the negative ones of most precisions (its sign extension
// of a partial word), which the test checks too, so that it shows what it
// guards against.
func TestDecimal256Exact(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	pqarrowWrong := 0
	for p := int32(39); p <= 76; p++ {
		dt := &arrow.Decimal256Type{Precision: p, Scale: 2}
		sc := arrow.NewSchema([]arrow.Field{{Name: "d", Type: dt}}, nil)
		b := array.NewDecimal256Builder(memory.DefaultAllocator, dt)
		limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(p)), nil)
		var want []decimal256.Num
		for k := range 40 {
			v := randBelow(r, limit)
			switch k % 4 {
			case 0:
				v.Neg(v)
			case 1:
				v.SetInt64(-int64(1 + r.IntN(300)))
			case 2:
				v.Sub(v, new(big.Int).Sub(limit, big.NewInt(1)))
			}
			n := decimal256.FromBigInt(v)
			want = append(want, n)
			b.Append(n)
		}
		rec := array.NewRecord(sc, []arrow.Array{b.NewArray()}, int64(len(want)))
		var buf bytes.Buffer
		pqtest.MustWrite(t, &buf, rec)
		got := readDecimals(t, buf.Bytes(), false)
		theirs := readDecimals(t, buf.Bytes(), true)
		for k := range want {
			if got[k] != want[k] {
				t.Fatalf("precision %d, value %d: read %s, wrote %s", p, k, got[k].ToString(2), want[k].ToString(2))
			}
			if theirs[k] != want[k] {
				pqarrowWrong++
			}
		}
	}
	if pqarrowWrong == 0 {
		t.Error("pqarrow read every value right: the test no longer shows its bug")
	}
}

// readDecimals reads column 0 of a file of decimal256 values, with pqarrow
// when theirs is set, else with pqreader.
func readDecimals(t *testing.T, data []byte, theirs bool) []decimal256.Num {
	t.Helper()
	pr, err := file.NewParquetReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var ch *arrow.Chunked
	if theirs {
		fr, err := pqarrow.NewFileReader(pr, pqarrow.ArrowReadProperties{BatchSize: 1 << 16}, memory.DefaultAllocator)
		if err != nil {
			t.Fatal(err)
		}
		cr, err := fr.GetFieldReader(context.Background(), 0, map[int]bool{0: true}, []int{0})
		if err != nil {
			t.Fatal(err)
		}
		if ch, err = cr.NextBatch(1 << 16); err != nil {
			t.Fatal(err)
		}
	} else {
		fr, err := NewFileReader(pr, memory.DefaultAllocator)
		if err != nil {
			t.Fatal(err)
		}
		cr, err := fr.GetFieldReader(context.Background(), 0, map[int]bool{0: true}, []int{0})
		if err != nil {
			t.Fatal(err)
		}
		if ch, err = cr.NextBatch(1 << 16); err != nil {
			t.Fatal(err)
		}
	}
	var out []decimal256.Num
	for _, c := range ch.Chunks() {
		for i := 0; i < c.Len(); i++ {
			out = append(out, c.(*array.Decimal256).Value(i))
		}
	}
	return out
}

// randBelow is a random number in [0, limit).
func randBelow(r *rand.Rand, limit *big.Int) *big.Int {
	b := make([]byte, len(limit.Bytes())+8)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return new(big.Int).Mod(new(big.Int).SetBytes(b), limit)
}
