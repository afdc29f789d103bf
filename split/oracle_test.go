package split

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/rng"
)

// ocase is one case for testdata/split/split_oracle.py; the same struct
// drives the Go side.
type ocase struct {
	Kind         string   `json:"kind"`
	N            int      `json:"n"`
	Test         []any    `json:"test"`
	Train        []any    `json:"train"`
	Seed         *uint64  `json:"seed"`
	Shared       bool     `json:"shared,omitempty"`
	Shuffle      bool     `json:"shuffle"`
	Y            *olabels `json:"y"`
	Groups       *olabels `json:"groups"`
	NSplits      int      `json:"n_splits"`
	NRepeats     int      `json:"n_repeats"`
	P            int      `json:"p"`
	MaxTrainSize *int     `json:"max_train_size"`
	TestSize     *int     `json:"test_size"`
	Gap          int      `json:"gap"`
	TestFold     []int    `json:"test_fold"`
	Col          string   `json:"col,omitempty"`
}

type olabels struct {
	DType   string `json:"dtype"`
	Values  []any  `json:"values"`
	Missing []bool `json:"missing,omitempty"`
}

type oresult struct {
	Folds [][2][]int `json:"folds"`
	Error *string    `json:"error"`
}

func (c ocase) String() string {
	b, _ := json.Marshal(c)
	if len(b) > 600 {
		b = append(b[:600], "..."...)
	}
	return string(b)
}

func osize(s []any) Size {
	if s == nil {
		return NoSize
	}
	switch s[0] {
	case "i":
		return IntSize(anyInt(s[1]))
	}
	f, _ := strconv.ParseFloat(s[1].(string), 64)
	return FloatSize(f)
}

// anyInt reads an int built in Go or decoded from JSON with UseNumber.
func anyInt(x any) int {
	switch v := x.(type) {
	case int:
		return v
	case json.Number:
		n, err := v.Int64()
		if err != nil {
			panic(err)
		}
		return int(n)
	case float64:
		return int(v)
	}
	panic(fmt.Sprintf("not an int: %T", x))
}

func intSize(n int) []any       { return []any{"i", n} }
func floatSize(f float64) []any { return []any{"f", strconv.FormatFloat(f, 'g', -1, 64)} }

func (l *olabels) labels() Labels {
	if l == nil {
		return Labels{}
	}
	strs := EncodeStrings
	if l.Missing != nil {
		strs = func(v []string) Labels { return EncodeNullableStrings(v, l.Missing) }
	}
	return l.encode(EncodeInts, EncodeFloats, EncodeBools, strs)
}

// hfLabels is class_encode_column on the column.
func (l *olabels) hfLabels() Labels {
	return l.encode(ClassEncodeInts, ClassEncodeFloats, ClassEncodeBools, ClassEncodeStrings)
}

// encode decodes the JSON values into the slice type l.DType names and
// passes them to that type's encoder.
func (l *olabels) encode(ints func([]int64) Labels, floats func([]float64) Labels, bools func([]bool) Labels, strs func([]string) Labels) Labels {
	switch l.DType {
	case "int":
		v := make([]int64, len(l.Values))
		for i, x := range l.Values {
			v[i] = int64(anyInt(x))
		}
		return ints(v)
	case "float":
		v := make([]float64, len(l.Values))
		for i, x := range l.Values {
			v[i], _ = strconv.ParseFloat(x.(string), 64)
		}
		return floats(v)
	case "bool":
		v := make([]bool, len(l.Values))
		for i, x := range l.Values {
			v[i] = x.(bool)
		}
		return bools(v)
	}
	v := make([]string, len(l.Values))
	for i, x := range l.Values {
		v[i] = x.(string)
	}
	return strs(v)
}

func (c ocase) rs() RandomState {
	if c.Seed == nil {
		return None
	}
	if c.Shared {
		return Shared(rng.NewRandomState(uint32(*c.Seed)))
	}
	return Seed(uint32(*c.Seed))
}

