package pqwriter

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/flight"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

// writerAPI is what pqarrow.FileWriter and FileWriter have in common.
type writerAPI interface {
	Write(arrow.Record) error
	WriteBuffered(arrow.Record) error
	NewRowGroup()
	WriteColumnData(arrow.Array) error
	AppendKeyValueMetadata(key, value string) error
	Close() error
}

// impl is one of the two writers under comparison.
type impl struct {
	name      string
	newWriter func(*arrow.Schema, io.Writer, *parquet.WriterProperties) (writerAPI, error)
	serialize func(*arrow.Schema, memory.Allocator) []byte
}

var (
	oracle = impl{"pqarrow", func(sc *arrow.Schema, w io.Writer, p *parquet.WriterProperties) (writerAPI, error) {
		return pqarrow.NewFileWriter(sc, w, p, pqarrow.NewArrowWriterProperties())
	}, flight.SerializeSchema}
	ours = impl{"pqwriter", func(sc *arrow.Schema, w io.Writer, p *parquet.WriterProperties) (writerAPI, error) {
		return NewFileWriter(sc, w, p)
	}, SerializeSchema}
)

var codecs = []compress.Compression{compress.Codecs.Uncompressed, compress.Codecs.Snappy,
	compress.Codecs.Gzip, compress.Codecs.Brotli, compress.Codecs.Zstd}

// props returns random writer properties for sc: per leaf codecs and
// dictionary choices, small pages, row groups, dictionary limits, batches.
func (g *gen) props(sc *arrow.Schema) *parquet.WriterProperties {
	ps := []parquet.WriterProperty{parquet.WithCreatedBy("pqwriter test"), parquet.WithAllocator(memory.DefaultAllocator)}
	// gzip, brotli and zstd cost much per page: one file in four uses them
	ncodecs := 2
	if g.pick(4) == 0 {
		ncodecs = len(codecs)
	}
	if pq, err := pqarrow.ToParquet(sc, nil, pqarrow.DefaultWriterProps()); err == nil {
		for i := 0; i < pq.NumColumns(); i++ {
			path := pq.Column(i).ColumnPath()
			ps = append(ps, parquet.WithCompressionPath(path, codecs[g.pick(ncodecs)]))
			if g.pick(3) == 0 {
				ps = append(ps, parquet.WithDictionaryPath(path, g.pick(2) == 0))
			}
		}
	}
	if g.pick(3) == 0 {
		ps = append(ps, parquet.WithDictionaryDefault(false))
	}
	switch g.pick(3) {
	case 0:
		ps = append(ps, parquet.WithDataPageSize(256<<10))
	case 1:
		ps = append(ps, parquet.WithDataPageSize(int64(1+g.pick(300)*g.pick(3))))
	}
	if g.pick(2) == 0 {
		ps = append(ps, parquet.WithMaxRowGroupLength(int64(1+g.pick(30))))
	}
	if g.pick(4) == 0 {
		ps = append(ps, parquet.WithDictionaryPageSizeLimit(int64(1+g.pick(100))))
	}
	if g.pick(5) == 0 {
		ps = append(ps, parquet.WithStats(false))
	}
	if !g.clean {
		ps = append(ps, parquet.WithVersion([]parquet.Version{parquet.V1_0, parquet.V2_4, parquet.V2_6}[g.pick(3)]))
	}
	// no DataPageV2: parquet/file loops forever on repeated columns with
	// tiny V2 pages (pqarrow too), and splitter writes V1 pages
	if g.pick(4) == 0 {
		ps = append(ps, parquet.WithBatchSize(int64(1+g.pick(40))))
	}
	if g.pick(8) == 0 {
		ps = append(ps, parquet.WithStoreDecimalAsInteger(true))
	}
	return parquet.NewWriterProperties(ps...)
}

// outcome is what writing one random case gave.
type outcome struct {
	file     []byte
	err      error
	panicked any
	stack    string
	exact    bool // compare: the files are byte-identical
	recs     []arrow.Record
	sc       *arrow.Schema
}

