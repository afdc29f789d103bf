package gota_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/go-gota/gota/dataframe"

	"github.com/splitter-dev/splitter/frame/gota"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/sample"
	"github.com/splitter-dev/splitter/split"
)

// df.sample(frac=0.5, random_state=1) on a gota DataFrame: package
// sample draws the positions, gota.Take takes the rows.
func Example() {
	df := dataframe.ReadCSV(strings.NewReader("city\nOslo\nLima\nPune\nKyiv\nBaku\nRome\nDoha\nNuuk\n"),
		dataframe.NaNValues(gota.NAValues()))
	rs, _ := sample.Seed(1)
	pos, err := sample.Frame(df.Nrow(), sample.Options{Frac: new(0.5), RandomState: rs})
	if err != nil {
		panic(err)
	}
	out, err := gota.Take(df, pos)
	if err != nil {
		panic(err)
	}
	fmt.Println(out.Col("city").Records())
	// Output: [Nuuk Pune Lima Doha]
}

// df.groupby("g").sample(n=1, random_state=5) on a gota DataFrame.
func ExampleGroups() {
	df := dataframe.ReadCSV(strings.NewReader("v,g\n0,x\n1,y\n2,x\n3,y\n4,x\n5,y\n6,x\n7,y\n8,z\n9,z\n"),
		dataframe.NaNValues(gota.NAValues()))
	g, err := gota.Groups(df, "g")
	if err != nil {
		panic(err)
	}
	rs, _ := sample.Seed(5)
	pos, err := sample.GroupBy(g, sample.Options{N: new(1), RandomState: rs})
	if err != nil {
		panic(err)
	}
	out, _ := gota.Take(df, pos)
	fmt.Println(out.Col("v").Records())
	// Output: [0 7 9]
}

// train_test_split(df, test_size=0.5, stratify=df["y"], random_state=0):
// Labels encodes the column as scikit-learn does.
func ExampleLabels() {
	df := dataframe.ReadCSV(strings.NewReader("v,y\n0,b\n1,a\n2,b\n3,a\n4,b\n5,a\n"),
		dataframe.NaNValues(gota.NAValues()))
	y, err := gota.Labels(df, "y")
	if err != nil {
		panic(err)
	}
	_, test, err := split.TrainTestSplit(df.Nrow(), split.TrainTestOptions{
		TestSize: split.FloatSize(0.5), RandomState: split.Seed(0), Stratify: y})
	if err != nil {
		panic(err)
	}
	fmt.Println(test)
	// Output: [2 3 1]
}

// gota's WriteCSV prints floats with six decimals (0.0009683 becomes
// 0.000968). To write the sampled rows exactly, index the same file with
// package rows and write the rows at the positions: each row's bytes as
// the file holds them, as df.iloc[pos].to_csv would select them.
func Example_exactWrite() {
	const data = "id,score\n1,0.0009683\n2,0.25\n3,1e-07\n4,2.5\n"
	df := dataframe.ReadCSV(strings.NewReader(data), dataframe.NaNValues(gota.NAValues()))
	rs, _ := sample.Seed(4)
	pos, err := sample.Frame(df.Nrow(), sample.Options{N: new(2), RandomState: rs})
	if err != nil {
		panic(err)
	}

	out, _ := gota.Take(df, pos)
	out.WriteCSV(os.Stdout) // reformatted floats

	ix, err := rows.IndexBytes("data.csv", []byte(data), rows.Options{})
	if err != nil {
		panic(err)
	}
	defer ix.Close()
	if err := ix.WriteRows(os.Stdout, pos); err != nil { // the file's own bytes
		panic(err)
	}
	// Output:
	// id,score
	// 1,0.000968
	// 2,0.250000
	// id,score
	// 1,0.0009683
	// 2,0.25
}
