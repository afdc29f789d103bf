package rng_test

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/splitter-dev/splitter/rng"
)

// numpy: np.random.default_rng(42).permutation(10)
func ExampleGenerator_Permutation() {
	g := rng.DefaultRNG(42)
	fmt.Println(g.Permutation(10))
	// Output: [5 6 0 7 3 2 4 9 1 8]
}

// numpy: np.random.default_rng(0).random()
func ExampleGenerator_Random() {
	g := rng.DefaultRNG(0)
	fmt.Println(g.Random())
	// Output: 0.6369616873214543
}

// numpy: rng = np.random.default_rng(7); x = ["a", "b", "c", "d"]; rng.shuffle(x)
func ExampleGenerator_Shuffle() {
	g := rng.DefaultRNG(7)
	x := []string{"a", "b", "c", "d"}
	g.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
	fmt.Println(x)
	// Output: [a c b d]
}

// numpy: np.random.default_rng(0).integers(0, 10, 5)
func ExampleGenerator_Integers() {
	g := rng.DefaultRNG(0)
	v, err := g.Integers(0, 10, 5, false)
	fmt.Println(v, err)
	// Output: [8 6 5 2 3] <nil>
}

// numpy: np.random.default_rng(0).integers(0, 256, 4, dtype=np.uint8)
func ExampleGenerator_IntegersDType() {
	g := rng.DefaultRNG(0)
	v, _ := g.IntegersDType(0, 256, 4, rng.DTypeUint8, false)
	fmt.Println(v)
	// Output: [95 130 194 217]
}

// numpy: rng = np.random.default_rng(0)
//
//	rng.choice(10, 3, replace=False)
//	np.random.default_rng(0).choice(4, 5, p=[0.1, 0.2, 0.3, 0.4])
func ExampleGenerator_Choice() {
	a, _ := rng.DefaultRNG(0).Choice(10, 3, false, nil, true)
	b, _ := rng.DefaultRNG(0).Choice(4, 5, true, []float64{0.1, 0.2, 0.3, 0.4}, true)
	fmt.Println(a, b)
	// Output: [5 9 6] [3 1 0 0 3]
}

// numpy: np.random.default_rng(2).permuted(np.arange(12).reshape(3, 4), axis=1)
func ExampleGenerator_Permuted() {
	x := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} // 3×4, row-major
	idx, _ := rng.DefaultRNG(2).Permuted(1, 3, 4)
	out := make([]string, len(x))
	for k, i := range idx {
		out[k] = x[i]
	}
	fmt.Println(idx)
	fmt.Println(out)
	// Output:
	// [3 2 0 1 4 5 6 7 8 10 11 9]
	// [d c a b e f g h i k l j]
}

// numpy: [np.random.default_rng(s).random() for s in np.random.SeedSequence(1234).spawn(2)]
func ExampleSeedSequence_Spawn() {
	root, _ := rng.NewSeedSequence(big.NewInt(1234))
	for _, child := range root.Spawn(2) {
		fmt.Println(rng.DefaultRNGSeq(child).Random())
	}
	// Output:
	// 0.5293458940996787
	// 0.7137868247717851
}

// numpy: np.random.default_rng(0).standard_normal(3)
func ExampleGenerator_StandardNormal() {
	g := rng.DefaultRNG(0)
	v, _ := g.StandardNormals(3)
	fmt.Println(v)
	// Output: [0.1257302210933933 -0.1321048632913019 0.6404226504432821]
}

// numpy: np.random.default_rng(0).uniform(-1, 1, 2)
func ExampleGenerator_Uniform() {
	v, _ := rng.DefaultRNG(0).Uniforms(-1, 1, 2)
	fmt.Println(v)
	// Output: [0.2739233746429086 -0.4604265724722594]
}

// numpy: np.random.default_rng(2**100).permutation(6)
func ExampleDefaultRNGBig() {
	seed, _ := rng.ParseGeneratorSeed("1267650600228229401496703205376") // 2**100
	g, _ := rng.DefaultRNGBig(seed)
	fmt.Println(g.Permutation(6))
	_, err := rng.ParseGeneratorSeed("-1")
	fmt.Println(errors.Is(err, rng.ErrNegativeSeed))
	// Output:
	// [0 1 4 3 5 2]
	// true
}

// numpy: bg = np.random.PCG64(7); bg.advance(1000); np.random.Generator(bg).random()
//
//	np.random.Generator(np.random.PCG64(7).jumped()).random()
func ExamplePCG64_Advance() {
	bg, _ := rng.NewPCG64Seed(big.NewInt(7))
	jumped := bg.Jumped(big.NewInt(1))
	bg.Advance(big.NewInt(1000))
	fmt.Println(rng.NewGenerator(bg).Random())
	fmt.Println(rng.NewGenerator(jumped).Random())
	// Output:
	// 0.8690497571674405
	// 0.7361869438231485
}
