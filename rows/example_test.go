package rows_test

import (
	"fmt"
	"os"

	"github.com/splitter-dev/splitter/rows"
)

// Example indexes a CSV the way pandas.read_csv numbers its rows, reads a
// label column with pandas' typing, and writes the rows in a new order
// byte for byte (df.iloc[[2, 0]] keeping the input's bytes).
func Example() {
	csv := "id,label\n1,\"a,b\"\n\n2,10\n3,9"
	ix, err := rows.IndexBytes("data.csv", []byte(csv), rows.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	col, _ := ix.Column("label")
	fmt.Println(ix.Len(), ix.Names(), col.Dtype(), col.Strings)
	ix.WriteRows(os.Stdout, []int{2, 0})
	// Output:
	// 3 [id label] object [a,b 10 9]
	// id,label
	// 3,9
	// 1,"a,b"
}

// ExampleIndex_Column shows pandas' inference: ints with a missing value
// become float64 with NaN.
func ExampleIndex_Column() {
	ix, _ := rows.IndexBytes("data.csv", []byte("y,x\n10,a\n,b\n9,c\n"), rows.Options{})
	col, _ := ix.Column("y")
	fmt.Println(col.Dtype(), col.Floats[0], col.Null[1], col.Floats[2])
	_, err := ix.Column("z")
	fmt.Println(err)
	// Output:
	// float64 10 true 9
	// data.csv: no such column "z"
}