// run executes the case in Go.
func (c ocase) run() ([]Fold, error) {
	switch c.Kind {
	case "tts":
		tr, te, err := TrainTestSplit(c.N, TrainTestOptions{TestSize: osize(c.Test), TrainSize: osize(c.Train), RandomState: c.rs(), NoShuffle: !c.Shuffle, Stratify: c.Y.labels()})
		return []Fold{{tr, te}}, err
	case "ss":
		return ShuffleSplit{NSplits: c.NSplits, TestSize: osize(c.Test), TrainSize: osize(c.Train), RandomState: c.rs()}.Split(c.N)
	case "sss":
		return StratifiedShuffleSplit{NSplits: c.NSplits, TestSize: osize(c.Test), TrainSize: osize(c.Train), RandomState: c.rs()}.Split(c.Y.labels())
	case "gss":
		return GroupShuffleSplit{NSplits: c.NSplits, TestSize: osize(c.Test), TrainSize: osize(c.Train), RandomState: c.rs()}.Split(c.Groups.labels())
	case "kfold":
		return KFold{NSplits: c.NSplits, Shuffle: c.Shuffle, RandomState: c.rs()}.Split(c.N)
	case "skf":
		return StratifiedKFold{NSplits: c.NSplits, Shuffle: c.Shuffle, RandomState: c.rs()}.Split(c.Y.labels())
	case "gkf":
		return GroupKFold{NSplits: c.NSplits}.Split(c.Groups.labels())
	case "sgkf":
		return StratifiedGroupKFold{NSplits: c.NSplits, Shuffle: c.Shuffle, RandomState: c.rs()}.Split(c.Y.labels(), c.Groups.labels())
	case "rkf":
		return RepeatedKFold{NSplits: c.NSplits, NRepeats: c.NRepeats, RandomState: c.rs()}.Split(c.N)
	case "rskf":
		return RepeatedStratifiedKFold{NSplits: c.NSplits, NRepeats: c.NRepeats, RandomState: c.rs()}.Split(c.Y.labels())
	case "loo":
		return LeaveOneOut{}.Split(c.N)
	case "lpo":
		return LeavePOut{c.P}.Split(c.N)
	case "tss":
		t := TimeSeriesSplit{NSplits: c.NSplits, Gap: c.Gap}
		if c.MaxTrainSize != nil {
			t.MaxTrainSize = *c.MaxTrainSize
		}
		if c.TestSize != nil {
			t.TestSize = *c.TestSize
		}
		return t.Split(c.N)
	case "ps":
		return PredefinedSplit{c.TestFold}.Split()
	case "hf":
		o := HFOptions{TestSize: osize(c.Test), TrainSize: osize(c.Train), NoShuffle: !c.Shuffle, Seed: HFSeed(*c.Seed), StratifyColumn: c.Col}
		if c.Y != nil {
			o.Stratify = c.Y.hfLabels()
		}
		tr, te, err := HFTrainTestSplit(c.N, o)
		return []Fold{{tr, te}}, err
	case "hfgen":
		g := rng.DefaultRNG(*c.Seed)
		var out []Fold
		for range 2 {
			tr, te, err := HFTrainTestSplit(c.N, HFOptions{TestSize: osize(c.Test), TrainSize: osize(c.Train), Generator: g})
			if err != nil {
				return nil, err
			}
			out = append(out, Fold{tr, te})
		}
		p, err := HFShuffle(c.N, HFOptions{Generator: g})
		return append(out, Fold{p, nil}), err
	case "hfglobal":
		global := rng.NewRandomState(uint32(*c.Seed))
		var out []Fold
		for range 3 {
			p, err := HFShuffle(c.N, HFOptions{Global: global})
			if err != nil {
				return nil, err
			}
			out = append(out, Fold{p, nil})
		}
		return out, nil
	case "hfshuffle":
		p, err := HFShuffle(c.N, HFOptions{Seed: HFSeed(*c.Seed)})
		return []Fold{{p, nil}}, err
	}
	panic("unknown kind " + c.Kind)
}

