package arrowgen

import (
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// validity returns which of n slots are valid, nil for all (no bitmap):
// none under a null of parent, and, when nullable, a random share of the
// others.
func (g *Gen) validity(n int, nullable bool, parent []bool) []bool {
	if parent == nil && (!nullable || g.r.IntN(5) == 0) {
		return nil
	}
	p := 0.0
	if nullable {
		p = pick(g, g.opts.NullRates)
	}
	valid := make([]bool, n)
	for i := range valid {
		valid[i] = (parent == nil || parent[i]) && g.r.Float64() >= p
	}
	return valid
}

// bitmap returns valid as a validity bitmap, nil for nil.
func (g *Gen) bitmap(valid []bool) *memory.Buffer {
	if valid == nil {
		return nil
	}
	bits := make([]byte, bitutil.BytesForBits(int64(len(valid))))
	for i, v := range valid {
		bitutil.SetBitTo(bits, i, v)
	}
	return memory.NewBufferBytes(bits)
}

// nullCount returns the null count of data with validity valid: exact,
// or half the time unknown (counted on demand).
func (g *Gen) nullCount(valid []bool) int {
	if valid == nil {
		return 0
	}
	if g.r.IntN(2) == 0 {
		return array.UnknownNullCount
	}
	nulls := 0
	for _, v := range valid {
		if !v {
			nulls++
		}
	}
	return nulls
}

// isValid tells whether slot i is valid in valid (nil: all are).
func isValid(valid []bool, i int) bool {
	return valid == nil || valid[i]
}
