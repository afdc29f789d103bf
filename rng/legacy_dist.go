package rng

import "math"

// StandardNormal equals RandomState.standard_normal() (also randn()): the
// legacy polar (Marsaglia) method. Each accepted pair yields two values;
// the second (f*x1) is cached in the state and returned by the next call.
func (r *RandomState) StandardNormal() float64 {
	if r.hasGauss {
		r.hasGauss = false
		g := r.gauss
		r.gauss = 0
		return g
	}
	var x1, x2, r2 float64
	for {
		x1 = 2*r.mt.Float64() - 1
		x2 = 2*r.mt.Float64() - 1
		// float64() conversions forbid fused multiply-add, as in C.
		r2 = float64(x1*x1) + float64(x2*x2)
		if r2 < 1 && r2 != 0 {
			break
		}
	}
	f := math.Sqrt(-2 * legacyLog(r2) / r2)
	r.gauss = f * x1
	r.hasGauss = true
	return f * x2
}

// StandardNormals equals RandomState.standard_normal(n) (also randn(n)).
func (r *RandomState) StandardNormals(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = r.StandardNormal()
	}
	return out
}

// Normal equals RandomState.normal(loc, scale): loc + scale *
// standard_normal(). scale < 0 is numpy's ValueError "scale < 0" (wraps
// ErrParameter); no value is drawn then.
func (r *RandomState) Normal(loc, scale float64) (float64, error) {
	if scale < 0 {
		return 0, npErr(ErrParameter, "scale < 0")
	}
	return loc + float64(scale*r.StandardNormal()), nil
}

// Normals equals RandomState.normal(loc, scale, size=n).
func (r *RandomState) Normals(loc, scale float64, n int) ([]float64, error) {
	if scale < 0 {
		return nil, npErr(ErrParameter, "scale < 0")
	}
	if n < 0 {
		return nil, npNegativeSize()
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = loc + float64(scale*r.StandardNormal())
	}
	return out, nil
}

// StandardExponential equals RandomState.standard_exponential(): the
// legacy -log(1 - random_sample()) (not the ziggurat of Generator).
func (r *RandomState) StandardExponential() float64 {
	return -legacyLog(1 - r.mt.Float64())
}

// StandardExponentials equals RandomState.standard_exponential(n).
func (r *RandomState) StandardExponentials(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = r.StandardExponential()
	}
	return out
}

// Exponential equals RandomState.exponential(scale): scale *
// standard_exponential(). scale < 0 is numpy's "scale < 0" (ErrParameter).
func (r *RandomState) Exponential(scale float64) (float64, error) {
	if scale < 0 {
		return 0, npErr(ErrParameter, "scale < 0")
	}
	return scale * r.StandardExponential(), nil
}

// Exponentials equals RandomState.exponential(scale, size=n).
func (r *RandomState) Exponentials(scale float64, n int) ([]float64, error) {
	if scale < 0 {
		return nil, npErr(ErrParameter, "scale < 0")
	}
	if n < 0 {
		return nil, npNegativeSize()
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = scale * r.StandardExponential()
	}
	return out, nil
}

// Uniform equals RandomState.uniform(low, high): low + (high-low) *
// random_sample(). A non-finite high-low is numpy's OverflowError "Range
// exceeds valid bounds" (ErrParameter).
func (r *RandomState) Uniform(low, high float64) (float64, error) {
	v, err := r.Uniforms(low, high, 1)
	if err != nil {
		return 0, err
	}
	return v[0], nil
}

// Uniforms equals RandomState.uniform(low, high, size=n).
func (r *RandomState) Uniforms(low, high float64, n int) ([]float64, error) {
	d := high - low
	if math.IsInf(d, 0) || math.IsNaN(d) {
		return nil, npErr(ErrParameter, "Range exceeds valid bounds")
	}
	if n < 0 {
		return nil, npNegativeSize()
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = low + float64(d*r.mt.Float64())
	}
	return out, nil
}

// Triangular equals RandomState.triangular(left, mode, right). numpy's
// errors "left > mode", "mode > right", "left == right" wrap ErrParameter.
func (r *RandomState) Triangular(left, mode, right float64) (float64, error) {
	v, err := r.Triangulars(left, mode, right, 1)
	if err != nil {
		return 0, err
	}
	return v[0], nil
}

// Triangulars equals RandomState.triangular(left, mode, right, size=n).
func (r *RandomState) Triangulars(left, mode, right float64, n int) ([]float64, error) {
	switch {
	case left > mode:
		return nil, npErr(ErrParameter, "left > mode")
	case mode > right:
		return nil, npErr(ErrParameter, "mode > right")
	case left == right:
		return nil, npErr(ErrParameter, "left == right")
	}
	if n < 0 {
		return nil, npNegativeSize()
	}
	base := right - left
	lb := mode - left
	ratio := lb / base
	leftprod := lb * base
	rightprod := (right - mode) * base
	out := make([]float64, n)
	for i := range out {
		u := r.mt.Float64()
		if u <= ratio {
			out[i] = left + math.Sqrt(u*leftprod)
		} else {
			out[i] = right - math.Sqrt((1-u)*rightprod)
		}
	}
	return out, nil
}
