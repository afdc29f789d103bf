package main

import (
	"bytes"
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendLine: appendLine is strconv.AppendUint and a line end, at
// every digit count's edges and on random values.
func TestAppendLine(t *testing.T) {
	vals := []uint64{0, math.MaxUint64, math.MaxInt32, math.MaxInt64}
	for p := uint64(1); p <= 1e19; p *= 10 {
		vals = append(vals, p-1, p, p+1)
		if p == 1e19 {
			break
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		vals = append(vals, r.Uint64()>>r.IntN(64))
	}
	buf := []byte("x")
	for _, v := range vals {
		want := strconv.AppendUint([]byte("x"), v, 10)
		want = append(want, '\n')
		if got := appendLine(buf[:1], v); !bytes.Equal(got, want) {
			t.Fatalf("appendLine(%d) = %q, want %q", v, got, want)
		}
		if got := lineLen(v); got != len(want)-1 {
			t.Fatalf("lineLen(%d) = %d, want %d", v, got, len(want)-1)
		}
	}
}

// TestWriteIndices: blocks are written in order whatever their count,
// a writer's error stops the writing, and so does a cancelled context.
func TestWriteIndices(t *testing.T) {
	for _, n := range []int{0, 1, 65535, 65536, 65537, 3*65536 + 7} {
		p := make([]int32, n)
		var want []byte
		for i := range p {
			p[i] = int32(n - 1 - i)
			want = strconv.AppendInt(want, int64(p[i]), 10)
			want = append(want, '\n')
		}
		var got bytes.Buffer
		if err := writeIndices(context.Background(), &got, p); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("n=%d: the lines differ", n)
		}
	}
	p := make([]int, 5*65536)
	boom := errors.New("disk full")
	if err := writeIndices(context.Background(), &failAfter{n: 2, err: boom}, p); !errors.Is(err, boom) {
		t.Errorf("a failing writer gave %v, want %v", err, boom)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := writeIndices(ctx, &failAfter{n: 1 << 30}, p); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled context gave %v", err)
	}
}

// failAfter fails its writes after n of them.
type failAfter struct {
	n   int
	err error
}

func (f *failAfter) Write(b []byte) (int, error) {
	if f.n == 0 {
		return 0, f.err
	}
	f.n--
	return len(b), nil
}
