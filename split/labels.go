package split

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/internal/unique"
)

// Labels are per-sample class labels (y, stratify) or group labels
// (groups), held as codes: each sample's rank among the column's distinct
// values in numpy.unique order. Build them with EncodeInts, EncodeFloats,
// EncodeStrings, EncodeBools or LabelsFromCodes; the zero Labels is "not
// given" (Python None).
type Labels struct {
	codes []int
	k     int
	kind  labelKind
	// nan and inf record non-finite floats (or missing strings, nan) for
	// scikit-learn's check_array; nonInt records a float column with a
	// value that is not an integer (type_of_target "continuous").
	nan, inf, nonInt bool
	// firstMissing: an object column whose first value is missing
	// (type_of_target "unknown").
	firstMissing bool
	// numObject: an object column of Python numbers (no str), whose
	// type_of_target is "unknown" (its first value is not a str).
	numObject bool
	// cls holds per-class flags (clsNaN, clsInf, clsNonInt), from which
	// the column flags above are derived; Subset recomputes them.
	cls []uint8
}

const (
	clsNaN uint8 = 1 << iota // NaN, or a missing value of an object column
	clsInf
	clsNonInt
)

// setClassFlags records per-class flags and derives the column flags.
func (l *Labels) setClassFlags(cls []uint8) {
	l.cls = cls
	l.nan, l.inf, l.nonInt = false, false, false
	for _, f := range cls {
		l.nan = l.nan || f&clsNaN != 0
		l.inf = l.inf || f&clsInf != 0
		l.nonInt = l.nonInt || f&clsNonInt != 0
	}
	l.firstMissing = l.kind == kindString && len(l.codes) > 0 && cls[l.codes[0]]&clsNaN != 0
}

// Subset returns the labels of the samples idx, in that order — what
// y[idx] is to numpy: classes renumbered among the values present, the
// column's dtype and NaN/inf flags kept.
func (l Labels) Subset(idx []int) Labels {
	if l.IsNone() {
		return l
	}
	newCode := make([]int, l.k)
	for i := range newCode {
		newCode[i] = -1
	}
	for _, i := range idx {
		newCode[l.codes[i]] = 0
	}
	k := 0
	var cls []uint8
	for c := range newCode {
		if newCode[c] == 0 {
			newCode[c] = k
			k++
			if l.cls != nil {
				cls = append(cls, l.cls[c])
			} else {
				cls = append(cls, 0)
			}
		}
	}
	if l.kind == kindString && len(idx) > 0 && !slices.ContainsFunc(cls, func(c uint8) bool { return c&clsNaN == 0 }) {
		return encodeAllMissing(len(idx)) // as EncodeNullableStrings does
	}
	codes := make([]int, len(idx))
	for j, i := range idx {
		codes[j] = newCode[l.codes[i]]
	}
	out := Labels{codes: codes, k: k, kind: l.kind, numObject: l.numObject}
	out.setClassFlags(cls)
	return out
}

type labelKind uint8

const (
	kindNone labelKind = iota
	kindInt
	kindFloat
	kindString
	kindBool
)

// Len returns the number of samples labelled, 0 for the zero Labels.
func (l Labels) Len() int { return len(l.codes) }

// IsNone reports whether l is the zero Labels (Python None).
func (l Labels) IsNone() bool { return l.kind == kindNone }

// NumClasses returns the number of distinct values.
func (l Labels) NumClasses() int { return l.k }

// Codes returns each sample's code: its value's rank in np.unique order.
// The slice is shared; do not modify it.
func (l Labels) Codes() []int { return l.codes }

// LabelsFromCodes returns labels whose values are the given ints, as
// numpy sees an int64 array (equal to EncodeInts on the same values).
func LabelsFromCodes(codes []int) Labels {
	v := make([]int64, len(codes))
	for i, c := range codes {
		v[i] = int64(c)
	}
	return EncodeInts(v)
}

// rankDistinct assigns codes 0..k-1 to keys in sorted key order
// (np.unique's return_inverse).
func rankDistinct[K comparable](keys []K, less func(a, b K) int) ([]int, int) {
	return unique.Inverse(keys, nil, less)
}

// EncodeInts encodes an int64 column (pandas int64): codes follow
// np.unique(values) order, ascending.
func EncodeInts(values []int64) Labels {
	keys := make([]uint64, len(values))
	for i, v := range values {
		keys[i] = uint64(v) ^ 1<<63 // in the order of v
	}
	codes, k := unique.InverseUint64(keys, nil)
	return Labels{codes: codes, k: k, kind: kindInt}
}

