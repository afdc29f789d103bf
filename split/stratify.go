package split

import (
	"math"
	"slices"

	"github.com/splitter-dev/splitter/internal/pairwise"
)

// continuousFunc computes one class's real-valued share of nDraws, the
// first line of an _approximate_mode; the order of the float operations
// differs between libraries and versions.
type continuousFunc func(count, total, nDraws int) float64

// continuousSklearn is scikit-learn ≥ 1.0: class_counts / class_counts.sum() * n_draws.
func continuousSklearn(count, total, nDraws int) float64 {
	return float64(count) / float64(total) * float64(nDraws)
}

// continuousMultiplyFirst is n_draws * class_counts / class_counts.sum(),
// the order of Hugging Face datasets' approximate_mode (and of
// scikit-learn before 1.0).
func continuousMultiplyFirst(count, total, nDraws int) float64 {
	return float64(nDraws*count) / float64(total)
}

// chooseFunc draws size distinct positions of 0..m-1, as
// rng.choice(inds, size, replace=False) does for len(inds) == m.
type chooseFunc func(m, size int) []int

// approximateMode is sklearn.utils._approximate_mode(class_counts,
// n_draws, rng): floors each class's continuous share and hands the
// missing draws to the largest remainders, breaking ties with choose.
func approximateMode(counts []int, nDraws int, cont continuousFunc, choose chooseFunc) []int {
	total := 0
	for _, c := range counts {
		total += c
	}
	continuous := make([]float64, len(counts))
	floored := make([]float64, len(counts))
	for i, c := range counts {
		continuous[i] = cont(c, total, nDraws)
		floored[i] = math.Floor(continuous[i])
	}
	need := int(float64(nDraws) - npSum(floored))
	if need > 0 {
		remainder := make([]float64, len(counts))
		for i := range counts {
			remainder[i] = continuous[i] - floored[i]
		}
		values := slices.Clone(remainder)
		slices.Sort(values)
		values = slices.Compact(values)
		slices.Reverse(values)
		for _, value := range values {
			var inds []int
			for i, r := range remainder {
				if r == value {
					inds = append(inds, i)
				}
			}
			add := min(len(inds), need)
			for _, j := range choose(len(inds), add) {
				floored[inds[j]]++
			}
			need -= add
			if need == 0 {
				break
			}
		}
	}
	out := make([]int, len(counts))
	for i, f := range floored {
		out[i] = int(f)
	}
	return out
}

// npSum equals numpy.sum on a float64 array, bit for bit.
func npSum(a []float64) float64 { return pairwise.Sum(a) }

// classMembers returns, per class code, the ascending positions holding
// it (np.split(np.argsort(y_indices, kind="mergesort"), cumsum(counts)[:-1])).
func classMembers(codes []int, k int) (members [][]int, counts []int) {
	counts = make([]int, k)
	for _, c := range codes {
		counts[c]++
	}
	members = make([][]int, k)
	for c := range members {
		members[c] = make([]int, 0, counts[c])
	}
	for i, c := range codes {
		members[c] = append(members[c], i)
	}
	return members, counts
}

// permSource is the part of a numpy random generator the stratified
// shuffle draws from.
type permSource interface {
	Permutation(n int) []int
	Shuffle(n int, swap func(i, j int))
}

// stratifiedShuffleOnce is one iteration of StratifiedShuffleSplit's
// loop (and of Hugging Face's stratified_shuffle_split_generate_indices).
func stratifiedShuffleOnce(members [][]int, counts []int, nTrain, nTest int, r permSource, cont continuousFunc, choose chooseFunc) (train, test []int) {
	nI := approximateMode(counts, nTrain, cont, choose)
	rest := make([]int, len(counts))
	for i := range counts {
		rest[i] = counts[i] - nI[i]
	}
	tI := approximateMode(rest, nTest, cont, choose)
	train = make([]int, 0, nTrain)
	test = make([]int, 0, nTest)
	for i, m := range members {
		perm := r.Permutation(counts[i])
		for _, p := range perm[:nI[i]] {
			train = append(train, m[p])
		}
		for _, p := range perm[nI[i] : nI[i]+tI[i]] {
			test = append(test, m[p])
		}
	}
	return permuted(r, train), permuted(r, test)
}

// permuted is rng.permutation(a) for an int array a: a shuffled copy,
// built as a[permutation(len(a))] (the same swaps applied to positions).
func permuted(r permSource, a []int) []int {
	p := r.Permutation(len(a))
	for i, j := range p {
		p[i] = a[j]
	}
	return p
}

// checkStratifiedCounts is StratifiedShuffleSplit's check of the classes
// against the sizes.
func checkStratifiedCounts(counts []int, nTrain, nTest int) error {
	if len(counts) > 0 && slices.Min(counts) < 2 {
		return newErr(ErrClassTooSmall, "The least populated class in y has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.")
	}
	if nTrain < len(counts) {
		return newErr(ErrTooFewForClasses, "The train_size = %d should be greater or equal to the number of classes = %d", nTrain, len(counts))
	}
	if nTest < len(counts) {
		return newErr(ErrTooFewForClasses, "The test_size = %d should be greater or equal to the number of classes = %d", nTest, len(counts))
	}
	return nil
}
