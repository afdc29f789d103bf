package audit

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rng"
	"github.com/splitter-dev/splitter/sample"
	"github.com/splitter-dev/splitter/split"
)

// moreName names the kinds of Python's random and of one shuffled part.
func (k Kind) moreName() string {
	switch k {
	case PythonShuffleSplit:
		return "python-shuffle-split"
	case PythonSampleSplit:
		return "python-sample-split"
	case PandasShuffle:
		return "pandas-shuffle"
	case TorchShuffle:
		return "torch-shuffle"
	case PythonShuffle:
		return "python-shuffle"
	case DatasetsShuffle:
		return "datasets-shuffle"
	}
	return ""
}

// pySeeded reports whether the kind seeds Python's random, which takes
// any int: every seed of the range is distinct.
func (k Kind) pySeeded() bool {
	return k == PythonShuffleSplit || k == PythonSampleSplit || k == PythonShuffle
}

// generatorSeeded reports whether the kind seeds numpy's default_rng,
// which takes any integer >= 0 (seeds past 2**32 are distinct).
func (k Kind) generatorSeeded() bool {
	return k == Datasets || k == DatasetsStratified || k == DatasetsShuffle
}

// oneShuffled reports whether the kind makes one part: all rows, shuffled.
func (k Kind) oneShuffled() bool {
	return k == PandasShuffle || k == TorchShuffle || k == PythonShuffle || k == DatasetsShuffle
}

// shuffleRecipes are the recipes that make one part of all n rows.
func shuffleRecipes(n int) []Recipe {
	var out []Recipe
	for _, k := range []Kind{PandasShuffle, TorchShuffle, PythonShuffle, DatasetsShuffle} {
		out = append(out, Recipe{Kind: k, N: n, Train: n})
	}
	return out
}

// moreIndices is Indices for the kinds of recipe_more.go (the one part
// as train, test empty).
func (r Recipe) moreIndices(seed uint64) (train, test []int, err error) {
	switch r.Kind {
	case PythonShuffleSplit, PythonShuffle:
		x := sample.PyShuffle(rng.NewPyRandom(new(big.Int).SetUint64(seed)), r.N)
		return x[:r.Train], x[r.Train:], nil
	case PythonSampleSplit:
		train, err := sample.PySample(rng.NewPyRandom(new(big.Int).SetUint64(seed)), r.N, r.Train)
		return train, restOf(r.N, train), err
	case PandasShuffle:
		rs, err := sample.Seed(int64(seed))
		if err != nil {
			return nil, nil, err
		}
		x, err := sample.Shuffle(r.N, rs)
		return x, nil, err
	case TorchShuffle:
		return rng.NewTorchGenerator(seed).Randperm(r.N), nil, nil
	case DatasetsShuffle:
		x, err := split.HFShuffle(r.N, split.HFOptions{Seed: new(big.Int).SetUint64(seed)})
		return x, nil, err
	}
	return nil, nil, nil
}

// restOf is the rows 0..n-1 not in taken, in order.
func restOf(n int, taken []int) []int {
	in := make([]bool, n)
	for _, i := range taken {
		in[i] = true
	}
	var out []int
	for i := range n {
		if !in[i] {
			out = append(out, i)
		}
	}
	return out
}

// moreRecipe fills out (seed set) for the kinds of recipe_more.go.
func (r Recipe) moreRecipe(out *recipe.Recipe) *recipe.Recipe {
	switch r.Kind {
	case PythonShuffleSplit:
		out.Call, out.N = recipe.PythonShuffleSplit, countSize(r.Train)
	case PythonSampleSplit:
		out.Call, out.N = recipe.PythonSampleSplit, countSize(r.Train)
	case PandasShuffle:
		out.Call = recipe.PandasShuffle
	case TorchShuffle:
		out.Call = recipe.TorchShuffle
	case PythonShuffle:
		out.Call = recipe.PythonShuffle
	case DatasetsShuffle:
		out.Call = recipe.DatasetsShuffle
	}
	return out
}

func countSize(n int) recipe.Size {
	s, _ := recipe.ParseSize(strconv.Itoa(n))
	return s
}

// torchLengths are random_split's lengths as the recipe spells them:
// fractions [f, g] with up to two decimals each when torch 1.13 turns
// them into exactly Train and Test rows (split.RandomSplitLengths), else
// the counts.
func (r Recipe) torchLengths() []string {
	counts := []string{strconv.Itoa(r.Train), strconv.Itoa(r.Test)}
	if r.Train+r.Test != r.N {
		return counts
	}
	// Several fractions give the same counts (torch floors each and hands
	// the remainder out from the first): one decimal first, then two,
	// nearest the train share first.
	share := float64(r.Train) / float64(r.N)
	for _, p := range []int{10, 100} {
		ks := make([]int, 0, p-1)
		for k := 1; k < p; k++ {
			ks = append(ks, k)
		}
		slices.SortStableFunc(ks, func(a, b int) int {
			return cmp.Compare(math.Abs(float64(a)/float64(p)-share), math.Abs(float64(b)/float64(p)-share))
		})
		for _, k := range ks {
			f, g := float64(k)/float64(p), float64(p-k)/float64(p)
			got, _, err := split.RandomSplitLengths(r.N, []split.Length{split.LengthFraction(f), split.LengthFraction(g)})
			if err == nil && slices.Equal(got, []int{r.Train, r.Test}) {
				return []string{py.FloatRepr(f), py.FloatRepr(g)}
			}
		}
	}
	return counts
}

// establishOne is Establish for one part (DATA SHUFFLED): whether it is
// a permutation of the data, and its order.
func establishOne(p *Partition) []string {
	n, a := p.N(), len(p.Train)
	if !p.selectable() {
		return []string{fmt.Sprintf("the file holds rows the data does not (or more copies of a row than it has): no shuffle of these %d rows makes it", n)}
	}
	if a != n {
		return []string{fmt.Sprintf("the file holds %d distinct rows of the data's %d: a sample, not a shuffle of every row", a, n)}
	}
	return []string{fmt.Sprintf("the file holds every row of the data (%d) once: a permutation", n), "order: " + orderOf(p, p.Train)}
}