func oracleScript(t testing.TB) string {
	return oracleImportPath(t) + "import split_oracle\nsplit_oracle.main()\n"
}

// oracleImportPath is a Python prologue that puts testdata/split on
// sys.path, so that a script can import split_oracle.
func oracleImportPath(t testing.TB) string {
	dir, err := filepath.Abs("../testdata/split")
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("import sys\nsys.path.insert(0, %q)\n", dir)
}

// compareCases runs cases in Go and in Python and reports differences.
func compareCases(t *testing.T, cases []ocase) {
	t.Helper()
	var res []oresult
	oracle.RunJSON(t, oracleScript(t), cases, &res)
	if len(res) != len(cases) {
		t.Fatalf("oracle returned %d results for %d cases", len(res), len(cases))
	}
	bad, errs := 0, 0
	for i, c := range cases {
		if !checkResult(t, c, res[i]) {
			bad++
			if bad > 10 {
				t.Fatalf("too many differences")
			}
		}
		if res[i].Error != nil {
			errs++
		}
	}
	t.Logf("%d cases compared (%d error cases), %d differ", len(cases), errs, bad)
}

func checkResult(t *testing.T, c ocase, r oresult) bool {
	t.Helper()
	folds, err := c.run()
	if r.Error != nil {
		want := *r.Error
		if err == nil {
			t.Errorf("%v: Go succeeded, Python raised %s", c, want)
			return false
		}
		typ, msg, _ := strings.Cut(want, ": ")
		if typ == "TypeError" && strings.HasPrefix(msg, "'<' not supported between instances of") && err == errMixedObject {
			return true // operand order depends on numpy's sort internals
		}
		if typ != "ValueError" && typ != "TypeError" && typ != "IndexError" || msg != err.Error() {
			t.Errorf("%v:\n  Go error  %q\n  Python    %q", c, err.Error(), want)
			return false
		}
		return true
	}
	if err != nil {
		t.Errorf("%v: Go error %q, Python succeeded", c, err)
		return false
	}
	if len(folds) != len(r.Folds) {
		t.Errorf("%v: %d folds, Python %d", c, len(folds), len(r.Folds))
		return false
	}
	for i, f := range folds {
		if !eqInts(f.Train, r.Folds[i][0]) || !eqInts(f.Test, r.Folds[i][1]) {
			t.Errorf("%v: fold %d differs\n  Go train %v\n  Py train %v\n  Go test  %v\n  Py test  %v", c, i, short(f.Train), short(r.Folds[i][0]), short(f.Test), short(r.Folds[i][1]))
			return false
		}
	}
	return true
}

func eqInts(a, b []int) bool { return len(a) == len(b) && (len(a) == 0 || slices.Equal(a, b)) }

func short(a []int) string {
	if len(a) > 30 {
		return fmt.Sprint(a[:30]) + "..."
	}
	return fmt.Sprint(a)
}

// ---- random case generation ----

type gen struct{ r *rand.Rand }

// n draws a sample count: mostly small, sometimes up to 5000+, rarely tiny.
func (g gen) n() int {
	switch x := g.r.IntN(20); {
	case x < 2:
		return g.r.IntN(4)
	case x < 14:
		return 2 + g.r.IntN(60)
	case x < 19:
		return 60 + g.r.IntN(1000)
	}
	return 1000 + g.r.IntN(5000)
}

func (g gen) seed() *uint64 {
	var s uint64
	switch g.r.IntN(6) {
	case 0:
		s = uint64(g.r.IntN(100))
	case 1:
		s = 1<<32 - 1 - uint64(g.r.IntN(100))
	default:
		s = uint64(g.r.Uint32())
	}
	return &s
}

