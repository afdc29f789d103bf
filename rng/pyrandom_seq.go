package rng

import (
	"fmt"
	"math"
	"math/big"
)

// Shuffle is random.shuffle(x) on a list x of length n: for i from n-1
// down to 1, swap(i, j) with j = _randbelow(i+1). swap is called for every
// i, also when j == i, as Python's x[i], x[j] = x[j], x[i] is.
func (p *PyRandom) Shuffle(n int, swap func(i, j int)) {
	// The draws do not depend on x, so a block of j is drawn ahead of its
	// swaps: the same draws and swaps in the same order, but the swaps'
	// cache misses overlap instead of waiting behind the generator.
	var js [pyShuffleBlock]int
	for i := n - 1; i > 0; {
		m := p.pyDrawBlock(&js, i)
		for b := 0; b < m; b++ {
			swap(i-b, js[b])
		}
		i -= m
	}
}

// ShuffleInts is random.shuffle(x) for an []int, without the indirect
// call of Shuffle.
func (p *PyRandom) ShuffleInts(x []int) {
	var js [pyShuffleBlock]int
	for i := len(x) - 1; i > 0; {
		m := p.pyDrawBlock(&js, i)
		for b, j := range js[:m] {
			k := i - b
			x[k], x[j] = x[j], x[k]
		}
		i -= m
	}
}

const pyShuffleBlock = 256

// pyDrawBlock draws j = _randbelow(k+1) for k = i, i-1, ... (at most a
// block, never below k = 1) into js and returns how many it drew.
func (p *PyRandom) pyDrawBlock(js *[pyShuffleBlock]int, i int) int {
	m := min(pyShuffleBlock, i)
	for b := 0; b < m; b++ {
		js[b] = int(p.randBelow(uint64(i-b) + 1))
	}
	return m
}

// Perm returns x = list(range(n)); random.shuffle(x); x. n < 0 is treated
// as 0, as range(n) is empty.
func (p *PyRandom) Perm(n int) []int {
	if n < 0 {
		n = 0
	}
	x := make([]int, n)
	for i := range x {
		x[i] = i
	}
	p.ShuffleInts(x)
	return x
}

// pySetSize is the threshold of random.sample: 21, plus
// 4 ** ceil(log(3k, 4)) when k > 5. The second result is false when the
// threshold exceeds every int (so the pool algorithm is always used).
func pySetSize(k int) (int, bool) {
	setsize := 21
	if k > 5 {
		// math.log(x, 4) is log(x) / log(4) in double precision.
		// Python converts the exact int 3k to a double once.
		if k > math.MaxInt64/3 {
			return 0, false // 3k > 2**63: the exponent is >= 32
		}
		e := math.Ceil(math.Log(float64(3*k)) / math.Log(4))
		if e >= 32 {
			return 0, false
		}
		setsize += 1 << (2 * uint(e))
	}
	return setsize, true
}

