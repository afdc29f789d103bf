package split_test

import (
	"errors"
	"fmt"

	"github.com/splitter-dev/splitter/split"
)

// A stratified train/test split, then stratified 3-fold cross-validation
// of the training rows, as in
//
//	y = np.array([0, 1] * 6)
//	X_train, X_test = train_test_split(np.arange(12), test_size=0.25, random_state=0, stratify=y)
//	for _, te in StratifiedKFold(3, shuffle=True, random_state=0).split(X_train, y[X_train]):
//	    print(X_train[te])
func Example() {
	classes := []int64{0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}
	train, test, err := split.TrainTestSplit(len(classes), split.TrainTestOptions{
		TestSize:    split.FloatSize(0.25),
		RandomState: split.Seed(0),
		Stratify:    split.EncodeInts(classes),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(train, test)

	yTrain := make([]int64, len(train))
	for i, row := range train {
		yTrain[i] = classes[row]
	}
	folds, err := split.StratifiedKFold{NSplits: 3, Shuffle: true, RandomState: split.Seed(0)}.Split(split.EncodeInts(yTrain))
	if err != nil {
		panic(err)
	}
	for _, f := range folds {
		rows := make([]int, len(f.Test))
		for i, j := range f.Test {
			rows[i] = train[j]
		}
		fmt.Println(rows)
	}
	// Output:
	// [1 9 6 7 8 4 2 3 5] [11 0 10]
	// [9 6 7]
	// [1 4 3]
	// [8 2 5]
}

// train_test_split(np.arange(10), test_size=0.3, random_state=42)
func ExampleTrainTestSplit() {
	train, test, err := split.TrainTestSplit(10, split.TrainTestOptions{
		TestSize:    split.FloatSize(0.3),
		RandomState: split.Seed(42),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(train, test)
	// Output: [0 7 2 9 4 3 6] [8 1 5]
}

// train_test_split(X, test_size=0.25, random_state=0, stratify=[0]*6+[1]*6)
func ExampleTrainTestSplit_stratify() {
	y := split.EncodeInts([]int64{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1})
	train, test, _ := split.TrainTestSplit(12, split.TrainTestOptions{
		TestSize:    split.FloatSize(0.25),
		RandomState: split.Seed(0),
		Stratify:    y,
	})
	fmt.Println(train, test)
	// Output: [6 10 3 9 4 2 1 7 8] [11 0 5]
}

// The same inputs that make scikit-learn raise return an error with its message.
func ExampleTrainTestSplit_error() {
	_, _, err := split.TrainTestSplit(10, split.TrainTestOptions{TestSize: split.FloatSize(0)})
	fmt.Println(err)
	fmt.Println(errors.Is(err, split.ErrTestSize))
	// Output:
	// test_size=0.0 should be either positive and smaller than the number of samples 10 or a float in the (0, 1) range
	// true
}

// KFold(3, shuffle=True, random_state=0).split(np.arange(10))
func ExampleKFold() {
	folds, _ := split.KFold{NSplits: 3, Shuffle: true, RandomState: split.Seed(0)}.Split(10)
	for _, f := range folds {
		fmt.Println(f.Test)
	}
	// Output:
	// [2 4 8 9]
	// [1 6 7]
	// [0 3 5]
}

// StratifiedKFold(3, shuffle=True, random_state=0).split(X, y) with string labels.
func ExampleStratifiedKFold() {
	var col []string
	for _, r := range "bbaacbabcaabbbccccc" {
		col = append(col, string(r))
	}
	folds, _ := split.StratifiedKFold{NSplits: 3, Shuffle: true, RandomState: split.Seed(0)}.Split(split.EncodeStrings(col))
	for _, f := range folds {
		fmt.Println(f.Test)
	}
	// Output:
	// [1 5 9 11 15 16 18]
	// [2 7 8 10 13 17]
	// [0 3 4 6 12 14]
}

// GroupKFold(2).split(X, groups=[1, 1, 1, 2, 3, 3])
func ExampleGroupKFold() {
	folds, _ := split.GroupKFold{NSplits: 2}.Split(split.EncodeInts([]int64{1, 1, 1, 2, 3, 3}))
	for _, f := range folds {
		fmt.Println(f.Train, f.Test)
	}
	// Output:
	// [3 4 5] [0 1 2]
	// [0 1 2] [3 4 5]
}

// Hugging Face: Dataset.train_test_split(test_size=0.2, seed=42) on 10 rows.
func ExampleHFTrainTestSplit() {
	train, test, _ := split.HFTrainTestSplit(10, split.HFOptions{TestSize: split.FloatSize(0.2), Seed: split.HFSeed(42)})
	fmt.Println(train, test)
	// Output: [0 7 3 2 4 9 1 8] [5 6]
}

// Hugging Face: Dataset.shuffle(seed=42) on 10 rows.
func ExampleHFShuffle() {
	perm, _ := split.HFShuffle(10, split.HFOptions{Seed: split.HFSeed(42)})
	fmt.Println(perm)
	// Output: [5 6 0 7 3 2 4 9 1 8]
}

// Labels are ranked as np.unique orders the column: NaN last, -0.0 == 0.0.
func ExampleEncodeFloats() {
	l := split.EncodeFloats([]float64{2.5, -1, 0, 2.5, -0.0})
	fmt.Println(l.Codes(), l.NumClasses())
	// Output: [2 0 1 2 1] 3
}

// ParseSize types a size as the CLI reads it: a '.' or exponent makes a fraction.
func ExampleParseSize() {
	for _, s := range []string{"0.2", "20", "1e-1"} {
		sz, _ := split.ParseSize(s)
		fmt.Println(sz, sz.IsFloat())
	}
	// Output:
	// 0.2 true
	// 20 false
	// 0.1 true
}
