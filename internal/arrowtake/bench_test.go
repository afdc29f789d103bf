package arrowtake

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/compute"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// BenchmarkTake compares Take to compute.TakeArray on 1M values (a tenth
// null) taken by a random permutation. Run it with -benchtime=1x: compute
// v15 grows its string data and list child indices quadratically, so one
// of its utf8 or list takes of 1M values lasts over a minute.
func BenchmarkTake(b *testing.B) {
	const n = 1 << 20
	r := rand.New(rand.NewPCG(9, 10))
	mem := memory.DefaultAllocator
	ints := array.NewInt64Builder(mem)
	strs := array.NewStringBuilder(mem)
	lists := array.NewListBuilder(mem, arrow.PrimitiveTypes.Int64)
	elems := lists.ValueBuilder().(*array.Int64Builder)
	for i := range n {
		if i%10 == 0 {
			ints.AppendNull()
			strs.AppendNull()
			lists.AppendNull()
			continue
		}
		ints.Append(r.Int64())
		strs.Append("value " + string(rune('a'+i%26)))
		lists.Append(true)
		for range i % 4 {
			elems.Append(int64(i))
		}
	}
	indices := r.Perm(n)
	ib := array.NewInt64Builder(mem)
	for _, i := range indices {
		ib.Append(int64(i))
	}
	idx := ib.NewArray()
	defer idx.Release()
	for _, values := range []arrow.Array{ints.NewArray(), strs.NewArray(), lists.NewArray()} {
		b.Run(values.DataType().String()+"/arrowtake", func(b *testing.B) {
			for b.Loop() {
				out, err := Take(mem, values, indices, nil)
				if err != nil {
					b.Fatal(err)
				}
				out.Release()
			}
		})
		b.Run(values.DataType().String()+"/compute", func(b *testing.B) {
			for b.Loop() {
				out, err := compute.TakeArray(context.Background(), values, idx)
				if err != nil {
					b.Fatal(err)
				}
				out.Release()
			}
		})
		values.Release()
	}
}
