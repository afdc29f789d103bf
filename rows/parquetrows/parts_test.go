package parquetrows

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"testing"
)

// TestWritePartsIsWriteRows: WritePartsContext writes each part as
// WriteRowsContext alone does, byte for byte, whether the row groups fit
// in the cache (decoded in parallel, parts written at once) or not (parts
// in turn), and with parts that share rows or hold none.
func TestWritePartsIsWriteRows(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 1))
	for _, tc := range []struct {
		n, rg, parts int
		cache        int64
	}{
		{1000, 64, 2, 0},
		{1000, 64, 3, 0},
		{1000, 1000, 2, 0}, // one row group: parallel by column only
		{1000, 64, 2, 1 << 10},
		{50, 7, 5, 0},
		{0, 5, 2, 0},
	} {
		t.Run(fmt.Sprintf("%d_%d_%d_%d", tc.n, tc.rg, tc.parts, tc.cache), func(t *testing.T) {
			pq := filepath.Join(t.TempDir(), "d.parquet")
			randomTable(r, tc.n).writeParquet(t, pq, tc.rg)
			orders := make([][]int, tc.parts)
			for _, i := range r.Perm(tc.n) {
				k := r.IntN(tc.parts)
				orders[k] = append(orders[k], i)
			}
			if tc.n > 0 {
				orders[tc.parts-1] = append(orders[tc.parts-1], orders[0][:min(len(orders[0]), 9)]...)
			}
			want := make([][]byte, tc.parts)
			for k, order := range orders {
				p, err := Open(pq, Options{CacheBytes: tc.cache})
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := p.WriteRows(&b, order); err != nil {
					t.Fatal(err)
				}
				p.Close()
				want[k] = b.Bytes()
			}
			p, err := Open(pq, Options{CacheBytes: tc.cache})
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			bufs := make([]bytes.Buffer, tc.parts)
			ws := make([]io.Writer, tc.parts)
			for k := range ws {
				ws[k] = &bufs[k]
			}
			if err := p.WritePartsContext(context.Background(), ws, orders); err != nil {
				t.Fatal(err)
			}
			for k := range want {
				if !bytes.Equal(bufs[k].Bytes(), want[k]) {
					t.Errorf("part %d: %d bytes, WriteRows writes %d different ones", k, bufs[k].Len(), len(want[k]))
				}
			}
		})
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// shortWriter takes left bytes, then fails with err.
type shortWriter struct {
	left int
	err  error
}

func (w *shortWriter) Write(b []byte) (int, error) {
	if len(b) > w.left {
		n := w.left
		w.left = 0
		return n, w.err
	}
	w.left -= len(b)
	return len(b), nil
}

// TestWritePartsErrors: a part's failing writer, a row out of range, a
// cancelled context and mismatched lengths each end WritePartsContext
// with that error.
func TestWritePartsErrors(t *testing.T) {
	pq := filepath.Join(t.TempDir(), "d.parquet")
	randomTable(rand.New(rand.NewPCG(18, 2)), 500).writeParquet(t, pq, 50)
	p, err := Open(pq, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	perm := rand.New(rand.NewPCG(18, 3)).Perm(500)
	orders := [][]int{perm[:400], perm[400:]}
	full := errors.New("disk full")
	err = p.WritePartsContext(context.Background(), []io.Writer{io.Discard, failingWriter{full}}, orders)
	if !errors.Is(err, full) || errors.Is(err, ErrParquet) {
		t.Errorf("failing writer: got %v, want %v (the output's failure, not the input's)", err, full)
	}
	if err := p.WriteRows(io.Discard, perm); err != nil {
		t.Errorf("after a failed output, the input is taken for damaged: %v", err)
	}
	for _, w := range []io.Writer{failingWriter{full}, &shortWriter{left: 100, err: full}} {
		if err := p.WriteRows(w, perm); !errors.Is(err, full) || errors.Is(err, ErrParquet) {
			t.Errorf("WriteRows to a failing writer: got %v, want %v", err, full)
		}
		if err := p.WriteWithFolds(w, "fold", make([]int, 500)); !errors.Is(err, full) || errors.Is(err, ErrParquet) {
			t.Errorf("WriteWithFolds to a failing writer: got %v, want %v", err, full)
		}
	}
	err = p.WritePartsContext(context.Background(), []io.Writer{io.Discard, io.Discard}, [][]int{perm[:400], {500}})
	if err == nil {
		t.Error("row 500 of 500: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.WritePartsContext(ctx, []io.Writer{io.Discard, io.Discard}, orders); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
	if err := p.WritePartsContext(context.Background(), []io.Writer{io.Discard}, orders); err == nil {
		t.Error("one writer for two parts: no error")
	}
}
