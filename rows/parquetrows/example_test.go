package parquetrows_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// Example writes a small Parquet file, reads a column as pandas would and
// writes its rows in another order (df.iloc[[2, 0]].to_parquet(...)).
func Example() {
	dir, _ := os.MkdirTemp("", "parquetrows-example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "data.parquet")

	sc := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "label", Type: arrow.BinaryTypes.String},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	b.Field(0).(*array.Int64Builder).AppendValues([]int64{10, 11, 12}, nil)
	b.Field(1).(*array.StringBuilder).AppendValues([]string{"a", "b", "a"}, nil)
	rec := b.NewRecord()
	f, _ := os.Create(path)
	fw, _ := pqarrow.NewFileWriter(sc, f, nil, pqarrow.NewArrowWriterProperties())
	fw.Write(rec)
	fw.Close()
	f.Close()

	p, err := parquetrows.Open(path, parquetrows.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	col, _ := p.Column("id")
	fmt.Println(p.Len(), p.Names(), col.Dtype(), col.Ints)

	var out bytes.Buffer
	if err := p.WriteRows(&out, []int{2, 0}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(out.Bytes(), []byte("PAR1")))
	// Output:
	// 3 [id label] int64 [10 11 12]
	// true
}
