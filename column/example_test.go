package column_test

import (
	"fmt"

	"github.com/splitter-dev/splitter/column"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/sample"
)

// pd.read_csv(f).groupby("g").sample(n=1, random_state=7) on a CSV read by
// package rows: the row with no g belongs to no group.
func ExampleGroups() {
	ix, err := rows.IndexBytes("data.csv", []byte("v,g\n0,x\n1,y\n2,x\n3,\n4,y\n"), rows.Options{})
	if err != nil {
		panic(err)
	}
	defer ix.Close()
	col, err := ix.Column("g")
	if err != nil {
		panic(err)
	}
	g, err := column.Groups(col)
	if err != nil {
		panic(err)
	}
	rs, _ := sample.Seed(7)
	pos, err := sample.GroupBy(g, sample.Options{N: new(1), RandomState: rs})
	fmt.Println(pos, err)
	// Output: [0 4] <nil>
}
