package splitbeam

import (
	"math"
	"reflect"
	"testing"

	"github.com/splitter-dev/splitter/rows"
)

func TestConcatColumns(t *testing.T) {
	ints := func(v ...int64) *rows.Column { return &rows.Column{Kind: rows.Int64, Ints: v} }
	floats := func(v ...float64) *rows.Column { return &rows.Column{Kind: rows.Float64, Floats: v} }
	strs := func(null []bool, v ...string) *rows.Column {
		return &rows.Column{Kind: rows.String, Strings: v, Null: null}
	}
	empty := &rows.Column{Kind: rows.String, Strings: []string{}}
	nan := math.NaN()
	for _, c := range []struct {
		name string
		in   []*rows.Column
		want *rows.Column
	}{
		{"int64", []*rows.Column{ints(1, 2), empty, ints(3)}, &rows.Column{Name: "c", Kind: rows.Int64, Ints: []int64{1, 2, 3}}},
		{"int64 and float64", []*rows.Column{ints(1), floats(2.5)}, &rows.Column{Name: "c", Kind: rows.Float64, Floats: []float64{1, 2.5}}},
		{"strings with NaN", []*rows.Column{strs(nil, "a"), strs([]bool{true, false}, "", "b")}, &rows.Column{Name: "c", Kind: rows.String, Strings: []string{"a", "", "b"}, Null: []bool{false, true, false}}},
		{"int64 and str", []*rows.Column{ints(1), strs([]bool{false, true}, "a", "")}, &rows.Column{Name: "c", Kind: rows.Mixed, Values: []any{int64(1), "a", nan}}},
		{"only empty shards", []*rows.Column{empty, empty}, &rows.Column{Name: "c", Kind: rows.String, Strings: []string{}}},
	} {
		got := concatColumns("c", c.in)
		if !sameColumn(got, c.want) {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

// sameColumn compares columns, NaN equal to NaN.
func sameColumn(a, b *rows.Column) bool {
	if a.Kind != b.Kind || a.Name != b.Name || a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		x, y := a.Value(i), b.Value(i)
		if fx, ok := x.(float64); ok && math.IsNaN(fx) {
			if fy, ok := y.(float64); ok && math.IsNaN(fy) {
				continue
			}
		}
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}
