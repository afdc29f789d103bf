package rows

import (
	"math"
)

// Number parsing exactly as pandas 1.5's C parser: str_to_int64,
// str_to_uint64 and precise_xstrtod of pandas/_libs/src/parser/tokenizer.c.

const (
	numOK       = 0
	numOverflow = 1
	numInvalid  = 2 // no digits or trailing characters
)

// isSpaceASCII is tokenizer.c's isspace_ascii.
func isSpaceASCII(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// strToInt64 is pandas' str_to_int64 (no thousands separator): spaces
// around the number are allowed, overflow is detected while reading digits,
// before trailing characters are checked.
func strToInt64(w []byte) (int64, int) {
	p := 0
	n := len(w)
	for p < n && isSpaceASCII(w[p]) {
		p++
	}
	neg := false
	if p < n && w[p] == '-' {
		neg = true
		p++
	} else if p < n && w[p] == '+' {
		p++
	}
	if p >= n || !isDigit(w[p]) {
		return 0, numInvalid
	}
	var num int64
	if neg {
		const preMin = math.MinInt64 / 10
		const digPreMin = 8
		for p < n && isDigit(w[p]) {
			d := int64(w[p] - '0')
			if num > preMin || (num == preMin && d <= digPreMin) {
				num = num*10 - d
				p++
			} else {
				return 0, numOverflow
			}
		}
	} else {
		const preMax = math.MaxInt64 / 10
		const digPreMax = 7
		for p < n && isDigit(w[p]) {
			d := int64(w[p] - '0')
			if num < preMax || (num == preMax && d <= digPreMax) {
				num = num*10 + d
				p++
			} else {
				return 0, numOverflow
			}
		}
	}
	for p < n && isSpaceASCII(w[p]) {
		p++
	}
	if p < n {
		return 0, numInvalid
	}
	return num, numOK
}

// uintState is pandas' uint_state.
type uintState struct {
	seenSint, seenUint, seenNull bool
}

// strToUint64 is pandas' str_to_uint64: a leading '-' only records that a
// signed value was seen.
func strToUint64(st *uintState, w []byte) (uint64, int) {
	p := 0
	n := len(w)
	for p < n && isSpaceASCII(w[p]) {
		p++
	}
	if p < n && w[p] == '-' {
		st.seenSint = true
		return 0, numOK
	} else if p < n && w[p] == '+' {
		p++
	}
	if p >= n || !isDigit(w[p]) {
		return 0, numInvalid
	}
	const preMax = math.MaxUint64 / 10
	const digPreMax = 5
	var num uint64
	for p < n && isDigit(w[p]) {
		d := uint64(w[p] - '0')
		if num < preMax || (num == preMax && d <= digPreMax) {
			num = num*10 + d
			p++
		} else {
			return 0, numOverflow
		}
	}
	for p < n && isSpaceASCII(w[p]) {
		p++
	}
	if p < n {
		return 0, numInvalid
	}
	if num > math.MaxInt64 {
		st.seenUint = true
	}
	return num, numOK
}

// preciseXstrtod is pandas' precise_xstrtod with skip_trailing on, followed
// by the check that the whole word was used: at most 17 significant digits
// are accumulated in a double, then scaled by a power of ten.
func preciseXstrtod(w []byte) (float64, bool) {
	const maxDigits = 17
	p := 0
	n := len(w)
	for p < n && isSpaceASCII(w[p]) {
		p++
	}
	neg := false
	if p < n && w[p] == '-' {
		neg = true
		p++
	} else if p < n && w[p] == '+' {
		p++
	}
	number := 0.0
	exponent := 0
	numDigits := 0
	numDecimals := 0
	for p < n && isDigit(w[p]) {
		if numDigits < maxDigits {
			number = float64(number*10) + float64(w[p]-'0')
			numDigits++
		} else {
			exponent++
		}
		p++
	}
	if p < n && w[p] == '.' {
		p++
		for numDigits < maxDigits && p < n && isDigit(w[p]) {
			number = float64(number*10) + float64(w[p]-'0')
			p++
			numDigits++
			numDecimals++
		}
		if numDigits >= maxDigits {
			for p < n && isDigit(w[p]) {
				p++
			}
		}
		exponent -= numDecimals
	}
	if numDigits == 0 {
		return 0, false
	}
	if neg {
		number = -number
	}
	if p < n && (w[p] == 'e' || w[p] == 'E') {
		p++
		eneg := false
		if p < n && w[p] == '-' {
			eneg = true
			p++
		} else if p < n && w[p] == '+' {
			p++
		}
		nd := 0
		var e int32 // C int, wraps
		for nd < maxDigits && p < n && isDigit(w[p]) {
			e = e*10 + int32(w[p]-'0')
			nd++
			p++
		}
		if eneg {
			exponent -= int(e)
		} else {
			exponent += int(e)
		}
		if nd == 0 {
			p--
		}
	}
	switch {
	case exponent > 308:
		return math.Inf(1), false
	case exponent > 0:
		number *= pow10[exponent]
	case exponent < -308:
		if exponent < -616 {
			number = 0
		} else {
			number /= pow10[-308-exponent]
			number /= pow10[308]
		}
	default:
		number /= pow10[-exponent]
	}
	if math.IsInf(number, 0) {
		return number, false
	}
	for p < n && isSpaceASCII(w[p]) {
		p++
	}
	return number, p == n
}

// parseDouble is pandas' _try_double_nogil for one non-NA word.
func parseDouble(w []byte) (float64, bool) {
	if v, ok := preciseXstrtod(w); ok {
		return v, true
	}
	switch {
	case equalFold(w, "inf"), equalFold(w, "+inf"), equalFold(w, "infinity"), equalFold(w, "+infinity"):
		return math.Inf(1), true
	case equalFold(w, "-inf"), equalFold(w, "-infinity"):
		return math.Inf(-1), true
	}
	return 0, false
}

// equalFold is C strcasecmp(w, s) == 0 for ASCII s.
func equalFold(w []byte, s string) bool {
	if len(w) != len(s) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		d := s[i]
		if d >= 'A' && d <= 'Z' {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}

// parseBool is pandas' bool inference for one non-NA word: the default
// true/false values, then a case-insensitive "true"/"false".
func parseBool(w []byte) (bool, bool) {
	switch {
	case equalFold(w, "true"):
		return true, true
	case equalFold(w, "false"):
		return false, true
	}
	return false, false
}

// isNA reports whether w is one of pandas' default na_values
// (pandas._libs.parsers.STR_NA_VALUES).
func isNA(w []byte) bool {
	switch string(w) {
	case "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
		"-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A",
		"NA", "NULL", "NaN", "n/a", "nan", "null":
		return true
	}
	return false
}
