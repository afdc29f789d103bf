package rng_test

import (
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/splitter-dev/splitter/rng"
)

// random.seed(0); random.random() — and the same three numbers as
// [random.random() for _ in range(3)].
func ExamplePyRandom_Random() {
	r := rng.NewPyRandom(big.NewInt(0))
	for i := 0; i < 3; i++ {
		fmt.Println(r.Random())
	}
	// Output:
	// 0.8444218515250481
	// 0.7579544029403025
	// 0.420571580830845
}

// r = random.Random(42); x = list(range(10)); r.shuffle(x)
func ExamplePyRandom_Shuffle() {
	r := rng.NewPyRandom(big.NewInt(42))
	x := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	r.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
	fmt.Println(x)
	// Output: [7 3 2 8 5 6 9 4 0 1]
}

// random.Random(0).sample(range(100), 5)
func ExamplePyRandom_Sample() {
	r := rng.NewPyRandom(big.NewInt(0))
	s, err := r.Sample(100, 5)
	fmt.Println(s, err)
	// Output: [49 97 53 5 33] <nil>
}

// random.Random(0).choices(range(10), k=5)
func ExamplePyRandom_Choices() {
	r := rng.NewPyRandom(big.NewInt(0))
	c, err := r.Choices(10, nil, 5)
	fmt.Println(c, err)
	// Output: [8 7 4 2 5] <nil>
}

// random.seed("abc"); random.random() — a str seed, version 2.
func ExamplePyRandom_SeedString() {
	r := rng.NewPyRandom(nil)
	if err := r.SeedString("abc", 2); err != nil {
		panic(err)
	}
	fmt.Println(r.Random())
	// Output: 0.7720246314157545
}

// random.Random(0).randint(1, 100) and random.Random(0).getrandbits(64)
func ExamplePyRandom_RandInt() {
	v, _ := rng.NewPyRandom(big.NewInt(0)).RandInt(1, 100)
	b, _ := rng.NewPyRandom(big.NewInt(0)).Getrandbits(64)
	fmt.Println(v, b)
	// Output: 50 7106521602475165645
}

// A state saved in Python with json.dumps(random.getstate()) loads with
// encoding/json and continues the stream; here a Go state goes round.
func ExamplePyState() {
	r := rng.NewPyRandom(big.NewInt(7))
	r.Random()
	saved, _ := json.Marshal(r.GetState()) // [3, [w0, ..., w623, pos], null]
	next := r.Random()

	var st rng.PyState
	if err := json.Unmarshal(saved, &st); err != nil {
		panic(err)
	}
	q := rng.NewPyRandom(big.NewInt(0))
	if err := q.SetState(st); err != nil {
		panic(err)
	}
	fmt.Println(q.Random() == next, st.Pos)
	// Output: true 2
}

// random.Random(1).sample(['red', 'blue'], counts=[4, 2], k=5)
func ExamplePyRandom_SampleCounts() {
	colors := []string{"red", "blue"}
	idx, err := rng.NewPyRandom(big.NewInt(1)).SampleCounts([]int{4, 2}, 5)
	if err != nil {
		panic(err)
	}
	for _, i := range idx {
		fmt.Print(colors[i], " ")
	}
	// Output: red blue red blue red
}
