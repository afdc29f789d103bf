package sample

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"

	"github.com/splitter-dev/splitter/rng"
)

// The case format shared with testdata/sample/cases.py (see its docstring).

// jfloat is a float64 that survives JSON: NaN as null, ±Inf as "inf"/"-inf".
type jfloat float64

func (f jfloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	switch {
	case math.IsNaN(x):
		return []byte("null"), nil
	case math.IsInf(x, 1):
		return []byte(`"inf"`), nil
	case math.IsInf(x, -1):
		return []byte(`"-inf"`), nil
	}
	return json.Marshal(x)
}

func (f *jfloat) UnmarshalJSON(b []byte) error {
	s := string(b)
	switch s {
	case "null":
		*f = jfloat(math.NaN())
		return nil
	case `"inf"`:
		*f = jfloat(math.Inf(1))
		return nil
	case `"-inf"`:
		*f = jfloat(math.Inf(-1))
		return nil
	}
	x, err := strconv.ParseFloat(s, 64)
	*f = jfloat(x)
	return err
}

type rsSpec struct {
	Int       *json.Number   `json:"int,omitempty"`
	Array     *[]json.Number `json:"array,omitempty"`
	Generator *json.Number   `json:"generator,omitempty"`
}

type pyCase struct {
	Kind        string   `json:"kind"`
	Rows        int      `json:"rows"`
	N           *int     `json:"n,omitempty"`
	NF          *float64 `json:"nf,omitempty"`
	Frac        *float64 `json:"frac,omitempty"`
	Replace     bool     `json:"replace,omitempty"`
	IgnoreIndex bool     `json:"ignore_index,omitempty"`
	Weights     []jfloat `json:"weights"`
	RandomState *rsSpec  `json:"random_state,omitempty"`
	KeyType     string   `json:"key_type,omitempty"`
	Keys        []any    `json:"keys"`
	Seed        *big.Int `json:"seed,omitempty"`
	K           int      `json:"k"`
}

type pyOutcome struct {
	Result []int  `json:"result"`
	Error  string `json:"error"`
}

func (o pyOutcome) String() string {
	if o.Error != "" {
		return "error " + o.Error
	}
	return fmt.Sprint(o.Result)
}

// errUnsupported marks cases the Go side cannot run yet (e.g. a Generator
// without Choice).
var errUnsupported = fmt.Errorf("unsupported")

func floats(w []jfloat) []float64 {
	if w == nil {
		return nil
	}
	out := make([]float64, len(w))
	for i, x := range w {
		out[i] = float64(x)
	}
	return out
}

func randomState(s *rsSpec) (RandomState, error) {
	switch {
	case s == nil:
		return nil, nil
	case s.Int != nil:
		v, err := s.Int.Int64()
		if err != nil {
			return nil, ErrSeedRange // beyond int64: numpy's range error too
		}
		return Seed(v)
	case s.Array != nil:
		words := make([]int64, len(*s.Array))
		for i, w := range *s.Array {
			v, err := w.Int64()
			if err != nil {
				return nil, ErrSeedRange
			}
			words[i] = v
		}
		return SeedArray(words)
	case s.Generator != nil:
		v, err := strconv.ParseUint(s.Generator.String(), 10, 64)
		if err != nil {
			return nil, err
		}
		return Generator(rng.DefaultRNG(v)), nil
	}
	return nil, fmt.Errorf("bad random_state %+v", s)
}

func groupsOf(c pyCase) (Groups, error) {
	n := len(c.Keys)
	switch c.KeyType {
	case "int64", "codes":
		k := make([]int64, n)
		for i, x := range c.Keys {
			v, err := x.(json.Number).Int64()
			if err != nil {
				return Groups{}, err
			}
			k[i] = v
		}
		if c.KeyType == "codes" {
			codes := make([]int, n)
			for i, v := range k {
				codes[i] = int(v)
			}
			return GroupsCodes(codes), nil
		}
		return GroupsInt64(k), nil
	case "float64":
		k := make([]float64, n)
		for i, x := range c.Keys {
			if x == nil {
				k[i] = math.NaN()
				continue
			}
			v, err := x.(json.Number).Float64()
			if err != nil {
				return Groups{}, err
			}
			k[i] = v
		}
		return GroupsFloat64(k), nil
	case "bool":
		k := make([]bool, n)
		valid := make([]bool, n)
		for i, x := range c.Keys {
			if x != nil {
				k[i], valid[i] = x.(bool), true
			}
		}
		return GroupsBool(k, valid), nil
	case "str":
		k := make([]string, n)
		valid := make([]bool, n)
		for i, x := range c.Keys {
			if x != nil {
				k[i], valid[i] = x.(string), true
			}
		}
		return GroupsString(k, valid), nil
	}
	return Groups{}, fmt.Errorf("bad key_type %q", c.KeyType)
}

// runGo runs a case through package sample.
func runGo(c pyCase) ([]int, error) {
	switch c.Kind {
	case "py_shuffle":
		return PyShuffle(rng.NewPyRandom(c.Seed), c.Rows), nil
	case "py_sample":
		return PySample(rng.NewPyRandom(c.Seed), c.Rows, c.K)
	case "py_choices":
		return PyChoices(rng.NewPyRandom(c.Seed), c.Rows, floats(c.Weights), c.K)
	}
	opt := Options{N: c.N, Frac: c.Frac, Replace: c.Replace, Weights: floats(c.Weights)}
	var nErr error
	if c.NF != nil {
		n, err := CheckN(*c.NF)
		opt.N, opt.FloatN, nErr = &n, true, err
	}
	switch c.Kind {
	case "frame":
		rs, err := randomState(c.RandomState)
		if err != nil {
			return nil, err
		}
		if nErr != nil {
			return nil, nErr
		}
		opt.RandomState = rs
		idx, err := Frame(c.Rows, opt)
		if err != nil {
			return nil, err
		}
		if c.IgnoreIndex && !slices.Equal(Labels(idx, true), Labels(Labels(idx, true), false)) {
			return nil, fmt.Errorf("ignore_index labels %v", Labels(idx, true))
		}
		return idx, nil
	case "groupby":
		g, err := groupsOf(c)
		if err != nil {
			return nil, err
		}
		// GroupBy.sample validates size and weights before random_state;
		// here the seed is converted before the call, so check them first.
		if nErr != nil {
			return nil, nErr
		}
		if _, err := processSize(opt); err != nil {
			return nil, err
		}
		if opt.Weights != nil {
			if _, err := PreprocessWeights(opt.Weights, g.Rows); err != nil {
				return nil, err
			}
		}
		rs, err := randomState(c.RandomState)
		if err != nil {
			return nil, err
		}
		opt.RandomState = rs
		return GroupBy(g, opt)
	}
	return nil, fmt.Errorf("bad kind %q", c.Kind)
}
