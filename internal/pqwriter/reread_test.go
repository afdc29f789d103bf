package pqwriter

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

// readRecords reads a Parquet file with pqarrow's record reader, in
// batches of batch rows, string and binary columns read as dictionaries
// when dict: the arrays splitter gets and writes back.
func readRecords(data []byte, batch int64, dict bool) (sc *arrow.Schema, recs []arrow.Record, err error) {
	defer func() {
		if r := recover(); r != nil { // pqarrow's reader panics on some files pqarrow writes
			sc, recs, err = nil, nil, fmt.Errorf("reader panicked: %v", r)
		}
	}()
	pr, err := file.NewParquetReader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	props := pqarrow.ArrowReadProperties{BatchSize: batch}
	if dict {
		for i := 0; i < pr.MetaData().Schema.NumColumns(); i++ {
			props.SetReadDict(i, true)
		}
	}
	fr, err := pqarrow.NewFileReader(pr, props, mem)
	if err != nil {
		return nil, nil, err
	}
	rr, err := fr.GetRecordReader(context.Background(), nil, nil)
	if err != nil {
		return nil, nil, err
	}
	defer rr.Release()
	for rr.Next() {
		r := rr.Record()
		r.Retain()
		recs = append(recs, r)
	}
	if err := rr.Err(); err != nil && err != io.EOF {
		release(recs)
		return nil, nil, err
	}
	return rr.Schema(), recs, nil
}

// TestRewriteReadRecords: records as pqarrow's reader returns them
// (record batches, dictionaries read as such, the file's metadata) are
// written identically, by Write, WriteBuffered and WriteColumnData.
func TestRewriteReadRecords(t *testing.T) {
	written := 0
	for seed := firstSeed(); seed < firstSeed()+260; seed++ {
		o := run(seed, false, oracle)
		release(o.recs)
		if o.err != nil || o.panicked != nil {
			continue
		}
		g := newGen(seed+1000000, false)
		batch, dict := int64(1+g.pick(50)), g.pick(2) == 0
		read := func() []arrow.Record {
			_, recs, err := readRecords(o.file, batch, dict)
			if err != nil {
				return nil
			}
			return recs
		}
		sc, recs, err := readRecords(o.file, batch, dict)
		if err != nil {
			t.Logf("seed %d: not read back: %v", seed, err)
			continue
		}
		release(recs)
		props := g.props(sc)
		mode := g.pick(3)
		var calls []call
		calls = append(calls, func(fw writerAPI) error {
			// each writer gets records of its own reading
			for _, r := range read() {
				if err := writeRecord(fw, r, mode, g); err != nil {
					return err
				}
			}
			return nil
		})
		if bothProps(t, fmt.Sprintf("seed %d", seed), sc, props, calls...) {
			written++
		}
		if t.Failed() {
			break
		}
	}
	t.Logf("%d files rewritten identically", written)
	if written < 150 {
		t.Errorf("only %d files rewritten", written)
	}
}
