package rng

import (
	"encoding/hex"
	"encoding/json"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// pyLiveScript is the evaluator shared with gen_python.py.
func pyLiveScript(t *testing.T) string {
	return oracle.Script(t, "../testdata/rng-python/pyrandom_oracle.py")
}

func pyLiveRun(t *testing.T, cases []pyCase) {
	t.Helper()
	var results []pyCaseResult
	oracle.RunJSON(t, pyLiveScript(t), cases, &results)
	n := pyCheckCases(t, cases, results)
	t.Logf("%d cases, %d results compared with CPython", len(cases), n)
}

func pyJSONString(s string) json.RawMessage {
	b, _ := json.Marshal(s)
	return b
}

func pyRandSeed(r *rand.Rand) pySeedSpec {
	intSeed := func(v *big.Int) pySeedSpec { return pySeedSpec{Kind: "int", V: pyJSONString(v.String())} }
	version := 1 + r.IntN(2)
	switch r.IntN(12) {
	case 0, 1, 2:
		return intSeed(big.NewInt(int64(r.Uint32())))
	case 3:
		return intSeed(big.NewInt(-int64(r.Uint64() >> 1)))
	case 4:
		return intSeed(new(big.Int).SetUint64(r.Uint64()))
	case 5, 6:
		bits := 201 + r.IntN(3000)
		v := new(big.Int)
		for v.BitLen() < bits {
			v.Lsh(v, 32).Or(v, big.NewInt(int64(r.Uint32())))
		}
		if r.IntN(2) == 0 {
			v.Neg(v)
		}
		return intSeed(v)
	case 7:
		var f float64
		switch r.IntN(3) {
		case 0:
			for f = math.NaN(); math.IsNaN(f) || math.IsInf(f, 0); {
				f = math.Float64frombits(r.Uint64())
			}
		case 1:
			f = float64(r.Int64N(1<<40)-1<<39) / 1024
		default:
			f = (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(40)-20))
		}
		return pySeedSpec{Kind: "float", V: pyJSONString(strconv.FormatFloat(f, 'g', -1, 64))}
	case 8, 9:
		return pySeedSpec{Kind: "str", V: pyJSONString(pyRandString(r)), Version: version}
	default:
		b := make([]byte, r.IntN(100))
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		kind := "bytes"
		if r.IntN(3) == 0 {
			kind = "bytearray"
		}
		return pySeedSpec{Kind: kind, Hex: hex.EncodeToString(b), Version: version}
	}
}

func pyRandString(r *rand.Rand) string {
	var sb strings.Builder
	n := r.IntN(40)
	for i := 0; i < n; i++ {
		var c rune
		switch r.IntN(4) {
		case 0:
			c = rune(0x20 + r.IntN(0x5f))
		case 1:
			c = rune(r.IntN(0x100))
		case 2:
			c = rune(r.IntN(0x10000))
		default:
			c = rune(0x10000 + r.IntN(0x100000))
		}
		if !utf8.ValidRune(c) {
			c = 'x'
		}
		sb.WriteRune(c)
	}
	return sb.String()
}

func pyBigStr(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return strconv.Itoa(r.IntN(41) - 20)
	case 1:
		return strconv.FormatInt(r.Int64N(1<<40)-1<<39, 10)
	case 2:
		return strconv.FormatInt(int64(r.Uint64()), 10)
	}
	v := new(big.Int)
	for i := r.IntN(6); i >= 0; i-- {
		v.Lsh(v, 32).Or(v, big.NewInt(int64(r.Uint32())))
	}
	if r.IntN(2) == 0 {
		v.Neg(v)
	}
	return v.String()
}

func pyRandFloats(r *rand.Rand, n int) []any {
	out := make([]any, n)
	for i := range out {
		switch r.IntN(6) {
		case 0:
			out[i] = json.Number("0")
		case 1:
			out[i] = json.Number(strconv.Itoa(r.IntN(10)))
		default:
			out[i] = json.Number(strconv.FormatFloat(r.ExpFloat64()*math.Pow(10, float64(r.IntN(9)-4)), 'g', -1, 64))
		}
	}
	return out
}

func pyNum(v int) json.Number { return json.Number(strconv.Itoa(v)) }