// EncodeFloats encodes a float64 column (pandas float64) as numpy 1.24's
// np.unique does: ascending, -0.0 equal to 0.0, and every NaN one class
// sorted last (equal_nan=True).
func EncodeFloats(values []float64) Labels {
	keys := make([]uint64, len(values))
	l := Labels{kind: kindFloat}
	const nanKey = math.MaxUint64 // after every number's key
	for i, v := range values {
		switch {
		case v != v:
			keys[i] = nanKey
			l.nan = true
			l.nonInt = true
			continue
		case math.IsInf(v, 0):
			l.inf = true
		}
		if v == 0 {
			v = 0 // folds -0.0 into 0.0
		}
		if !floatIsInt64(v) {
			l.nonInt = true
		}
		keys[i] = orderedBits(v)
	}
	l.codes, l.k = unique.InverseUint64(keys, nil)
	cls := make([]uint8, l.k)
	if l.nan || l.inf || l.nonInt {
		for i, v := range values {
			var f uint8
			switch {
			case v != v:
				f = clsNaN | clsNonInt
			case math.IsInf(v, 0):
				f = clsInf | clsNonInt
			case !floatIsInt64(v):
				f = clsNonInt
			}
			cls[l.codes[i]] |= f
		}
	}
	l.setClassFlags(cls)
	return l
}

// orderedBits maps a float64 that is not NaN to a uint64 in the same
// order (negative numbers have every bit flipped, the others their sign
// bit): below math.MaxUint64, which EncodeFloats gives NaN.
func orderedBits(v float64) uint64 {
	b := math.Float64bits(v)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// nanLast orders keys with compare, except that nanKey (NaN, or a missing
// string) sorts after every other key, as np.unique sorts NaN last.
func nanLast[K comparable](nanKey K, compare func(a, b K) int) func(a, b K) int {
	return func(a, b K) int {
		if a == nanKey || b == nanKey {
			switch {
			case a == b:
				return 0
			case a == nanKey:
				return 1
			}
			return -1
		}
		return compare(a, b)
	}
}

// floatIsInt64 reports whether v == v.astype(int64) holds in numpy on
// x86-64, where out-of-range conversions give the minimum int64.
func floatIsInt64(v float64) bool {
	if v != math.Trunc(v) {
		return false
	}
	return v >= -(1<<63) && v < 1<<63
}

// EncodeStrings encodes a string column (pandas object of str): codes
// follow Python's string order (code points), as np.unique sorts it.
func EncodeStrings(values []string) Labels {
	codes, k := rankDistinct(values, cmp.Compare[string])
	return Labels{codes: codes, k: k, kind: kindString}
}

// EncodeNullableStrings encodes a string column with missing values
// (pandas object of str and NaN): missing[i] marks row i as NaN. Missing
// values form one class sorted last; scikit-learn refuses them where it
// checks its input ("Input contains NaN").
func EncodeNullableStrings(values []string, missing []bool) Labels {
	keys := make([]string, len(values))
	l := Labels{kind: kindString}
	const nanKey = "\xff\xfeNaN\x00" // not valid UTF-8: never a real value
	for i, v := range values {
		if i < len(missing) && missing[i] {
			keys[i] = nanKey
			l.nan = true
			continue
		}
		keys[i] = v
	}
	if l.nan && allMissing(values, missing) {
		return encodeAllMissing(len(values))
	}
	l.codes, l.k = rankDistinct(keys, nanLast(nanKey, cmp.Compare[string]))
	cls := make([]uint8, l.k)
	for i, m := range missing {
		if m && i < len(values) {
			cls[l.codes[i]] = clsNaN
		}
	}
	l.setClassFlags(cls)
	return l
}

// allMissing reports whether every value of a nullable string column is
// missing.
func allMissing(values []string, missing []bool) bool {
	for i := range values {
		if i >= len(missing) || !missing[i] {
			return false
		}
	}
	return true
}

// encodeAllMissing is np.unique(return_inverse=True) on an object column
// of n NaNs: NaN != NaN, so every value is its own class, numbered in the
// order numpy's argsort leaves them. Every comparison of two NaNs is
// false, exactly as for equal int64 keys, so the ported int64 argsort
// gives that order.
func encodeAllMissing(n int) Labels {
	perm := npArgsortInt64(make([]int64, n))
	codes := make([]int, n)
	for j, i := range perm {
		codes[i] = j
	}
	cls := make([]uint8, n)
	for c := range cls {
		cls[c] = clsNaN
	}
	l := Labels{kind: kindString, codes: codes, k: n}
	l.setClassFlags(cls)
	return l
}

// EncodeBools encodes a bool column (pandas bool): False before True.
func EncodeBools(values []bool) Labels {
	keys := make([]int64, len(values))
	for i, v := range values {
		if v {
			keys[i] = 1
		}
	}
	l := EncodeInts(keys)
	l.kind = kindBool
	return l
}

// ClassEncodeInts is Hugging Face's class_encode_column on an int column:
// class ids are the values as strings (str(v)), sorted as strings, so 10
// comes before 9.
func ClassEncodeInts(values []int64) Labels {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = strconv.FormatInt(v, 10)
	}
	return EncodeStrings(s)
}

