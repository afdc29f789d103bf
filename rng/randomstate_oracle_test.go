package rng

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// This file holds the Go side of testdata/rng-legacy/legacy_oracle.py: a
// case (seeding + calls) is run on a RandomState and compared with the
// answer numpy gave, from the golden file or live.

type legacyCall struct {
	M string            `json:"m"`
	A []json.RawMessage `json:"a"`
}

type legacyCase struct {
	Seed      *json.Number  `json:"seed,omitempty"`
	SeedWords []int64       `json:"seed_words,omitempty"`
	State     *LegacyState  `json:"state,omitempty"`
	Calls     []legacyCall  `json:"calls"`
	Result    *legacyAnswer `json:"answer,omitempty"` // golden file only
}

type legacyResult struct {
	Out json.RawMessage `json:"out"`
	Err string          `json:"err"`
}

type legacyAnswer struct {
	Results  []legacyResult `json:"results"`
	Pos      int            `json:"pos"`
	HasGauss int            `json:"has_gauss"`
	Gauss    float64        `json:"gauss"`
	Next     []uint32       `json:"next"`
}

type legacyOracleOut struct {
	Numpy       string         `json:"numpy"`
	Cases       []legacyAnswer `json:"cases"`
	SeedErrors  []string       `json:"seed_errors"`
	SeedErrorIn []any          `json:"-"`
}

func legacyOracleScript(t testing.TB) string {
	return oracle.Script(t, "../testdata/rng-legacy/legacy_oracle.py")
}

// mkCall builds a call with its arguments marshalled to JSON.
func mkCall(m string, args ...any) legacyCall {
	c := legacyCall{M: m}
	for _, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			panic(err)
		}
		c.A = append(c.A, b)
	}
	return c
}

func legacyArgInt(t testing.TB, raw json.RawMessage) int {
	t.Helper()
	var v int
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("arg %s: %v", raw, err)
	}
	return v
}

func legacyArgF(t testing.TB, raw json.RawMessage) float64 {
	t.Helper()
	var v float64
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("arg %s: %v", raw, err)
	}
	return v
}

func legacyArgBig(t testing.TB, raw json.RawMessage) *big.Int {
	t.Helper()
	v, ok := new(big.Int).SetString(strings.TrimSpace(string(raw)), 10)
	if !ok {
		t.Fatalf("arg %s is not an integer", raw)
	}
	return v
}

var (
	legacyTwo63 = new(big.Int).Lsh(big.NewInt(1), 63)
	legacyTwo64 = new(big.Int).Lsh(big.NewInt(1), 64)
)

// legacyApply runs one call on r the way legacy_oracle.py runs it in numpy.
func legacyApply(t testing.TB, r *RandomState, c legacyCall) (any, error) {
	t.Helper()
	a := c.A
	switch c.M {
	case "random_sample", "rand":
		return r.RandomSamples(legacyArgInt(t, a[0])), nil
	case "randint":
		low, high := legacyArgBig(t, a[0]), legacyArgBig(t, a[1])
		size := legacyArgInt(t, a[2])
		var ds string
		_ = json.Unmarshal(a[3], &ds)
		d, err := ParseDType(ds)
		if err != nil {
			return nil, err
		}
		if d == DTypeUint64 {
			if low.Sign() < 0 {
				if size == 0 {
					return []uint64{}, nil
				}
				return nil, fmt.Errorf("low is out of bounds for uint64")
			}
			if high.Cmp(legacyTwo64) > 0 {
				if size == 0 {
					return []uint64{}, nil
				}
				return nil, fmt.Errorf("high is out of bounds for uint64")
			}
			if high.Cmp(legacyTwo64) == 0 {
				return r.RandintUint64Closed(low.Uint64(), math.MaxUint64, size)
			}
			if high.Sign() < 0 {
				// Not a uint64 (high.Uint64() would drop the sign): below
				// every low, as 0 is, so numpy's low >= high check answers.
				return r.RandintUint64(low.Uint64(), 0, size)
			}
			return r.RandintUint64(low.Uint64(), high.Uint64(), size)
		}
		// Bounds beyond int64 cannot be passed to the Go API; numpy refuses
		// them with these messages (except for size 0).
		if d == DTypeInt64 && size > 0 && low.Cmp(new(big.Int).Neg(legacyTwo63)) < 0 {
			return nil, fmt.Errorf("low is out of bounds for int64")
		}
		if d == DTypeInt64 && size > 0 && high.Cmp(legacyTwo63) > 0 {
			return nil, fmt.Errorf("high is out of bounds for int64")
		}
		if d == DTypeInt64 && high.Cmp(legacyTwo63) == 0 {
			return r.RandomIntegers(low.Int64(), math.MaxInt64, size)
		}
		if !low.IsInt64() || !high.IsInt64() {
			t.Fatalf("randint bounds %v %v do not fit int64", low, high)
		}
		return r.RandintDType(low.Int64(), high.Int64(), size, d)
	case "randint_low":
		return r.Randint(0, int64(legacyArgInt(t, a[0])), legacyArgInt(t, a[1]))
	case "random_integers":
		return r.RandomIntegers(legacyArgBig(t, a[0]).Int64(), legacyArgBig(t, a[1]).Int64(), legacyArgInt(t, a[2]))
	case "uniform":
		return r.Uniforms(legacyArgF(t, a[0]), legacyArgF(t, a[1]), legacyArgInt(t, a[2]))
	case "standard_normal", "randn":
		return r.StandardNormals(legacyArgInt(t, a[0])), nil
	case "normal":
		return r.Normals(legacyArgF(t, a[0]), legacyArgF(t, a[1]), legacyArgInt(t, a[2]))
	case "standard_exponential":
		return r.StandardExponentials(legacyArgInt(t, a[0])), nil
	case "exponential":
		return r.Exponentials(legacyArgF(t, a[0]), legacyArgInt(t, a[1]))
	case "triangular":
		return r.Triangulars(legacyArgF(t, a[0]), legacyArgF(t, a[1]), legacyArgF(t, a[2]), legacyArgInt(t, a[3]))
	case "permutation":
		return r.Permutation(legacyArgInt(t, a[0])), nil
	case "permutation_array", "shuffle":
		var x []int64
		if err := json.Unmarshal(a[0], &x); err != nil {
			t.Fatal(err)
		}
		if c.M == "shuffle" {
			LegacyShuffleSlice(r, x)
			return x, nil
		}
		return LegacyPermuteSlice(r, x), nil
	case "choice":
		var pa []any // numbers, or "nan"
		if err := json.Unmarshal(a[3], &pa); err != nil {
			t.Fatal(err)
		}
		var p []float64
		if pa != nil {
			p = make([]float64, len(pa))
			for i, v := range pa {
				switch v := v.(type) {
				case float64:
					p[i] = v
				case string:
					p[i] = math.NaN()
				}
			}
		}
		var replace bool
		_ = json.Unmarshal(a[2], &replace)
		return r.Choice(legacyArgInt(t, a[0]), legacyArgInt(t, a[1]), replace, p)
	case "tomaxint":
		n := legacyArgInt(t, a[0])
		out := make([]int64, n)
		for i := range out {
			out[i] = r.Tomaxint()
		}
		return out, nil
	case "get_state":
		return r.GetState(), nil
	case "set_state":
		var s LegacyState
		if err := json.Unmarshal(a[0], &s); err != nil {
			return nil, err
		}
		return nil, r.SetState(s)
	}
	t.Fatalf("unknown method %q", c.M)
	return nil, nil
}

