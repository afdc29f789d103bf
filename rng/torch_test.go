package rng

import (
	"errors"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var torchPyIntRE = regexp.MustCompile(`^[+-]?[0-9]+(_[0-9]+)*$`)

func TestParseTorchSeed(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		err  error
	}{
		{"0", 0, nil},
		{"42", 42, nil},
		{"+42", 42, nil},
		{" 7 ", 7, nil},
		{"-1", 1<<64 - 1, nil},
		{"-2", 1<<64 - 2, nil},
		{"4294967296", 1 << 32, nil},
		{"18446744073709551615", 1<<64 - 1, nil},
		{"-9223372036854775808", 1 << 63, nil},
		{"9223372036854775808", 1 << 63, nil},
		{"18446744073709551616", 0, ErrTorchSeedRange},
		{"-9223372036854775809", 0, ErrTorchSeedRange},
		{"100000000000000000000000000000", 0, ErrTorchSeedRange},
		{"", 0, ErrTorchSeedSyntax},
		{"1.5", 0, ErrTorchSeedSyntax},
		{"1e3", 0, ErrTorchSeedSyntax},
		{"0x10", 0, ErrTorchSeedSyntax},
		{"1_000", 1000, nil},
		{"1__000", 0, ErrTorchSeedSyntax},
		{"_1", 0, ErrTorchSeedSyntax},
		{"1_", 0, ErrTorchSeedSyntax},
		{"-_1", 0, ErrTorchSeedSyntax},
		{"-1_0", 1<<64 - 10, nil},
		{"seed", 0, ErrTorchSeedSyntax},
		{"--1", 0, ErrTorchSeedSyntax},
	}
	for _, tt := range tests {
		got, err := ParseTorchSeed(tt.in)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("ParseTorchSeed(%q) = %d, %v; want %d, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// FuzzParseTorchSeed checks ParseTorchSeed against the rule torch applies
// to a Python int s: accepted iff -2**63 <= s < 2**64, used as s mod 2**64.
func FuzzParseTorchSeed(f *testing.F) {
	f.Add("1_000")
	for _, s := range []string{"0", "-1", "18446744073709551616", "-9223372036854775809", "12x", "+0", "-0", " 1"} {
		f.Add(s)
	}
	min := new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 63))
	limit := new(big.Int).Lsh(big.NewInt(1), 64)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTorchSeed(s)
		ref := strings.TrimSpace(s)
		if torchPyIntRE.MatchString(ref) { // Python's int() allows single underscores between digits
			ref = strings.ReplaceAll(ref, "_", "")
		}
		v, ok := new(big.Int).SetString(ref, 10)
		switch {
		case !ok:
			if !errors.Is(err, ErrTorchSeedSyntax) {
				t.Fatalf("ParseTorchSeed(%q) = %d, %v; want a syntax error", s, got, err)
			}
		case v.Cmp(min) < 0 || v.Cmp(limit) >= 0:
			if !errors.Is(err, ErrTorchSeedRange) {
				t.Fatalf("ParseTorchSeed(%q) = %d, %v; want a range error", s, got, err)
			}
		default:
			want := new(big.Int).Mod(v, limit).Uint64()
			if err != nil || got != want {
				t.Fatalf("ParseTorchSeed(%q) = %d, %v; want %d", s, got, err, want)
			}
		}
	})
}

func TestTorchGeneratorSeeding(t *testing.T) {
	// Only the low 32 bits reach the Mersenne Twister.
	for _, s := range []uint64{0, 5, 1<<32 - 1} {
		a := NewTorchGenerator(s)
		b := NewTorchGenerator(s + 7<<32)
		if !slices.Equal(a.Randperm(100), b.Randperm(100)) {
			t.Errorf("seed %d and %d differ", s, s+7<<32)
		}
		if got := NewTorchGenerator(s + 7<<32).InitialSeed(); got != s+7<<32 {
			t.Errorf("InitialSeed = %d", got)
		}
	}
	// The raw stream is numpy's RandomState(seed) stream: init_genrand.
	g, m := NewTorchGenerator(12345), NewMT19937(12345)
	for i := range 2000 {
		if a, b := g.Uint32(), m.Uint32(); a != b {
			t.Fatalf("draw %d: %d vs init_genrand %d", i, a, b)
		}
	}
	g.ManualSeed(1)
	if g.InitialSeed() != 1 || g.Uint64() != NewMT19937(1).Uint64() {
		t.Error("ManualSeed(1) does not restart the stream")
	}
}

func TestTorchRandpermDraws(t *testing.T) {
	// n-1 draws for n >= 1, none for n <= 1.
	for _, n := range []int{0, 1, 2, 3, 624, 625, 5000} {
		g, m := NewTorchGenerator(3), NewMT19937(3)
		p := g.Randperm(n)
		for range max(n-1, 0) {
			m.Uint32()
		}
		if g.Uint32() != m.Uint32() {
			t.Errorf("randperm(%d) consumed the wrong number of draws", n)
		}
		if !torchIsPerm(p) {
			t.Errorf("randperm(%d) is not a permutation", n)
		}
	}
}

func TestTorchRandpermLargeN(t *testing.T) {
	for _, n := range []int{0, 1, 10, 1000} {
		if !slices.Equal(NewTorchGenerator(8).RandpermLarge(n), NewTorchGenerator(8).Randperm(n)) {
			t.Errorf("RandpermLarge(%d) differs from Randperm below the threshold", n)
		}
	}
	// The inside-out branch, on a small slice: a permutation, one random64 a value.
	for _, n := range []int{0, 1, 2, 7, 1000} {
		r := make([]int, n)
		g, m := NewTorchGenerator(4), NewMT19937(4)
		torchInsideOut(g, r)
		if !torchIsPerm(r) {
			t.Errorf("inside-out n=%d: not a permutation: %v", n, r)
		}
		for range n {
			m.Uint64()
		}
		if g.Uint32() != m.Uint32() {
			t.Errorf("inside-out n=%d consumed the wrong number of draws", n)
		}
	}
	// Hand-run of the loop for n=3: z_i = random64() % (i+1).
	m := NewMT19937(4)
	want := []int{0, 0, 0}
	for i := range want {
		z := int(m.Uint64() % uint64(i+1))
		want[i] = want[z]
		want[z] = i
	}
	r := make([]int, 3)
	torchInsideOut(NewTorchGenerator(4), r)
	if !slices.Equal(r, want) {
		t.Errorf("inside-out n=3: %v, want %v", r, want)
	}
}

func TestTorchRandpermNegative(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Randperm(-1) did not panic")
		}
	}()
	NewTorchGenerator(0).Randperm(-1)
}

func torchIsPerm(p []int) bool {
	seen := make([]bool, len(p))
	for _, v := range p {
		if v < 0 || v >= len(p) || seen[v] {
			return false
		}
		seen[v] = true
	}
	return true
}

func BenchmarkTorchRandperm(b *testing.B) {
	for _, n := range []int{1000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			g := NewTorchGenerator(0)
			for b.Loop() {
				g.Randperm(n)
			}
		})
	}
}