// size draws a test_size / train_size: None, int or float, sometimes invalid.
func (g gen) size(n int, valid bool) []any {
	switch x := g.r.IntN(10); {
	case x < 2:
		return nil
	case x < 5:
		if !valid && g.r.IntN(4) == 0 {
			return intSize([]int{0, -1, n, n + 1, n - 1, 1}[g.r.IntN(6)])
		}
		if n < 2 {
			return intSize(1)
		}
		return intSize(1 + g.r.IntN(n-1))
	}
	if !valid && g.r.IntN(4) == 0 {
		return floatSize([]float64{0, 1, -0.5, 1.5, math.NaN(), math.Inf(1), 1e-9, 0.9999999999, 0.07, 0.1, 0.3}[g.r.IntN(11)])
	}
	f := g.r.Float64()
	if g.r.IntN(3) == 0 {
		f = float64(1+g.r.IntN(19)) / 20 // round values hit IEEE ceil/floor edges
	}
	if f == 0 {
		f = 0.5
	}
	return floatSize(f)
}

// labels draws a column of n labels with k skewed classes of a random dtype.
func (g gen) labels(n, k int, dtype string) *olabels {
	w := make([]float64, k)
	for i := range w {
		w[i] = math.Pow(g.r.Float64()+0.05, 2)
	}
	pick := func() int {
		s := 0.0
		for _, x := range w {
			s += x
		}
		u := g.r.Float64() * s
		for i, x := range w {
			u -= x
			if u < 0 {
				return i
			}
		}
		return k - 1
	}
	// class values
	vals := make([]any, k)
	perm := g.r.Perm(max(1000, 2*k))
	for i := range vals {
		switch dtype {
		case "int":
			vals[i] = perm[i] - 500
		case "float":
			if g.r.IntN(3) == 0 {
				vals[i] = strconv.FormatFloat(float64(perm[i])-500, 'g', -1, 64)
			} else {
				vals[i] = strconv.FormatFloat(float64(perm[i])/7, 'g', -1, 64)
			}
		case "bool":
			vals[i] = i%2 == 1
		default:
			alpha := []string{"a", "b", "B", "10", "9", "é", "z", "a10", "a9", " ", "Z"}
			vals[i] = alpha[g.r.IntN(len(alpha))] + strconv.Itoa(perm[i]%13)
		}
	}
	l := &olabels{DType: dtype, Values: make([]any, n)}
	balanced := g.r.IntN(4) == 0 // equal class counts: ties in _approximate_mode
	for i := range n {
		if balanced {
			l.Values[i] = vals[i%k]
		} else {
			l.Values[i] = vals[pick()]
		}
	}
	// now and then a column pandas would hold NaN, inf or a missing string in
	if n > 0 && g.r.IntN(25) == 0 {
		switch dtype {
		case "float":
			for range 1 + g.r.IntN(3) {
				l.Values[g.r.IntN(n)] = []string{"nan", "inf", "-inf"}[g.r.IntN(3)]
			}
		case "str":
			l.Missing = make([]bool, n)
			for range 1 + g.r.IntN(3) {
				l.Missing[g.r.IntN(n)] = true
			}
		}
	}
	return l
}

func (g gen) dtype() string {
	return []string{"int", "int", "float", "str", "str", "bool"}[g.r.IntN(6)]
}

func (g gen) classes() int { return 2 + g.r.IntN(6) }

func requireOracle(t *testing.T) *rand.Rand {
	t.Parallel()
	oracle.Require(t, "numpy", "sklearn")
	return oracle.Rand(t)
}

