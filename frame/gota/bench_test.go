package gota

import (
	"strconv"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/splitter-dev/splitter/sample"
)

// BenchmarkTakeShuffle100k shuffles a 100,000-row gota DataFrame (an
// int and a string column).
func BenchmarkTakeShuffle100k(b *testing.B) {
	const n = 100000
	ints := make([]int, n)
	strs := make([]string, n)
	for i := range n {
		ints[i], strs[i] = i, strconv.Itoa(i)
	}
	df := dataframe.New(series.New(ints, series.Int, "i"), series.New(strs, series.String, "s"))
	rs, _ := sample.Seed(1)
	pos, _ := sample.Shuffle(n, rs)
	for b.Loop() {
		if _, err := Take(df, pos); err != nil {
			b.Fatal(err)
		}
	}
}
