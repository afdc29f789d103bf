package parquetrows

import (
	"fmt"
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"github.com/splitter-dev/splitter/rows"
)

// Column reads the column called name typed as pd.read_parquet(path)[name]
// holds it (pyarrow's Table.to_pandas with pandas 1.5 defaults):
//   - signed and unsigned integers up to 32 bits and int64: int64 values
//     (Kind Int64); uint64: Kind Uint64; an integer column with a null
//     becomes float64 with NaN, as to_pandas does;
//   - float16/32/64: Kind Float64 (float32 values widened exactly), NaN where
//     null;
//   - bool: Kind Bool (object in pandas when it has a null);
//   - string and large_string: Kind String, Null where null;
//   - dictionary (pandas categorical): its decoded values, typed as above.
//
// pandas holds a null of a bool or string column as None where a CSV read
// holds NaN; both are marked in Column.Null. Other types fail with
// ErrColumnType.
func (p *File) Column(name string) (_ *rows.Column, err error) {
	defer p.remember(&err)
	defer catch(p.name, &err)
	if err := p.damagedErr(); err != nil {
		return nil, err
	}
	i, err := p.column(name)
	if err != nil {
		return nil, err
	}
	groups := make([]int, p.RowGroups())
	for g := range groups {
		groups[g] = g
	}
	ch, err := p.readField(i, groups)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.name, err)
	}
	defer ch.Release()
	col := &rows.Column{Name: name}
	if err := fillColumn(col, ch.DataType(), ch.Chunks(), p.n); err != nil {
		return nil, fmt.Errorf("%s: column %q: %w", p.name, name, err)
	}
	return col, nil
}

// fillColumn types the chunks of one column into col.
func fillColumn(col *rows.Column, dt arrow.DataType, chunks []arrow.Array, n int) error {
	if d, ok := dt.(*arrow.DictionaryType); ok {
		dec := make([]arrow.Array, 0, len(chunks))
		for _, c := range chunks {
			a, err := decodeDict(c.(*array.Dictionary))
			if err != nil {
				return err
			}
			defer a.Release()
			dec = append(dec, a)
		}
		return fillColumn(col, d.ValueType, dec, n)
	}
	nulls := 0
	for _, c := range chunks {
		nulls += c.NullN()
	}
	null := func() []bool {
		if nulls == 0 {
			return nil
		}
		out := make([]bool, 0, n)
		for _, c := range chunks {
			for j := 0; j < c.Len(); j++ {
				out = append(out, c.IsNull(j))
			}
		}
		return out
	}
	switch dt.ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16, arrow.UINT32:
		if nulls > 0 {
			col.Kind = rows.Float64
			col.Floats = make([]float64, 0, n)
			each(chunks, func(a arrow.Array, j int) {
				if a.IsNull(j) {
					col.Floats = append(col.Floats, math.NaN())
				} else {
					col.Floats = append(col.Floats, float64(intAt(a, j)))
				}
			})
			col.Null = null()
			return nil
		}
		col.Kind = rows.Int64
		col.Ints = make([]int64, 0, n)
		each(chunks, func(a arrow.Array, j int) { col.Ints = append(col.Ints, intAt(a, j)) })
	case arrow.UINT64:
		if nulls > 0 {
			col.Kind = rows.Float64
			col.Floats = make([]float64, 0, n)
			each(chunks, func(a arrow.Array, j int) {
				if a.IsNull(j) {
					col.Floats = append(col.Floats, math.NaN())
				} else {
					col.Floats = append(col.Floats, float64(a.(*array.Uint64).Value(j)))
				}
			})
			col.Null = null()
			return nil
		}
		col.Kind = rows.Uint64
		col.Uints = make([]uint64, 0, n)
		each(chunks, func(a arrow.Array, j int) { col.Uints = append(col.Uints, a.(*array.Uint64).Value(j)) })
	case arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64:
		col.Kind = rows.Float64
		col.Floats = make([]float64, 0, n)
		each(chunks, func(a arrow.Array, j int) {
			if a.IsNull(j) {
				col.Floats = append(col.Floats, math.NaN())
				return
			}
			switch v := a.(type) {
			case *array.Float64:
				col.Floats = append(col.Floats, v.Value(j))
			case *array.Float32:
				col.Floats = append(col.Floats, float64(v.Value(j)))
			case *array.Float16:
				col.Floats = append(col.Floats, float64(v.Value(j).Float32()))
			}
		})
		col.Null = null()
	case arrow.BOOL:
		col.Kind = rows.Bool
		col.Bools = make([]bool, 0, n)
		each(chunks, func(a arrow.Array, j int) {
			col.Bools = append(col.Bools, a.IsValid(j) && a.(*array.Boolean).Value(j))
		})
		col.Null = null()
	case arrow.STRING, arrow.LARGE_STRING:
		col.Kind = rows.String
		col.Strings = make([]string, 0, n)
		each(chunks, func(a arrow.Array, j int) {
			s := ""
			if a.IsValid(j) {
				switch v := a.(type) {
				case *array.String:
					s = v.Value(j)
				case *array.LargeString:
					s = v.Value(j)
				}
			}
			col.Strings = append(col.Strings, s)
		})
		col.Null = null()
	default:
		return fmt.Errorf("%w: %s", ErrColumnType, dt)
	}
	return nil
}

// each calls f for every element of the chunks in order.
func each(chunks []arrow.Array, f func(a arrow.Array, j int)) {
	for _, c := range chunks {
		for j := 0; j < c.Len(); j++ {
			f(c, j)
		}
	}
}

// intAt returns element j of an integer array (up to 32-bit unsigned or
// 64-bit signed) as int64.
func intAt(a arrow.Array, j int) int64 {
	switch v := a.(type) {
	case *array.Int8:
		return int64(v.Value(j))
	case *array.Int16:
		return int64(v.Value(j))
	case *array.Int32:
		return int64(v.Value(j))
	case *array.Int64:
		return v.Value(j)
	case *array.Uint8:
		return int64(v.Value(j))
	case *array.Uint16:
		return int64(v.Value(j))
	case *array.Uint32:
		return int64(v.Value(j))
	}
	panic(fmt.Sprintf("parquetrows: not an integer array: %T", a))
}

// decodeDict returns the values of a dictionary array in row order (nulls
// kept), as pandas' Categorical.__array__ gives them.
func decodeDict(d *array.Dictionary) (arrow.Array, error) {
	idx := make([]int, d.Len())
	valid := make([]bool, d.Len())
	size := d.Dictionary().Len()
	for j := range idx {
		valid[j] = d.IsValid(j)
		if valid[j] {
			idx[j] = d.GetValueIndex(j)
			// Checked here, to name the file's damage (arrowtake would
			// refuse the index too).
			if idx[j] < 0 || idx[j] >= size {
				return nil, fmt.Errorf("%w: dictionary index %d out of range [0, %d)", ErrParquet, idx[j], size)
			}
		}
	}
	return takeArray(d.Dictionary(), idx, valid)
}
