package recipe

import (
	"errors"
	"fmt"
)

// ErrHashTest reports a hash split's --test that is not a fraction in
// [0, 1]: the ratio compared with crc32 / 2**32.
var ErrHashTest = errors.New("want a float in [0, 1] (the test ratio; an int is no ratio)")

// parseKey reads --key, the id column of --compat hash; the hash split's
// other arguments are checked by checkHash.
func (r *Recipe) parseKey(a Args) error {
	if err := needColumn(a, "key"); err != nil {
		return err
	}
	r.Key = a.Value("key")
	if r.Call != HashSplit {
		return nil
	}
	for _, name := range []string{"seed", "sizes", "lengths", "names"} {
		if a.Changed(name) {
			return combo("--compat hash", "--"+name)
		}
	}
	return nil
}

// checkHash checks the arguments of HashSplit: an id column, a test
// ratio in [0, 1], and nothing the hash does not read.
func (r *Recipe) checkHash() error {
	switch {
	case r.Call != HashSplit:
		return fmt.Errorf("--key needs --compat hash: %w", ErrFlagCombination)
	case r.Key == "":
		return errors.New("--compat hash needs --key COL (the id column)")
	case r.Seed != "":
		return combo("--compat hash", "--seed")
	case !r.TrainSize.IsNone():
		return combo("--compat hash", "--train")
	case !r.ValSize.IsNone():
		return combo("--compat hash", "--val")
	case r.Stratify != "":
		return combo("--compat hash", "--stratify")
	case r.Group != "":
		return combo("--compat hash", "--group")
	case r.NoShuffle:
		return combo("--compat hash", "--no-shuffle")
	case r.Sklearn != "":
		return combo("--compat hash", "--compat sklearn@"+r.Sklearn)
	case r.TestSize.IsNone():
		return errors.New("--compat hash needs --test R (the test ratio, a float in [0, 1])")
	}
	if f := r.TestSize.Float(); !r.TestSize.IsFloat() || !(f >= 0 && f <= 1) {
		return flagErr("--test", r.TestSize.String(), ErrHashTest)
	}
	return nil
}
