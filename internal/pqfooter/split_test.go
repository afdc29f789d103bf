package pqfooter

import (
	"errors"
	"testing"
)

// TestSplit checks Split's bounds.
func TestSplit(t *testing.T) {
	ok := []byte("PAR1abc\x03\x00\x00\x00PAR1")
	start, f, err := Split(ok)
	if err != nil || start != 4 || string(f) != "abc" || cap(f) != 3 {
		t.Fatalf("Split = %d, %q, %v", start, f, err)
	}
	if start, f, err := Split([]byte("PAR1\x00\x00\x00\x00PAR1")); err != nil || start != 4 || len(f) != 0 {
		t.Fatalf("empty footer: %d, %q, %v", start, f, err)
	}
	for name, in := range map[string]string{
		"short":     "PAR1\x00\x00\x00PAR1",
		"too long":  "PAR1abc\x04\x00\x00\x00PAR1",
		"huge":      "PAR1abc\xff\xff\xff\xffPAR1",
		"bad magic": "PAR1abc\x03\x00\x00\x00PARE",
	} {
		if _, _, err := Split([]byte(in)); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: err %v", name, err)
		}
	}
}
