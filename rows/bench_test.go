package rows

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// benchCSV writes a CSV of n rows of about 33 bytes each (the issue's
// 1,000,000-row, 33 MB shape) and returns its path.
func benchCSV(b *testing.B, n int) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "bench.csv")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	w := make([]byte, 0, 1<<20)
	w = append(w, "id,x,y,label\n"...)
	for i := 0; i < n; i++ {
		w = fmt.Appendf(w, "%d,%.6f,%.5f,c%d\n", i, r.Float64()*100, r.Float64(), r.IntN(5))
		if len(w) > 1<<20-64 {
			f.Write(w)
			w = w[:0]
		}
	}
	f.Write(w)
	f.Close()
	return p
}

func BenchmarkIndexFile(b *testing.B) {
	p := benchCSV(b, 1_000_000)
	st, _ := os.Stat(p)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix, err := IndexFile(p, Options{})
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

func BenchmarkWriteRowsShuffled(b *testing.B) {
	p := benchCSV(b, 1_000_000)
	ix, err := IndexFile(p, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	benchShuffled(b, ix)
}

// BenchmarkColumn reads a string column and a float column of a
// 1,000,000-row file with pandas' typing.
func BenchmarkColumn(b *testing.B) {
	p := benchCSV(b, 1_000_000)
	ix, err := IndexFile(p, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	for _, col := range []string{"label", "x"} {
		b.Run(col, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := ix.Column(col); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSplitFiles is the engine's part of a train/test split of a
// 1,000,000-row file: index, then write two outputs in a shuffled order.
func BenchmarkSplitFiles(b *testing.B) {
	p := benchCSV(b, 1_000_000)
	dir := b.TempDir()
	order := rand.New(rand.NewPCG(3, 4)).Perm(1_000_000)
	st, _ := os.Stat(p)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix, err := IndexFile(p, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for k, part := range [][]int{order[:800_000], order[800_000:]} {
			f, _ := os.Create(filepath.Join(dir, fmt.Sprint(k)))
			if err := ix.WriteRows(f, part); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
		ix.Close()
	}
}

// BenchmarkIndexQuoted is the scanner on rows with quoted fields holding
// delimiters, doubled quotes and line ends (the byte-level path).
func BenchmarkIndexQuoted(b *testing.B) {
	var sb []byte
	sb = append(sb, "id,text,label\r\n"...)
	for i := 0; len(sb) < 16<<20; i++ {
		sb = fmt.Appendf(sb, "%d,\"say \"\"hi\"\", a,b\r\nline %d\",c%d\r\n", i, i, i%5)
	}
	b.SetBytes(int64(len(sb)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := IndexBytes("q.csv", sb, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteRowsGather is BenchmarkWriteRowsShuffled through the
// in-memory gather path (IndexBytes: the file's bytes all resident), the
// reference for the windowed copy of mapped files.
func BenchmarkWriteRowsGather(b *testing.B) {
	p := benchCSV(b, 1_000_000)
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := IndexBytes(p, data, Options{})
	if err != nil {
		b.Fatal(err)
	}
	benchShuffled(b, ix)
}

// BenchmarkWriteRowsSpilled is BenchmarkWriteRowsShuffled through the
// spilled copy (used from SpillMin up), at 1M and 10M rows: the cost per
// byte should stay flat as the input grows.
func BenchmarkWriteRowsSpilled(b *testing.B) {
	for _, n := range []int{1_000_000, 10_000_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			p := benchCSV(b, n)
			ix, err := IndexFile(p, Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			benchShuffledWith(b, ix, spillAll())
		})
	}
}

// benchShuffled times ix.WriteRows of a fixed shuffle of every row.
func benchShuffled(b *testing.B, ix *Index) { benchShuffledWith(b, ix, stdLimits()) }

// benchShuffledWith is benchShuffled by the thresholds lim.
func benchShuffledWith(b *testing.B, ix *Index, lim limits) {
	order := rand.New(rand.NewPCG(3, 4)).Perm(ix.Len())
	b.SetBytes(ix.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := ix.write(context.Background(), []io.Writer{io.Discard}, [][]int{order}, lim); err != nil {
			b.Fatal(err)
		}
	}
}
