package parquetrows

import (
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// benchParquet writes a 1,000,000-row table (id, x, label, flag, grp, u;
// row groups of 128Ki rows, snappy) and returns its path.
func benchParquet(b *testing.B) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "bench.parquet")
	randomTable(rand.New(rand.NewPCG(1, 2)), 1_000_000).writeParquet(b, p, 1<<17)
	return p
}

func BenchmarkOpen(b *testing.B) {
	p := benchParquet(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := Open(p, Options{})
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

func BenchmarkColumnString(b *testing.B) {
	p := benchParquet(b)
	f, err := Open(p, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := f.Column("label"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteRowsShuffled opens the file and copies all rows in a
// random order (bytes/s counted on the input file's size).
func BenchmarkWriteRowsShuffled(b *testing.B) {
	for _, cache := range []struct {
		name  string
		bytes int64
	}{{"cached", 0}, {"cache8MiB", 8 << 20}} {
		b.Run(cache.name, func(b *testing.B) {
			p := benchParquet(b)
			st, _ := os.Stat(p)
			order := rand.New(rand.NewPCG(3, 4)).Perm(1_000_000)
			b.SetBytes(st.Size())
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				// Opened each time: a File keeps what it decoded for its
				// next write.
				f, err := Open(p, Options{CacheBytes: cache.bytes})
				if err != nil {
					b.Fatal(err)
				}
				if err := f.WriteRows(io.Discard, order); err != nil {
					b.Fatal(err)
				}
				f.Close()
			}
		})
	}
}
