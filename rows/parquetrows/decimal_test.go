package parquetrows

import (
	"bytes"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/decimal256"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// TestDecimal256RowsKeepTheirValues writes the rows of a decimal(40, 2)
// column (17-byte values, pyarrow's decimal256 for precisions above 38)
// in another order and reads the output back: every row holds its input's
// number. With pqarrow's reader the negative ones came out as other
// numbers, and splitter wrote those.
func TestDecimal256RowsKeepTheirValues(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	dt := &arrow.Decimal256Type{Precision: 40, Scale: 2}
	sc := arrow.NewSchema([]arrow.Field{{Name: "id", Type: arrow.PrimitiveTypes.Int64}, {Name: "d", Type: dt, Nullable: true}}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer b.Release()
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(40), nil)
	const n = 500
	want := make([]decimal256.Num, n)
	for i := range n {
		b.Field(0).(*array.Int64Builder).Append(int64(i))
		v := randBelow(r, limit)
		if r.IntN(2) == 0 {
			v.Neg(v)
		}
		want[i] = decimal256.FromBigInt(v)
		b.Field(1).(*array.Decimal256Builder).Append(want[i])
	}
	rec := b.NewRecord()
	defer rec.Release()
	var in bytes.Buffer
	writeRecord(t, &in, rec)
	path := filepath.Join(t.TempDir(), "dec.parquet")
	if err := os.WriteFile(path, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	order := r.Perm(n)
	var out bytes.Buffer
	if err := p.WriteRows(&out, order); err != nil {
		t.Fatal(err)
	}
	q, err := OpenReader("out.parquet", bytes.NewReader(out.Bytes()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ch, err := q.readField(1, []int{0})
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Release()
	k := 0
	for _, c := range ch.Chunks() {
		for i := 0; i < c.Len(); i++ {
			if got := c.(*array.Decimal256).Value(i); got != want[order[k]] {
				t.Fatalf("output row %d (input row %d): %s, want %s", k, order[k], got.ToString(2), want[order[k]].ToString(2))
			}
			k++
		}
	}
	if k != n {
		t.Fatalf("%d rows read back, want %d", k, n)
	}
}

// randBelow is a random number in [0, limit).
func randBelow(r *rand.Rand, limit *big.Int) *big.Int {
	b := make([]byte, len(limit.Bytes())+8)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return new(big.Int).Mod(new(big.Int).SetBytes(b), limit)
}
