package pqfooter

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"

	"github.com/apache/arrow/go/v15/parquet/metadata"
)

// TestRealFooters checks Canonical on footers pqarrow wrote: same length,
// idempotent, canonical order, the very bytes Arrow's serializer gives the
// metadata with its stats sorted canonically, and the same metadata as the
// original but for the order of the encoding stats.
func TestRealFooters(t *testing.T) {
	for _, c := range fileCases {
		t.Run(c.name, func(t *testing.T) {
			data := writeFile(t, c)
			start, footer, err := Split(data)
			if err != nil {
				t.Fatal(err)
			}
			n := int(binary.LittleEndian.Uint32(data[len(data)-8:]))
			if start != len(data)-8-n || !bytes.Equal(footer, data[start:len(data)-8]) {
				t.Fatalf("Split: start %d, want %d", start, len(data)-8-n)
			}
			checkFooter(t, footer)
		})
	}
}

// checkFooter runs the checks of TestRealFooters on one footer.
func checkFooter(t *testing.T, footer []byte) {
	if got := serialize(t, parse(t, footer)); !bytes.Equal(got, footer) {
		t.Fatal("oracle: Arrow does not re-serialize the footer to the same bytes")
	}
	canon, err := Canonical(footer)
	if err != nil {
		t.Fatal(err)
	}
	if len(canon) != len(footer) {
		t.Fatalf("length %d, want %d", len(canon), len(footer))
	}
	again, err := Canonical(canon)
	if err != nil || !bytes.Equal(again, canon) {
		t.Fatalf("not idempotent (err %v)", err)
	}
	orig, got := parse(t, footer), parse(t, canon)
	if !isCanonical(got) {
		t.Fatal("encoding stats not in canonical order")
	}
	want := parse(t, footer)
	sortStats(want, true)
	if !bytes.Equal(canon, serialize(t, want)) {
		t.Fatal("differs from Arrow's serialization of the canonically sorted metadata")
	}
	if multi := multiEncodingChunks(orig); multi == 0 {
		t.Fatal("no column chunk has more than one data page encoding: the case tests nothing")
	}
	sameMetadata(t, orig, got)
}

// multiEncodingChunks counts the column chunks with more than one
// encoding stats entry for data pages.
func multiEncodingChunks(md *metadata.FileMetaData) int {
	n := 0
	for _, rg := range md.RowGroups {
		for _, cc := range rg.Columns {
			data := 0
			for _, s := range cc.MetaData.EncodingStats {
				if s.PageType != 2 {
					data++
				}
			}
			if data > 1 {
				n++
			}
		}
	}
	return n
}

// sameMetadata fails unless a and b are the same metadata once their
// encoding stats are sorted as sets: num rows, schema, key-value
// metadata, every chunk's offsets, sizes and statistics, and (deep
// equality of the thrift structs) everything else.
func sameMetadata(t *testing.T, a, b *metadata.FileMetaData) {
	t.Helper()
	sortStats(a, false)
	sortStats(b, false)
	if a.NumRows != b.NumRows || !a.Schema.Equals(b.Schema) || !a.KeyValueMetadata().Equals(b.KeyValueMetadata()) {
		t.Fatal("num rows, schema or key-value metadata differ")
	}
	if len(a.RowGroups) != len(b.RowGroups) {
		t.Fatalf("%d row groups, want %d", len(b.RowGroups), len(a.RowGroups))
	}
	for i := range a.RowGroups {
		ra, rb := a.RowGroup(i), b.RowGroup(i)
		if ra.NumRows() != rb.NumRows() || ra.NumColumns() != rb.NumColumns() {
			t.Fatalf("row group %d: rows or columns differ", i)
		}
		for j := range ra.NumColumns() {
			sameChunk(t, ra, rb, j)
		}
	}
	if !reflect.DeepEqual(a.FileMetaData, b.FileMetaData) {
		t.Fatal("thrift metadata differs beyond the order of the encoding stats")
	}
}

// sameChunk compares column chunk j of two row groups.
func sameChunk(t *testing.T, ra, rb *metadata.RowGroupMetaData, j int) {
	t.Helper()
	ca, err := ra.ColumnChunk(j)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := rb.ColumnChunk(j)
	if err != nil {
		t.Fatal(err)
	}
	if ca.FileOffset() != cb.FileOffset() || ca.DataPageOffset() != cb.DataPageOffset() ||
		ca.DictionaryPageOffset() != cb.DictionaryPageOffset() || ca.NumValues() != cb.NumValues() ||
		ca.TotalCompressedSize() != cb.TotalCompressedSize() || ca.TotalUncompressedSize() != cb.TotalUncompressedSize() ||
		!reflect.DeepEqual(ca.EncodingStats(), cb.EncodingStats()) || !reflect.DeepEqual(ca.Encodings(), cb.Encodings()) {
		t.Fatalf("column chunk %d: offsets, sizes or encodings differ", j)
	}
	sa, errA := ca.Statistics()
	sb, errB := cb.Statistics()
	if (errA == nil) != (errB == nil) || (sa == nil) != (sb == nil) {
		t.Fatalf("column chunk %d: statistics differ", j)
	}
	if sa != nil {
		ea, _ := sa.Encode()
		eb, _ := sb.Encode()
		if !reflect.DeepEqual(ea, eb) || sa.NullCount() != sb.NullCount() || sa.HasMinMax() != sb.HasMinMax() {
			t.Fatalf("column chunk %d: statistics differ", j)
		}
	}
}
