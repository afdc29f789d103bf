package audit

import (
	"hash/maphash"
	"math"
	"strconv"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/rows"
)

// rowKey is a row's values on the compared columns, hashed to 128 bits:
// two rows with the same key hold equal values (two independent 64-bit
// hashes; a collision between distinct rows has a chance near 2**-128 per
// pair).
type rowKey [2]uint64

// keyer hashes typed values into row keys. Its seeds are drawn for each
// keyer (maphash.MakeSeed), so keys are never compared across keyers.
type keyer struct {
	s1, s2 maphash.Seed
	m1, m2 uint64
}

func newKeyer() *keyer {
	k := &keyer{s1: maphash.MakeSeed(), s2: maphash.MakeSeed()}
	k.m1 = maphash.String(k.s1, "m")
	k.m2 = maphash.String(k.s2, "m")
	return k
}

// Value tags: a cell's key is its tag and a 64-bit payload (strings: the
// hash of their bytes).
const (
	tagNaN uint64 = iota + 1
	tagNonNeg
	tagNeg
	tagFloat
	tagStr
)

// mix64 is splitmix64's finaliser, a bijection of 64 bits.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// golden is 2**64 / phi, an odd constant spreading small tags.
const golden uint64 = 0x9e3779b97f4a7c15

// cell hashes one tagged payload.
func (k *keyer) cell(tag, payload uint64) (uint64, uint64) {
	return mix64(payload^k.m1) + tag*golden, mix64(payload^k.m2^tag<<59) + tag
}

func (k *keyer) str(s string) (uint64, uint64) {
	t := tagStr
	return maphash.String(k.s1, s) + t*golden, maphash.String(k.s2, s) + t
}

// float is a float64 as pandas compares it: an integral value equals the
// integer (2.0 == 2, -0.0 == 0), NaN equals NaN (as pd.merge matches it).
// Other values are compared to 15 significant digits: pandas' read_json
// (ujson, precise_float=False) reads some decimals 1 ulp away from what
// read_csv reads (57.241066 as 57.241066000000004), and a part written as
// JSON Lines holds the same rows as the CSV it came from.
func (k *keyer) float(f float64) (uint64, uint64) {
	switch {
	case f != f:
		return k.cell(tagNaN, 0)
	case math.IsInf(f, 0) || f < -(1<<63) || f >= 1<<64:
		return k.cell(tagFloat, math.Float64bits(f))
	case f != math.Trunc(f):
		var buf [32]byte
		g, _ := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], f, 'g', 15, 64)), 64)
		return k.cell(tagFloat, math.Float64bits(g))
	case f < 0:
		return k.cell(tagNeg, uint64(int64(f)))
	}
	return k.cell(tagNonNeg, uint64(f))
}

func (k *keyer) int(v int64) (uint64, uint64) {
	if v < 0 {
		return k.cell(tagNeg, uint64(v))
	}
	return k.cell(tagNonNeg, uint64(v))
}

// bool is a bool as numpy compares it with numbers: True == 1, False ==
// 0 (read_json reads a bool column with a null as float64 1.0/NaN).
func (k *keyer) bool(b bool) (uint64, uint64) {
	if b {
		return k.cell(tagNonNeg, 1)
	}
	return k.cell(tagNonNeg, 0)
}

// value hashes one Python value as Column.Value returns it. With coerce, a
// string that reads as a number or a bool is hashed as one: the column is
// typed differently in another file (object here, as a subset of its rows
// reads as int64 there), and pandas would have read the text as that type.
func (k *keyer) value(v any, coerce bool) (uint64, uint64) {
	switch x := v.(type) {
	case int64:
		return k.int(x)
	case uint64:
		return k.cell(tagNonNeg, x)
	case float64:
		return k.float(x)
	case bool:
		return k.bool(x)
	case string:
		if coerce {
			return k.coerced(x)
		}
		return k.str(x)
	}
	return k.str(py.Str(v))
}

// coerced is the key of a string read as pandas types a column of such
// words: an integer, else a float, else a bool, else the string.
func (k *keyer) coerced(s string) (uint64, uint64) {
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return k.int(v)
	}
	if v, err := strconv.ParseUint(s, 10, 64); err == nil {
		return k.cell(tagNonNeg, v)
	}
	if f, ok := py.ParseFloat(s); ok {
		return k.float(f)
	}
	switch s {
	case "True", "TRUE", "true":
		return k.bool(true)
	case "False", "FALSE", "false":
		return k.bool(false)
	}
	return k.str(s)
}

// addColumn folds the values of c into keys (one per row), in place.
func (k *keyer) addColumn(keys []rowKey, c *rows.Column, coerce bool) {
	fold := func(i int, a, b uint64) { keys[i].fold(a, b) }
	null := func(i int) bool { return c.Null != nil && c.Null[i] }
	switch {
	case c.Kind == rows.Int64:
		for i, v := range c.Ints {
			a, b := k.int(v)
			fold(i, a, b)
		}
	case c.Kind == rows.Float64:
		for i, v := range c.Floats {
			if null(i) {
				v = math.NaN()
			}
			a, b := k.float(v)
			fold(i, a, b)
		}
	case c.Kind == rows.String && !coerce:
		for i, v := range c.Strings {
			a, b := k.str(v)
			if null(i) {
				a, b = k.cell(tagNaN, 0)
			}
			fold(i, a, b)
		}
	default:
		for i := range c.Len() {
			a, b := k.value(c.Value(i), coerce)
			fold(i, a, b)
		}
	}
}

// fold adds one cell's hashes to the key.
func (key *rowKey) fold(a, b uint64) {
	key[0] = mix64(key[0]*golden ^ a)
	key[1] = mix64(key[1]*0xc2b2ae3d27d4eb4f ^ b)
}