// run writes the random case of seed with w: schema, properties, records
// and calls (Write, WriteBuffered, NewRowGroup+WriteColumnData, mixed)
// all come from the seed, so both writers get the same.
func run(seed int64, clean bool, w impl) (o outcome) {
	g := newGen(seed, clean)
	o.sc = g.Schema()
	props := g.props(o.sc)
	defer func() {
		if r := recover(); r != nil {
			o.panicked = r
			o.stack = string(debug.Stack())
		}
	}()
	var buf bytes.Buffer
	fw, err := w.newWriter(o.sc, &buf, props)
	if err != nil {
		o.err = err
		return o
	}
	mode := g.pick(4)
	for n := 1 + g.pick(3); n > 0 && o.err == nil; n-- {
		rows := g.pick(40)
		if g.pick(8) == 0 {
			rows = 0
		}
		rec := g.Record(o.sc, rows)
		o.recs = append(o.recs, rec)
		o.err = writeRecord(fw, rec, mode, g)
	}
	if o.err != nil {
		return o
	}
	if clean || g.pick(3) == 0 {
		s := base64.StdEncoding.EncodeToString(w.serialize(o.sc, memory.DefaultAllocator))
		if o.err = fw.AppendKeyValueMetadata("ARROW:schema", s); o.err != nil {
			return o
		}
	}
	o.err = fw.Close()
	o.file = buf.Bytes()
	return o
}

func writeRecord(fw writerAPI, rec arrow.Record, mode int, g *gen) error {
	if mode == 3 {
		mode = g.pick(3)
	}
	switch mode {
	case 0:
		return fw.Write(rec)
	case 1:
		return fw.WriteBuffered(rec)
	}
	fw.NewRowGroup()
	for i := 0; i < int(rec.NumCols()); i++ {
		if err := fw.WriteColumnData(rec.Column(i)); err != nil {
			return err
		}
	}
	return nil
}

func release(recs []arrow.Record) {
	for _, r := range recs {
		r.Release()
	}
}

// compare writes case seed with both writers and fails on any difference:
// bytes, an error on one side only, or a panic of ours. Where pqarrow
// panics, ours must return an error. It returns what pqarrow and ours did.
func compare(t *testing.T, seed int64, clean bool) (want, got outcome) {
	t.Helper()
	want = run(seed, clean, oracle)
	got = run(seed, clean, ours)
	label := fmt.Sprintf("seed %d, schema %s", seed, want.sc)
	switch {
	case got.panicked != nil:
		t.Fatalf("%s: pqwriter panicked: %v\n%s", label, got.panicked, got.stack)
	case want.panicked != nil:
		if got.err == nil {
			t.Errorf("%s: pqarrow panicked (%v), pqwriter gave no error", label, want.panicked)
		}
	case (want.err == nil) != (got.err == nil):
		t.Errorf("%s: errors differ: pqarrow %v, pqwriter %v", label, want.err, got.err)
	case want.err == nil:
		exact, err := sameFile(want.file, got.file)
		if err != nil {
			t.Errorf("%s: files differ: %v", label, err)
		}
		want.exact = exact
	}
	return want, got
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestRandomFiles: 530 random schemas, records, properties
// and call sequences give byte-identical files.
func TestRandomFiles(t *testing.T) {
	counts := map[string]int{}
	for seed := firstSeed(); seed < firstSeed()+530; seed++ {
		want, got := compare(t, seed, false)
		switch {
		case want.panicked != nil:
			counts["pqarrow panicked"]++
		case want.err != nil:
			counts["both refused"]++
		case want.exact:
			counts["identical files"]++
		default:
			counts["identical up to encoding stats order"]++
		}
		release(want.recs)
		release(got.recs)
		if t.Failed() {
			break
		}
	}
	t.Logf("%v", counts)
	if n := counts["identical files"] + counts["identical up to encoding stats order"]; n < 350 {
		t.Errorf("only %d cases wrote files", n)
	}
}

// firstSeed is 1, or PQWRITER_SEED to sweep other random cases.
func firstSeed() int64 {
	s, err := strconv.ParseInt(os.Getenv("PQWRITER_SEED"), 10, 64)
	if err != nil {
		return 1
	}
	return s
}
