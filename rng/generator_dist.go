package rng

import (
	"math"
)

// Uniform equals Generator.uniform(low, high): low + (high-low)*random().
// numpy refuses a non-finite high-low ("high - low range exceeds valid
// bounds") and high < low ("high - low < 0"); both wrap ErrParameter.
func (g *Generator) Uniform(low, high float64) (float64, error) {
	v, err := g.Uniforms(low, high, 1)
	if err != nil {
		return 0, err
	}
	return v[0], nil
}

// Uniforms equals Generator.uniform(low, high, size=n).
func (g *Generator) Uniforms(low, high float64, n int) ([]float64, error) {
	rng := high - low
	if math.IsInf(rng, 0) || math.IsNaN(rng) {
		return nil, npErr(ErrParameter, "high - low range exceeds valid bounds")
	}
	if math.Signbit(rng) { // numpy's CONS_NON_NEGATIVE: -0.0 is refused too
		return nil, npErr(ErrParameter, "high - low < 0")
	}
	if n < 0 {
		return nil, npNegativeSize()
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = low + float64(rng*g.Random()) // float64(): never fused into an FMA, as in numpy's C
	}
	return out, nil
}

const (
	genZigNorR    = 3.6541528853610087963519472518
	genZigNorInvR = 0.27366123732975827203338247596
)

// StandardNormal equals Generator.standard_normal(): numpy's 256-layer
// ziggurat on 64-bit draws (8 bits of layer, 1 sign bit, 52 bits of
// mantissa), with numpy's own tables.
func (g *Generator) StandardNormal() float64 {
	for {
		r := g.bg.Uint64()
		idx := r & 0xff
		r >>= 8
		sign := r & 1
		rabs := (r >> 1) & 0x000fffffffffffff
		x := float64(rabs) * genZigWi[idx]
		if sign != 0 {
			x = -x
		}
		if rabs < genZigKi[idx] {
			return x
		}
		if idx == 0 {
			for {
				xx := -genZigNorInvR * genLog1p(-g.bg.Float64())
				yy := -genLog1p(-g.bg.Float64())
				if yy+yy > xx*xx {
					if (rabs>>8)&1 != 0 {
						return -(genZigNorR + xx)
					}
					return genZigNorR + xx
				}
			}
		}
		// glibc's exp and Go's math.Exp may differ in the last bit; that can
		// flip this test only when both sides are equal to the bit, which
		// has probability about 2**-52 per wedge test.
		if float64((genZigFi[idx-1]-genZigFi[idx])*g.bg.Float64())+genZigFi[idx] < math.Exp(-0.5*x*x) {
			return x
		}
	}
}

// StandardNormals equals Generator.standard_normal(n).
func (g *Generator) StandardNormals(n int) ([]float64, error) {
	if n < 0 {
		return nil, npNegativeSize()
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = g.StandardNormal()
	}
	return out, nil
}

// Normal equals Generator.normal(loc, scale): loc + scale*standard_normal().
// A negative scale (-0.0 included; NaN passes, as in numpy) is numpy's
// "scale < 0" (ErrParameter).
func (g *Generator) Normal(loc, scale float64) (float64, error) {
	if !math.IsNaN(scale) && math.Signbit(scale) {
		return 0, npErr(ErrParameter, "scale < 0")
	}
	return loc + float64(scale*g.StandardNormal()), nil
}
