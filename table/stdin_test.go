package table

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/splitter-dev/splitter/rows"
)

// TestOpenStreamFormat: a named format overrides sniffing (a JSON-looking
// first line read as CSV, TSV by its sep), sniffing picks JSON Lines, and
// an unknown format or Parquet named for text bytes is an error.
func TestOpenStreamFormat(t *testing.T) {
	jsonl := []byte("{\"a\":1}\n{\"a\":2}\n")
	tsv := []byte("a\tb\n1\t2\n")
	cases := []struct {
		in     []byte
		format string
		ext    string
		names  []string
		n      int
	}{
		{jsonl, "", ".jsonl", []string{"a"}, 2},
		{jsonl, "csv", ".csv", []string{"{\"a\":1}"}, 1},
		{tsv, "tsv", ".tsv", []string{"a", "b"}, 1},
		{tsv, "", ".csv", []string{"a\tb"}, 1},
	}
	for _, c := range cases {
		tb, piped, err := OpenStream(context.Background(), bytes.NewReader(c.in), StdinName, c.format, rows.Options{TempDir: t.TempDir()})
		if err != nil {
			t.Fatalf("%q as %q: %v", c.in, c.format, err)
		}
		if piped.Ext != c.ext || !slices.Equal(tb.Names(), c.names) || tb.Len() != c.n {
			t.Errorf("%q as %q: ext %q, names %q, %d rows", c.in, c.format, piped.Ext, tb.Names(), tb.Len())
		}
		tb.Close()
	}
	if _, _, err := OpenStream(context.Background(), bytes.NewReader(tsv), StdinName, "xml", rows.Options{}); !errors.Is(err, ErrFormat) {
		t.Errorf("format xml: %v", err)
	}
	if _, _, err := OpenStream(context.Background(), bytes.NewReader(tsv), StdinName, "parquet", rows.Options{TempDir: t.TempDir()}); err == nil {
		t.Error("text bytes read as Parquet")
	}
}
