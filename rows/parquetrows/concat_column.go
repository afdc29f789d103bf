package parquetrows

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// WriteConcatWithFolds writes rows lo..hi-1 of the files' rows
// concatenated, with one more last column name holding folds[i]: int64
// when no fold is negative, else strings, "" for a negative fold (a row no
// fold tests): one shard of
// pd.concat([...]).assign(name=folds).to_parquet(), with the schema,
// metadata and codecs of files[0] (every file SameSchema).
func WriteConcatWithFolds(w io.Writer, files []*File, name string, folds []int, lo, hi int) (err error) {
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
	if len(folds) != n || lo < 0 || hi < lo || hi > n {
		return fmt.Errorf("parquetrows: %d folds, range [%d, %d) for %d rows", len(folds), lo, hi, n)
	}
	isInt := !slices.ContainsFunc(folds, func(f int) bool { return f < 0 })
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
			col := foldsArray(f, folds[first+glo:first+ghi], isInt)
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

// foldsArray is the Arrow array of folds: int64s when isInt, else their
// decimals as strings, "" for a negative fold.
func foldsArray(f *File, folds []int, isInt bool) arrow.Array {
	if isInt {
		b := array.NewInt64Builder(f.mem)
		defer b.Release()
		b.Reserve(len(folds))
		for _, v := range folds {
			b.UnsafeAppend(int64(v))
		}
		return b.NewArray()
	}
	b := array.NewStringBuilder(f.mem)
	defer b.Release()
	b.Reserve(len(folds))
	var num []byte
	for _, v := range folds {
		num = num[:0]
		if v >= 0 {
			num = strconv.AppendInt(num, int64(v), 10)
		}
		b.BinaryBuilder.Append(num)
	}
	return b.NewArray()
}
