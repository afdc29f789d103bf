package rng

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
)

// This file runs the cases of testdata/rng-python/pyrandom_oracle.py in Go
// and compares them with CPython's answers (golden file or live).

// pyCase is one case of pyrandom_oracle.py.
type pyCase struct {
	Seed pySeedSpec `json:"seed"`
	Ops  [][]any    `json:"ops"`
}

type pySeedSpec struct {
	Kind    string          `json:"kind"`
	V       json.RawMessage `json:"v,omitempty"`
	Hex     string          `json:"hex"`
	Version int             `json:"version,omitempty"`
}

type pyErr struct {
	Error string `json:"error"`
	Msg   string `json:"msg"`
}

type pyCaseResult struct {
	SeedError *pyErr            `json:"seed_error"`
	Results   []json.RawMessage `json:"results"`
}

const pyDigestMin = 2000

func pyMakeSeed(s pySeedSpec) (*PyRandom, error) {
	p := NewPyRandom(big.NewInt(0))
	version := s.Version
	if version == 0 {
		version = 2
	}
	var str string
	switch s.Kind {
	case "int", "float", "str":
		if err := json.Unmarshal(s.V, &str); err != nil {
			return nil, fmt.Errorf("bad case: %v", err)
		}
	}
	switch s.Kind {
	case "int":
		v, err := ParsePySeed(str)
		if err != nil {
			return nil, err
		}
		p.Seed(v)
	case "float":
		f, err := strconv.ParseFloat(str, 64)
		if err != nil {
			return nil, fmt.Errorf("bad case: %v", err)
		}
		return p, p.SeedFloat(f)
	case "str":
		return p, p.SeedString(str, version)
	case "bytes", "bytearray":
		b, err := hex.DecodeString(s.Hex)
		if err != nil {
			return nil, fmt.Errorf("bad case: %v", err)
		}
		if s.Kind == "bytes" {
			return p, p.SeedBytes(b, version)
		}
		return p, p.SeedBytearray(b, version)
	case "state":
		var st PyState
		if err := json.Unmarshal(s.V, &st); err != nil {
			return nil, err
		}
		return p, p.SetState(st)
	default:
		return nil, fmt.Errorf("bad case: seed kind %q", s.Kind)
	}
	return p, nil
}

// pyArgs converts the JSON arguments of an op.
type pyArgs []any

func (a pyArgs) int(i int) int {
	n, err := strconv.Atoi(string(a[i].(json.Number)))
	if err != nil {
		panic(err)
	}
	return n
}

func (a pyArgs) float(i int) float64 {
	f, err := strconv.ParseFloat(string(a[i].(json.Number)), 64)
	if err != nil {
		panic(err)
	}
	return f
}

func (a pyArgs) floats(i int) []float64 {
	if a[i] == nil {
		return nil
	}
	l := a[i].([]any)
	out := make([]float64, len(l))
	for j := range l {
		out[j] = pyArgs(l).float(j)
	}
	return out
}

func (a pyArgs) ints(i int) []int {
	l := a[i].([]any)
	out := make([]int, len(l))
	for j := range l {
		out[j] = pyArgs(l).int(j)
	}
	return out
}

func (a pyArgs) big(i int) *big.Int {
	if i >= len(a) || a[i] == nil {
		return nil
	}
	v, ok := new(big.Int).SetString(a[i].(string), 10)
	if !ok {
		panic(a[i])
	}
	return v
}

// pyRunOp applies one op to p and returns its result: []float64, string,
// []int, int or PyState.
func pyRunOp(p *PyRandom, o []any) (any, error) {
	name := o[0].(string)
	a := pyArgs(o[1:])
	switch name {
	case "random":
		out := make([]float64, a.int(0))
		for i := range out {
			out[i] = p.Random()
		}
		return out, nil
	case "uniform":
		out := make([]float64, a.int(2))
		for i := range out {
			out[i] = p.Uniform(a.float(0), a.float(1))
		}
		return out, nil
	case "getrandbits":
		v, err := p.Getrandbits(a.int(0))
		if err != nil {
			return nil, err
		}
		return v.String(), nil
	case "shuffle":
		x := make([]int, a.int(0))
		for i := range x {
			x[i] = i
		}
		p.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
		return x, nil
	case "sample":
		return p.Sample(a.int(0), a.int(1))
	case "sample_counts":
		return p.SampleCounts(a.ints(0), a.int(1))
	case "choices":
		return p.Choices(a.int(0), a.floats(1), a.int(2))
	case "choices_cum":
		return p.ChoicesCum(a.int(0), a.floats(1), a.int(2))
	case "choice":
		return p.Choice(a.int(0))
	case "randrange":
		var v *big.Int
		var err error
		if len(a) == 1 {
			v, err = p.RandRangeBig(a.big(0), nil, nil)
		} else {
			step := a.big(2)
			// exercise the int64 entry point where it applies
			if a.big(0).IsInt64() && a.big(1).IsInt64() && (step == nil || step.IsInt64()) {
				s := int64(1)
				if step != nil {
					s = step.Int64()
				}
				var r int64
				r, err = p.RandRange(a.big(0).Int64(), a.big(1).Int64(), s)
				v = big.NewInt(r)
			} else {
				v, err = p.RandRangeBig(a.big(0), a.big(1), step)
			}
		}
		if err != nil {
			return nil, err
		}
		return v.String(), nil
	case "randint":
		v, err := p.RandInt(a.big(0).Int64(), a.big(1).Int64())
		if err != nil {
			return nil, err
		}
		return strconv.FormatInt(v, 10), nil
	case "randbytes":
		b, err := p.RandBytes(a.int(0))
		if err != nil {
			return nil, err
		}
		return hex.EncodeToString(b), nil
	case "triangular":
		out := make([]float64, a.int(3))
		for i := range out {
			if a[2] == nil {
				out[i] = p.TriangularMid(a.float(0), a.float(1))
			} else {
				out[i] = p.Triangular(a.float(0), a.float(1), a.float(2))
			}
		}
		return out, nil
	case "getstate":
		return p.GetState(), nil
	}
	panic("unknown op " + name)
}