func TestLiveTrainTestSplit(t *testing.T) {
	g := gen{requireOracle(t)}
	var cases []ocase
	for range 400 {
		n := g.n()
		c := ocase{Kind: "tts", N: n, Test: g.size(n, g.r.IntN(3) > 0), Train: nil, Seed: g.seed(), Shuffle: g.r.IntN(8) > 0}
		if g.r.IntN(3) == 0 {
			c.Train = g.size(n, g.r.IntN(3) > 0)
		}
		if g.r.IntN(2) == 0 {
			dt := g.dtype()
			k := g.classes()
			if dt == "bool" {
				k = 2
			}
			c.Y = g.labels(n, k, dt)
		}
		if g.r.IntN(10) == 0 {
			c.Shared = true
		}
		if !c.Shuffle && g.r.IntN(2) == 0 {
			c.Seed = nil
		}
		cases = append(cases, c)
	}
	// a few big ones
	for range 2 {
		n := 200000 + g.r.IntN(100000)
		cases = append(cases, ocase{Kind: "tts", N: n, Test: g.size(n, true), Seed: g.seed(), Shuffle: true})
		cases = append(cases, ocase{Kind: "tts", N: n, Test: g.size(n, true), Seed: g.seed(), Shuffle: true, Y: g.labels(n, g.classes(), "int")})
	}
	compareCases(t, cases)
}

func TestLiveShuffleSplits(t *testing.T) {
	g := gen{requireOracle(t)}
	var cases []ocase
	for range 300 {
		n := g.n()
		kind := []string{"ss", "sss", "gss"}[g.r.IntN(3)]
		// NSplits 0 is Python's default in Go (TestShuffleSplitZeroValue),
		// n_splits=0 no split in Python: draw 1..5.
		c := ocase{Kind: kind, N: n, Test: g.size(n, g.r.IntN(3) > 0), Seed: g.seed(), NSplits: 1 + g.r.IntN(5), Shared: g.r.IntN(4) == 0}
		if g.r.IntN(3) == 0 {
			c.Train = g.size(n, g.r.IntN(3) > 0)
		}
		switch kind {
		case "sss":
			dt := g.dtype()
			k := g.classes()
			if dt == "bool" {
				k = 2
			}
			c.Y = g.labels(n, k, dt)
		case "gss":
			c.Groups = g.labels(n, 1+g.r.IntN(max(1, n/2)), g.dtype())
			if c.Groups.DType == "bool" {
				c.Groups.DType = "int"
				for i := range c.Groups.Values {
					c.Groups.Values[i] = g.r.IntN(40)
				}
			}
		}
		cases = append(cases, c)
	}
	compareCases(t, cases)
}

func TestLiveKFolds(t *testing.T) {
	g := gen{requireOracle(t)}
	var cases []ocase
	for range 500 {
		n := g.n()
		kind := []string{"kfold", "skf", "gkf", "sgkf", "rkf", "rskf"}[g.r.IntN(6)]
		c := ocase{Kind: kind, N: n, NSplits: 2 + g.r.IntN(8), Shuffle: g.r.IntN(2) == 0}
		if g.r.IntN(20) == 0 {
			c.NSplits = g.r.IntN(2)
		}
		if c.Shuffle || g.r.IntN(10) == 0 {
			c.Seed = g.seed()
			c.Shared = g.r.IntN(4) == 0
		}
		if kind == "rkf" || kind == "rskf" {
			c.NRepeats = g.r.IntN(4)
			c.Seed = g.seed()
			if n > 1000 {
				c.NRepeats = min(c.NRepeats, 2)
			}
		}
		if kind == "skf" || kind == "sgkf" || kind == "rskf" {
			dt := g.dtype()
			k := g.classes()
			if dt == "bool" {
				k = 2
			}
			c.Y = g.labels(n, k, dt)
		}
		if kind == "gkf" || kind == "sgkf" {
			ng := 1 + g.r.IntN(max(1, min(n, 40)))
			if g.r.IntN(3) == 0 {
				ng = 1 + g.r.IntN(max(1, n))
			}
			dt := g.dtype()
			if dt == "bool" {
				dt = "int"
			}
			c.Groups = g.labels(n, ng, dt)
		}
		if kind == "sgkf" && n > 800 {
			continue // O(groups * folds * classes) Python loop: keep the run short
		}
		cases = append(cases, c)
	}
	compareCases(t, cases)
}

