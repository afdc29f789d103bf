package recipe

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
)

// parseSplit reads the arguments of `splitter split`.
func parseSplit(a Args) (*Recipe, error) {
	r := &Recipe{Call: TrainTestSplit, Stratify: a.Value("stratify"), Group: a.Value("group"), NoShuffle: isTrue(a, "no-shuffle")}
	switch c := a.Value("compat"); c {
	case "sklearn", "":
	case "datasets":
		r.Call = DatasetsTrainTestSplit
	case "torch":
		r.Call = RandomSplit
	case "hash":
		r.Call = HashSplit
	default:
		if ok, err := r.parseCompat(c); !ok || err != nil {
			if err == nil {
				err = flagErr("--compat", c, errors.New("want sklearn, datasets, torch, hash or sklearn@X.Y.Z"))
			}
			return nil, err
		}
	}
	if err := needColumn(a, "stratify", "group"); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		flag string
		dst  *Size
	}{{"test", &r.TestSize}, {"train", &r.TrainSize}, {"val", &r.ValSize}} {
		if a.Changed(s.flag) {
			v, err := ParseSize(a.Value(s.flag))
			if err != nil {
				return nil, flagErr("--"+s.flag, a.Value(s.flag), err)
			}
			*s.dst = v
		}
	}
	if err := r.parseKey(a); err != nil {
		return nil, err
	}
	if r.Group != "" && r.Call == TrainTestSplit {
		r.Call = GroupShuffleSplit
	}
	if err := r.parseSplitSizes(a); err != nil {
		return nil, err
	}
	if err := r.checkSplit(); err != nil {
		return nil, err
	}
	return r, nil
}

// parseSplitSizes reads --sizes, and --lengths and --names of torch.
func (r *Recipe) parseSplitSizes(a Args) error {
	if a.Changed("sizes") {
		for _, other := range []string{"test", "train", "val", "lengths", "group"} {
			if a.Changed(other) {
				return combo("--sizes", "--"+other)
			}
		}
		if r.Call != RandomSplit { // torch takes them as random_split lengths
			return r.parseSizes(a.Value("sizes"))
		}
		r.Lengths = strings.Split(a.Value("sizes"), ",")
		if !a.Changed("names") {
			r.Names = []string{"train", "val", "test"}
		}
	}
	if r.Call != RandomSplit {
		for _, name := range []string{"lengths", "names"} {
			if a.Changed(name) {
				return fmt.Errorf("--%s needs --compat torch: %w", name, ErrFlagCombination)
			}
		}
		return nil
	}
	if a.Changed("lengths") {
		if r.TestSize.IsNone() == false {
			return combo("--lengths", "--test")
		}
		r.Lengths = strings.Split(a.Value("lengths"), ",")
	}
	if a.Changed("names") {
		r.Names = strings.Split(a.Value("names"), ",")
	}
	return nil
}

// parseSizes reads --sizes A,B,C (train, val, test) as the two-step idiom
// users write: rest, test = train_test_split(df, test_size=C), then
// train, val = train_test_split(rest, test_size=B / (A + B)) for
// fractions (summing to 1 within 1e-9, added left to right as Python's
// sum does), test_size=B for row counts (summing to the row count,
// checked once the input is read).
func (r *Recipe) parseSizes(v string) error {
	parts := strings.Split(v, ",")
	if len(parts) != 3 {
		return flagErr("--sizes", v, errors.New("want three sizes: train,val,test"))
	}
	var s [3]Size
	for i, p := range parts {
		var err error
		if s[i], err = ParseSize(p); err != nil {
			return flagErr("--sizes", p, err)
		}
	}
	if s[0].IsFloat() != s[1].IsFloat() || s[1].IsFloat() != s[2].IsFloat() {
		return flagErr("--sizes", v, errors.New("want three fractions or three row counts, not both"))
	}
	if !s[0].IsFloat() {
		for _, x := range s {
			if x.Int() <= 0 {
				return flagErr("--sizes", v, errors.New("want positive row counts"))
			}
		}
		r.TestSize, r.ValSize, r.SizesRows = s[2], s[1], s[0].Int()+s[1].Int()+s[2].Int()
		return nil
	}
	sum := s[0].Float() + s[1].Float() + s[2].Float()
	if !(math.Abs(sum-1) <= 1e-9) {
		return flagErr("--sizes", v, fmt.Errorf("fractions sum to %s, want 1", py.FloatRepr(sum)))
	}
	r.TestSize, r.ValSize = s[2], valSize(s[0].Float(), s[1].Float())
	return nil
}
