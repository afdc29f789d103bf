package main

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/split"
)

// ErrFlagCombination reports flags that the emulated Python call cannot
// express together.
var ErrFlagCombination = errors.New("flags cannot be combined")

// recipe is the Python call family a split emulates.
type recipe int

const (
	recipeSklearn  recipe = iota // train_test_split / GroupShuffleSplit
	recipeDatasets               // Hugging Face Dataset.train_test_split
	recipeTorch                  // torch.utils.data.random_split
)

// splitOpts are the parsed flags of `splitter split`.
type splitOpts struct {
	input  string
	outDir string
	recipe recipe
	test   size
	train  size
	val    size
	// sizesRows is the row count --sizes A,B,C of ints must sum to (0
	// when --sizes is not given in ints).
	sizesRows int
	stratify  string
	group     string
	shuffle   bool
	lengths   []string // --lengths, as typed
	names     []string // --names
	// torchLengths are the random_split lengths as Python literals.
	torchLengths []string
	seed         string // --seed as typed, or the drawn seed
	seedDrawn    bool
	version      split.Version // --compat sklearn@X.Y.Z (zero: today's)
}

// splitFlags registers the flags of split on cmd.
func splitFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("seed", "", "random_state `S` (0..2**32-1; any integer >= 0 with --compat datasets; -2**63..2**64-1 with --compat torch); drawn from the OS when absent")
	f.String("test", "", "test_size `T`: a fraction (0.2, 1e-1) or a row count (30); default 0.25 when neither --test nor --train is given")
	f.String("train", "", "train_size `R`, typed like --test")
	f.String("val", "", "a third part `V`: test_size of the second train_test_split on the rest (writes STEM.val.csv)")
	f.String("sizes", "", "train, val, test sizes `A,B,C` (fractions summing to 1, or row counts summing to the rows): the two-step train_test_split idiom")
	f.String("stratify", "", "stratify=df[`COL`]")
	f.String("group", "", "GroupShuffleSplit(...).split(df, groups=df[`COL`])")
	f.Bool("no-shuffle", false, "shuffle=False")
	f.String("compat", "sklearn", "emulated call: sklearn (train_test_split), sklearn@X.Y.Z (a pinned scikit-learn release), datasets (Hugging Face), torch (random_split)")
	f.String("lengths", "", "with --compat torch: random_split lengths `L1,L2,...` (ints, or fractions summing to 1)")
	f.String("names", "", "with --compat torch: output names `A,B,...` instead of part0, part1, ...")
	f.String("out-dir", "", "output folder `DIR` (default: the input's folder; created if missing)")
}

