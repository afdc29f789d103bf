package recipe

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/table"
)

// Validate checks the recipe as Python would check the call's arguments
// before reading any data: arguments the call cannot take together, sizes
// and names that cannot work, a seed outside the call's range. Errors name
// the argument as the CLI spells it. Parse validates; a recipe decoded
// from JSON should be validated before Apply.
func (r *Recipe) Validate() error {
	var err error
	switch r.Command() {
	case "split":
		err = r.checkSplit()
	case "kfold":
		err = r.checkKfold()
	case "sample":
		err = r.checkSample()
	case "perm":
		if !r.N.IsInt() || r.N.Int() < 0 {
			err = flagErr("--n", r.N.String(), ErrBadN)
		}
	case "shuffle":
	default:
		err = fmt.Errorf("unknown call %q", r.Call)
	}
	if err == nil {
		err = r.checkSeed()
	}
	if err == nil {
		err = r.checkShards()
	}
	if err == nil && table.CheckFormat(r.Format) != nil {
		err = flagErr("--format", r.Format, table.ErrFormat)
	}
	return err
}

// checkSplit checks the arguments of a split's call.
func (r *Recipe) checkSplit() error {
	if r.Call == HashSplit || r.Key != "" {
		return r.checkHash()
	}
	if r.Sklearn != "" {
		if _, err := r.parseCompat("sklearn@" + r.Sklearn); err != nil {
			return err
		}
		if r.Call != TrainTestSplit && r.Call != GroupShuffleSplit {
			return combo("--compat sklearn@"+r.Sklearn, "a call other than scikit-learn's")
		}
	}
	val := !r.ValSize.IsNone()
	switch r.Call {
	case PandasSampleSplit:
		if !r.N.IsNone() && r.Frac == "" {
			return r.checkSplitN()
		}
		if _, err := strconv.ParseFloat(r.Frac, 64); err != nil {
			return flagErr("frac", r.Frac, errors.New("want a number"))
		}
		return nil
	case PythonShuffleSplit, PythonSampleSplit:
		return r.checkSplitN()
	}
	switch {
	case r.Group != "" && r.Stratify != "":
		return combo("--group", "--stratify")
	case r.Group != "" && r.NoShuffle:
		return combo("--group", "--no-shuffle")
	case r.Group != "" && r.Call == DatasetsTrainTestSplit:
		return combo("--compat datasets", "--group")
	case val && !r.TrainSize.IsNone():
		return combo("--val", "--train")
	case val && r.Group != "":
		return combo("--val", "--group")
	case r.Group != "" && r.Call != GroupShuffleSplit && r.Call != RandomSplit:
		return fmt.Errorf("--group needs GroupShuffleSplit, not %s: %w", r.Call, ErrFlagCombination)
	}
	if r.Call == RandomSplit {
		return r.checkTorch(val)
	}
	return nil
}

// checkTorch checks random_split's arguments.
func (r *Recipe) checkTorch(val bool) error {
	switch {
	case r.Stratify != "":
		return combo("--compat torch", "--stratify")
	case r.Group != "":
		return combo("--compat torch", "--group")
	case r.NoShuffle:
		return combo("--compat torch", "--no-shuffle")
	case val:
		return combo("--compat torch", "--val")
	case !r.TrainSize.IsNone():
		return combo("--compat torch", "--train")
	case r.Lengths == nil && r.TestSize.IsNone():
		return errors.New("--compat torch needs --lengths L1,L2,... (random_split lengths)")
	}
	if r.Names != nil {
		return checkNames(r.Names)
	}
	return nil
}

// checkNames checks --names: non-empty, distinct, usable in a file name.
func checkNames(names []string) error {
	seen := map[string]bool{}
	for _, n := range names {
		switch {
		case n == "" || n == "." || n == "..":
			return flagErr("--names", strings.Join(names, ","), errors.New("empty or dot name"))
		case strings.ContainsAny(n, `/\`):
			return flagErr("--names", strings.Join(names, ","), errors.New("a name may not hold a path separator"))
		case seen[n]:
			return flagErr("--names", strings.Join(names, ","), fmt.Errorf("name %q given twice", n))
		}
		seen[n] = true
	}
	return nil
}

// checkSplitN checks the N of a split by sampling: a count of rows.
func (r *Recipe) checkSplitN() error {
	if !r.N.IsInt() || r.N.Int() < 0 {
		return flagErr("n", r.N.String(), ErrBadN)
	}
	return nil
}