// ClassEncodeFloats is class_encode_column on a float column: class ids
// are str(v) sorted as strings ("1.0", "nan").
func ClassEncodeFloats(values []float64) Labels {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = py.FloatRepr(v)
	}
	return EncodeStrings(s)
}

// ClassEncodeBools is class_encode_column on a bool column: "False" before "True".
func ClassEncodeBools(values []bool) Labels {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = "False"
		if v {
			s[i] = "True"
		}
	}
	return EncodeStrings(s)
}

// ClassEncodeStrings is class_encode_column on a string column.
func ClassEncodeStrings(values []string) Labels { return EncodeStrings(values) }

// checkFinite is the part of sklearn's check_array(y, input_name=name,
// ensure_2d=False, dtype=None) that can fail on a 1-D label column.
func (l Labels) checkFinite(name string) error {
	switch {
	case len(l.codes) == 0:
		return newErr(ErrTooFewSamples, "Found array with 0 sample(s) (shape=(0,)) while a minimum of 1 is required.")
	case l.kind == kindString && l.nan:
		return newErr(ErrNotFinite, "Input contains NaN")
	case l.kind == kindFloat && l.nan:
		return newErr(ErrNotFinite, "Input %s contains NaN.", name)
	case l.kind == kindFloat && l.inf:
		return newErr(ErrNotFinite, "Input %s contains infinity or a value too large for dtype('float64').", name)
	}
	return nil
}

// typeOfTarget is sklearn.utils.multiclass.type_of_target for a 1-D
// column, with its finiteness check for non-integral floats.
func (l Labels) typeOfTarget() (string, error) {
	if len(l.codes) == 0 {
		return "binary", nil
	}
	if l.kind == kindString && l.firstMissing || l.numObject {
		return "unknown", nil
	}
	if l.kind == kindString && l.nan {
		return "", errMixedObject
	}
	if l.kind == kindFloat && l.nonInt {
		if l.nan {
			return "", newErr(ErrNotFinite, "Input contains NaN.")
		}
		if l.inf {
			return "", newErr(ErrNotFinite, "Input contains infinity or a value too large for dtype('float64').")
		}
		return "continuous", nil
	}
	if l.k > 2 {
		return "multiclass", nil
	}
	return "binary", nil
}

// mixedObject reports an object column holding both strings and missing
// values, which np.unique cannot sort (errMixedObject); a column of only
// missing values sorts fine.
func (l Labels) mixedObject() bool {
	if l.kind != kindString || !l.nan {
		return false
	}
	for _, c := range l.cls {
		if c&clsNaN == 0 {
			return true
		}
	}
	return false
}

// errMixedObject is the TypeError np.unique raises sorting an object
// column that mixes str and NaN. Python names the two operand types in an
// order that depends on where the sort meets them; this message uses one.
var errMixedObject = newErr(ErrNotFinite, "'<' not supported between instances of 'str' and 'float'")

// inconsistent is sklearn's check_consistent_length message.
func inconsistent(lengths ...int) error {
	s := "["
	for i, n := range lengths {
		if i > 0 {
			s += ", "
		}
		s += strconv.Itoa(n)
	}
	return newErr(ErrLengthMismatch, "Found input variables with inconsistent numbers of samples: %s]", s)
}

// EncodeObjectNumbers is EncodeFloats of an object column of Python ints,
// floats and bools (pd.concat of an int column with an empty shard, say):
// np.unique sorts them as numbers, and type_of_target calls the column
// "unknown", so StratifiedKFold refuses it.
func EncodeObjectNumbers(values []float64) Labels {
	l := EncodeFloats(values)
	l.numObject = true
	return l
}
