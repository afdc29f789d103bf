package split

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/rng"
)

// Errors of RandomSplit. The first three carry torch's own messages.
var (
	// ErrTorchFraction: ValueError "Fraction at index i is not between 0 and 1".
	ErrTorchFraction = errors.New("bad random_split fraction")
	// ErrTorchLengthSum: ValueError "Sum of input lengths does not equal
	// the length of the input dataset!".
	ErrTorchLengthSum = errors.New("Sum of input lengths does not equal the length of the input dataset!")
	// ErrTorchFloatLengths: float lengths that are not fractions summing
	// to 1 but do sum to n (e.g. [3.0, 7.0] for 10 rows) reach
	// torch.randperm(10.0), which raises TypeError.
	ErrTorchFloatLengths = errors.New("float lengths must be fractions summing to 1")
	// ErrTorchNegativeLength: a negative int length. torch 1.13 accepts
	// negative ints summing to n and returns overlapping-looking, wrongly
	// sized slices; splitter refuses them.
	ErrTorchNegativeLength = errors.New("negative length")
)

// torchSum is the value of Python's sum(lengths) in CPython 3.11: exact
// integer while every item is an int, a float64 from the first float on,
// accumulated left to right without compensation.
type torchSum struct {
	isFloat bool
	i       *big.Int
	f       float64
}

func torchSumLengths(lengths []Length) torchSum {
	s := torchSum{i: new(big.Int)}
	for _, l := range lengths {
		switch {
		case !s.isFloat && !l.fraction:
			s.i.Add(s.i, big.NewInt(int64(l.count)))
		case !s.isFloat:
			fi, _ := new(big.Float).SetInt(s.i).Float64()
			s.isFloat = true
			s.f = fi + l.frac
		case l.fraction:
			s.f += l.frac
		default:
			s.f += float64(l.count)
		}
	}
	return s
}

func (s torchSum) float() float64 {
	if s.isFloat {
		return s.f
	}
	f, _ := new(big.Float).SetInt(s.i).Float64()
	return f
}

// leOne is Python's sum(lengths) <= 1.
func (s torchSum) leOne() bool {
	if s.isFloat {
		return s.f <= 1
	}
	return s.i.Cmp(big.NewInt(1)) <= 0
}

// equals is Python's sum(lengths) == n (int/float comparison is exact).
func (s torchSum) equals(n int) bool {
	if !s.isFloat {
		return s.i.IsInt64() && s.i.Int64() == int64(n)
	}
	if math.IsNaN(s.f) || math.IsInf(s.f, 0) {
		return false
	}
	bf := new(big.Float).SetFloat64(s.f)
	return bf.Cmp(new(big.Float).SetInt64(int64(n))) == 0
}

// torchIsCloseOne is Python's math.isclose(a, 1) (rel_tol=1e-9, abs_tol=0).
func torchIsCloseOne(a float64) bool {
	const relTol = 1e-9
	if a == 1 {
		return true
	}
	if math.IsInf(a, 0) {
		return false
	}
	diff := math.Abs(1 - a)
	return diff <= math.Abs(relTol*1) || diff <= math.Abs(relTol*a)
}

// RandomSplitLengths returns the split sizes that
// torch.utils.data.random_split(range(n), lengths) uses, and the
// UserWarning messages torch emits on the way ("Length of split at index i
// is 0. This might result in an empty dataset.", only for fractions).
//
// When sum(lengths) — Python's sum, left to right, int then float64 — is
// math.isclose to 1 and <= 1, every length is a fraction (even ints such as
// [1, 0]): each must lie in [0, 1], size i is floor(n * f_i), and the
// remainder n - sum(sizes) is handed out one by one round-robin from the
// first split. Otherwise the lengths must be ints summing to n.
func RandomSplitLengths(n int, lengths []Length) ([]int, []string, error) {
	if n < 0 {
		return nil, nil, fmt.Errorf("random_split: dataset length %d is negative: %w", n, ErrTorchLengthSum)
	}
	sum := torchSumLengths(lengths)
	if torchIsCloseOne(sum.float()) && sum.leOne() {
		sizes := make([]int, len(lengths))
		total := 0
		for i, l := range lengths {
			var size int
			if l.fraction {
				if l.frac < 0 || l.frac > 1 {
					return nil, nil, fmt.Errorf("%w: Fraction at index %d is not between 0 and 1 (got %s)", ErrTorchFraction, i, l)
				}
				size = int(math.Floor(float64(n) * l.frac))
			} else {
				if l.count < 0 || l.count > 1 {
					return nil, nil, fmt.Errorf("%w: Fraction at index %d is not between 0 and 1 (got %s)", ErrTorchFraction, i, l)
				}
				size = n * l.count
			}
			sizes[i] = size
			total += size
		}
		if rem := n - total; rem > 0 && len(sizes) > 0 {
			q, r := rem/len(sizes), rem%len(sizes)
			for i := range sizes {
				sizes[i] += q
				if i < r {
					sizes[i]++
				}
			}
			total = n
		}
		var warns []string
		for i, size := range sizes {
			if size == 0 {
				warns = append(warns, fmt.Sprintf("Length of split at index %d is 0. This might result in an empty dataset.", i))
			}
		}
		if total != n {
			return nil, warns, fmt.Errorf("random_split: %d rows, fractions %s give sizes %v: %w", n, torchLengthList(lengths), sizes, ErrTorchLengthSum)
		}
		return sizes, warns, nil
	}
	if !sum.equals(n) {
		note := ""
		if sum.isFloat && torchIsCloseOne(sum.f) && sum.f > 1 {
			note = fmt.Sprintf(" (the fractions sum to %s in float64, left to right as Python 3.11's sum() adds them, just above 1, so torch does not read them as fractions; Python >= 3.12 sums with compensation and may accept them)", py.FloatRepr(sum.f))
		}
		return nil, nil, fmt.Errorf("random_split: %d rows, lengths %s: %w%s", n, torchLengthList(lengths), ErrTorchLengthSum, note)
	}
	if sum.isFloat {
		return nil, nil, fmt.Errorf("random_split: lengths %s sum to the %d rows: %w (torch 1.13 fails with TypeError in torch.randperm); write row counts as ints", torchLengthList(lengths), n, ErrTorchFloatLengths)
	}
	sizes := make([]int, len(lengths))
	for i, l := range lengths {
		if l.count < 0 {
			return nil, nil, fmt.Errorf("random_split: length at index %d is %d: %w (torch 1.13 accepts it and returns wrongly sized splits; splitter refuses)", i, l.count, ErrTorchNegativeLength)
		}
		sizes[i] = l.count
	}
	return sizes, nil, nil
}

func torchLengthList(lengths []Length) string {
	parts := make([]string, len(lengths))
	for i, l := range lengths {
		parts[i] = l.String()
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// RandomSplit equals
// [list(s) for s in torch.utils.data.random_split(range(n), lengths, generator=g)]:
// the sizes of RandomSplitLengths, then one torch.randperm(n, generator=g)
// cut into consecutive slices in order. g advances as torch's does. The
// returned slices share one backing array and have capacity equal to their
// length.
func RandomSplit(n int, lengths []Length, g *rng.TorchGenerator) ([][]int, error) {
	sizes, _, err := RandomSplitLengths(n, lengths)
	if err != nil {
		return nil, err
	}
	perm := g.Randperm(n)
	out := make([][]int, len(sizes))
	off := 0
	for i, size := range sizes {
		out[i] = perm[off : off+size : off+size]
		off += size
	}
	return out, nil
}
