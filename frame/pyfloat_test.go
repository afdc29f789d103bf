package frame

import (
	"math"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestLivePyFloat compares PyFloat with Python's float() on random strings
// over the characters that matter.
func TestLivePyFloat(t *testing.T) {
	t.Parallel()
	oracle.Require(t)
	r := oracle.Rand(t)
	alphabet := []string{"0", "1", "7", "9", ".", "_", "e", "E", "+", "-", " ", "\t", "inf", "INF", "nan", "NaN", "infinity", "x", "0x", "1e400", "1e-400", "p"}
	in := []string{"1_0", "_1", "1_", "1__0", "1._5", "1_.5", "1e1_0", " -inf ", "+-1", "--1", "-nan", "+Infinity", "", " ", "1e", ".", ".5", "5.", "0x10", "1e400", "-1e400", "4.9e-324", "2e-324"}
	for range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(7) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		in = append(in, b.String())
	}
	var raw []any
	oracle.RunJSON(t, `
import json, math, sys
res = []
for s in json.load(sys.stdin):
    try:
        x = float(s)
        res.append("nan" if math.isnan(x) else (str(x) if math.isinf(x) else x.hex()))
    except ValueError:
        res.append("error")
print(json.dumps(res))
`, in, &raw)
	bad := 0
	for i, s := range in {
		want := raw[i].(string)
		x, ok := PyFloat(s)
		got := "error"
		if ok {
			switch {
			case math.IsNaN(x):
				got = "nan"
			case math.IsInf(x, 1):
				got = "inf"
			case math.IsInf(x, -1):
				got = "-inf"
			default:
				got = pyHex(x)
			}
		}
		if got != want {
			bad++
			if bad < 20 {
				t.Errorf("PyFloat(%q) = %s, Python float() = %s", s, got, want)
			}
		}
	}
	t.Logf("%d strings compared with float()", len(in))
}

// pyHex is Python's float.hex.
func pyHex(x float64) string {
	if x == 0 {
		if math.Signbit(x) {
			return "-0x0.0p+0"
		}
		return "0x0.0p+0"
	}
	sign := ""
	if x < 0 {
		sign, x = "-", -x
	}
	_, exp := math.Frexp(x) // x = frac * 2**exp, frac in [0.5, 1)
	m := math.Float64bits(x) & (1<<52 - 1)
	e := exp - 1
	lead := 1
	if e < -1022 { // subnormal
		lead = 0
		e = -1022
		m = math.Float64bits(x) & (1<<52 - 1)
	}
	digits := hex13(m)
	es := "+"
	if e < 0 {
		es = "-"
		e = -e
	}
	return sign + "0x" + string(rune('0'+lead)) + "." + digits + "p" + es + itoa(e)
}

func hex13(m uint64) string {
	const h = "0123456789abcdef"
	b := make([]byte, 13)
	for i := 12; i >= 0; i-- {
		b[i] = h[m&15]
		m >>= 4
	}
	return string(b)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func FuzzPyFloat(f *testing.F) {
	for _, s := range []string{"1_0", " 2.5 ", "-inf", "nan", "1e400", "x", "0x10", "_1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, ok := PyFloat(s)
		if !ok || math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		// A finite result must come from digits: removing underscores and
		// spaces leaves a string strconv-style parsers agree on.
		y, ok2 := PyFloat(strings.ReplaceAll(s, "_", ""))
		if !ok2 || y != x {
			t.Errorf("PyFloat(%q) = %v but without underscores %v %v", s, x, y, ok2)
		}
	})
}
