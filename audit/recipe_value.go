package audit

import (
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
		out.Call, out.Frac = recipe.PandasSampleSplit, py.FloatRepr(r.frac())
		return out
	case TorchRandomSplit:
		out.Call, out.Lengths = recipe.RandomSplit, []string{strconv.Itoa(r.Train), strconv.Itoa(r.Test)}
		return out
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
