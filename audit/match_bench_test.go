package audit

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/splitter-dev/splitter/rows"
)

// benchFiles indexes a CSV of n rows (an int id, a float, a string and a
// class) and its 80/20 parts as splitter writes them (the input's lines).
func benchFiles(b *testing.B, n int) (data, train, test *rows.Index) {
	b.Helper()
	head := "id,x,name,y\n"
	d, tr, te := []byte(head), []byte(head), []byte(head)
	for i := range n {
		line := fmt.Sprintf("%d,%d.%02d,name%d,%d\n", i, i%9973, i%100, i*7, i%3)
		d = append(d, line...)
		if i%5 == 0 {
			te = append(te, line...)
		} else {
			tr = append(tr, line...)
		}
	}
	ix := func(name string, b2 []byte) *rows.Index {
		x, err := rows.IndexBytes(name, b2, rows.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { x.Close() })
		return x
	}
	return ix("data", d), ix("train", tr), ix("test", te)
}

// BenchmarkMatchBytes1M: today's matching of parts to the data by their
// bytes (1M rows, 4 columns).
func BenchmarkMatchBytes1M(b *testing.B) {
	d, tr, te := benchFiles(b, 1_000_000)
	b.ResetTimer()
	for range b.N {
		if _, err := PartitionOf(d, tr, te, [3]string{"d", "tr", "te"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchValues1M: matching by values as pandas reads them (the
// same files).
func BenchmarkMatchValues1M(b *testing.B) {
	d, tr, te := benchFiles(b, 1_000_000)
	b.ResetTimer()
	for range b.N {
		m, err := MatchTables([]string{"d", "tr", "te"}, d, []Table{tr, te}, MatchOptions{})
		if err != nil || m.Missing(0) >= 0 || m.Missing(1) >= 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchRatio1M alternates the two matchings on the same files
// and reports the median of their time ratio (values / bytes), which a
// busy machine disturbs less than either time.
func BenchmarkMatchRatio1M(b *testing.B) {
	d, tr, te := benchFiles(b, 1_000_000)
	var ratios []float64
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		if _, err := PartitionOf(d, tr, te, [3]string{"d", "tr", "te"}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := MatchTables([]string{"d", "tr", "te"}, d, []Table{tr, te}, MatchOptions{}); err != nil {
			b.Fatal(err)
		}
		ratios = append(ratios, float64(time.Since(t1))/float64(t1.Sub(t0)))
	}
	slices.Sort(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "values/bytes")
}
