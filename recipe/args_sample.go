package recipe

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/splitter-dev/splitter/sample"
	"github.com/splitter-dev/splitter/split"
)

// ErrBadN reports a perm --n that is not an integer >= 0.
var ErrBadN = errors.New("want a non-negative integer")

// parseShuffle reads the arguments of `splitter shuffle`.
func parseShuffle(a Args) (*Recipe, error) {
	switch c := a.Value("compat"); c {
	case "pandas", "":
		return &Recipe{Call: PandasShuffle}, nil
	case "python":
		return &Recipe{Call: PythonShuffle}, nil
	case "torch":
		return &Recipe{Call: TorchShuffle}, nil
	case "datasets":
		return &Recipe{Call: DatasetsShuffle}, nil
	default:
		return nil, flagErr("--compat", c, errors.New("want pandas, python, torch or datasets"))
	}
}

// parsePerm reads the arguments of `splitter perm`.
func parsePerm(a Args) (*Recipe, error) {
	r := &Recipe{}
	switch c := a.Value("compat"); c {
	case "numpy", "":
		r.Call = NumpyPermutation
	case "generator":
		r.Call = GeneratorPermutation
	case "python":
		r.Call = PythonPermutation
	case "torch":
		r.Call = TorchPermutation
	default:
		return nil, flagErr("--compat", c, errors.New("want numpy, generator, python or torch"))
	}
	if !a.Changed("n") {
		return nil, errors.New("--n is required")
	}
	n, err := strconv.Atoi(a.Value("n"))
	if err != nil || n < 0 {
		return nil, flagErr("--n", a.Value("n"), ErrBadN)
	}
	r.N = Size{Size: split.IntSize(n)}
	return r, nil
}

// parseSample reads the arguments of `splitter sample`.
func parseSample(a Args) (*Recipe, error) {
	r := &Recipe{Call: PandasSample, Replace: isTrue(a, "replace"), Weights: a.Value("weights"), Group: a.Value("group")}
	if a.Changed("n") {
		s, err := ParseSize(a.Value("n"))
		if err != nil {
			return nil, flagErr("--n", a.Value("n"), err)
		}
		if s.IsFloat() {
			if _, err := sample.CheckN(s.Float()); err != nil {
				return nil, flagErr("--n", a.Value("n"), err)
			}
		}
		r.N = Size{Size: s.Size, Expr: a.Value("n")}
	}
	if a.Changed("frac") {
		if _, err := strconv.ParseFloat(a.Value("frac"), 64); err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, flagErr("--frac", a.Value("frac"), errors.New("want a number"))
		}
		r.Frac = a.Value("frac")
	}
	switch c := a.Value("compat"); c {
	case "pandas", "":
	case "python":
		r.Call = PythonSample
	default:
		return nil, flagErr("--compat", c, errors.New("want pandas or python"))
	}
	return r, r.checkSample()
}

// checkSample checks the arguments of a sample's call.
func (r *Recipe) checkSample() error {
	if r.Call != PythonSample {
		return nil
	}
	switch {
	case r.Group != "":
		return fmt.Errorf("--compat python with --group: %w", ErrFlagCombination)
	case r.Frac != "":
		return fmt.Errorf("--compat python with --frac (random.sample takes a count): %w", ErrFlagCombination)
	case r.Weights != "" && !r.Replace:
		return fmt.Errorf("--compat python: --weights needs --replace (random.choices): %w", ErrFlagCombination)
	case r.N.IsFloat():
		return flagErr("--n", r.N.String(), errors.New("random.sample needs an integer count"))
	}
	return nil
}
