package rows

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// faultCSV is a CSV of about size bytes.
func faultCSV(size int) []byte {
	var b bytes.Buffer
	b.WriteString("id,text,x\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "%d,row %d,%d.5\n", i, i*7, i%1000)
	}
	return b.Bytes()
}

func wantChanged(t *testing.T, what string, err error, path string) {
	t.Helper()
	if !errors.Is(err, ErrInputChanged) {
		t.Fatalf("%s: got %v, want ErrInputChanged", what, err)
	}
	if want := path + ": input changed while reading"; err.Error() != want {
		t.Fatalf("%s: error %q, want %q", what, err, want)
	}
}

// TestInputTruncatedAfterIndexing: a mapped input cut short after it was
// indexed makes the writes and column reads that meet the lost pages
// return ErrInputChanged (a SIGBUS caught, not a crash), on every copy
// path: in memory, windowed, spilled, by parts, and Unchanged tells.
func TestInputTruncatedAfterIndexing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		size  int
		spill bool
	}{
		{"small", 1 << 20, false},
		{"two-workers", 6 << 20, false},
		{"windowed", dropMin + 1<<20, false},
		{"spilled", dropMin + 1<<20, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := faultCSV(tc.size)
			p := filepath.Join(t.TempDir(), "in.csv")
			os.WriteFile(p, data, 0o644)
			ix, err := IndexFile(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			lim := stdLimits()
			if tc.spill {
				lim = spillAll()
			}
			if err := ix.Unchanged(); err != nil {
				t.Fatalf("Unchanged before: %v", err)
			}
			if err := os.Truncate(p, int64(tc.size/3)); err != nil {
				t.Fatal(err)
			}
			order := rand.New(rand.NewPCG(1, 2)).Perm(ix.Len())
			wantChanged(t, "WriteRowsContext", ix.write(context.Background(), []io.Writer{io.Discard}, [][]int{order}, lim), p)
			half := len(order) / 2
			wantChanged(t, "WritePartsContext", ix.write(context.Background(), []io.Writer{io.Discard, io.Discard}, [][]int{order[:half], order[half:]}, lim), p)
			_, err = ix.Column("x")
			wantChanged(t, "Column", err, p)
			wantChanged(t, "WriteWithFolds", ix.WriteWithFolds(io.Discard, "f", make([]int, ix.Len())), p)
			err = ix.Guard(func() error {
				for i := 0; i < ix.Len(); i++ {
					_ = bytes.Count(ix.Record(i), []byte{','})
				}
				return nil
			})
			wantChanged(t, "Guard", err, p)
			if err := ix.Unchanged(); !errors.Is(err, ErrInputChanged) || !strings.Contains(err.Error(), "size") {
				t.Fatalf("Unchanged after: %v", err)
			}
		})
	}
}

// TestInputTruncatedWhileIndexing: a file cut short between its mapping
// and its scan (both halves of a large one) is ErrInputChanged, and the
// index's memory is returned.
func TestInputTruncatedWhileIndexing(t *testing.T) {
	for _, name := range []string{"in.csv", "in.jsonl"} {
		for _, size := range []int{1 << 20, 2*parallelMin + 12345, dropMin + 1<<20} {
			var data []byte
			if strings.HasSuffix(name, ".jsonl") {
				var b bytes.Buffer
				for i := 0; b.Len() < size; i++ {
					fmt.Fprintf(&b, "{\"id\": %d, \"s\": \"row\"}\n", i)
				}
				data = b.Bytes()
			} else {
				data = faultCSV(size)
			}
			p := filepath.Join(t.TempDir(), name)
			os.WriteFile(p, data, 0o644)
			testHookMapped = func(path string) { os.Truncate(path, int64(size/4)) }
			_, err := IndexFile(p, Options{})
			testHookMapped = nil
			wantChanged(t, fmt.Sprintf("%s of %d bytes", name, size), err, p)
		}
	}
}

// TestUnchanged: Unchanged is nil for the file as opened and an error once
// it is modified, replaced or removed; it is nil for in-memory inputs.
func TestUnchanged(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "in.csv")
	os.WriteFile(p, []byte("a,b\n1,2\n"), 0o644)
	ix, err := IndexFile(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Unchanged(); err != nil {
		t.Fatal(err)
	}
	// Same size, new time.
	later := time.Now().Add(time.Hour)
	os.Chtimes(p, later, later)
	if err := ix.Unchanged(); !errors.Is(err, ErrInputChanged) {
		t.Fatalf("touched: %v", err)
	}
	q := filepath.Join(dir, "other.csv")
	os.WriteFile(q, []byte("a,b\n1,2\n"), 0o644)
	os.Rename(q, p)
	if err := ix.Unchanged(); !errors.Is(err, ErrInputChanged) {
		t.Fatalf("replaced: %v", err)
	}
	os.Remove(p)
	if err := ix.Unchanged(); !errors.Is(err, ErrInputChanged) {
		t.Fatalf("removed: %v", err)
	}
	bx, _ := IndexBytes("b.csv", []byte("a\n1\n"), Options{})
	if err := bx.Unchanged(); err != nil {
		t.Fatal(err)
	}
}

// TestOtherPanicsGoOn: guardMapped converts only faults in the mapping.
func TestOtherPanicsGoOn(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "index out of range") {
			t.Fatalf("recovered %v", r)
		}
	}()
	data := []byte("abc")
	guardMapped("x", data, func() error {
		i := 5
		_ = data[i]
		return nil
	})
}

// TestStartsGrow: rows beyond the estimate the offsets were reserved
// for (lone CR line ends, which the estimate does not count; short rows
// past long sampled ones) take more chunks, with the same rows as one
// scan of the whole file.
func TestStartsGrow(t *testing.T) {
	cr := strings.Repeat("1,2\r", (2*parallelMin+4096)/4)
	var mixed strings.Builder
	long := strings.Repeat("x", 10000)
	size := 3*parallelMin + 12345
	for mixed.Len() < size {
		// Long rows where the samples are (each half's start and middle), short ones elsewhere.
		p := mixed.Len() % (size / 4)
		if p < 1<<20+20000 {
			fmt.Fprintf(&mixed, "%s,1\n", long)
		} else {
			mixed.WriteString("a,1\n")
		}
	}
	for _, tc := range []struct{ name, text string }{
		{"lone CR", "a,b\r" + cr},
		{"long samples", "a,b\n" + mixed.String()},
	} {
		data := []byte(tc.text)
		if est := estimateRows(data, 0, len(data)/2); est*2 >= strings.Count(tc.text, "\n")+strings.Count(tc.text, "\r") {
			t.Fatalf("%s: estimate %d does not fall short", tc.name, est)
		}
		want := func() *Index {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			ix, err := IndexBytes("t.csv", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			return ix
		}()
		for _, fromFile := range []bool{false, true} {
			var got *Index
			var err error
			if fromFile {
				got, err = indexTempFile(t, "t.csv", data)
			} else {
				got, err = IndexBytes("t.csv", data, Options{})
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Len() != want.Len() {
				t.Fatalf("%s: %d rows, want %d", tc.name, got.Len(), want.Len())
			}
			for i := 0; i < want.Len(); i++ {
				if s, e := got.bounds(i); s != int(want.offs.at(i)) || e-s != len(want.Record(i)) {
					t.Fatalf("%s: row %d at %d", tc.name, i, s)
				}
			}
			got.Close()
		}
	}
}