func pyRandOp(r *rand.Rand) []any {
	switch r.IntN(15) {
	case 13:
		return []any{"randbytes", pyNum(r.IntN(40) - 1)}
	case 14:
		f := func() json.Number {
			return json.Number(strconv.FormatFloat((r.Float64()-0.3)*math.Pow(10, float64(r.IntN(6))), 'g', -1, 64))
		}
		var mode any = f()
		if r.IntN(3) == 0 {
			mode = nil
		}
		lo := f()
		hi := f()
		if r.IntN(10) == 0 {
			hi = lo
		}
		return []any{"triangular", lo, hi, mode, pyNum(1 + r.IntN(4))}
	case 0:
		return []any{"random", pyNum(1 + r.IntN(10))}
	case 1:
		k := r.IntN(70)
		if r.IntN(4) == 0 {
			k = r.IntN(3000)
		}
		return []any{"getrandbits", pyNum(k)}
	case 2:
		return []any{"shuffle", pyNum(r.IntN(3000))}
	case 3:
		n := r.IntN(3000)
		if r.IntN(3) == 0 {
			n = int(r.Int64N(1 << 62))
		}
		k := r.IntN(min(n, 300) + 1)
		if r.IntN(10) == 0 {
			k = n + 1 + r.IntN(3)
		}
		return []any{"sample", pyNum(n), pyNum(k)}
	case 4: // around the pool/set switch
		k := 6 + r.IntN(500)
		ss, _ := pySetSize(k)
		return []any{"sample", pyNum(ss + r.IntN(3) - 1), pyNum(k)}
	case 5:
		counts := make([]any, 1+r.IntN(20))
		total := 0
		for i := range counts {
			c := r.IntN(6)
			total += c
			counts[i] = pyNum(c)
		}
		return []any{"sample_counts", counts, pyNum(r.IntN(total + 2))}
	case 6:
		n := 1 + r.IntN(50)
		nw := n
		if r.IntN(10) == 0 {
			nw = n + 1 - 2*r.IntN(2) // length mismatch
		}
		return []any{"choices", pyNum(n), pyRandFloats(r, nw), pyNum(r.IntN(60))}
	case 7:
		n := r.IntN(100)
		if r.IntN(4) == 0 {
			n = int(r.Int64N(1 << 50))
		}
		return []any{"choices", pyNum(n), nil, pyNum(r.IntN(60))}
	case 8:
		n := 1 + r.IntN(30)
		w := pyRandFloats(r, n)
		cum := make([]any, n)
		s := 0.0
		for i := range w {
			f, _ := strconv.ParseFloat(string(w[i].(json.Number)), 64)
			s += f
			cum[i] = json.Number(strconv.FormatFloat(s, 'g', -1, 64))
		}
		return []any{"choices_cum", pyNum(n), cum, pyNum(r.IntN(40))}
	case 9:
		switch r.IntN(3) {
		case 0:
			return []any{"randrange", pyBigStr(r)}
		case 1:
			return []any{"randrange", pyBigStr(r), pyBigStr(r), nil}
		}
		return []any{"randrange", pyBigStr(r), pyBigStr(r), strconv.Itoa(r.IntN(21) - 10)}
	case 10:
		a := r.Int64N(1<<40) - 1<<39
		b := a + r.Int64N(1<<20) - 3
		if r.IntN(5) == 0 {
			a, b = int64(r.Uint64()), int64(r.Uint64())
		}
		return []any{"randint", strconv.FormatInt(a, 10), strconv.FormatInt(b, 10)}
	case 11:
		a := (r.Float64() - 0.5) * 1e6
		b := a + r.NormFloat64()*1e3
		return []any{"uniform", json.Number(strconv.FormatFloat(a, 'g', -1, 64)), json.Number(strconv.FormatFloat(b, 'g', -1, 64)), pyNum(1 + r.IntN(5))}
	default:
		return []any{"choice", pyNum(r.IntN(1000))}
	}
}

