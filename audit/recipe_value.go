package audit

import (
	"math"
	"strconv"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/split"
)

// Recipe returns the candidate with seed as the one recipe value the rest
// of splitter uses (what manifests store, job.Run runs and Python
// renders): explain's matches are recipes like any other.
func (r Recipe) Recipe(seed uint64) *recipe.Recipe {
	out := &recipe.Recipe{Seed: strconv.FormatUint(seed, 10)}
	switch r.Kind {
	case Datasets, DatasetsStratified:
		out.Call = recipe.DatasetsTrainTestSplit
	case GroupShuffle:
		out.Call, out.Group = recipe.GroupShuffleSplit, r.Column
	case PandasSample:
		out.Call = recipe.PandasSampleSplit
		if f := py.FloatRepr(r.frac()); len(f) <= 4 {
			out.Frac = f // 0.8, 0.75: as typed; sample(n=) otherwise
		} else {
			out.N = recipe.Size{Size: split.IntSize(r.Train)}
		}
		return out
	case TorchRandomSplit:
		out.Call, out.Lengths = recipe.RandomSplit, r.torchLengths()
		return out
	case PythonShuffleSplit, PythonSampleSplit, PandasShuffle, TorchShuffle, PythonShuffle, DatasetsShuffle:
		return r.moreRecipe(out)
	default:
		out.Call = recipe.TrainTestSplit
	}
	switch r.Kind {
	case SklearnNoShuffle:
		out.NoShuffle, out.Seed = true, ""
	case DatasetsStratified:
		out.Stratify = r.Column
	case SklearnStratified:
		out.Stratify = r.Column
		if r.Version.IsPinned() {
			out.Sklearn = r.Version.String()
		}
	}
	if f, ok := r.testFraction(); ok {
		v, _ := py.ParseFloat(f)
		out.TestSize = recipe.Size{Size: split.FloatSize(v)}
		return out
	}
	out.TestSize = recipe.Size{Size: split.IntSize(r.Test)}
	if r.Train+r.Test < r.N {
		out.TrainSize = recipe.Size{Size: split.IntSize(r.Train)}
	}
	return out
}

// Recipe returns the two-step match as one recipe value: the first step's
// recipe with the second step's test_size (a short fraction of the rest
// when one gives its rows, else a count) as ValSize, as --val and --sizes
// spell the idiom: rest, test = f(df, test_size=T); train, val = f(rest,
// test_size=V), both with the seed.
func (m Match3) Recipe() *recipe.Recipe {
	out := m.First.Recipe(m.Seed)
	out.ValSize = m.Second.Recipe(m.Seed).TestSize
	if f := out.ValSize.Size; f.IsFloat() && len(py.FloatRepr(f.Float())) <= 4 {
		return out // 0.25: as --val spells it
	}
	if v, ok := m.sizesVal(out.TestSize); ok {
		out.ValSize = v
	}
	return out
}

// sizesVal is the second step's test_size as --sizes A,B,C spells it,
// B / (A + B) computed in float64, with short fractions A, B and the test
// fraction C summing to 1 that give the val part its rows; ok is false
// when the first step's test_size is a count or a long fraction (no one
// typed it) or no such A, B exist.
func (m Match3) sizesVal(test recipe.Size) (recipe.Size, bool) {
	if !test.IsFloat() || len(py.FloatRepr(test.Float())) > 4 {
		return recipe.Size{}, false
	}
	c, n, rest, val := test.Float(), m.First.N, m.Second.N, m.Second.Test
	for d := 1; d <= 6; d++ {
		p := math.Pow(10, float64(d))
		b := math.Round(float64(val)/float64(n)*p) / p
		a := math.Round((1-b-c)*1e6) / 1e6
		v := b / (a + b)
		if a > 0 && b > 0 && math.Abs(a+b+c-1) <= 1e-9 && int(math.Ceil(v*float64(rest))) == val {
			expr := py.FloatRepr(b) + " / (" + py.FloatRepr(a) + " + " + py.FloatRepr(b) + ")"
			return recipe.Size{Size: split.FloatSize(v), Expr: expr}, true
		}
	}
	return recipe.Size{}, false
}
