package audit

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"

	"github.com/splitter-dev/splitter/internal/pqfooter"
	"github.com/splitter-dev/splitter/internal/pqtest"
)

// fallbackParquet writes, with Arrow's own writer, a file whose string
// column falls back from dictionary to plain pages (a tiny dictionary page
// limit): its footer lists two data page encodings, in the order Go's map
// iteration gave.
func fallbackParquet(t *testing.T) []byte {
	t.Helper()
	sc := arrow.NewSchema([]arrow.Field{{Name: "s", Type: arrow.BinaryTypes.String}}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer b.Release()
	for i := range 3000 {
		b.Field(0).(*array.StringBuilder).Append(fmt.Sprintf("value-%08d", i*7919))
	}
	rec := b.NewRecord()
	defer rec.Release()
	var buf bytes.Buffer
	if err := pqtest.Write(&buf, rec, []parquet.WriterProperty{parquet.WithDictionaryPageSizeLimit(1024)}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// canonicalFile is f with its footer in pqfooter's canonical order.
func canonicalFile(t *testing.T, f []byte) []byte {
	t.Helper()
	start, footer, err := pqfooter.Split(f)
	if err != nil {
		t.Fatal(err)
	}
	c, err := pqfooter.Canonical(footer)
	if err != nil {
		t.Fatal(err)
	}
	out := append([]byte(nil), f...)
	copy(out[start:], c)
	return out
}

// TestComparerFooterOrder: a Parquet file whose footer lists its page
// encoding stats in another order than the expected bytes (Arrow took the
// order from a Go map; outputs written before splitter fixed one order
// hold either) matches; any other difference, in the data or in the
// footer, does not.
func TestComparerFooterOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var other []byte
	for range 200 {
		f := fallbackParquet(t)
		if !bytes.Equal(f, canonicalFile(t, f)) {
			other = f
			break
		}
	}
	if other == nil {
		t.Fatal("200 files written, all with the footer in canonical order")
	}
	canon := canonicalFile(t, other)
	o := CompareOptions{Layout: WholeBytes}
	for _, c := range []struct{ want, got []byte }{{canon, other}, {other, canon}} {
		if d, _ := streamCompare(t, r, "f.parquet", c.want, c.got, o); !d.Equal() {
			t.Errorf("footer order alone: %s", d)
		}
	}
	n := int(binary.LittleEndian.Uint32(other[len(other)-8:]))
	start := len(other) - 8 - n
	for _, at := range []int{start / 2, start + 1, start + n/2, len(other) - 9} {
		bad := append([]byte(nil), other...)
		bad[at] ^= 0x20
		if d, _ := streamCompare(t, r, "f.parquet", canon, bad, o); d.Equal() {
			t.Errorf("byte %d of %d changed (footer at %d): equal", at, len(bad), start)
		}
	}
	if d, _ := streamCompare(t, r, "f.parquet", canon, other[:len(other)-1], o); d.Equal() {
		t.Error("a shorter file: equal")
	}
}
