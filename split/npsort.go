package split

// npArgsortInt64 is numpy 1.24's np.argsort(v) with the default kind
// ("quicksort"): the introsort aquicksort_<npy_long> of
// numpy/core/src/npysort/quicksort.cpp (median-of-3 quicksort, insertion
// sort for partitions of at most 16 elements, heapsort past the depth
// limit). It is not stable, and ties come out in exactly numpy's order.
// (Measured on numpy 1.24.2: arrays of 16 or fewer elements sort stably,
// 17 already partition.)
func npArgsortInt64(v []int64) []int {
	n := len(v)
	tosort := make([]int, n)
	for i := range tosort {
		tosort[i] = i
	}
	if n < 2 {
		return tosort
	}
	const smallQuicksort = 15
	type span struct{ l, r, depth int }
	var stack []span
	pl, pr := 0, n-1
	cdepth := 0
	for u := uint(n) >> 1; u != 0; u >>= 1 {
		cdepth++
	}
	cdepth *= 2
	for {
		if cdepth < 0 {
			npAHeapsort(v, tosort[pl:pr+1])
		} else {
			for pr-pl > smallQuicksort {
				pm := pl + (pr-pl)>>1
				if v[tosort[pm]] < v[tosort[pl]] {
					tosort[pm], tosort[pl] = tosort[pl], tosort[pm]
				}
				if v[tosort[pr]] < v[tosort[pm]] {
					tosort[pr], tosort[pm] = tosort[pm], tosort[pr]
				}
				if v[tosort[pm]] < v[tosort[pl]] {
					tosort[pm], tosort[pl] = tosort[pl], tosort[pm]
				}
				vp := v[tosort[pm]]
				pi, pj := pl, pr-1
				tosort[pm], tosort[pj] = tosort[pj], tosort[pm]
				for {
					for {
						pi++
						if !(v[tosort[pi]] < vp) {
							break
						}
					}
					for {
						pj--
						if !(vp < v[tosort[pj]]) {
							break
						}
					}
					if pi >= pj {
						break
					}
					tosort[pi], tosort[pj] = tosort[pj], tosort[pi]
				}
				pk := pr - 1
				tosort[pi], tosort[pk] = tosort[pk], tosort[pi]
				cdepth--
				if pi-pl < pr-pi {
					stack = append(stack, span{pi + 1, pr, cdepth})
					pr = pi - 1
				} else {
					stack = append(stack, span{pl, pi - 1, cdepth})
					pl = pi + 1
				}
			}
			// insertion sort
			for pi := pl + 1; pi <= pr; pi++ {
				vi := tosort[pi]
				vp := v[vi]
				pj := pi
				for pj > pl && vp < v[tosort[pj-1]] {
					tosort[pj] = tosort[pj-1]
					pj--
				}
				tosort[pj] = vi
			}
		}
		if len(stack) == 0 {
			break
		}
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		pl, pr, cdepth = top.l, top.r, top.depth
	}
	return tosort
}

// npAHeapsort is numpy's aheapsort_ on the index slice a.
func npAHeapsort(v []int64, tosort []int) {
	n := len(tosort)
	for l := n >> 1; l > 0; l-- {
		npSiftDown(v, tosort, tosort[l-1], l, n)
	}
	for n > 1 {
		tmp := tosort[n-1]
		tosort[n-1] = tosort[0]
		n--
		npSiftDown(v, tosort, tmp, 1, n)
	}
}

// npSiftDown is aheapsort_'s inner loop on the 1-based heap a[1..n]
// (tosort[0..n-1]): tmp sinks from position i to its place.
func npSiftDown(v []int64, tosort []int, tmp, i, n int) {
	a := func(i int) *int { return &tosort[i-1] } // 1-based
	for j := i << 1; j <= n; {
		if j < n && v[*a(j)] < v[*a(j + 1)] {
			j++
		}
		if v[tmp] < v[*a(j)] {
			*a(i) = *a(j)
			i = j
			j += j
		} else {
			break
		}
	}
	*a(i) = tmp
}
