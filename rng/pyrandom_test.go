package rng

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
)

func TestParsePySeed(t *testing.T) {
	huge := "-" + strings.Repeat("9", 100)
	tests := []struct {
		in   string
		want string // "" = error
	}{
		{"0", "0"}, {"42", "42"}, {"-42", "-42"}, {"+7", "7"}, {" 12 ", "12"}, {"\t-3\n", "-3"},
		{"1_000", "1000"}, {"007", "7"}, {huge, huge}, {"4294967296", "4294967296"},
		{"", ""}, {" ", ""}, {"-", ""}, {"+", ""}, {"1.5", ""}, {"1e3", ""}, {"0x10", ""},
		{"_1", ""}, {"1_", ""}, {"1__0", ""}, {"--1", ""}, {"abc", ""}, {"1 2", ""}, {"-_1", ""},
	}
	for _, tc := range tests {
		got, err := ParsePySeed(tc.in)
		if tc.want == "" {
			if err == nil || !errors.Is(err, ErrPySeed) {
				t.Errorf("ParsePySeed(%q) = %v, %v; want ErrPySeed", tc.in, got, err)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("ParsePySeed(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

func FuzzParsePySeed(f *testing.F) {
	for _, s := range []string{"0", "-1", "1_2", " 3 ", "x", "99999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParsePySeed(s)
		if err != nil {
			if !errors.Is(err, ErrPySeed) {
				t.Fatalf("error %v is not ErrPySeed", err)
			}
			return
		}
		// the canonical form parses back to the same value
		w, err := ParsePySeed(v.String())
		if err != nil || w.Cmp(v) != 0 {
			t.Fatalf("%q -> %v -> %v, %v", s, v, w, err)
		}
	})
}

// Seeding by sign and by small/big forms agree, as in CPython.
func TestPySeedEquivalences(t *testing.T) {
	first := func(p *PyRandom) float64 { return p.Random() }
	a := first(NewPyRandom(big.NewInt(12345)))
	if b := first(NewPyRandom(big.NewInt(-12345))); a != b {
		t.Errorf("seed(-a) != seed(a)")
	}
	q := NewPyRandom(nil)
	q.SeedUint64(12345)
	if b := first(q); a != b {
		t.Errorf("SeedUint64 != Seed")
	}
	big64 := new(big.Int).SetUint64(1<<63 + 5)
	q.SeedUint64(1<<63 + 5)
	if first(q) != first(NewPyRandom(big64)) {
		t.Errorf("SeedUint64 != Seed for a 64-bit value")
	}
	if err := q.SeedFloat(12345.0); err != nil || first(q) != a {
		t.Errorf("seed(12345.0) != seed(12345): %v", err)
	}
	if err := q.SeedFloat(math.NaN()); !errors.Is(err, ErrPySeedType) {
		t.Errorf("NaN seed: %v", err)
	}
	if err := q.SeedString("\xff", 2); !errors.Is(err, ErrPySeedType) {
		t.Errorf("invalid UTF-8: %v", err)
	}
	for _, v := range []int{0, 3, -1} {
		if err := q.SeedString("a", v); !errors.Is(err, ErrPySeedVersion) {
			t.Errorf("SeedString version %d: %v", v, err)
		}
		if err := q.SeedBytes([]byte("a"), v); !errors.Is(err, ErrPySeedVersion) {
			t.Errorf("SeedBytes version %d: %v", v, err)
		}
		if err := q.SeedBytearray([]byte("a"), v); !errors.Is(err, ErrPySeedVersion) {
			t.Errorf("SeedBytearray version %d: %v", v, err)
		}
	}
	if err := q.SeedBytearray([]byte("a"), 1); !errors.Is(err, ErrPySeedType) {
		t.Errorf("bytearray version 1: %v", err)
	}
	// OS-seeded generators differ from each other
	if NewPyRandom(nil).Random() == NewPyRandom(nil).Random() {
		t.Errorf("two OS-seeded generators agree")
	}
}

func TestPyHashFloat(t *testing.T) {
	// values fixed by Python's documented numeric hash (modulus 2**61-1)
	tests := []struct {
		x    float64
		want int64
	}{
		{0, 0}, {1, 1}, {-1, -2}, {2, 2}, {0.5, 1 << 60}, {math.Inf(1), 314159},
		{math.Inf(-1), -314159}, {math.Ldexp(1, 61), 1}, {math.Ldexp(1, 61) - math.Ldexp(1, 9), (1<<61 - 1) - (1<<9 - 1)},
	}
	for _, tc := range tests {
		if got := PyHashFloat(tc.x); got != tc.want {
			t.Errorf("PyHashFloat(%v) = %d want %d", tc.x, got, tc.want)
		}
	}
}

func TestPyRandomErrors(t *testing.T) {
	p := NewPyRandom(big.NewInt(1))
	b := func(s string) *big.Int { v, _ := new(big.Int).SetString(s, 10); return v }
	checks := []struct {
		name string
		err  error
		want error
		msg  string
	}{
		{"getrandbits(-1)", second(p.Getrandbits(-1)), ErrPyNegativeBits, "number of bits must be non-negative"},
		{"randrange(0)", second(p.RandRangeBig(b("0"), nil, nil)), ErrPyEmptyRange, "empty range for randrange()"},
		{"randrange(5,5)", second(p.RandRange(5, 5, 1)), ErrPyEmptyRange, "empty range for randrange() (5, 5, 0)"},
		{"randrange(0,10,0)", second(p.RandRange(0, 10, 0)), ErrPyZeroStep, "zero step for randrange()"},
		{"randrange(5,1,2)", second(p.RandRange(5, 1, 2)), ErrPyEmptyRange, "empty range for randrange()"},
		{"randint(5,4)", second(p.RandInt(5, 4)), ErrPyEmptyRange, "empty range for randrange() (5, 5, 0)"},
		{"choice([])", second(p.Choice(0)), ErrPyEmptySequence, "Cannot choose from an empty sequence"},
		{"sample k>n", second(p.Sample(3, 4)), ErrPySampleSize, "Sample larger than population or is negative"},
		{"sample k<0", second(p.Sample(3, -1)), ErrPySampleSize, "Sample larger than population or is negative"},
		{"sample counts total", second(p.SampleCounts([]int{0, 0}, 1)), ErrPyCountsTotal, "Total of counts must be greater than zero"},
		{"sample counts empty", second(p.SampleCounts(nil, 0)), ErrPyIndex, "pop from empty list"},
		{"choices len", second(p.Choices(3, []float64{1, 2}, 1)), ErrPyWeightsLength, "The number of weights does not match the population"},
		{"choices zero", second(p.Choices(2, []float64{0, 0}, 1)), ErrPyWeightsTotal, "Total of weights must be greater than zero"},
		{"choices inf", second(p.Choices(2, []float64{1, math.Inf(1)}, 1)), ErrPyWeightsFinite, "Total of weights must be finite"},
		{"choices nan", second(p.Choices(2, []float64{1, math.NaN()}, 1)), ErrPyWeightsFinite, "Total of weights must be finite"},
		{"choices empty", second(p.Choices(0, nil, 1)), ErrPyIndex, "range object index out of range"},
		{"setstate pos", p.SetState(PyState{Pos: 625}), ErrPyState, "invalid state"},
	}
	for _, c := range checks {
		if !errors.Is(c.err, c.want) || !strings.Contains(c.err.Error(), c.msg) {
			t.Errorf("%s: got %v, want %v carrying %q", c.name, c.err, c.want, c.msg)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func TestPyRandomLimits(t *testing.T) {
	p := NewPyRandom(big.NewInt(7))
	for i := 0; i < 1000; i++ {
		v, err := p.RandInt(math.MinInt64, math.MaxInt64)
		if err != nil {
			t.Fatal(err)
		}
		_ = v
		w, err := p.RandRange(math.MaxInt64-2, math.MaxInt64, 1)
		if err != nil || w < math.MaxInt64-2 {
			t.Fatalf("RandRange near MaxInt64: %d %v", w, err)
		}
		x, err := p.RandRange(10, -10, -3)
		if err != nil || x > 10 || x <= -10 || (10-x)%3 != 0 {
			t.Fatalf("RandRange(10,-10,-3) = %d %v", x, err)
		}
	}
	if s, err := p.Sample(-5, 0); err != nil || len(s) != 0 {
		t.Errorf("sample(range(-5), 0) = %v %v", s, err)
	}
	if c, err := p.Choices(3, []float64{1, 2, 3}, -4); err != nil || len(c) != 0 {
		t.Errorf("choices k=-4 = %v %v", c, err)
	}
	if x := p.Perm(-1); len(x) != 0 {
		t.Errorf("Perm(-1) = %v", x)
	}
	if ss, ok := pySetSize(1 << 40); !ok || ss != 21+1<<42 {
		t.Errorf("pySetSize(2**40) = %d", ss)
	}
	if ss, ok := pySetSize(1 << 61); ok {
		t.Errorf("pySetSize(2**61) = %d, want overflow", ss)
	}
}

func TestPyStateJSON(t *testing.T) {
	p := NewPyRandom(big.NewInt(99))
	for i := 0; i < 700; i++ {
		p.Random()
	}
	g := 0.25
	st := p.GetState()
	st.GaussNext = &g
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var back PyState
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Key != st.Key || back.Pos != st.Pos || back.GaussNext == nil || *back.GaussNext != g {
		t.Fatalf("state JSON round trip differs")
	}
	q := NewPyRandom(big.NewInt(0))
	if err := q.SetState(back); err != nil {
		t.Fatal(err)
	}
	if q.Random() != p.Random() {
		t.Fatalf("restored state gives another stream")
	}
	if gs := q.GetState(); gs.GaussNext == nil || *gs.GaussNext != g {
		t.Fatalf("gauss_next lost")
	}
	q.Seed(big.NewInt(1))
	if q.GetState().GaussNext != nil {
		t.Fatalf("seed must reset gauss_next")
	}
	bad := []string{
		`[3, [1, 2], null]`, `[4, [], null]`, `{}`, `[3]`, `[3, "x", null]`,
		`[3, [` + strings.Repeat("0, ", 624) + `625], null]`,
		`[3, [` + strings.Repeat("0, ", 624) + `-1], null]`,
		`[3, [-1, ` + strings.Repeat("0, ", 623) + `624], null]`,
		`[3, [18446744073709551616, ` + strings.Repeat("0, ", 623) + `624], null]`,
		`[3, [` + strings.Repeat("0, ", 624) + `0], "x"]`,
	}
	for _, s := range bad {
		var st PyState
		if err := json.Unmarshal([]byte(s), &st); !errors.Is(err, ErrPyState) {
			t.Errorf("%.60s: %v", s, err)
		}
	}
	// version 3 truncates words to 32 bits; version 2 takes them mod 2**32
	var v3, v2 PyState
	if err := json.Unmarshal([]byte(`[3, [4294967301, `+strings.Repeat("0, ", 623)+`624], null]`), &v3); err != nil || v3.Key[0] != 5 {
		t.Errorf("v3 truncation: %v %d", err, v3.Key[0])
	}
	if err := json.Unmarshal([]byte(`[2, [-1, `+strings.Repeat("0, ", 623)+`624], null]`), &v2); err != nil || v2.Key[0] != math.MaxUint32 {
		t.Errorf("v2 modulo: %v %d", err, v2.Key[0])
	}
}

func FuzzPyStateJSON(f *testing.F) {
	f.Add([]byte(`[3, [1, 2], null]`))
	f.Add([]byte(`[2, [` + strings.Repeat("-1, ", 624) + `3], 1.5]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var st PyState
		if err := json.Unmarshal(b, &st); err != nil {
			return
		}
		if st.Pos < 0 || st.Pos > 624 {
			t.Fatalf("accepted position %d", st.Pos)
		}
	})
}

// Uint64 is getrandbits(64): low word first.
func TestPyRandomUint64(t *testing.T) {
	a, b := NewPyRandom(big.NewInt(5)), NewPyRandom(big.NewInt(5))
	var _ Source = a
	for i := 0; i < 100; i++ {
		w, _ := b.Getrandbits(64)
		if g := a.Uint64(); !w.IsUint64() || g != w.Uint64() {
			t.Fatalf("draw %d: Uint64 %d, getrandbits(64) %v", i, g, w)
		}
	}
}
