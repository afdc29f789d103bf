package rng

import "math"

// legacyLog is the natural logarithm exactly as glibc (>= 2.28) computes
// it on x86-64 CPUs with FMA (its __log_fma variant, which numpy's legacy
// samplers call through libm): the table-driven algorithm of ARM's
// optimized-routines, evaluated with the same fused multiply-adds in the
// same order. Go's math.Log differs from it in the last bit for about one
// argument in a thousand, which would break standard_normal and
// standard_exponential; see docs/algorithms/rng-legacy.md.
func legacyLog(x float64) float64 {
	ix := math.Float64bits(x)
	// x in [1 - 0x1p-4, 1 + 0x1.09p-4): a polynomial in r = x - 1.
	const lo, hi = 0x3fee000000000000, 0x3ff1090000000000
	if ix-lo < hi-lo {
		if ix == 0x3ff0000000000000 {
			return 0
		}
		return legacyLogNear1(x - 1)
	}
	top := ix >> 48
	if top-0x0010 >= 0x7ff0-0x0010 {
		switch {
		case ix<<1 == 0:
			return math.Inf(-1)
		case ix == 0x7ff0000000000000:
			return x
		case top&0x8000 != 0 || top&0x7ff0 == 0x7ff0:
			return math.NaN()
		}
		// Subnormal: scale into the normal range.
		ix = math.Float64bits(x*0x1p52) - 52<<52
	}
	tmp := ix - 0x3fe6000000000000
	i := (tmp >> 45) % 128
	k := int64(tmp) >> 52
	z := math.Float64frombits(ix - tmp&(0xfff<<52))
	invc, logc := legacyLogTab[i][0], legacyLogTab[i][1]
	kd := float64(int32(k))
	A := &legacyLogA
	w := math.FMA(kd, legacyLn2hi, logc)
	r := math.FMA(z, invc, -1)
	p12 := math.FMA(r, A[2], A[1])
	h := r + w
	r2 := r * r
	l := math.FMA(kd, legacyLn2lo, (w-h)+r)
	r3 := r * r2
	p34 := math.FMA(r, A[4], A[3])
	l = math.FMA(r2, A[0], l)
	p := math.FMA(p34, r2, p12)
	return math.FMA(r3, p, l) + h
}

// legacyLogNear1 is glibc's log for x = 1 + r close to 1.
func legacyLogNear1(r float64) float64 {
	B := &legacyLogB
	p12 := math.FMA(r, B[2], B[1])
	p45 := math.FMA(r, B[5], B[4])
	r2 := r * r
	p78 := math.FMA(r, B[8], B[7])
	p12 = math.FMA(r2, B[3], p12)
	p45 = math.FMA(r2, B[6], p45)
	r3 := r * r2
	q := math.FMA(r2, B[9], p78)
	q = math.FMA(r3, B[10], q)
	q = math.FMA(q, r3, p45)
	q = math.FMA(q, r3, p12)
	// rhi keeps the top 26 bits of r so that rhi*rhi is exact.
	t := math.FMA(r, 0x1p27, r)
	rhi := t - 0x1p27*r
	rhi2 := rhi * rhi
	rlo := r - rhi
	h := math.FMA(rhi2, B[0], r)
	l := math.FMA(rhi2, B[0], r-h)
	l = math.FMA(B[0]*rlo, r+rhi, l)
	return h + math.FMA(q, r3, l)
}
