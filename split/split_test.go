package split

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/rng"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  Size
		isErr bool
	}{
		{"", NoSize, false},
		{"0.2", FloatSize(0.2), false},
		{"20", IntSize(20), false},
		{"1e-1", FloatSize(0.1), false},
		{"1E3", FloatSize(1000), false},
		{"3.", FloatSize(3), false},
		{"-1", IntSize(-1), false},
		{"nan", FloatSize(math.NaN()), false},
		{"inf", FloatSize(math.Inf(1)), false},
		{"abc", NoSize, true},
		{"0.2.3", NoSize, true},
	} {
		got, err := ParseSize(tc.in)
		if (err != nil) != tc.isErr {
			t.Errorf("ParseSize(%q) error %v", tc.in, err)
			continue
		}
		if tc.isErr && !errors.Is(err, ErrSizeSyntax) {
			t.Errorf("ParseSize(%q) error %v does not wrap ErrSizeSyntax", tc.in, err)
		}
		if got.kind != tc.want.kind || got.n != tc.want.n || !(got.f == tc.want.f || math.IsNaN(got.f) && math.IsNaN(tc.want.f)) {
			t.Errorf("ParseSize(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"0.2", "20", "1e-1", "nan", "-0.0", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sz, err := ParseSize(s)
		if err != nil {
			return
		}
		if sz.IsFloat() && !math.IsNaN(sz.f) {
			back, err := ParseSize(sz.String())
			if err != nil || !back.IsFloat() || back.f != sz.f {
				t.Fatalf("%q -> %v -> %v, %v", s, sz, back, err)
			}
		}
		if sz.IsInt() && sz.String() != strconv.Itoa(sz.n) {
			t.Fatalf("%q -> %v", s, sz)
		}
	})
}

var pointOne = 0.1 // a variable: Go folds constant 0.1+0.2 to exactly 0.3

