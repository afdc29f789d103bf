package rows

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func gz(t testing.TB, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// blankGz is a header and mib MiB of blank lines, in members of 1 MiB.
func blankGz(t testing.TB, mib int) []byte {
	member := gz(t, strings.Repeat("\n", 1<<20))
	b := bytes.NewBuffer(gz(t, "a,b\n"))
	for i := 0; i < mib; i++ {
		b.Write(member)
	}
	return b.Bytes()
}

// TestGzipMembersAndPadding: as Python's gzip module (pandas reads .gz
// through it), members are concatenated and NUL bytes after a member are
// skipped; an empty file has no columns; other bytes after a member, or a
// file starting with NUL, are errors.
func TestGzipMembersAndPadding(t *testing.T) {
	z := func(n int) []byte { return make([]byte, n) }
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	for _, tc := range []struct {
		name string
		data []byte
		want string // the rows written in order; "" for an error
		err  error
	}{
		{"one member", gz(t, "a,b\n1,2\n"), "a,b\n1,2\n", nil},
		{"trailing zeros", cat(gz(t, "a,b\n1,2\n"), z(1000)), "a,b\n1,2\n", nil},
		{"zeros between members", cat(gz(t, "a,b\n1,2\n"), z(100), gz(t, "3,4\n"), z(7)), "a,b\n1,2\n3,4\n", nil},
		{"one zero", cat(gz(t, "a\n1\n"), z(1)), "a\n1\n", nil},
		{"empty", nil, "", ErrEmpty},
		{"zeros only", z(20), "", gzip.ErrHeader},
		{"garbage after", cat(gz(t, "a\n1\n"), bytes.Repeat([]byte("x"), 20)), "", gzip.ErrHeader},
		{"zeros then garbage", cat(gz(t, "a\n1\n"), z(3), []byte{1}), "", io.ErrUnexpectedEOF},
		{"truncated", gz(t, "a,b\n1,2\n")[:12], "", io.ErrUnexpectedEOF},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "in.csv.gz")
			os.WriteFile(p, tc.data, 0o644)
			ix, err := IndexFile(p, Options{})
			if tc.err != nil {
				if !errors.Is(err, tc.err) || !strings.HasPrefix(err.Error(), p+": ") {
					t.Fatalf("got %v, want %v naming the file", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			var b bytes.Buffer
			order := make([]int, ix.Len())
			for i := range order {
				order[i] = i
			}
			ix.WriteRows(&b, order)
			if b.String() != tc.want {
				t.Fatalf("got %q, want %q", b.String(), tc.want)
			}
		})
	}
}

// TestGzipCancel: a cancelled context stops decompression with ctx.Err()
// promptly, and leaves no temporary file.
func TestGzipCancel(t *testing.T) {
	// 8 GiB of blank lines in 2 MB.
	dir := t.TempDir()
	p := filepath.Join(dir, "big.csv.gz")
	os.WriteFile(p, blankGz(t, 8192), 0o644)
	tmp := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, err := IndexFileContext(ctx, p, Options{TempDir: tmp})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
	if d := time.Since(start); d > 1200*time.Millisecond {
		t.Errorf("stopped after %v", d)
	}
	if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
		t.Errorf("left %v", ents)
	}
}

// TestGzipTempSpace: decompression stops with ErrTempSpace, saying how to
// move it, before the temporary directory's filesystem has less than its
// reserve free.
func TestGzipTempSpace(t *testing.T) {
	free, _, ok := diskSpace(t.TempDir())
	if !ok {
		t.Skip("no statfs here")
	}
	defer func(f func(uint64) uint64) { tempReserve = f }(tempReserve)
	dir := t.TempDir()
	small := filepath.Join(dir, "small.csv.gz")
	os.WriteFile(small, gz(t, "a,b\n1,2\n"), 0o644)
	// Checked once, after the first 64 MiB.
	big := filepath.Join(dir, "big.csv.gz")
	os.WriteFile(big, blankGz(t, 80), 0o644)
	for _, p := range []string{small, big} {
		tempReserve = func(uint64) uint64 { return 0 }
		ix, err := IndexFile(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ix.Close()
		// More than is left after one step, even if other processes free
		// disk space meanwhile (a reserve of just the free space failed
		// when 64 MiB were freed during the test).
		tempReserve = func(uint64) uint64 { return free + 1<<40 }
		ix, err = IndexFile(p, Options{TempDir: t.TempDir()})
		if p == small {
			// Less than a step: not checked.
			if err != nil {
				t.Fatal(err)
			}
			ix.Close()
			continue
		}
		if !errors.Is(err, ErrTempSpace) || !strings.Contains(err.Error(), "TMPDIR") || !strings.HasPrefix(err.Error(), p+": ") {
			t.Fatalf("got %v", err)
		}
	}
}

// TestGzipInputChanged: a .gz rewritten while it is decompressed is
// ErrInputChanged, even when what was read decompresses.
func TestGzipInputChanged(t *testing.T) {
	p := filepath.Join(t.TempDir(), "in.csv.gz")
	os.WriteFile(p, blankGz(t, 80), 0o644)
	defer func(f func(uint64) uint64) { tempReserve = f }(tempReserve)
	tempReserve = func(uint64) uint64 {
		later := time.Now().Add(time.Hour)
		os.Chtimes(p, later, later)
		return 0
	}
	_, err := IndexFile(p, Options{})
	wantChanged(t, "gzip", err, p)
}
