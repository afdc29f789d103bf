package audit

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkComparerMatch streams 1M rows of the shape (33 bytes
// each) to a Comparer on a file holding the same bytes: what verify pays
// per output beyond writing it.
func BenchmarkComparerMatch(b *testing.B) {
	var data []byte
	data = append(data, "id,x,y,label\n"...)
	for i := range 1_000_000 {
		data = fmt.Appendf(data, "%d,%.7f,%.7f,c%d\n", i, float64(i%997)/7, float64(i%991)/991, i%5)
	}
	path := filepath.Join(b.TempDir(), "out.csv")
	if err := os.WriteFile(path, data, 0o666); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		c, err := NewComparer(context.Background(), path, "out.csv", CompareOptions{})
		if err != nil {
			b.Fatal(err)
		}
		for p := data; len(p) > 0; p = p[min(len(p), 1<<20):] {
			c.Write(p[:min(len(p), 1<<20)])
		}
		d, _, err := c.Finish()
		if err != nil || !d.Equal() {
			b.Fatal(d, err)
		}
	}
}
