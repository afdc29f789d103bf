package pqreader

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	randv2 "math/rand/v2"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
	"github.com/splitter-dev/splitter/internal/arrowgen"
	"github.com/splitter-dev/splitter/internal/pqtest"
)

var codecs = []compress.Compression{compress.Codecs.Uncompressed, compress.Codecs.Snappy, compress.Codecs.Gzip, compress.Codecs.Brotli, compress.Codecs.Zstd}

// newGen returns a generator of the Arrow data pqarrow writes (no
// durations, intervals or large lists), three levels deep, with nulls at
// every level (tidy: pqarrow refuses null lists that are not empty),
// sliced at every level, and dictionaries with nulls and repeats.
// Its seed is drawn from r.
func newGen(r *rand.Rand) *arrowgen.Gen {
	return arrowgen.New(randv2.New(randv2.NewPCG(r.Uint64(), 0)), arrowgen.Options{
		Types: arrowgen.Without(arrowgen.AllTypes(), arrow.DURATION, arrow.INTERVAL_MONTHS,
			arrow.INTERVAL_DAY_TIME, arrow.INTERVAL_MONTH_DAY_NANO, arrow.LARGE_LIST),
		MaxDepth: 3, Nest: 2.0 / 3, MaxFields: 4,
		NotNull: 1.0 / 3, Metadata: 0.25, SchemaMetadata: 0.5,
		NullRates: []float64{0, 0.2, 0.5, 1}, Slice: arrowgen.SliceAll, TidyNulls: true,
	})
}

// randomFile writes rows random rows of a random schema with random
// writer settings; it returns nil when pqarrow's writer refuses them.
func randomFile(r *rand.Rand, rows int) (data []byte, desc string) {
	defer func() {
		if e := recover(); e != nil {
			data, desc = nil, fmt.Sprint("writer panic: ", e)
		}
	}()
	g := newGen(r)
	sc := g.Schema()
	rec := g.Record(sc, rows)
	defer rec.Release()
	versions := []parquet.Version{parquet.V1_0, parquet.V2_4, parquet.V2_6}
	props := []parquet.WriterProperty{
		parquet.WithMaxRowGroupLength(int64(1 + r.Intn(80))),
		parquet.WithDataPageSize(int64(16 + r.Intn(2048))),
		parquet.WithDictionaryDefault(r.Intn(2) == 0),
		parquet.WithCompression(codecs[r.Intn(len(codecs))]),
		parquet.WithVersion(versions[r.Intn(3)]),
		parquet.WithStoreDecimalAsInteger(r.Intn(2) == 0),
	}
	if r.Intn(2) == 0 {
		props = append(props, parquet.WithDataPageVersion(parquet.DataPageV2))
	} else {
		// v15's writer loops forever on v2 pages when a row holds more
		// values than the write batch: small batches only with v1.
		props = append(props, parquet.WithBatchSize(int64(1+r.Intn(64))))
	}
	var aprops []pqarrow.WriterOption
	if r.Intn(3) != 0 {
		aprops = append(aprops, pqarrow.WithStoreSchema())
	}
	if r.Intn(4) == 0 {
		aprops = append(aprops, pqarrow.WithDeprecatedInt96Timestamps(true))
	}
	if r.Intn(5) == 0 {
		aprops = append(aprops, pqarrow.WithNoMapLogicalType())
	}
	var buf bytes.Buffer
	if err := pqtest.Write(&buf, rec, props, aprops...); err != nil {
		return nil, err.Error()
	}
	return buf.Bytes(), sc.String()
}

// randomGroups is a random sequence of the file's row groups: all in
// order, or some in any order.
func randomGroups(r *rand.Rand, n int) []int {
	if n == 0 || r.Intn(2) == 0 {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	out := r.Perm(n)[:r.Intn(n+1)]
	if len(out) > 0 && r.Intn(4) == 0 {
		out = append(out, out[0])
	}
	return out
}

// compareFile checks that both readers agree on data: same schema and
// manifest, and, for every field, batch sizes 1, 7 and 1<<16 over a random
// sequence of row groups, equal batches.
func compareFile(r *rand.Rand, data []byte) error {
	p, err := openPair(data)
	if err != nil {
		return err
	}
	if err := p.compareSchemas(); err != nil {
		return err
	}
	groups := randomGroups(r, p.got.ParquetReader().NumRowGroups())
	var rows int64
	for _, g := range groups {
		rows += p.got.ParquetReader().MetaData().RowGroup(g).NumRows()
	}
	for i := range p.got.Manifest.Fields {
		for _, batch := range []int64{1, 7, 1 << 16} {
			want, got := p.readField(i, groups, batch, int(rows/batch)+3)
			err := compareOutcomes(&want, &got)
			want.release()
			got.release()
			if err != nil {
				return fmt.Errorf("field %d, groups %v, batch %d: %w", i, groups, batch, err)
			}
		}
	}
	return nil
}

// compareOutcomes: both fail, or both succeed with equal batches.
func compareOutcomes(want, got *outcome) error {
	if want.failed() || got.failed() {
		if want.failed() && got.failed() {
			return nil
		}
		return fmt.Errorf("%w: pqarrow %v %v, ours %v %v", errDiffers, want.err, want.panic, got.err, got.panic)
	}
	return sameBatches(want, got)
}

func TestRandomFiles(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	written, failed := 0, 0
	for n := 0; n < 220; n++ {
		rows := r.Intn(100)
		if r.Intn(10) == 0 {
			rows = 0
		}
		data, desc := randomFile(r, rows)
		if data == nil { // pqarrow's writer refuses or panics (FSL with nulls, ...)
			continue
		}
		written++
		err := compareFile(r, data)
		if errors.Is(err, errDiffers) {
			t.Fatalf("file %d (%d rows, schema %s): %v", n, rows, desc, err)
		}
		if err != nil {
			failed++
			t.Logf("file %d: both fail: %v", n, err)
		}
	}
	t.Logf("%d files written, %d both failed", written, failed)
	if written < 120 {
		t.Fatalf("only %d random files written", written)
	}
}
