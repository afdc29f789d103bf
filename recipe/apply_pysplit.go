package recipe

import (
	"fmt"

	"github.com/splitter-dev/splitter/sample"
)

// pythonSplit is a split by Python's random of n rows into N train rows
// and the rest: x = list(range(n)); random.shuffle(x); x[:N], x[N:]
// (PythonShuffleSplit), or t = random.sample(range(n), N) and the rows
// not in t in their order (PythonSampleSplit).
func (r *Recipe) pythonSplit(n int) ([]Part, error) {
	k := r.N.Int()
	if k > n {
		return nil, flagErr("n", r.N.String(), fmt.Errorf("larger than the %d rows", n))
	}
	g, err := r.pyRandom()
	if err != nil {
		return nil, err
	}
	if r.Call == PythonShuffleSplit {
		x := sample.PyShuffle(g, n)
		return []Part{{"train", x[:k]}, {"test", x[k:]}}, nil
	}
	train, err := sample.PySample(g, n, k)
	if err != nil {
		return nil, sampleErr(err)
	}
	return []Part{{"train", train}, {"test", rest(n, train)}}, nil
}

// rest is the rows 0..n-1 not in taken, in order (df.drop(taken)).
func rest(n int, taken []int) []int {
	in := make([]bool, n)
	for _, i := range taken {
		in[i] = true
	}
	out := make([]int, 0, n-len(taken))
	for i := range n {
		if !in[i] {
			out = append(out, i)
		}
	}
	return out
}
