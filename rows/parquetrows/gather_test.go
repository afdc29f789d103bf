package parquetrows

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// randomArray returns n random values of dt (some null when nulls), sliced
// from a longer array so that its offset is not 0.
func randomArray(r *rand.Rand, dt arrow.DataType, n int, nulls bool) arrow.Array {
	b := array.NewBuilder(memory.DefaultAllocator, dt)
	defer b.Release()
	skip := r.IntN(13)
	for k := 0; k < n+skip; k++ {
		if nulls && r.IntN(4) == 0 {
			b.AppendNull()
			continue
		}
		switch b := b.(type) {
		case *array.Int16Builder:
			b.Append(int16(r.Uint32()))
		case *array.Float64Builder:
			b.Append(r.NormFloat64())
		case *array.BooleanBuilder:
			b.Append(r.IntN(2) == 0)
		case *array.StringBuilder:
			b.Append(fmt.Sprint(r.IntN(1000)))
		case *array.Date32Builder:
			b.Append(arrow.Date32(r.Int32()))
		case *array.FixedSizeBinaryBuilder:
			b.Append([]byte{byte(k), byte(k >> 8), 7})
		}
	}
	whole := b.NewArray()
	defer whole.Release()
	return array.NewSlice(whole, int64(skip), int64(skip+n))
}

var gatherTypes = []arrow.DataType{
	arrow.PrimitiveTypes.Int16, arrow.PrimitiveTypes.Float64, arrow.FixedWidthTypes.Boolean,
	arrow.BinaryTypes.String, arrow.FixedWidthTypes.Date32, &arrow.FixedSizeBinaryType{ByteWidth: 3},
}

// TestGatherColumnIsTake checks gatherColumn against Arrow's take
// (takeByGroup) on random row groups, offsets, nulls and positions.
func TestGatherColumnIsTake(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, dt := range gatherTypes {
		for trial := 0; trial < 20; trial++ {
			nulls := trial%2 == 1
			srcs := make([]arrow.Array, 1+r.IntN(4))
			for g := range srcs {
				srcs[g] = randomArray(r, dt, 1+r.IntN(50), nulls)
				defer srcs[g].Release()
			}
			n := r.IntN(100)
			group, local := make([]int32, n), make([]int32, n)
			for k := range group {
				group[k] = r.Int32N(int32(len(srcs)))
				local[k] = r.Int32N(int32(srcs[group[k]].Len()))
			}
			for _, mem := range []memory.Allocator{nil, newOffHeap(1 << 30)} {
				got, ok := gatherColumn(mem, dt, srcs, group, local)
				if !ok {
					t.Fatalf("%s: not gathered", dt)
				}
				want, err := takeByGroup(memory.DefaultAllocator, dt, srcs, group, local)
				if err != nil {
					t.Fatal(err)
				}
				if !array.Equal(got, want) {
					t.Fatalf("%s trial %d: got %v, want %v", dt, trial, got, want)
				}
				got.Release()
				want.Release()
			}
		}
	}
}

// TestCompactKeepsValues checks compact copies chunks (sliced, so with
// offsets not 0, with and without nulls) value for value, as Arrow's
// Concatenate joins them.
func TestCompactKeepsValues(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for _, dt := range gatherTypes {
		for trial := 0; trial < 20; trial++ {
			chunks := make([]arrow.Array, 1+r.IntN(3))
			for k := range chunks {
				chunks[k] = randomArray(r, dt, r.IntN(70), trial%2 == 1)
				defer chunks[k].Release()
			}
			want, err := array.Concatenate(chunks, memory.DefaultAllocator)
			if err != nil {
				t.Fatal(err)
			}
			ch := arrow.NewChunked(dt, chunks)
			got, err := compact(ch, newOffHeap(1<<30), memory.DefaultAllocator)
			if err != nil {
				t.Fatal(err)
			}
			if got.Data().Offset() != 0 || !array.Equal(got, want) {
				t.Fatalf("%s: got %v, want %v", dt, got, want)
			}
			got.Release()
			want.Release()
			ch.Release()
		}
	}
}
