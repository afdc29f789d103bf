package arrow15

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"github.com/splitter-dev/splitter/split"
)

// TestLabelsTypes: each Arrow type is encoded as the pandas dtype
// pd.read_csv gives its values (the live tests cover int64, float64,
// string, boolean and uint64 against Python).
func TestLabelsTypes(t *testing.T) {
	mem := memory.DefaultAllocator
	i32 := array.NewInt32Builder(mem)
	defer i32.Release()
	i32.AppendValues([]int32{3, 0, -1, 3}, []bool{true, false, true, true})
	f32 := array.NewFloat32Builder(mem)
	defer f32.Release()
	f32.AppendValues([]float32{0.1, 2, 0.1}, nil)
	u64 := array.NewUint64Builder(mem)
	defer u64.Release()
	u64.AppendValues([]uint64{math.MaxUint64, 5, 0}, []bool{true, true, false})
	str := array.NewLargeStringBuilder(mem)
	defer str.Release()
	str.AppendNulls(3)
	nan := math.NaN()
	for _, c := range []struct {
		name    string
		b       array.Builder
		want    split.Labels
		wantCls []int // nil: ErrMissingValue
	}{
		{"int32 with a null is float64", i32, split.EncodeFloats([]float64{3, nan, -1, 3}), nil},
		{"float32 widened", f32, split.EncodeFloats([]float64{float64(float32(0.1)), 2, float64(float32(0.1))}),
			split.ClassEncodeFloats([]float64{float64(float32(0.1)), 2, float64(float32(0.1))}).Codes()},
		{"uint64 with a null is float64", u64, split.EncodeFloats([]float64{math.MaxUint64, 5, nan}), nil},
		{"all null is float64", str, split.EncodeFloats([]float64{nan, nan, nan}), nil},
	} {
		col := c.b.NewArray()
		l, err := Labels(col)
		if err != nil || !slices.Equal(l.Codes(), c.want.Codes()) || l.NumClasses() != c.want.NumClasses() {
			t.Errorf("%s: Labels = %v %v, want %v", c.name, l.Codes(), err, c.want.Codes())
		}
		_, _, lerr := split.TrainTestSplit(l.Len(), split.TrainTestOptions{TestSize: split.IntSize(1), RandomState: split.Seed(0), Stratify: l})
		_, _, werr := split.TrainTestSplit(l.Len(), split.TrainTestOptions{TestSize: split.IntSize(1), RandomState: split.Seed(0), Stratify: c.want})
		if (lerr == nil) != (werr == nil) {
			t.Errorf("%s: train_test_split %v, want %v", c.name, lerr, werr)
		}
		hf, err := ClassLabels(col)
		switch {
		case c.wantCls == nil && !errors.Is(err, ErrMissingValue):
			t.Errorf("%s: ClassLabels error %v, want ErrMissingValue", c.name, err)
		case c.wantCls != nil && (err != nil || !slices.Equal(hf.Codes(), c.wantCls)):
			t.Errorf("%s: ClassLabels %v %v, want %v", c.name, hf.Codes(), err, c.wantCls)
		}
		col.Release()
	}
	bin := array.NewBinaryBuilder(mem, arrow.BinaryTypes.Binary)
	defer bin.Release()
	bin.Append([]byte("x"))
	col := bin.NewArray()
	defer col.Release()
	if _, err := Labels(col); !errors.Is(err, ErrColumnType) {
		t.Errorf("binary labels: %v", err)
	}
}
