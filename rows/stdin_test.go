package rows

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"
)

// TestSpoolSniff: a spooled stream is sniffed by its magic bytes and first
// byte, hashed as read, and indexed as its format says.
func TestSpoolSniff(t *testing.T) {
	csv := []byte("a,b\n1,2\n3,4\n")
	jsonl := []byte(" {\"a\":1}\n{\"a\":2}\n")
	cases := []struct {
		name   string
		in     []byte
		want   Sniffed
		rows   int
		header string
	}{
		{"csv", csv, Sniffed{Format: CSV}, 2, "a,b\n"},
		{"jsonl", jsonl, Sniffed{Format: JSONLines}, 2, ""},
		{"gzip", compressed(t, ".gz", csv), Sniffed{Compression: "gzip", Format: CSV}, 2, "a,b\n"},
		{"bz2 jsonl", compressed(t, ".bz2", jsonl), Sniffed{Compression: "bz2", Format: JSONLines}, 2, ""},
		{"xz", compressed(t, ".xz", csv), Sniffed{Compression: "xz", Format: CSV}, 2, "a,b\n"},
		{"zstd", compressed(t, ".zst", csv), Sniffed{Compression: "zstd", Format: CSV}, 2, "a,b\n"},
		{"parquet", []byte("PAR1\x00\x00"), Sniffed{Parquet: true, Format: CSV}, -1, ""},
	}
	for _, c := range cases {
		s, err := Spool(context.Background(), bytes.NewReader(c.in), "standard input", t.TempDir())
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		sum := sha256.Sum256(c.in)
		if s.SHA256() != hex.EncodeToString(sum[:]) || s.Size() != int64(len(c.in)) {
			t.Errorf("%s: hash %s size %d", c.name, s.SHA256(), s.Size())
		}
		if got := s.Sniff(); got != c.want {
			t.Errorf("%s: sniffed %+v, want %+v", c.name, got, c.want)
		}
		ix, err := s.Index(context.Background(), Options{})
		if c.rows < 0 {
			if err == nil {
				ix.Close()
				t.Errorf("%s: indexed", c.name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if ix.Len() != c.rows || string(ix.Header()) != c.header {
			t.Errorf("%s: %d rows, header %q", c.name, ix.Len(), ix.Header())
		}
		if err := ix.Close(); err != nil {
			t.Error(err)
		}
	}
}

// TestSpoolBounded: spooling stops at the temporary directory's reserve
// and when the context is done.
func TestSpoolBounded(t *testing.T) {
	defer func(f func(uint64) uint64) { tempReserve = f }(tempReserve)
	tempReserve = func(uint64) uint64 { return 1 << 62 }
	big := bytes.NewReader(make([]byte, spaceStep+1))
	if _, err := Spool(context.Background(), big, "standard input", t.TempDir()); !errors.Is(err, ErrTempSpace) {
		t.Errorf("%v, want ErrTempSpace", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Spool(ctx, bytes.NewReader([]byte("a\n")), "standard input", t.TempDir()); err != context.Canceled {
		t.Errorf("cancelled: %v", err)
	}
}
