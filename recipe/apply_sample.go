package recipe

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/splitter-dev/splitter/sample"
	"github.com/splitter-dev/splitter/split"
	"github.com/splitter-dev/splitter/table"
)

// applyShuffle runs a shuffle recipe: every row once, in Python's order.
func (r *Recipe) applyShuffle(t table.Table, res *Result) error {
	order, err := r.shuffle(t.Len())
	if err != nil {
		return err
	}
	res.Parts = []Part{{"shuffled", order}}
	return nil
}

func (r *Recipe) shuffle(n int) ([]int, error) {
	switch r.Call {
	case PythonShuffle:
		g, err := r.pyRandom()
		if err != nil {
			return nil, err
		}
		return sample.PyShuffle(g, n), nil
	case TorchShuffle:
		g, err := r.torchGenerator()
		if err != nil {
			return nil, err
		}
		return g.Randperm(n), nil
	case DatasetsShuffle:
		seed, err := r.generatorSeed()
		if err != nil {
			return nil, err
		}
		perm, err := split.HFShuffle(n, split.HFOptions{Seed: seed})
		if err != nil {
			return nil, r.seedErr(err)
		}
		return perm, nil
	}
	rs, err := r.numpyState()
	if err != nil {
		return nil, err
	}
	return sample.Shuffle(n, rs)
}

// applySample runs a sample recipe.
func (r *Recipe) applySample(t table.Table, res *Result) error {
	var rows []int
	var err error
	if r.Call == PythonSample {
		rows, err = r.pythonSample(t)
	} else {
		rows, err = r.pandasSample(t)
	}
	if err != nil {
		return sampleErr(err)
	}
	res.Parts = []Part{{"sampled", rows}}
	return nil
}

// count is random.sample's k: N, or 1.
func (r *Recipe) count() int {
	if r.N.IsNone() {
		return 1
	}
	return r.N.Int()
}

func (r *Recipe) pythonSample(t table.Table) ([]int, error) {
	var w []float64
	var err error
	if r.Weights != "" {
		if w, err = table.WeightsOf(t, r.Weights, "--weights"); err != nil {
			return nil, err
		}
	}
	g, err := r.pyRandom()
	if err != nil {
		return nil, err
	}
	if r.Replace {
		return sample.PyChoices(g, t.Len(), w, r.count())
	}
	return sample.PySample(g, t.Len(), r.count())
}

// sampleOptions are pandas' sample arguments of the recipe.
func (r *Recipe) sampleOptions() (sample.Options, error) {
	opt := sample.Options{Replace: r.Replace}
	if !r.N.IsNone() {
		n := r.N.Int()
		if r.N.IsFloat() {
			var err error
			if n, err = sample.CheckN(r.N.Float()); err != nil {
				return opt, flagErr("--n", r.N.String(), err)
			}
			opt.FloatN = true
		}
		opt.N = &n
	}
	if r.Frac != "" {
		v, _ := strconv.ParseFloat(r.Frac, 64)
		opt.Frac = &v
	}
	return opt, nil
}

func (r *Recipe) pandasSample(t table.Table) ([]int, error) {
	opt, err := r.sampleOptions()
	if err != nil {
		return nil, err
	}
	if r.Weights != "" {
		if opt.Weights, err = table.WeightsOf(t, r.Weights, "--weights"); err != nil {
			return nil, err
		}
	}
	var groups sample.Groups
	if r.Group != "" {
		if groups, err = table.GroupsOf(t, r.Group, "--group"); err != nil {
			return nil, err
		}
	}
	if opt.RandomState, err = r.numpyState(); err != nil {
		return nil, err
	}
	if r.Group != "" {
		return sample.GroupBy(groups, opt)
	}
	return sample.Frame(t.Len(), opt)
}

// sampleErr names the argument behind pandas' sample errors.
func sampleErr(err error) error {
	for _, m := range []struct {
		e    error
		flag string
	}{
		{sample.ErrNAndFrac, "--n with --frac"},
		{sample.ErrNegativeN, "--n"}, {sample.ErrNotIntegerN, "--n"}, {sample.ErrFloatN, "--n"},
		{sample.ErrSizeTooLarge, "--n"},
		{sample.ErrUpsample, "--frac"}, {sample.ErrNegativeFrac, "--frac"},
		{sample.ErrFracNaN, "--frac"}, {sample.ErrFracInf, "--frac"},
		{sample.ErrWeightsInf, "--weights"}, {sample.ErrWeightsNegative, "--weights"},
		{sample.ErrWeightsZero, "--weights"}, {sample.ErrWeightsLength, "--weights"},
		{sample.ErrSeedRange, "--seed"},
	} {
		if errors.Is(err, m.e) {
			return fmt.Errorf("%s: %w", m.flag, err)
		}
	}
	return err
}
