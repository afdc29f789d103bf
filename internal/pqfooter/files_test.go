package pqfooter

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/metadata"
	"github.com/splitter-dev/splitter/internal/pqtest"
)

// fileCase describes a Parquet file written by pqarrow for the tests.
type fileCase struct {
	name      string
	rows      int   // rows of the table
	rowGroup  int64 // max rows per row group
	distinct  int   // distinct values of the fallback columns
	dictLimit int64 // dictionary page size limit, 0 for Arrow's default
	props     []parquet.WriterProperty
}

// fileCases are the real files: string and int64 columns whose
// dictionaries overflow and fall back to PLAIN, a low-cardinality column
// that stays dictionary encoded, a column without dictionary, nulls.
var fileCases = []fileCase{
	{name: "200k-strings-one-group", rows: 200_000, rowGroup: 1 << 20, distinct: 200_000},
	{name: "v1-groups", rows: 30_000, rowGroup: 7_000, distinct: 30_000, dictLimit: 16 << 10,
		props: []parquet.WriterProperty{parquet.WithVersion(parquet.V1_0)}},
	{name: "v2-datapage-v2", rows: 30_000, rowGroup: 10_000, distinct: 30_000, dictLimit: 16 << 10,
		props: []parquet.WriterProperty{parquet.WithVersion(parquet.V2_LATEST), parquet.WithDataPageVersion(parquet.DataPageV2)}},
	{name: "small-pages", rows: 20_000, rowGroup: 20_000, distinct: 5_000, dictLimit: 8 << 10,
		props: []parquet.WriterProperty{parquet.WithDataPageSize(2 << 10), parquet.WithDictionaryFor("plain", false)}},
}

// writeFile writes c's table with pqarrow and returns the file's bytes.
func writeFile(t testing.TB, c fileCase) []byte {
	t.Helper()
	rec := makeRecord(c)
	defer rec.Release()
	props := append([]parquet.WriterProperty{parquet.WithMaxRowGroupLength(c.rowGroup)}, c.props...)
	if c.dictLimit > 0 {
		props = append(props, parquet.WithDictionaryPageSizeLimit(c.dictLimit))
	}
	var buf bytes.Buffer
	pqtest.MustWrite(t, &buf, rec, props...)
	return buf.Bytes()
}

// makeRecord builds c's table, the same for the same c.
func makeRecord(c fileCase) arrow.Record {
	rnd := rand.New(rand.NewPCG(1, uint64(c.rows)))
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "s", Type: arrow.BinaryTypes.String},
		{Name: "i", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "few", Type: arrow.BinaryTypes.String},
		{Name: "plain", Type: arrow.PrimitiveTypes.Int32},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer b.Release()
	for r := range c.rows {
		v := rnd.IntN(c.distinct)
		if r < c.distinct {
			v = r
		}
		b.Field(0).(*array.StringBuilder).Append(fmt.Sprintf("value-%014d", v))
		if r%7 == 3 {
			b.Field(1).AppendNull()
		} else {
			b.Field(1).(*array.Int64Builder).Append(int64(v) * 1_000_003)
		}
		b.Field(2).(*array.StringBuilder).Append(fmt.Sprintf("f%d", v%5))
		b.Field(3).(*array.Int32Builder).Append(int32(v))
	}
	return b.NewRecord()
}

// parse decodes footer with Arrow's metadata reader.
func parse(t testing.TB, footer []byte) *metadata.FileMetaData {
	t.Helper()
	md, err := metadata.NewFileMetaData(footer, nil)
	if err != nil {
		t.Fatalf("metadata.NewFileMetaData: %v", err)
	}
	return md
}

// statKey is the canonical sort key of a PageEncodingStats, written from
// the spec apart from the package's code.
func statKey(pageType, encoding, count int32) [5]int64 {
	notDictPage, notDictEnc := int64(1), int64(1)
	if pageType == 2 {
		notDictPage = 0
	}
	if encoding == 2 || encoding == 8 {
		notDictEnc = 0
	}
	return [5]int64{notDictPage, notDictEnc, int64(encoding), int64(pageType), int64(count)}
}

// sortStats sorts md's encoding stats in place, in canonical order when
// canonical, else by (page type, encoding, count) as a plain set order.
func sortStats(md *metadata.FileMetaData, canonical bool) {
	for _, rg := range md.RowGroups {
		for _, cc := range rg.Columns {
			if cc.MetaData == nil {
				continue
			}
			st := cc.MetaData.EncodingStats
			key := func(i int) [5]int64 {
				k := statKey(int32(st[i].PageType), int32(st[i].Encoding), st[i].Count)
				if !canonical {
					k = [5]int64{k[3], k[2], k[4]}
				}
				return k
			}
			idx := make([]int, len(st))
			for i := range idx {
				idx[i] = i
			}
			slices.SortStableFunc(idx, func(a, b int) int { return compareKeys(key(a), key(b)) })
			sorted := slices.Clone(st)
			for i, j := range idx {
				sorted[i] = st[j]
			}
			copy(st, sorted)
		}
	}
}

// isCanonical reports whether every chunk's encoding stats in md are in
// canonical order.
func isCanonical(md *metadata.FileMetaData) bool {
	for _, rg := range md.RowGroups {
		for _, cc := range rg.Columns {
			st := cc.MetaData.EncodingStats
			for i := 1; i < len(st); i++ {
				a := statKey(int32(st[i-1].PageType), int32(st[i-1].Encoding), st[i-1].Count)
				b := statKey(int32(st[i].PageType), int32(st[i].Encoding), st[i].Count)
				if compareKeys(a, b) > 0 {
					return false
				}
			}
		}
	}
	return true
}

// serialize re-encodes md with Arrow's thrift serializer.
func serialize(t testing.TB, md *metadata.FileMetaData) []byte {
	t.Helper()
	b, err := md.Serialize(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func compareKeys(a, b [5]int64) int { return slices.Compare(a[:], b[:]) }
