package rng

import "math"

// genLog1p is log1p exactly as the oracle's libm computes it: glibc's
// sysdeps/ieee754/dbl-64/s_log1p.c (fdlibm's algorithm, polynomial
// regrouped by N. Shimizu for pipelined processors) in the variant glibc
// selects on x86-64 CPUs with FMA and AVX2, where GCC fused these
// multiply-adds (read from the machine code of Debian 12's libm 2.36):
//
//	R2, R3, R4 = fma(z, Lp3, Lp2), fma(z, Lp5, Lp4), fma(z, Lp7, Lp6)
//	R = fma(z6, R4, fma(z4, R3, fma(z, Lp1, z2*R2)))
//	k*ln2_lo + c and the final k*ln2_hi - (...) are fused too.
//
// numpy's ziggurat tail (Generator.standard_normal) calls libm's log1p;
// Go's math.Log1p evaluates fdlibm's Horner form and differs in the last
// bit for about 0.07% of inputs, which would change some tail values.
// TestLiveLog1pGlibc checks genLog1p against the oracle's libm.
func genLog1p(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
		ln2Lo = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
		lp1   = 6.666666666666735130e-01   // 0x3FE5555555555593
		lp2   = 3.999999999940941908e-01   // 0x3FD999999997FA04
		lp3   = 2.857142874366239149e-01   // 0x3FD2492494229359
		lp4   = 2.222219843214978396e-01   // 0x3FCC71C51D8E78AF
		lp5   = 1.818357216161805012e-01   // 0x3FC7466496CB03DE
		lp6   = 1.531383769920937332e-01   // 0x3FC39A09D078C69F
		lp7   = 1.479819860511658591e-01   // 0x3FC2F112DF3E5244
	)
	hx := int32(math.Float64bits(x) >> 32)
	ax := hx & 0x7fffffff
	k := int32(1)
	var f, c float64
	var hu int32
	if hx < 0x3FDA827A { // x < 0.41422
		if ax >= 0x3ff00000 { // x <= -1.0
			if x == -1.0 {
				return math.Inf(-1)
			}
			return math.NaN()
		}
		if ax < 0x3e200000 { // |x| < 2**-29
			if ax < 0x3c900000 { // |x| < 2**-54
				return x
			}
			return math.FMA(-(x * x), 0.5, x)
		}
		if hx > 0 || hx <= -0x402d413d { // 0xbfd2bec3: -0.2929 < x < 0.41422
			k = 0
			f = x
			hu = 1
		}
	} else if hx >= 0x7ff00000 {
		return x + x
	}
	if k != 0 {
		var u float64
		if hx < 0x43400000 {
			u = 1.0 + x
			hu = int32(math.Float64bits(u) >> 32)
			k = (hu >> 20) - 1023
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			u = x
			hu = int32(math.Float64bits(u) >> 32)
			k = (hu >> 20) - 1023
			c = 0
		}
		hu &= 0x000fffff
		lo := math.Float64bits(u) & 0xffffffff
		if hu < 0x6a09e {
			u = math.Float64frombits(uint64(uint32(hu|0x3ff00000))<<32 | lo) // normalize u
		} else {
			k++
			u = math.Float64frombits(uint64(uint32(hu|0x3fe00000))<<32 | lo) // normalize u/2
			hu = (0x00100000 - hu) >> 2
		}
		f = u - 1.0
	}
	hfsq := (0.5 * f) * f
	kf := float64(k)
	if hu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			return math.FMA(kf, ln2Hi, math.FMA(kf, ln2Lo, c))
		}
		r := math.FMA(-f, 0.66666666666666666, 1.0) * hfsq
		if k == 0 {
			return f - r
		}
		return math.FMA(kf, ln2Hi, -((r - math.FMA(kf, ln2Lo, c)) - f))
	}
	s := f / (2.0 + f)
	z := s * s
	r2 := math.FMA(z, lp3, lp2)
	r3 := math.FMA(z, lp5, lp4)
	r4 := math.FMA(z, lp7, lp6)
	z2 := z * z
	z4 := z2 * z2
	z6 := z2 * z4
	r := math.FMA(z6, r4, math.FMA(z4, r3, math.FMA(z, lp1, z2*r2)))
	t := float64(s * (r + hfsq)) // rounded: Go may not fuse it into the sums below
	if k == 0 {
		return f - (hfsq - t)
	}
	return math.FMA(kf, ln2Hi, -((hfsq - (t + math.FMA(kf, ln2Lo, c))) - f))
}