func pyDigest(x []int) string {
	h := sha256.New()
	var buf []byte
	for i, v := range x {
		buf = buf[:0]
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, int64(v), 10)
		h.Write(buf)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// pyCompare compares a Go result with Python's JSON answer; "" when equal.
func pyCompare(got any, err error, want json.RawMessage) string {
	dec := func(v any) error {
		d := json.NewDecoder(bytes.NewReader(want))
		d.UseNumber()
		return d.Decode(v)
	}
	if bytes.HasPrefix(want, []byte(`{"error"`)) {
		var e pyErr
		if dec(&e) != nil {
			return "bad oracle output " + string(want)
		}
		if err == nil {
			return fmt.Sprintf("Go gave %v, Python raised %s(%q)", got, e.Error, e.Msg)
		}
		if !strings.Contains(err.Error(), e.Msg) {
			return fmt.Sprintf("Go error %q does not carry Python's %s(%q)", err, e.Error, e.Msg)
		}
		return ""
	}
	if err != nil {
		return fmt.Sprintf("Go error %v, Python gave %.200s", err, want)
	}
	switch g := got.(type) {
	case []float64:
		var w []json.Number
		if dec(&w) != nil || len(w) != len(g) {
			return fmt.Sprintf("got %v want %.300s", g, want)
		}
		for i := range g {
			f, _ := strconv.ParseFloat(string(w[i]), 64)
			if math.Float64bits(f) != math.Float64bits(g[i]) {
				return fmt.Sprintf("float %d: got %v want %s", i, g[i], w[i])
			}
		}
	case string:
		var w string
		if dec(&w) != nil || w != g {
			return fmt.Sprintf("got %s want %.300s", g, want)
		}
	case int:
		var w int
		if dec(&w) != nil || w != g {
			return fmt.Sprintf("got %d want %.300s", g, want)
		}
	case []int:
		if len(g) > pyDigestMin {
			var w struct {
				N      int    `json:"n"`
				SHA256 string `json:"sha256"`
			}
			if dec(&w) != nil || w.N != len(g) || w.SHA256 != pyDigest(g) {
				return fmt.Sprintf("list of %d (digest %s) differs from %.200s", len(g), pyDigest(g), want)
			}
			return ""
		}
		var w []int
		if dec(&w) != nil || len(w) != len(g) {
			return fmt.Sprintf("got %v want %.300s", g, want)
		}
		for i := range g {
			if g[i] != w[i] {
				return fmt.Sprintf("index %d: got %v want %.300s", i, g, want)
			}
		}
	case PyState:
		var w PyState
		if err := json.Unmarshal(want, &w); err != nil {
			return "bad oracle state: " + err.Error()
		}
		if w.Key != g.Key || w.Pos != g.Pos || (w.GaussNext == nil) != (g.GaussNext == nil) ||
			(w.GaussNext != nil && *w.GaussNext != *g.GaussNext) {
			return fmt.Sprintf("state differs: got pos %d want pos %d", g.Pos, w.Pos)
		}
	default:
		return fmt.Sprintf("unexpected Go result %T", got)
	}
	return ""
}

// pyCheckCases runs every case in Go and compares with Python's results.
// It returns the number of op results compared.
func pyCheckCases(t *testing.T, cases []pyCase, results []pyCaseResult) int {
	t.Helper()
	if len(cases) != len(results) {
		t.Fatalf("%d cases, %d results", len(cases), len(results))
	}
	compared := 0
	for ci, c := range cases {
		r := results[ci]
		p, err := pyMakeSeed(c.Seed)
		if r.SeedError != nil {
			if err == nil {
				t.Errorf("case %d seed %+v: Go accepted, Python raised %s(%q)", ci, c.Seed, r.SeedError.Error, r.SeedError.Msg)
			}
			compared++
			continue
		}
		if err != nil {
			t.Errorf("case %d seed %+v: %v", ci, c.Seed, err)
			continue
		}
		if len(r.Results) != len(c.Ops) {
			t.Fatalf("case %d: %d ops, %d results", ci, len(c.Ops), len(r.Results))
		}
		for oi, o := range c.Ops {
			got, err := pyRunOp(p, o)
			if msg := pyCompare(got, err, r.Results[oi]); msg != "" {
				t.Errorf("case %d seed %s %s v%d op %d %v: %s", ci, c.Seed.Kind, c.Seed.V, c.Seed.Version, oi, o, msg)
				break // the stream has diverged
			}
			compared++
		}
	}
	return compared
}