// Sample is random.sample(range(n), k): k distinct indices from 0..n-1 in
// selection order. It uses Python's two algorithms and its switch between
// them: a partial Fisher–Yates on a pool when n <= setsize, rejection of
// repeats otherwise. k < 0 or k > n is ErrPySampleSize; n < 0 is an empty
// population, as range(n) is.
func (p *PyRandom) Sample(n, k int) ([]int, error) {
	if n < 0 {
		n = 0
	}
	if k < 0 || k > n {
		return nil, ErrPySampleSize
	}
	result := make([]int, k)
	setsize, ok := pySetSize(k)
	if !ok || n <= setsize {
		pool := make([]int, n)
		for i := range pool {
			pool[i] = i
		}
		for i := 0; i < k; i++ {
			j := p.randBelow(uint64(n - i))
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return result, nil
	}
	un := uint64(n)
	// Only membership matters, so a bitmap serves as Python's set when it
	// is not much larger than the set would be.
	if n/8 <= 64*k+4096 {
		seen := make([]uint64, (n+63)/64)
		for i := 0; i < k; i++ {
			j := p.randBelow(un)
			for seen[j/64]&(1<<(j%64)) != 0 {
				j = p.randBelow(un)
			}
			seen[j/64] |= 1 << (j % 64)
			result[i] = int(j)
		}
		return result, nil
	}
	seen := make(map[uint64]struct{}, k)
	for i := 0; i < k; i++ {
		j := p.randBelow(un)
		for {
			if _, dup := seen[j]; !dup {
				break
			}
			j = p.randBelow(un)
		}
		seen[j] = struct{}{}
		result[i] = int(j)
	}
	return result, nil
}

// SampleCounts is random.sample(range(len(counts)), k, counts=counts): the
// population index of each of the k selections, where index i is
// repeated counts[i] times. Errors as Python's: ErrPyCountsTotal when the
// total is <= 0, ErrPySampleSize when k is negative or above the total.
func (p *PyRandom) SampleCounts(counts []int, k int) ([]int, error) {
	if len(counts) == 0 {
		// list(accumulate([])).pop() raises IndexError.
		return nil, fmt.Errorf("%w: pop from empty list", ErrPyIndex)
	}
	cum := make([]int, len(counts))
	total := 0
	for i, c := range counts {
		total += c
		cum[i] = total
	}
	if total <= 0 {
		return nil, ErrPyCountsTotal
	}
	sel, err := p.Sample(total, k)
	if err != nil {
		return nil, err
	}
	cum = cum[:len(cum)-1]
	for i, s := range sel {
		sel[i] = pyBisectRight(cum, s, len(cum))
	}
	return sel, nil
}

// pyBisectRight is bisect.bisect_right(a, x, 0, hi) with Python's exact
// probing order (so a non-monotone a gives Python's answer too).
func pyBisectRight[T int | float64](a []T, x T, hi int) int {
	lo := 0
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if x < a[mid] {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// Choices is random.choices(range(n), weights=weights, k=k): k indices
// drawn with replacement. With nil weights each pick is
// floor(random() * n); otherwise the weights are summed left to right in
// float64 (itertools.accumulate) and each pick is
// bisect_right(cum_weights, random() * total, 0, n-1). k <= 0 gives an
// empty result, as Python's repeat(None, k) does. An empty population
// with k > 0 is ErrPyIndex; without weights Python (and so this) draws
// one random() before failing.
//
// Python sums int weights exactly; float64 sums equal them while every
// partial sum stays below 2**53.
func (p *PyRandom) Choices(n int, weights []float64, k int) ([]int, error) {
	if weights == nil {
		return p.choicesUniform(n, k)
	}
	cum := make([]float64, len(weights))
	var s float64
	for i, w := range weights {
		if i == 0 {
			s = w
		} else {
			s += w
		}
		cum[i] = s
	}
	return p.ChoicesCum(n, cum, k)
}

// ChoicesCum is random.choices(range(n), cum_weights=cumWeights, k=k).
func (p *PyRandom) ChoicesCum(n int, cumWeights []float64, k int) ([]int, error) {
	if n < 0 {
		n = 0
	}
	if len(cumWeights) != n {
		return nil, ErrPyWeightsLength
	}
	if n == 0 {
		return nil, fmt.Errorf("%w: list index out of range", ErrPyIndex)
	}
	total := cumWeights[n-1] + 0.0
	if total <= 0 {
		return nil, ErrPyWeightsTotal
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return nil, ErrPyWeightsFinite
	}
	if k < 0 {
		k = 0
	}
	out := make([]int, k)
	for i := range out {
		out[i] = pyBisectRight(cumWeights, float64(p.mt.Float64()*total), n-1)
	}
	return out, nil
}

func (p *PyRandom) choicesUniform(n, k int) ([]int, error) {
	if n < 0 {
		n = 0
	}
	if k < 0 {
		k = 0
	}
	if n == 0 && k > 0 {
		p.mt.Float64() // Python draws random() before indexing the empty range
		return nil, fmt.Errorf("%w: range object index out of range", ErrPyIndex)
	}
	fn := float64(n)
	out := make([]int, k)
	for i := range out {
		out[i] = int(math.Floor(float64(p.mt.Float64() * fn)))
	}
	return out, nil
}

// Choice is random.choice(range(n)): _randbelow(n). An empty sequence is
// ErrPyEmptySequence (IndexError in Python 3.11).
func (p *PyRandom) Choice(n int) (int, error) {
	if n <= 0 {
		return 0, ErrPyEmptySequence
	}
	return int(p.randBelow(uint64(n))), nil
}

// RandRange is random.randrange(start, stop, step) on ints; randrange(stop)
// is RandRange(0, stop, 1) except for its error message. Errors are
// Python's: ErrPyZeroStep, ErrPyEmptyRange.
func (p *PyRandom) RandRange(start, stop, step int64) (int64, error) {
	if step == 1 && stop > start {
		// width fits in uint64 even when stop-start overflows int64.
		w := uint64(stop) - uint64(start)
		return int64(uint64(start) + p.randBelow(w)), nil
	}
	r, err := p.RandRangeBig(big.NewInt(start), big.NewInt(stop), big.NewInt(step))
	if err != nil {
		return 0, err
	}
	return r.Int64(), nil
}

// RandInt is random.randint(a, b) = randrange(a, b+1).
func (p *PyRandom) RandInt(a, b int64) (int64, error) {
	if b == math.MaxInt64 {
		bb := new(big.Int).Add(big.NewInt(b), big.NewInt(1))
		r, err := p.RandRangeBig(big.NewInt(a), bb, big.NewInt(1))
		if err != nil {
			return 0, err
		}
		return r.Int64(), nil
	}
	return p.RandRange(a, b+1, 1)
}

// RandRangeBig is random.randrange(start, stop, step) on ints of any size.
// A nil stop is randrange(start) (step must then be nil or 1).
func (p *PyRandom) RandRangeBig(start, stop, step *big.Int) (*big.Int, error) {
	if step == nil {
		step = big.NewInt(1)
	}
	if stop == nil {
		if start.Sign() > 0 {
			return p.randBelowBig(start), nil
		}
		return nil, ErrPyEmptyRange
	}
	width := new(big.Int).Sub(stop, start)
	if step.IsInt64() && step.Int64() == 1 {
		if width.Sign() > 0 {
			return width.Add(start, p.randBelowBig(width)), nil
		}
		return nil, fmt.Errorf("%w (%s, %s, %s)", ErrPyEmptyRange, start, stop, width)
	}
	n := new(big.Int)
	switch step.Sign() {
	case 0:
		return nil, ErrPyZeroStep
	case 1:
		n.Sub(n.Add(width, step), big.NewInt(1))
	default:
		n.Add(n.Add(width, step), big.NewInt(1))
	}
	pyFloorDiv(n, n, step)
	if n.Sign() <= 0 {
		return nil, ErrPyEmptyRange
	}
	r := p.randBelowBig(n)
	return r.Add(start, r.Mul(step, r)), nil
}

// pyFloorDiv sets z = x // y (floor division, Python's).
func pyFloorDiv(z, x, y *big.Int) {
	m := new(big.Int)
	z.DivMod(x, y, m) // Euclidean: m >= 0
	if m.Sign() != 0 && y.Sign() < 0 {
		// Euclidean quotient rounds toward +inf here; floor is one less.
		z.Sub(z, big.NewInt(1))
	}
}
