package rows

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Random tricky CSVs for the differential and fuzz tests.

var genNamePool = []string{"a", "b", "id", "a", "a.1", "", "x y", `"q,1"`, `"say ""hi"""`, "é", " a", "label"}

var genIntPool = []string{"0", "1", "-3", "+4", "007", " 5", "6 ", "42", "9223372036854775807", "-9223372036854775808",
	"9223372036854775808", "18446744073709551615", "18446744073709551616", "-9223372036854775809", "99999999999999999999999"}
var genFloatPool = []string{"1.0", "2.5", "1e3", ".5", "5.", "-0.0", "inf", "-Infinity", "1E-2", " 3.5 ", "1e400", "1e-400",
	"0.1", "123456789.123456789", "0.000000000000000000001234", "1.7976931348623157e308", "4.9e-324", "2e-324", "1e",
	"12345678901234567890", "1.5e+3", "+.5", "NAN", "iNf", "1_0", "0x10", "00012.50", "9007199254740993"}
var genBoolPool = []string{"True", "False", "true", "false", "TRUE", "FALSE", "tRuE", " True", "True "}
var genNAPool = []string{"", "NA", "NaN", "nan", "null", "NULL", "N/A", "n/a", "#N/A", "-nan", "<NA>", "None", " NA", "#NA", "-1.#IND"}
var genStrPool = []string{"x", "hello", "a b", " lead", "trail ", "ü", "日本", `"quoted"`, `"a,b"`, `"line1` + "\n" + `line2"`,
	`"cr` + "\r" + `lf"`, `"crlf` + "\r\n" + `x"`, `"dq""x"`, `x"y`, `"x"y`, "''", `"  "`, `""`, "\t", " ", "#", "\xc3\xa9t\xc3\xa9"}

// genCSV draws a CSV text. The column kinds are drawn per column so that
// typed columns (int, float, bool) appear, with occasional odd values.
func genCSV(r *rand.Rand) []byte {
	var b bytes.Buffer
	eols := []string{"\n", "\r\n", "\r"}
	eol := eols[r.IntN(3)]
	mixedEOL := r.IntN(8) == 0
	nextEOL := func() string {
		if mixedEOL {
			return eols[r.IntN(3)]
		}
		return eol
	}
	if r.IntN(6) == 0 {
		b.WriteString("\xef\xbb\xbf")
	}
	for k := r.IntN(3); k > 0 && r.IntN(3) == 0; k-- {
		b.WriteString(blankLine(r) + nextEOL())
	}
	ncols := 1 + r.IntN(4)
	names := make([]string, ncols)
	for i := range names {
		names[i] = genNamePool[r.IntN(len(genNamePool))]
		if r.IntN(3) > 0 {
			names[i] = fmt.Sprintf("c%d", i)
		}
	}
	b.WriteString(strings.Join(names, ","))
	kinds := make([]int, ncols)
	for i := range kinds {
		kinds[i] = r.IntN(5)
	}
	nrows := r.IntN(25)
	if r.IntN(10) == 0 {
		nrows = 0
	}
	extraFirst := 0
	if r.IntN(8) == 0 {
		extraFirst = 1 + r.IntN(2)
	}
	for i := 0; i < nrows; i++ {
		b.WriteString(nextEOL())
		for r.IntN(6) == 0 {
			b.WriteString(blankLine(r) + nextEOL())
		}
		nf := ncols
		switch {
		case i == 0:
			nf += extraFirst
		case r.IntN(10) == 0:
			nf = 1 + r.IntN(ncols)
		case r.IntN(60) == 0:
			nf = ncols + extraFirst + 1
		default:
			nf += extraFirst
		}
		for f := 0; f < nf; f++ {
			if f > 0 {
				b.WriteByte(',')
			}
			kind := 3
			if f-extraFirst >= 0 && f-extraFirst < ncols {
				kind = kinds[f-extraFirst]
			}
			b.WriteString(genValue(r, kind))
		}
	}
	switch r.IntN(4) {
	case 0: // no final line end
	case 1:
		b.WriteString(nextEOL() + blankLine(r))
	default:
		b.WriteString(nextEOL())
	}
	if r.IntN(4) == 0 {
		b.WriteString(nextEOL())
	}
	return b.Bytes()
}

func blankLine(r *rand.Rand) string {
	return []string{"", "", " ", "\t", "  \t "}[r.IntN(5)]
}

func genValue(r *rand.Rand, kind int) string {
	odd := r.IntN(12) == 0
	if odd {
		kind = r.IntN(5)
	}
	if r.IntN(10) == 0 {
		return genNAPool[r.IntN(len(genNAPool))]
	}
	switch kind {
	case 0:
		if r.IntN(2) == 0 {
			return fmt.Sprint(r.IntN(7) - 2)
		}
		return genIntPool[r.IntN(len(genIntPool))]
	case 1:
		if r.IntN(2) == 0 {
			return fmt.Sprint(float64(r.IntN(2000)-1000) / 8)
		}
		if r.IntN(3) == 0 {
			return randomFloatText(r)
		}
		return genFloatPool[r.IntN(len(genFloatPool))]
	case 2:
		return genBoolPool[r.IntN(len(genBoolPool))]
	case 3:
		return genStrPool[r.IntN(len(genStrPool))]
	}
	return []string{"x", "y", "z", "1", "2"}[r.IntN(5)]
}

// randomFloatText draws decimal text with many digits and wide exponents,
// to exercise precise_xstrtod's rounding.
func randomFloatText(r *rand.Rand) string {
	var s strings.Builder
	if r.IntN(3) == 0 {
		s.WriteByte('-')
	}
	for k := r.IntN(3); k > 0; k-- {
		s.WriteByte('0')
	}
	nd := 1 + r.IntN(25)
	for k := 0; k < nd; k++ {
		s.WriteByte(byte('0' + r.IntN(10)))
	}
	if r.IntN(2) == 0 {
		s.WriteByte('.')
		for k := r.IntN(22); k > 0; k-- {
			s.WriteByte(byte('0' + r.IntN(10)))
		}
	}
	if r.IntN(2) == 0 {
		fmt.Fprintf(&s, "e%d", r.IntN(700)-350)
	}
	return s.String()
}
