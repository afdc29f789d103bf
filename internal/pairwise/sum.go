// Package pairwise holds numpy's floating-point summation, shared by the
// packages that must reproduce numpy.sum bit for bit (split's stratified
// allocation and StratifiedGroupKFold, sample's weight normalisation).
package pairwise

// chunk is the length of the pieces numpy's add.reduce hands its pairwise
// summation (NPY_BUFSIZE).
const chunk = 8192

// Sum equals numpy.sum (numpy.add.reduce) on a contiguous float64 array,
// bit for bit: 0.0 plus the pairwise sums (numpy's pairwise_sum_DOUBLE) of
// consecutive 8192-element chunks.
func Sum(a []float64) float64 {
	s := 0.0
	for lo := 0; lo < len(a); lo += chunk {
		s += block(a[lo:min(lo+chunk, len(a))])
	}
	return s
}

// block is numpy's pairwise_sum_DOUBLE: eight accumulators up to 128
// elements, halving (at a multiple of 8) above.
func block(a []float64) float64 {
	n := len(a)
	switch {
	case n < 8:
		s := 0.0
		for _, x := range a {
			s += x
		}
		return s
	case n <= 128:
		var r [8]float64
		copy(r[:], a[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := range 8 {
				r[j] += a[i+j]
			}
		}
		s := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			s += a[i]
		}
		return s
	default:
		n2 := n / 2
		n2 -= n2 % 8
		return block(a[:n2]) + block(a[n2:])
	}
}
