package rng

import (
	"errors"
	"math/big"
	"testing"
)

func TestParseGeneratorSeed(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  error
	}{
		{"0", "0", nil},
		{"42", "42", nil},
		{"  7 ", "7", nil},
		{"+5", "5", nil},
		{"-0", "0", nil},
		{"1_000", "1000", nil},
		{"007", "7", nil},
		{"18446744073709551616", "18446744073709551616", nil},
		{"340282366920938463463374607431768211457", "340282366920938463463374607431768211457", nil},
		{"-1", "", ErrNegativeSeed},
		{"-18446744073709551616", "", ErrNegativeSeed},
		{"", "", ErrGeneratorSeedSyntax},
		{"-", "", ErrGeneratorSeedSyntax},
		{"1.5", "", ErrGeneratorSeedSyntax},
		{"1e3", "", ErrGeneratorSeedSyntax},
		{"0x10", "", ErrGeneratorSeedSyntax},
		{"_1", "", ErrGeneratorSeedSyntax},
		{"1__0", "", ErrGeneratorSeedSyntax},
		{"1_", "", ErrGeneratorSeedSyntax},
		{"--1", "", ErrGeneratorSeedSyntax},
		{"abc", "", ErrGeneratorSeedSyntax},
	}
	for _, tt := range tests {
		got, err := ParseGeneratorSeed(tt.in)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("ParseGeneratorSeed(%q) error = %v, want %v", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseGeneratorSeed(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParseGeneratorSeed(f *testing.F) {
	for _, s := range []string{"0", "42", "-1", "1_000", " 9 ", "x", "18446744073709551616"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseGeneratorSeed(s)
		if err != nil {
			if !errors.Is(err, ErrNegativeSeed) && !errors.Is(err, ErrGeneratorSeedSyntax) {
				t.Fatalf("unexpected error kind %v", err)
			}
			return
		}
		if n.Sign() < 0 {
			t.Fatalf("negative seed %v accepted", n)
		}
		if _, err := DefaultRNGBig(n); err != nil {
			t.Fatalf("DefaultRNGBig(%v): %v", n, err)
		}
		// round trip through the canonical form
		m, err := ParseGeneratorSeed(n.String())
		if err != nil || m.Cmp(n) != 0 {
			t.Fatalf("round trip of %v: %v, %v", n, m, err)
		}
	})
}

func TestSeedSequenceErrors(t *testing.T) {
	if _, err := NewSeedSequence(big.NewInt(-1)); !errors.Is(err, ErrNegativeSeed) {
		t.Errorf("negative entropy: %v", err)
	}
	if _, err := NewSeedSequenceWords([]*big.Int{big.NewInt(1), big.NewInt(-2)}); !errors.Is(err, ErrNegativeSeed) {
		t.Errorf("negative word: %v", err)
	}
	if _, err := NewSeedSequenceFull([]*big.Int{big.NewInt(1)}, true, nil, 3, 0); !errors.Is(err, ErrPoolSize) {
		t.Errorf("pool_size 3: %v", err)
	}
	if _, err := DefaultRNGBig(big.NewInt(-5)); !errors.Is(err, ErrNegativeSeed) {
		t.Errorf("default_rng(-5): %v", err)
	}
	if _, err := NewSeedSequence(nil); err == nil {
		t.Error("nil entropy accepted")
	}
}

// Spawning n then m children equals spawning n+m at once (numpy counts
// n_children_spawned), and the entropy words of an int and of the
// one-element sequence hash alike.
func TestSeedSequenceSpawnCounts(t *testing.T) {
	a, _ := NewSeedSequence(big.NewInt(99))
	b, _ := NewSeedSequence(big.NewInt(99))
	x := append(a.Spawn(2), a.Spawn(3)...)
	y := b.Spawn(5)
	for i := range x {
		if x[i].String() != y[i].String() || x[i].Pool()[0] != y[i].Pool()[0] {
			t.Fatalf("child %d differs: %v vs %v", i, x[i], y[i])
		}
	}
	if a.NChildrenSpawned() != 5 {
		t.Fatalf("n_children_spawned = %d", a.NChildrenSpawned())
	}
	w, _ := NewSeedSequenceWords([]*big.Int{big.NewInt(99)})
	if w.Pool()[3] != a.Pool()[3] {
		t.Fatal("SeedSequence(99) and SeedSequence([99]) differ")
	}
}

func TestPCG64StateRoundTrip(t *testing.T) {
	g := DefaultRNG(3)
	g.Permutation(2) // leaves a buffered half
	st := g.pcg.State()
	if st.HasUint32 != 1 {
		t.Fatalf("expected a buffered half, state %+v", st)
	}
	var q PCG64
	if err := q.SetState(st); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		if a, b := g.pcg.Uint32(), q.Uint32(); a != b {
			t.Fatalf("draw %d: %d vs %d", i, a, b)
		}
	}
	if err := q.SetState(PCG64State{}); !errors.Is(err, ErrPCG64State) {
		t.Fatalf("empty state: %v", err)
	}
	// advance(n) then advance(-n) is the identity
	s0 := q.State()
	q.Advance(new(big.Int).Lsh(big.NewInt(1), 100))
	q.Advance(new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 100)))
	if s1 := q.State(); s1.State.Cmp(s0.State) != 0 {
		t.Fatal("advance(+d) then advance(-d) moved the state")
	}
}
