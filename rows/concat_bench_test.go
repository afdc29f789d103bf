package rows

import (
	"context"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkConcatParts writes a 0.8/0.2 split of 4M rows (130 MB) staged
// by one shared pass: from one file, and from the same rows in 10 shards
// read as one (WriteConcatPartsContext). Both should cost the same.
func BenchmarkConcatParts(b *testing.B) {
	const n, shards = 4_000_000, 10
	one, err := IndexFile(benchCSV(b, n), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer one.Close()
	ixs := benchShards(b, one, shards)
	perm := rand.New(rand.NewPCG(3, 4)).Perm(n)
	orders := [][]int{perm[n/5:], perm[:n/5]}
	ws := []io.Writer{io.Discard, io.Discard}
	for _, c := range []struct {
		name string
		ixs  []*Index
	}{{"one file", []*Index{one}}, {"10 shards", ixs}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(newConcatSize(c.ixs)))
			for b.Loop() {
				if done, err := writeConcat(context.Background(), c.ixs, ws, orders, spillAll()); err != nil || !done {
					b.Fatal(done, err)
				}
			}
		})
	}
}

// benchShards writes ix's rows as k shards, each with its header, and
// indexes them.
func benchShards(b *testing.B, ix *Index, k int) []*Index {
	b.Helper()
	dir := b.TempDir()
	var ixs []*Index
	per := (ix.Len() + k - 1) / k
	for s := range k {
		lo, hi := s*per, min(ix.Len(), (s+1)*per)
		data := append([]byte(nil), ix.header...)
		for i := lo; i < hi; i++ {
			data = append(data, ix.Record(i)...)
		}
		p := filepath.Join(dir, "part-"+string(rune('a'+s))+".csv")
		if err := os.WriteFile(p, data, 0o666); err != nil {
			b.Fatal(err)
		}
		sx, err := IndexFile(p, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { sx.Close() })
		ixs = append(ixs, sx)
	}
	return ixs
}

func newConcatSize(ixs []*Index) int {
	c, _ := newConcat(ixs)
	return c.size()
}