func TestPyFloat(t *testing.T) {
	for f, want := range map[float64]string{
		0.25: "0.25", 1: "1.0", 1e16: "1e+16", 1e15: "1000000000000000.0", 1e-5: "1e-05",
		0.0001: "0.0001", math.Copysign(0, -1): "-0.0", pointOne + 0.2: "0.30000000000000004",
		math.NaN(): "nan", math.Inf(-1): "-inf", 1.5e300: "1.5e+300",
	} {
		if got := py.FloatRepr(f); got != want {
			t.Errorf("py.FloatRepr(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestSeedInt(t *testing.T) {
	for _, s := range []int64{-1, 1 << 32} {
		if _, err := SeedInt(s); !errors.Is(err, ErrSeed) || err.Error() != "Seed must be between 0 and 2**32 - 1" {
			t.Errorf("SeedInt(%d) = %v", s, err)
		}
	}
	if rs, err := SeedInt(1<<32 - 1); err != nil || rs.String() != "4294967295" {
		t.Errorf("SeedInt(2**32-1) = %v, %v", rs, err)
	}
}

// An int random_state gives the same split on every call; a shared
// RandomState advances (sklearn's check_random_state semantics).
func TestRandomStateSemantics(t *testing.T) {
	ss := ShuffleSplit{NSplits: 1, TestSize: IntSize(3), RandomState: Seed(7)}
	a, _ := ss.Split(20)
	b, _ := ss.Split(20)
	if !eqInts(a[0].Test, b[0].Test) {
		t.Fatal("Seed: two calls differ")
	}
	ss.RandomState = Shared(rng.NewRandomState(7))
	c, _ := ss.Split(20)
	d, _ := ss.Split(20)
	if !eqInts(a[0].Test, c[0].Test) || eqInts(c[0].Test, d[0].Test) {
		t.Fatal("Shared: first call must equal Seed, second must differ")
	}
}

func TestSentinels(t *testing.T) {
	y := EncodeInts([]int64{0, 0, 0, 1})
	for _, tc := range []struct {
		name string
		err  error
		want error
	}{
		{"test size", second(TrainTestSplit(10, TrainTestOptions{TestSize: IntSize(10)})), ErrTestSize},
		{"train size", second(TrainTestSplit(10, TrainTestOptions{TrainSize: FloatSize(1)})), ErrTrainSize},
		{"sum", second(TrainTestSplit(10, TrainTestOptions{TestSize: IntSize(5), TrainSize: IntSize(6)})), ErrSizeSum},
		{"nan", second(TrainTestSplit(10, TrainTestOptions{TestSize: FloatSize(math.NaN())})), ErrNaNSize},
		{"no shuffle", second(TrainTestSplit(4, TrainTestOptions{NoShuffle: true, Stratify: y})), ErrStratifyNoShuffle},
		{"class", second(TrainTestSplit(4, TrainTestOptions{Stratify: y})), ErrClassTooSmall},
		{"length", second(TrainTestSplit(5, TrainTestOptions{Stratify: y})), ErrLengthMismatch},
		{"n_splits", errOf(KFold{NSplits: 1}.Split(5)), ErrNSplits},
		{"rs", errOf(KFold{NSplits: 2, RandomState: Seed(1)}.Split(5)), ErrRandomStateWithoutShuffle},
		{"too many", errOf(KFold{NSplits: 6}.Split(5)), ErrTooManySplits},
		{"target", errOf(StratifiedKFold{NSplits: 2}.Split(EncodeFloats([]float64{0.5, 1, 1, 0.5}))), ErrTargetType},
		{"groups", errOf(GroupKFold{NSplits: 2}.Split(Labels{})), ErrNoGroups},
		{"repeats", errOf(RepeatedKFold{NSplits: 2}.Split(5)), ErrNRepeats},
		{"loo", errOf(LeaveOneOut{}.Split(1)), ErrTooFewSamples},
		{"hf both", second(HFTrainTestSplit(5, HFOptions{Seed: big.NewInt(1), Generator: rng.DefaultRNG(1)})), ErrSeed},
	} {
		var e *Error
		if !errors.Is(tc.err, tc.want) || !errors.As(tc.err, &e) {
			t.Errorf("%s: %v does not wrap %v", tc.name, tc.err, tc.want)
		}
	}
}

func second(_, _ []int, err error) error { return err }
func errOf(_ []Fold, err error) error    { return err }

func TestTestFolds(t *testing.T) {
	folds, _ := KFold{NSplits: 3}.Split(7)
	got := TestFolds(folds, 7)
	if want := []int{0, 0, 0, 1, 1, 2, 2}; !eqInts(got, want) {
		t.Fatalf("TestFolds = %v, want %v", got, want)
	}
}

// Subset must equal encoding the sub-column afresh (y[idx] in numpy).
func TestLabelsSubset(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0.5, 2, -0.0, 0}
	for range 500 {
		n := r.IntN(30)
		fv := make([]float64, n)
		sv := make([]string, n)
		miss := make([]bool, n)
		for i := range fv {
			fv[i] = specials[r.IntN(len(specials))]
			sv[i] = string(rune('a' + r.IntN(4)))
			miss[i] = r.IntN(5) == 0
		}
		idx := make([]int, r.IntN(n+1))
		for i := range idx {
			idx[i] = r.IntN(n)
		}
		subF := make([]float64, len(idx))
		subS := make([]string, len(idx))
		subM := make([]bool, len(idx))
		for j, i := range idx {
			subF[j], subS[j], subM[j] = fv[i], sv[i], miss[i]
		}
		for _, pair := range [][2]Labels{
			{EncodeFloats(fv).Subset(idx), EncodeFloats(subF)},
			{EncodeNullableStrings(sv, miss).Subset(idx), EncodeNullableStrings(subS, subM)},
			{EncodeStrings(sv).Subset(idx), EncodeStrings(subS)},
		} {
			got, want := pair[0], pair[1]
			if !eqInts(got.codes, want.codes) || got.k != want.k || got.kind != want.kind || got.nan != want.nan ||
				got.inf != want.inf || got.nonInt != want.nonInt || got.firstMissing != want.firstMissing {
				t.Fatalf("Subset(%v) of %v / %v:\n got  %+v\n want %+v", idx, fv, sv, got, want)
			}
		}
	}
}

// TestShuffleSplitZeroValue: a zero NSplits is Python's default n_splits
// (10 for ShuffleSplit and StratifiedShuffleSplit, 5 for
// GroupShuffleSplit), not zero splits; a negative one is ErrNSplits.
func TestShuffleSplitZeroValue(t *testing.T) {
	y := EncodeInts([]int64{0, 1, 0, 1, 0, 1, 0, 1, 0, 1})
	rs := Seed(3)
	a, err := ShuffleSplit{TestSize: FloatSize(0.2), RandomState: rs}.Split(10)
	b, _ := ShuffleSplit{NSplits: DefaultShuffleSplits, TestSize: FloatSize(0.2), RandomState: Seed(3)}.Split(10)
	if err != nil || len(a) != DefaultShuffleSplits || !reflect.DeepEqual(a, b) {
		t.Errorf("ShuffleSplit{}: %d folds, %v", len(a), err)
	}
	if f, err := (StratifiedShuffleSplit{TestSize: FloatSize(0.2), RandomState: Seed(3)}).Split(y); err != nil || len(f) != DefaultShuffleSplits {
		t.Errorf("StratifiedShuffleSplit{}: %d folds, %v", len(f), err)
	}
	if f, err := (GroupShuffleSplit{RandomState: Seed(3)}).Split(y); err != nil || len(f) != DefaultGroupShuffleSplits {
		t.Errorf("GroupShuffleSplit{}: %d folds, %v", len(f), err)
	}
	if _, err := (ShuffleSplit{NSplits: -1, RandomState: Seed(3)}).Split(10); !errors.Is(err, ErrNSplits) {
		t.Errorf("NSplits -1: %v", err)
	}
}