// TestPyRandomLive compares fresh random seeds and operations with the
// live CPython random module.
func TestPyRandomLive(t *testing.T) {
	t.Parallel()
	oracle.Require(t)
	r := oracle.Rand(t)
	var cases []pyCase
	for i := 0; i < 300; i++ {
		c := pyCase{Seed: pyRandSeed(r)}
		for j := r.IntN(15); j >= 0; j-- {
			c.Ops = append(c.Ops, pyRandOp(r))
		}
		c.Ops = append(c.Ops, []any{"getstate"})
		cases = append(cases, c)
	}
	// states written by Go, loaded by Python's setstate
	for i := 0; i < 10; i++ {
		p := NewPyRandom(big.NewInt(int64(r.Uint32())))
		for j := r.IntN(2000); j > 0; j-- {
			p.Uint32()
		}
		st := p.GetState()
		if i%2 == 0 {
			g := r.NormFloat64()
			st.GaussNext = &g
		}
		b, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, pyCase{Seed: pySeedSpec{Kind: "state", V: b}, Ops: [][]any{pyRandOp(r), pyRandOp(r), {"getstate"}}})
	}
	pyLiveRun(t, cases)
}

// TestPyRandomLiveSizes compares shuffle, sample and choices on sizes
// 0, 1, 2, ..., 40 and once per run on millions (a shuffle of 1 to 10
// million, a set-based and a pool-based sample, choices of a million).
func TestPyRandomLiveSizes(t *testing.T) {
	t.Parallel()
	oracle.Require(t)
	r := oracle.Rand(t)
	seed := func() pySeedSpec {
		return pySeedSpec{Kind: "int", V: pyJSONString(strconv.FormatUint(uint64(r.Uint32()), 10))}
	}
	var small [][]any
	for n := 0; n <= 40; n++ {
		small = append(small, []any{"shuffle", pyNum(n)})
		small = append(small, []any{"sample", pyNum(n), pyNum(r.IntN(n + 1))})
		small = append(small, []any{"choices", pyNum(n), nil, pyNum(r.IntN(5))})
	}
	big1 := 1_000_000 + r.IntN(9_000_001)
	cases := []pyCase{
		{Seed: seed(), Ops: small},
		{Seed: seed(), Ops: [][]any{{"shuffle", pyNum(big1)}, {"getstate"}}},
		{Seed: seed(), Ops: [][]any{{"sample", pyNum(10_000_000), pyNum(1_000_000)}, {"getstate"}}},
		{Seed: seed(), Ops: [][]any{{"sample", pyNum(1_000_000), pyNum(300_000 + r.IntN(700_001))}}},
		{Seed: seed(), Ops: [][]any{{"choices", pyNum(1000), pyRandFloats(r, 1000), pyNum(1_000_000)}}},
		{Seed: seed(), Ops: [][]any{{"choices", pyNum(big1), nil, pyNum(1_000_000)}}},
	}
	pyLiveRun(t, cases)
}

// TestParsePySeedLive compares ParsePySeed with Python's int(s) on random
// strings over an alphabet of digits, signs, underscores and whitespace.
func TestParsePySeedLive(t *testing.T) {
	t.Parallel()
	oracle.Require(t)
	r := oracle.Rand(t)
	alphabet := []string{"0", "1", "5", "9", "0", "7", "_", "-", "+", " ", "\t", "\n", "\x1c", "\x1f",
		"\u00a0", "\u2003", "\u3000", "x", ".", "e", "\x00", "\u0085", "\u180e", "\u200b"}
	var in []string
	for i := 0; i < 3000; i++ {
		var sb strings.Builder
		for j := r.IntN(12); j >= 0; j-- {
			if r.IntN(3) == 0 {
				sb.WriteString(alphabet[r.IntN(len(alphabet))])
			} else {
				sb.WriteByte(byte('0' + r.IntN(10)))
			}
		}
		in = append(in, sb.String())
	}
	script := `
import json, sys
out = []
for s in json.load(sys.stdin):
    try:
        out.append(str(int(s)))
    except ValueError:
        out.append(None)
json.dump(out, sys.stdout)
`
	var out []*string
	oracle.RunJSON(t, script, in, &out)
	for i, s := range in {
		v, err := ParsePySeed(s)
		switch {
		case out[i] == nil && err == nil:
			t.Errorf("ParsePySeed(%q) = %v, Python int() refuses it", s, v)
		case out[i] != nil && err != nil:
			t.Errorf("ParsePySeed(%q): %v, Python int() = %s", s, err, *out[i])
		case out[i] != nil && v.String() != *out[i]:
			t.Errorf("ParsePySeed(%q) = %v, Python int() = %s", s, v, *out[i])
		}
	}
	t.Logf("%d strings compared with int()", len(in))
}