func TestLiveOtherCV(t *testing.T) {
	g := gen{requireOracle(t)}
	var cases []ocase
	for range 300 {
		switch g.r.IntN(4) {
		case 0:
			cases = append(cases, ocase{Kind: "loo", N: g.r.IntN(40)})
		case 1:
			n := g.r.IntN(14)
			cases = append(cases, ocase{Kind: "lpo", N: n, P: g.r.IntN(5)})
		case 2:
			n := g.n()
			c := ocase{Kind: "tss", N: n, NSplits: g.r.IntN(10), Gap: g.r.IntN(4) * g.r.IntN(4)}
			if g.r.IntN(2) == 0 {
				v := 1 + g.r.IntN(max(1, n/3))
				c.MaxTrainSize = &v
			}
			if g.r.IntN(2) == 0 {
				v := 1 + g.r.IntN(max(1, n/4))
				c.TestSize = &v
			}
			cases = append(cases, c)
		case 3:
			n := g.r.IntN(50)
			tf := make([]int, n)
			for i := range tf {
				tf[i] = g.r.IntN(6) - 1
				if g.r.IntN(5) == 0 {
					tf[i] = g.r.IntN(100) - 50
				}
			}
			cases = append(cases, ocase{Kind: "ps", TestFold: tf})
		}
	}
	compareCases(t, cases)
}

func TestLiveHF(t *testing.T) {
	g := gen{requireOracle(t)}
	var cases []ocase
	for range 400 {
		n := g.n()
		c := ocase{Kind: "hf", N: n, Test: g.size(n, g.r.IntN(3) > 0), Seed: g.seed(), Shuffle: g.r.IntN(8) > 0, Col: "label"}
		if g.r.IntN(3) == 0 {
			c.Train = g.size(n, g.r.IntN(3) > 0)
		}
		if g.r.IntN(4) == 0 {
			s := g.r.Uint64()
			c.Seed = &s
		}
		if g.r.IntN(2) == 0 {
			dt := g.dtype()
			k := g.classes()
			if dt == "bool" {
				k = 2
			}
			c.Y = g.labels(n, k, dt)
			c.Y.Missing = nil // class_encode_column of missing values is not modelled
		}
		cases = append(cases, c)
		if g.r.IntN(4) == 0 {
			cases = append(cases, ocase{Kind: "hfshuffle", N: n, Seed: c.Seed})
		}
		if g.r.IntN(8) == 0 && n > 0 {
			s := uint64(g.r.Uint32())
			cases = append(cases, ocase{Kind: "hfglobal", N: n, Seed: &s})
		}
		if g.r.IntN(6) == 0 {
			cases = append(cases, ocase{Kind: "hfgen", N: n, Test: c.Test, Train: c.Train, Seed: c.Seed})
		}
	}
	compareCases(t, cases)
}

func TestLiveArgsort(t *testing.T) {
	r := requireOracle(t)
	type acase struct {
		V []int64 `json:"v"`
	}
	var cases []acase
	for range 300 {
		n := r.IntN(3000)
		v := make([]int64, n)
		distinct := 1 + r.IntN(1+r.IntN(n+1))
		pattern := r.IntN(5)
		for i := range v {
			switch pattern {
			case 0:
				v[i] = int64(r.IntN(distinct))
			case 1:
				v[i] = int64(i / max(1, n/distinct))
			case 2:
				v[i] = int64((n - i) / max(1, n/distinct))
			case 3:
				v[i] = int64(min(i, n-i) % distinct) // organ pipe
			default:
				v[i] = int64(i % distinct)
			}
		}
		cases = append(cases, acase{v})
	}
	var out [][]int
	oracle.RunJSON(t, "import sys, json, numpy as np\njson.dump([np.argsort(np.array(c['v'], dtype=np.int64)).tolist() for c in json.load(sys.stdin)], sys.stdout)", cases, &out)
	for i, c := range cases {
		if got := npArgsortInt64(c.V); !eqInts(got, out[i]) {
			t.Fatalf("argsort of %d values differs:\n go %v\n np %v", len(c.V), short(got), short(out[i]))
		}
	}
	t.Logf("%d argsorts compared", len(cases))
}

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}