// legacyNewCase seeds a RandomState as the case says.
func legacyNewCase(t testing.TB, c legacyCase) *RandomState {
	t.Helper()
	switch {
	case c.Seed != nil:
		v, err := ParseLegacySeed(c.Seed.String())
		if err != nil {
			t.Fatalf("seed %v: %v", c.Seed, err)
		}
		return NewRandomState(v)
	case c.SeedWords != nil:
		r, err := NewRandomStateArray(c.SeedWords)
		if err != nil {
			t.Fatalf("seed words: %v", err)
		}
		return r
	case c.State != nil:
		r := NewRandomState(0)
		if err := r.SetState(*c.State); err != nil {
			t.Fatal(err)
		}
		return r
	}
	t.Fatal("case without seed")
	return nil
}

// legacyCheck runs case c and compares every result, the final state and
// the next two words with numpy's answer. It returns the number of values
// compared.
func legacyCheck(t testing.TB, name string, c legacyCase, want legacyAnswer) int {
	t.Helper()
	r := legacyNewCase(t, c)
	n := 0
	for i, call := range c.Calls {
		got, err := legacyApply(t, r, call)
		w := want.Results[i]
		label := fmt.Sprintf("%s call %d %s(%s)", name, i, call.M, legacyArgsString(call))
		if w.Err != "" {
			msg := w.Err[strings.Index(w.Err, ": ")+2:]
			if err == nil {
				t.Fatalf("%s: no error, numpy: %s", label, w.Err)
			}
			if err.Error() != msg {
				t.Fatalf("%s: error %q, numpy %q", label, err.Error(), msg)
			}
			n++
			continue
		}
		if err != nil {
			t.Fatalf("%s: error %v, numpy gave %.200s", label, err, w.Out)
		}
		if got == nil {
			continue
		}
		wv := reflect.New(reflect.TypeOf(got))
		if err := json.Unmarshal(w.Out, wv.Interface()); err != nil {
			t.Fatalf("%s: decoding numpy's %.200s: %v", label, w.Out, err)
		}
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(wv.Elem().Interface())
		if !bytes.Equal(gb, wb) {
			t.Fatalf("%s:\n got %.600s\nwant %.600s", label, gb, wb)
		}
		if v := reflect.ValueOf(got); v.Kind() == reflect.Slice {
			n += v.Len()
		} else {
			n++
		}
	}
	st := r.GetState()
	if st.Pos != want.Pos || st.HasGauss != want.HasGauss || math.Float64bits(st.CachedGaussian) != math.Float64bits(want.Gauss) {
		t.Fatalf("%s: state after calls pos=%d has_gauss=%d gauss=%v, numpy pos=%d has_gauss=%d gauss=%v",
			name, st.Pos, st.HasGauss, st.CachedGaussian, want.Pos, want.HasGauss, want.Gauss)
	}
	for i, w := range want.Next {
		if g := r.Uint32(); g != w {
			t.Fatalf("%s: next word %d = %d, numpy %d", name, i, g, w)
		}
	}
	return n + 3
}

func legacyArgsString(c legacyCall) string {
	var parts []string
	for _, a := range c.A {
		s := string(a)
		if len(s) > 60 {
			s = s[:60] + "..."
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}
