package parquetrows

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// WriteConcatWithColumn writes rows lo..hi-1 of the files' rows
// concatenated, with one more last column name holding values[i] (int64
// when every value is an integer, else string): one shard of
// pd.concat([...]).assign(name=values).to_parquet(), with the schema,
// metadata and codecs of files[0] (every file SameSchema).
func WriteConcatWithColumn(w io.Writer, files []*File, name string, values []string, lo, hi int) (err error) {
	p := files[0]
	out := &sink{w: w}
	defer out.blame(&err)
	defer catch(p.name, &err)
	n := 0
	for _, f := range files {
		if err := f.damagedErr(); err != nil {
			return err
		}
		n += f.n
	}
	if len(values) != n || lo < 0 || hi < lo || hi > n {
		return fmt.Errorf("parquetrows: %d values, range [%d, %d) for %d rows", len(values), lo, hi, n)
	}
	ints, isInt := allInts(values)
	extra := arrow.Field{Name: name, Type: arrow.BinaryTypes.String, Nullable: true}
	if isInt {
		extra.Type = arrow.PrimitiveTypes.Int64
	}
	md := p.schema.Metadata()
	sc := arrow.NewSchema(append(p.schema.Fields(), extra), &md)
	fw, err := p.newWriter(out, sc)
	if err != nil {
		return err
	}
	first := 0 // the dataset row of the file's first row
	for _, f := range files {
		c := newGroupCache(f)
		for g := 0; g < f.RowGroups(); g++ {
			glo, ghi := max(lo-first, f.rgStart[g]), min(hi-first, f.rgStart[g+1])
			if glo >= ghi {
				continue
			}
			// The row group's columns decoded in parallel, then taken
			// whole from the cache and let go once written.
			if _, err := c.prefetch(context.Background(), []int{g}); err != nil {
				c.release()
				return fmt.Errorf("%s: %w", f.name, err)
			}
			whole, err := c.group(context.Background(), g)
			if err != nil {
				c.release()
				return fmt.Errorf("%s: %w", f.name, err)
			}
			rec := whole.NewSlice(int64(glo-f.rgStart[g]), int64(ghi-f.rgStart[g]))
			col := valuesArray(f, ints, values, isInt, first+glo, first+ghi)
			cols := append(append([]arrow.Array(nil), rec.Columns()...), col)
			out := array.NewRecord(sc, cols, int64(ghi-glo))
			col.Release()
			err = fw.WriteBuffered(out)
			out.Release()
			rec.Release()
			c.drop(g)
			if err != nil {
				c.release()
				return fmt.Errorf("%s: %w", p.name, err)
			}
		}
		c.release()
		first += f.n
	}
	if err := fw.Close(); err != nil {
		return fmt.Errorf("%s: %w", p.name, err)
	}
	return nil
}

// allInts parses values as int64s; false when one is not an integer.
func allInts(values []string) ([]int64, bool) {
	ints := make([]int64, len(values))
	for i, v := range values {
		x, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, false
		}
		ints[i] = x
	}
	return ints, true
}

// valuesArray is the Arrow array of values[lo:hi] (ints when isInt).
func valuesArray(f *File, ints []int64, values []string, isInt bool, lo, hi int) arrow.Array {
	if isInt {
		b := array.NewInt64Builder(f.mem)
		defer b.Release()
		b.AppendValues(ints[lo:hi], nil)
		return b.NewArray()
	}
	b := array.NewStringBuilder(f.mem)
	defer b.Release()
	b.AppendValues(values[lo:hi], nil)
	return b.NewArray()
}
