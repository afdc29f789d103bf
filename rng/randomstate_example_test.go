package rng_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/splitter-dev/splitter/rng"
)

// np.random.RandomState(42).permutation(10)
func ExampleRandomState_Permutation() {
	r := rng.NewRandomState(42)
	fmt.Println(r.Permutation(10))
	// Output: [8 1 5 0 7 2 9 4 3 6]
}

// r = np.random.RandomState(0); r.choice(10, 3, replace=False); r.choice(4, 3, p=[.1, .2, .3, .4])
func ExampleRandomState_Choice() {
	r := rng.NewRandomState(0)
	a, _ := r.Choice(10, 3, false, nil)
	b, _ := r.Choice(4, 3, true, []float64{.1, .2, .3, .4})
	fmt.Println(a, b)
	_, err := r.Choice(3, 4, false, nil)
	fmt.Println(err, errors.Is(err, rng.ErrSize))
	// Output:
	// [2 8 4] [2 3 3]
	// Cannot take a larger sample than population when 'replace=False' true
}

// np.random.RandomState(0).random_sample()
func ExampleRandomState_RandomSample() {
	fmt.Println(rng.NewRandomState(0).RandomSample())
	// Output: 0.5488135039273248
}

// np.random.RandomState(0).randint(0, 256, 5, dtype=np.uint8)
func ExampleRandomState_RandintDType() {
	v, _ := rng.NewRandomState(0).RandintDType(0, 256, 5, rng.DTypeUint8)
	fmt.Println(v)
	// Output: [172 10 127 140 47]
}

// x = list("abcdef"); np.random.RandomState(1).shuffle(x)
func ExampleLegacyShuffleSlice() {
	x := []string{"a", "b", "c", "d", "e", "f"}
	rng.LegacyShuffleSlice(rng.NewRandomState(1), x)
	fmt.Println(x)
	// Output: [c b e a d f]
}

// np.random.seed(2**32) raises ValueError
func ExampleParseLegacySeed() {
	_, err := rng.ParseLegacySeed("4294967296")
	fmt.Println(err, errors.Is(err, rng.ErrSeedRange))
	// Output: Seed must be between 0 and 2**32 - 1 true
}

// r = np.random.RandomState(1); r.standard_normal(11); state = r.get_state()
// (saved as JSON with key.tolist()); later r2.set_state(state); r2.standard_normal()
func ExampleRandomState_SetState() {
	r := rng.NewRandomState(1)
	r.StandardNormals(11)
	saved, _ := json.Marshal(r.GetState()) // ["MT19937",[...624 words...],pos,has_gauss,gauss]

	var st rng.LegacyState
	if err := json.Unmarshal(saved, &st); err != nil {
		panic(err)
	}
	r2 := rng.NewRandomState(0)
	if err := r2.SetState(st); err != nil {
		panic(err)
	}
	fmt.Println(st.Pos, st.HasGauss, st.CachedGaussian)
	fmt.Println(r2.StandardNormal() == r.StandardNormal())
	// Output:
	// 36 1 -2.060140709497654
	// true
}
