package arrow15

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

func TestArrowGroupsIntWithNulls(t *testing.T) {
	b := array.NewInt32Builder(memory.DefaultAllocator)
	defer b.Release()
	b.AppendValues([]int32{3, 0, 1, 3}, []bool{true, false, true, true})
	col := b.NewArray()
	defer col.Release()
	g, err := Groups(col)
	if err != nil {
		t.Fatal(err)
	}
	// pandas reads the column as float64: groups 1.0 and 3.0, the null dropped.
	if len(g.Members) != 2 || g.Members[0][0] != 2 || len(g.Members[1]) != 2 {
		t.Errorf("groups %v", g.Members)
	}
}

func TestArrowWeightsAndErrors(t *testing.T) {
	mem := memory.DefaultAllocator
	fb := array.NewFloat64Builder(mem)
	defer fb.Release()
	fb.AppendValues([]float64{1.5, 0, 2}, []bool{true, false, true})
	f := fb.NewArray()
	defer f.Release()
	w, err := Weights(f)
	if err != nil || w[0] != 1.5 || !math.IsNaN(w[1]) || w[2] != 2 {
		t.Errorf("weights %v %v", w, err)
	}
	sb := array.NewBinaryBuilder(mem, arrow.BinaryTypes.Binary)
	defer sb.Release()
	sb.Append([]byte("x"))
	bin := sb.NewArray()
	defer bin.Release()
	if _, err := Weights(bin); !errors.Is(err, ErrColumnType) {
		t.Errorf("binary weights: %v", err)
	}
	if _, err := Groups(bin); !errors.Is(err, ErrColumnType) {
		t.Errorf("binary keys: %v", err)
	}
	schema := arrow.NewSchema([]arrow.Field{{Name: "w", Type: arrow.PrimitiveTypes.Float64, Nullable: true}}, nil)
	rec := array.NewRecord(schema, []arrow.Array{f}, 3)
	defer rec.Release()
	if _, err := Take(context.Background(), rec, []int{3}); err == nil {
		t.Error("position out of range accepted")
	}
	out, err := Take(context.Background(), rec, []int{2, 2, 1})
	if err != nil {
		t.Fatal(err)
	}
	defer out.Release()
	if c := out.Column(0); c.Len() != 3 || !c.IsNull(2) || c.(*array.Float64).Value(0) != 2 {
		t.Errorf("take: %v", c)
	}
}
