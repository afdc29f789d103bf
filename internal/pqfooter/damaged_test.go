package pqfooter

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// seedFooters are real footers (small files) and hand-built ones.
func seedFooters(t testing.TB) [][]byte {
	var out [][]byte
	for _, c := range fileCases[1:] {
		_, f, err := Split(writeFile(t, c))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	for seed := range uint64(4) {
		out = append(out, handFooter(seed, false))
	}
	return out
}

// checkDamaged fails unless Canonical(in) is an error wrapping
// ErrMalformed or a valid result: same length, the same bytes reordered,
// idempotent.
func checkDamaged(t testing.TB, in []byte) {
	orig := bytes.Clone(in)
	out, err := Canonical(in)
	if !bytes.Equal(in, orig) {
		t.Fatal("Canonical modified its input")
	}
	if err != nil {
		if !errors.Is(err, ErrMalformed) {
			t.Fatalf("error %v does not wrap ErrMalformed", err)
		}
		return
	}
	if len(out) != len(in) {
		t.Fatalf("length %d, want %d", len(out), len(in))
	}
	a, b := slices.Clone(in), slices.Clone(out)
	slices.Sort(a)
	slices.Sort(b)
	if !bytes.Equal(a, b) {
		t.Fatal("result is not a reordering of the input")
	}
	if again, err := Canonical(out); err != nil || !bytes.Equal(again, out) {
		t.Fatalf("not idempotent on damaged input (err %v)", err)
	}
}

// TestDamaged feeds Canonical truncations at every position, random byte
// flips and random bytes.
func TestDamaged(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	valid := 0
	for _, f := range seedFooters(t) {
		for n := range len(f) {
			if _, err := Canonical(f[:n]); err == nil {
				t.Fatalf("truncation to %d of %d bytes accepted", n, len(f))
			}
		}
		for range 3000 {
			g := bytes.Clone(f)
			for range 1 + rnd.IntN(3) {
				g[rnd.IntN(len(g))] ^= byte(1 + rnd.IntN(255))
			}
			checkDamaged(t, g)
			if _, err := Canonical(g); err == nil {
				valid++
			}
		}
	}
	for range 20000 {
		g := make([]byte, rnd.IntN(64))
		for i := range g {
			g[i] = byte(rnd.Uint32())
		}
		checkDamaged(t, g)
	}
	t.Logf("%d flipped footers still decoded", valid)
}

// TestMalformed checks hand-made bytes that must fail.
func TestMalformed(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty":               {},
		"no stop":             {0x15, 0x02},
		"trailing":            {0x00, 0x00},
		"unknown type":        {0x1e, 0x00},
		"long varint":         {0x16, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00},
		"huge list":           {0x19, 0xf5, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00},
		"huge binary":         {0x18, 0x7f, 0x00},
		"huge map":            {0x1b, 0x40, 0x55, 0x00},
		"deep":                append(bytes.Repeat([]byte{0x1c}, 100), bytes.Repeat([]byte{0}, 101)...),
		"groups not structs":  {0x49, 0x15, 0x02, 0x00},
		"stats missing count": {0x49, 0x1c, 0x19, 0x1c, 0x3c, 0xd9, 0x1c, 0x15, 0x04, 0x15, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},
	} {
		if _, err := Canonical(in); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: err %v, want ErrMalformed", name, err)
		}
	}
}

// FuzzCanonical checks that any input gives an error or a valid result.
func FuzzCanonical(f *testing.F) {
	for _, s := range seedFooters(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in []byte) { checkDamaged(t, in) })
}