// parseSplitFlags reads and checks split's flags, before any file is read.
// Seeds are drawn last, so that a flag error draws (and prints) none.
func parseSplitFlags(cmd *cobra.Command, input string) (*splitOpts, error) {
	f := cmd.Flags()
	str := func(name string) string { v, _ := f.GetString(name); return v }
	o := &splitOpts{input: input, outDir: str("out-dir"), stratify: str("stratify"), group: str("group")}
	noShuffle, _ := f.GetBool("no-shuffle")
	o.shuffle = !noShuffle

	switch c := str("compat"); {
	case c == "sklearn" || c == "":
		o.recipe = recipeSklearn
	case c == "datasets":
		o.recipe = recipeDatasets
	case c == "torch":
		o.recipe = recipeTorch
	case strings.HasPrefix(c, "sklearn@"):
		v, _, err := sklearnPin(c)
		if err != nil {
			return nil, err
		}
		o.recipe, o.version = recipeSklearn, v
	default:
		return nil, flagErr("--compat", c, errors.New("want sklearn, datasets, torch or sklearn@X.Y.Z"))
	}
	for _, name := range []string{"stratify", "group"} {
		if f.Changed(name) && str(name) == "" {
			return nil, flagErr("--"+name, "", errors.New("want a column name"))
		}
	}
	var err error
	for _, s := range []struct {
		flag string
		dst  *size
	}{{"test", &o.test}, {"train", &o.train}, {"val", &o.val}} {
		if f.Changed(s.flag) {
			if *s.dst, err = parseSize("--"+s.flag, str(s.flag)); err != nil {
				return nil, err
			}
		}
	}
	combo := func(a, b string) error {
		return fmt.Errorf("%s with %s: %w", a, b, ErrFlagCombination)
	}
	if f.Changed("sizes") {
		for _, other := range []string{"test", "train", "val", "lengths", "group"} {
			if f.Changed(other) {
				return nil, combo("--sizes", "--"+other)
			}
		}
		if o.recipe != recipeTorch { // torch takes them as random_split lengths
			if err := o.parseSizes(str("sizes")); err != nil {
				return nil, err
			}
		} else if !f.Changed("names") {
			if err := f.Set("names", "train,val,test"); err != nil {
				return nil, err
			}
		}
	}
	switch {
	case o.group != "" && o.stratify != "":
		return nil, combo("--group", "--stratify")
	case o.group != "" && noShuffle:
		return nil, combo("--group", "--no-shuffle")
	case o.group != "" && o.recipe == recipeDatasets:
		return nil, combo("--compat datasets", "--group")
	case o.val.set && o.train.set:
		return nil, combo("--val", "--train")
	case o.val.set && o.group != "":
		return nil, combo("--val", "--group")
	}
	if o.recipe == recipeTorch {
		switch {
		case o.stratify != "":
			return nil, combo("--compat torch", "--stratify")
		case o.group != "":
			return nil, combo("--compat torch", "--group")
		case noShuffle:
			return nil, combo("--compat torch", "--no-shuffle")
		case o.val.set:
			return nil, combo("--compat torch", "--val")
		case o.train.set:
			return nil, combo("--compat torch", "--train")
		}
		if f.Changed("sizes") {
			o.lengths = strings.Split(str("sizes"), ",")
		} else if l := str("lengths"); f.Changed("lengths") {
			if o.test.set {
				return nil, combo("--lengths", "--test")
			}
			o.lengths = strings.Split(l, ",")
		} else if !o.test.set {
			return nil, errors.New("--compat torch needs --lengths L1,L2,... (random_split lengths)")
		}
		if f.Changed("names") {
			o.names = strings.Split(str("names"), ",")
			if err := checkNames(o.names); err != nil {
				return nil, err
			}
		}
	} else {
		for _, name := range []string{"lengths", "names"} {
			if f.Changed(name) {
				return nil, fmt.Errorf("--%s needs --compat torch: %w", name, ErrFlagCombination)
			}
		}
	}
	return o, nil
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

// parseSizes reads --sizes A,B,C (train, val, test) as the two-step idiom
// users write: rest, test = train_test_split(df, test_size=C), then
// train, val = train_test_split(rest, test_size=B / (A + B)) for
// fractions (summing to 1 within 1e-9, added left to right as Python's
// sum does), test_size=B for row counts (summing to the row count,
// checked once the input is read).
func (o *splitOpts) parseSizes(v string) error {
	parts := strings.Split(v, ",")
	if len(parts) != 3 {
		return flagErr("--sizes", v, errors.New("want three sizes: train,val,test"))
	}
	var s [3]size
	for i, p := range parts {
		var err error
		if s[i], err = parseSize("--sizes", p); err != nil {
			return err
		}
	}
	if s[0].isFloat != s[1].isFloat || s[1].isFloat != s[2].isFloat {
		return flagErr("--sizes", v, errors.New("want three fractions or three row counts, not both"))
	}
	if !s[0].isFloat {
		for _, x := range s {
			if x.i <= 0 {
				return flagErr("--sizes", v, errors.New("want positive row counts"))
			}
		}
		o.test, o.val, o.sizesRows = s[2], s[1], s[0].i+s[1].i+s[2].i
		return nil
	}
	sum := s[0].f + s[1].f + s[2].f
	if !(math.Abs(sum-1) <= 1e-9) {
		return flagErr("--sizes", v, fmt.Errorf("fractions sum to %s, want 1", py.FloatRepr(sum)))
	}
	a, b := s[0].f, s[1].f
	o.test = s[2]
	o.val = size{set: true, isFloat: true, f: b / (a + b), expr: py.FloatRepr(b) + " / (" + py.FloatRepr(a) + " + " + py.FloatRepr(b) + ")"}
	return nil
}
