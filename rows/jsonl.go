package rows

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/splitter-dev/splitter/internal/py"
)

// ErrJSON is a JSON Lines line that is not a JSON object (pandas
// read_json raises ValueError).
var ErrJSON = errors.New("line is not a JSON object")

// ErrUnsupported is a column splitter cannot type as pandas would (nested
// JSON values, date-like JSON column names that read_json converts).
var ErrUnsupported = errors.New("column type not supported")

// isJSONLPath reports whether path names a JSON Lines file (.jsonl, .ndjson, optionally .gz).
func isJSONLPath(path string) bool {
	p := TrimCompression(path)
	return strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".ndjson")
}

// isPySpace reports whether r is whitespace to Python's str.strip().
func isPySpace(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

// isPyBlank reports whether line is empty after Python's str.strip().
func isPyBlank(line []byte) bool {
	for len(line) > 0 {
		r, size := utf8.DecodeRune(line)
		if !isPySpace(r) || r == utf8.RuneError && size == 1 {
			return false
		}
		line = line[size:]
	}
	return true
}

// pyStrip is Python's str.strip() on UTF-8 text: pandas strips each line
// so before it parses it (\v, \f, \x1c and U+00A0 included, which JSON
// does not take as whitespace).
func pyStrip(b []byte) []byte {
	return bytes.TrimFunc(b, isPySpace)
}

// indexJSONL numbers the rows of a JSON Lines file as
// pandas.read_json(path, lines=True) does: the text is split at LF, lines
// blank after strip() are dropped, and every other line is one row.
func indexJSONL(name string, data []byte) (_ *Index, err error) {
	ix := &Index{name: name, data: data, jsonl: true, headerEOL: []byte{'\n'}}
	n := len(data)
	est := bytes.Count(data, []byte{'\n'})
	starts, free, mapped, err := allocStarts(est + 2)
	if err != nil {
		return nil, reserveError(name, int64(est+2)*8, fmt.Sprintf("the offsets of up to %d rows", est+2), err)
	}
	ix.freeStarts = free
	// Freed on an error, or a fault (guardMapped) that unwinds past here.
	indexed := false
	defer func() {
		if !indexed {
			free()
		}
	}()
	if err := ix.checkUTF8(0, n); err != nil {
		return nil, err
	}
	pos := 0
	for pos < n {
		end := indexFrom(data, pos, '\n')
		line := data[pos:end]
		if !isPyBlank(line) {
			t := pyStrip(line)
			if len(t) == 0 || t[0] != '{' || !json.Valid(t) {
				return nil, ix.errAt(pos, false, ErrJSON)
			}
			starts = append(starts, int64(pos))
		}
		pos = end + 1
	}
	own := mapped != nil && unsafe.SliceData(starts) == (*int64)(unsafe.Pointer(unsafe.SliceData(mapped)))
	if err := ix.setStarts([][]int64{starts, {int64(n)}}, free, own); err != nil {
		return nil, err
	}
	indexed = true
	return ix, nil
}

// jsonlEnd returns the end of the line starting at s (after its LF).
func jsonlEnd(d []byte, s int) int {
	e := indexFrom(d, s, '\n')
	if e < len(d) {
		e++
	}
	return e
}

// jsonlNames is the union of the keys of all rows in order of first
// appearance, as DataFrame(list_of_dicts) orders its columns.
func (ix *Index) jsonlNames() []string {
	seen := map[string]bool{}
	var names []string
	for i := 0; i < ix.Len(); i++ {
		dec := json.NewDecoder(bytes.NewReader(pyStrip(ix.Record(i))))
		if _, err := dec.Token(); err != nil {
			continue
		}
		for dec.More() {
			tk, err := dec.Token()
			if err != nil {
				break
			}
			k, _ := tk.(string)
			if !seen[k] {
				seen[k] = true
				names = append(names, k)
			}
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				break
			}
		}
	}
	return names
}

// jsonValue kinds, as the Python objects ujson makes.
const (
	jvMissing = iota // key absent: NaN
	jvNone
	jvBool
	jvInt // int64 range
	jvUint
	jvFloat
	jvStr
)

type jsonValue struct {
	kind int
	b    bool
	i    int64
	u    uint64
	f    float64
	s    string
}

