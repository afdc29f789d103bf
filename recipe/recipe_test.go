package recipe

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// parseCases are argument sets of every call.
var parseCases = []struct {
	command string
	args    ArgMap
	call    Call
}{
	{"split", ArgMap{"seed": "1", "test": "0.2"}, TrainTestSplit},
	{"split", ArgMap{"seed": "1", "test": "0.2", "stratify": "y", "no-shuffle": "true"}, TrainTestSplit},
	{"split", ArgMap{"seed": "1", "sizes": "0.7,0.15,0.15", "stratify": "y"}, TrainTestSplit},
	{"split", ArgMap{"seed": "1", "sizes": "70,15,15"}, TrainTestSplit},
	{"split", ArgMap{"seed": "1", "test": "10", "group": "g"}, GroupShuffleSplit},
	{"split", ArgMap{"seed": "123456789012345678901234567890", "test": "0.1", "val": "0.2", "compat": "datasets"}, DatasetsTrainTestSplit},
	{"split", ArgMap{"seed": "-5", "lengths": "3,7", "compat": "torch", "names": "a,b"}, RandomSplit},
	{"split", ArgMap{"seed": "1", "test": "0.3", "compat": "sklearn@0.19.2"}, TrainTestSplit},
	{"split", ArgMap{"test": "0.3", "compat": "hash", "key": "id"}, HashSplit},
	{"split", ArgMap{"seed": "1", "test": "0.3", "format": "tsv"}, TrainTestSplit},
	{"kfold", ArgMap{"seed": "1", "folds": "4", "stratify": "y", "files": "true"}, StratifiedKFold},
	{"kfold", ArgMap{"folds": "3", "group": "g"}, GroupKFold},
	{"kfold", ArgMap{"seed": "2", "group": "g", "compat": "sklearn@1.6.1"}, GroupKFold},
	{"kfold", ArgMap{"seed": "2", "group": "g", "stratify": "y"}, StratifiedGroupKFold},
	{"kfold", ArgMap{"time-series": "true", "gap": "1", "test": "2", "max-train-size": "5"}, TimeSeriesSplit},
	{"kfold", ArgMap{"no-shuffle": "true"}, KFold},
	{"kfold", ArgMap{"seed": "4", "folds": "3", "repeats": "2"}, RepeatedKFold},
	{"kfold", ArgMap{"seed": "4", "repeats": "3", "stratify": "y"}, RepeatedStratifiedKFold},
	{"kfold", ArgMap{"leave-one-group-out": "true", "group": "g"}, LeaveOneGroupOut},
	{"shuffle", ArgMap{"seed": "3"}, PandasShuffle},
	{"shuffle", ArgMap{"seed": "-3", "compat": "python"}, PythonShuffle},
	{"shuffle", ArgMap{"seed": "3", "compat": "torch"}, TorchShuffle},
	{"shuffle", ArgMap{"seed": "3", "compat": "datasets"}, DatasetsShuffle},
	{"sample", ArgMap{"seed": "3", "n": "2.", "replace": "true", "weights": "w"}, PandasSample},
	{"sample", ArgMap{"seed": "3", "frac": "0.5", "group": "g"}, PandasSample},
	{"sample", ArgMap{"seed": "3", "n": "4", "compat": "python", "replace": "true", "weights": "w"}, PythonSample},
	{"perm", ArgMap{"seed": "3", "n": "10", "compat": "generator"}, GeneratorPermutation},
}

// TestRecipeJSON: every call's recipe survives JSON unchanged, validates
// after decoding, and renders the same Python.
func TestRecipeJSON(t *testing.T) {
	for _, tc := range parseCases {
		r, err := Parse(tc.command, tc.args)
		if err != nil {
			t.Fatalf("%s %v: %v", tc.command, tc.args, err)
		}
		if r.Call != tc.call || r.Command() != tc.command {
			t.Errorf("%s %v: call %s (command %s), want %s", tc.command, tc.args, r.Call, r.Command(), tc.call)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Recipe
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if err := back.Validate(); err != nil {
			t.Errorf("%s: decoded recipe invalid: %v", b, err)
		}
		if got, want := back.Python("d.csv", 100), r.Python("d.csv", 100); got != want {
			t.Errorf("%s: Python after JSON\n%s\nwant\n%s", b, got, want)
		}
		if !reflect.DeepEqual(back.Libraries(), r.Libraries()) {
			t.Errorf("%s: libraries differ", b)
		}
	}
}

// TestValidateRefuses: combinations Python cannot express fail, naming
// the arguments, whether the recipe came from arguments or from JSON.
func TestValidateRefuses(t *testing.T) {
	for _, r := range []Recipe{
		{Call: GroupShuffleSplit, Group: "g", Stratify: "y", Seed: "1"},
		{Call: DatasetsTrainTestSplit, Group: "g", Seed: "1"},
		{Call: RandomSplit, Seed: "1"},
		{Call: RandomSplit, Seed: "1", Lengths: []string{"1", "2"}, Names: []string{"a", "a"}},
		{Call: KFold, Folds: 1, Seed: "1"},
		{Call: PythonSample, Frac: "0.5", Seed: "1"},
		{Call: TrainTestSplit, Seed: "4294967296"},
		{Call: Call("sklearn.Nope")},
		{Call: TrainTestSplit, Seed: "1", Format: "xml"},
	} {
		if err := r.Validate(); err == nil {
			t.Errorf("%+v: valid", r)
		}
	}
	_, err := Parse("split", ArgMap{"group": "g", "no-shuffle": "true"})
	if !errors.Is(err, ErrFlagCombination) {
		t.Errorf("--group --no-shuffle: %v", err)
	}
	if _, err := Parse("split", ArgMap{"test": "20%"}); err == nil || err.Error() != `--test "20%": want an integer row count or a float fraction: a percentage; did you mean 0.2?` {
		t.Errorf("--test 20%%: %v", err)
	}
}

// TestDrawSeed: a drawn seed is in the call's range and marked drawn;
// unseeded calls draw none.
func TestDrawSeed(t *testing.T) {
	for _, tc := range parseCases {
		args := ArgMap{}
		for k, v := range tc.args {
			if k != "seed" {
				args[k] = v
			}
		}
		r, err := Parse(tc.command, args)
		if err != nil {
			t.Fatalf("%s %v: %v", tc.command, args, err)
		}
		if err := r.DrawSeed(nil); err != nil {
			t.Fatal(err)
		}
		if r.Seeded() != (r.Seed != "") || r.Seeded() != r.SeedDrawn {
			t.Errorf("%s %v: seeded %v, seed %q, drawn %v", tc.command, args, r.Seeded(), r.Seed, r.SeedDrawn)
		}
		if err := r.Validate(); err != nil {
			t.Errorf("%s %v: drawn seed %s invalid: %v", tc.command, args, r.Seed, err)
		}
	}
}
