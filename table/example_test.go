package table_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// A directory of shards read as one table, as
// pd.concat([pd.read_csv(f) for f in sorted(files)], ignore_index=True)
// reads it: Spark's _SUCCESS is skipped, rows are numbered across the
// shards, and rows are written with the first shard's header.
func ExampleOpenDataset() {
	dir, _ := os.MkdirTemp("", "shards")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "part-00000.csv"), []byte("id,label\n0,a\n1,b\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "part-00001.csv"), []byte("id,label\n2,a\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "_SUCCESS"), nil, 0o644)

	files, _ := table.Files([]string{dir})
	d, err := table.OpenDataset(context.Background(), files, rows.Options{})
	if err != nil {
		panic(err)
	}
	defer d.Close()
	shard, row := d.Shard(2)
	fmt.Println(len(files), d.Len(), shard, row)
	d.WriteRowsContext(context.Background(), os.Stdout, []int{2, 0})
	// Output:
	// 2 3 1 0
	// id,label
	// 2,a
	// 0,a
}