// jsonlColumn reads column name as pd.read_json(path, lines=True)[name].
func (ix *Index) jsonlColumn(name string) (*Column, error) {
	if isDateLikeJSONName(name) {
		return nil, &ParseError{File: ix.name, Err: fmt.Errorf("%w: read_json converts column %q to dates", ErrUnsupported, name)}
	}
	n := ix.Len()
	vals := make([]jsonValue, n)
	for i := 0; i < n; i++ {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(pyStrip(ix.Record(i)), &obj); err != nil {
			s, _ := ix.bounds(i)
			return nil, ix.errAt(s, false, ErrJSON)
		}
		raw, ok := obj[name]
		if !ok {
			continue
		}
		v, err := decodeUJSON(raw)
		if err != nil {
			s, _ := ix.bounds(i)
			return nil, ix.errAt(s, false, err)
		}
		vals[i] = v
	}
	return jsonlInfer(name, vals), nil
}

// isDateLikeJSONName is read_json's keep_default_dates test.
func isDateLikeJSONName(name string) bool {
	l := strings.ToLower(name)
	return strings.HasSuffix(l, "_at") || strings.HasSuffix(l, "_time") || strings.HasPrefix(l, "timestamp") ||
		l == "modified" || l == "date" || l == "datetime"
}

// decodeUJSON decodes one JSON value as pandas' vendored ujson does with
// precise_float=False: integers as Python ints ("Value is too big!" beyond
// 64 bits), floats with ujson's own fast (not correctly rounded) method.
func decodeUJSON(raw json.RawMessage) (jsonValue, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return jsonValue{}, ErrJSON
	}
	switch raw[0] {
	case 'n':
		return jsonValue{kind: jvNone}, nil
	case 't', 'f':
		return jsonValue{kind: jvBool, b: raw[0] == 't'}, nil
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return jsonValue{}, ErrJSON
		}
		return jsonValue{kind: jvStr, s: s}, nil
	case '[', '{':
		return jsonValue{}, fmt.Errorf("%w: nested JSON value", ErrUnsupported)
	}
	return ujsonNumber(raw)
}

// ujsonPow10 is glibc's pow(10, e) for integer e: correctly rounded except
// at the two exponents where the exact power is a tie and glibc rounds up.
func ujsonPow10(e float64) float64 {
	switch {
	case e > 308:
		return math.Inf(1)
	case e < -400:
		return 0
	case e == 23:
		return math.Float64frombits(4950912855330343671)
	case e == 210:
		return math.Float64frombits(7748537163665533884)
	}
	v, _ := strconv.ParseFloat("1e"+strconv.Itoa(int(e)), 64)
	return v
}

// ujsonFrac holds the doubles 1e-0..1e-15, correctly rounded (as Go
// rounds constants, and as strtod reads them).
var ujsonFrac = [16]float64{1e-0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15}

// ujsonNumber is ultrajsondec.c's decode_numeric.
func ujsonNumber(b []byte) (jsonValue, error) {
	p := 0
	neg := false
	if p < len(b) && b[p] == '-' {
		neg = true
		p++
	}
	var iv uint64
	for p < len(b) && isDigit(b[p]) {
		prev := iv
		iv = iv*10 + uint64(b[p]-'0')
		if !neg && prev > iv || prev > math.MaxUint64/10 {
			return jsonValue{}, errors.New("Value is too big!")
		}
		if neg && iv > 1<<63 {
			return jsonValue{}, errors.New("Value is too small")
		}
		p++
	}
	if p == len(b) {
		switch {
		case neg:
			return jsonValue{kind: jvInt, i: int64(-iv)}, nil
		case iv > math.MaxInt64:
			return jsonValue{kind: jvUint, u: iv}, nil
		}
		return jsonValue{kind: jvInt, i: int64(iv)}, nil
	}
	frc := 0.0
	dec := 0
	if b[p] == '.' {
		p++
		for p < len(b) && isDigit(b[p]) {
			if dec < 15 {
				frc = float64(frc*10) + float64(b[p]-'0')
				dec++
			}
			p++
		}
	}
	sign := 1.0
	if neg {
		sign = -1
	}
	v := float64(float64(iv)+float64(frc*ujsonFrac[dec])) * sign
	if p < len(b) && (b[p] == 'e' || b[p] == 'E') {
		p++
		eneg := 1.0
		if p < len(b) && (b[p] == '-' || b[p] == '+') {
			if b[p] == '-' {
				eneg = -1
			}
			p++
		}
		ev := 0.0
		for p < len(b) && isDigit(b[p]) {
			ev = float64(ev*10) + float64(b[p]-'0')
			p++
		}
		v *= ujsonPow10(ev * eneg)
	}
	return jsonValue{kind: jvFloat, f: v}, nil
}

