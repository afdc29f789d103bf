package py

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// FloatRepr is Python's repr(f) (and str(f)): the shortest digits that
// read back as f, positional when the decimal exponent is in -4..15 (with
// ".0" on integral values), scientific otherwise ("1e-05", "2e+16");
// "nan", "inf", "-inf", "-0.0".
func FloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	x, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if x < -4 || x >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// ParseFloat is Python's float(s) for a str: surrounding white space
// ignored, single underscores between digits allowed, "nan", "inf" and
// "infinity" in any case with an optional sign, decimal notation only (no
// hex), overflow to ±inf. It reports false where Python raises ValueError.
// (Python also accepts non-ASCII Unicode digits; ParseFloat does not.)
func ParseFloat(s string) (float64, bool) {
	s = strings.TrimFunc(s, unicode.IsSpace) // not U+001C..U+001F, which str.isspace has
	t := strings.TrimLeft(s, "+-")
	if s == "" || len(s)-len(t) > 1 {
		return 0, false
	}
	switch strings.ToLower(t) {
	case "inf", "infinity":
		if s[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			if i == 0 || i == len(s)-1 || !isDigit(s[i-1]) || !isDigit(s[i+1]) {
				return 0, false
			}
			continue
		case isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-':
		default:
			return 0, false
		}
		b.WriteByte(c)
	}
	f, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
