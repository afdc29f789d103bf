package main

import (
	"errors"
	"testing"
)

func TestCause(t *testing.T) {
	for _, c := range []struct{ err, want string }{
		{"job failed:\nbundle x failed:\nplan\n\tcaused by:\nDoFn[UID:8] failed:\ndata/part-1.csv: shard columns differ", "data/part-1.csv: shard columns differ"},
		{"--test \"x\": not a number", "--test \"x\": not a number"},
	} {
		if got := cause(errors.New(c.err)); got != c.want {
			t.Errorf("cause(%q) = %q, want %q", c.err, got, c.want)
		}
	}
}