// jsonlInfer types a column as DataFrame(records) (lib.maybe_convert_objects)
// and then read_json's _try_convert_data do: an object column becomes
// float64 when every value converts with float(), and a float64 column
// becomes int64 when every value is a whole number in range.
func jsonlInfer(name string, vals []jsonValue) *Column {
	n := len(vals)
	var seen [jvStr + 1]bool
	for _, v := range vals {
		seen[v.kind] = true
	}
	missing := seen[jvMissing] || seen[jvNone]
	numeric := seen[jvInt] || seen[jvUint] || seen[jvFloat]
	col := &Column{Name: name}
	switch {
	case n == 0:
		col.Kind = String
		col.Strings = []string{}
		return col
	case seen[jvBool] && !missing && !numeric && !seen[jvStr]:
		col.Kind = Bool
		col.Bools = make([]bool, n)
		for i, v := range vals {
			col.Bools[i] = v.b
		}
		return col
	case !seen[jvBool] && !seen[jvStr] && !seen[jvNone] && !seen[jvFloat] && !seen[jvMissing] && !(seen[jvUint] && hasNegative(vals)):
		if seen[jvUint] {
			col.Kind = Uint64
			col.Uints = make([]uint64, n)
			for i, v := range vals {
				col.Uints[i] = uint64(v.i)
				if v.kind == jvUint {
					col.Uints[i] = v.u
				}
			}
			return col
		}
		col.Kind = Int64
		col.Ints = make([]int64, n)
		for i, v := range vals {
			col.Ints[i] = v.i
		}
		return col
	case !seen[jvBool] && !seen[jvStr] && !(seen[jvUint] && hasNegative(vals)):
		// numbers with missing values: float64
		return floatToInt(name, jsonFloats(vals, false))
	}
	// object: try float() on every value
	if fl, ok := jsonFloatsObject(vals); ok {
		return floatToInt(name, fl)
	}
	allStr := true
	for _, v := range vals {
		if v.kind != jvStr && v.kind != jvNone && v.kind != jvMissing {
			allStr = false
		}
	}
	if allStr {
		col.Kind = String
		col.Strings = make([]string, n)
		for i, v := range vals {
			if v.kind == jvStr {
				col.Strings[i] = v.s
			} else {
				if col.Null == nil {
					col.Null = make([]bool, n)
				}
				col.Null[i] = true
			}
		}
		return col
	}
	col.Kind = Mixed
	col.Values = make([]any, n)
	for i, v := range vals {
		col.Values[i] = v.object()
	}
	return col
}

func (v jsonValue) object() any {
	switch v.kind {
	case jvBool:
		return v.b
	case jvInt:
		return v.i
	case jvUint:
		return v.u
	case jvFloat:
		return v.f
	case jvStr:
		return v.s
	}
	return math.NaN()
}

func hasNegative(vals []jsonValue) bool {
	for _, v := range vals {
		if v.kind == jvInt && v.i < 0 {
			return true
		}
	}
	return false
}

func jsonFloats(vals []jsonValue, _ bool) []float64 {
	fl := make([]float64, len(vals))
	for i, v := range vals {
		switch v.kind {
		case jvInt:
			fl[i] = float64(v.i)
		case jvUint:
			fl[i] = float64(v.u)
		case jvFloat:
			fl[i] = v.f
		case jvBool:
			if v.b {
				fl[i] = 1
			}
		default:
			fl[i] = math.NaN()
		}
	}
	return fl
}

// jsonFloatsObject is Series.astype("float64") on an object column (numpy's
// object-to-float cast): None becomes NaN, strings go through Python's
// float().
func jsonFloatsObject(vals []jsonValue) ([]float64, bool) {
	fl := jsonFloats(vals, true)
	for i, v := range vals {
		switch v.kind {
		case jvStr:
			f, ok := pyFloat(v.s)
			if !ok {
				return nil, false
			}
			fl[i] = f
		}
	}
	return fl, true
}

// floatToInt is read_json's int coercion: astype("int64") kept when it
// equals the floats.
func floatToInt(name string, fl []float64) *Column {
	ok := true
	for _, f := range fl {
		if math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f) || f >= 1<<63 || f < -(1<<63) {
			ok = false
			break
		}
	}
	if ok {
		ints := make([]int64, len(fl))
		for i, f := range fl {
			ints[i] = int64(f)
		}
		return &Column{Name: name, Kind: Int64, Ints: ints}
	}
	col := &Column{Name: name, Kind: Float64, Floats: fl}
	for i, f := range fl {
		if math.IsNaN(f) {
			if col.Null == nil {
				col.Null = make([]bool, len(fl))
			}
			col.Null[i] = true
		}
	}
	return col
}

// pyFloat is float(s) as pandas converts a JSON string (astype on the
// object column): float() strips white space but not U+001C..U+001F,
// which str.strip would also drop, so "\x1c1" stays a string, as pandas
// 1.5.3 keeps it.
func pyFloat(s string) (float64, bool) { return py.ParseFloat(s) }
