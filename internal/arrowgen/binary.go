package arrowgen

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// words returns strings with edge cases: empty, non-ASCII, spaces.
func words() []string {
	return []string{"", "a", "bb", "ccc", "dddd", "héllo", "zz", "x y z", "日本"}
}

// binary returns the offsets and data buffers of n random values of dt, a
// string or binary type.
func (g *Gen) binary(dt arrow.DataType, n int) []*memory.Buffer {
	isBinary := dt.ID() == arrow.BINARY || dt.ID() == arrow.LARGE_BINARY
	offs := make([]int64, n+1)
	var data []byte
	if g.opts.Slice == SliceAll {
		data = []byte("ab"[:g.r.IntN(3)])
		offs[0] = int64(len(data))
	}
	for i := range n {
		v := g.text(isBinary)
		if isBinary && g.opts.NonEmptyBinary {
			v = append([]byte{'x'}, v...)
		}
		data = append(data, v...)
		offs[i+1] = int64(len(data))
	}
	large := dt.ID() == arrow.LARGE_STRING || dt.ID() == arrow.LARGE_BINARY
	return []*memory.Buffer{offsetBuffer(offs, large), memory.NewBufferBytes(data)}
}

// text returns a random value: a few letters (few distinct ones, so
// dictionaries repeat), a word, or, for binary, random bytes.
func (g *Gen) text(binary bool) []byte {
	switch g.r.IntN(4) {
	case 0:
		return []byte(pick(g, words()))
	case 1:
		if binary {
			return g.randomBytes(g.r.IntN(12))
		}
	}
	n := g.r.IntN(6)
	if g.r.IntN(3) == 0 {
		n = g.r.IntN(2)
	}
	out := make([]byte, n)
	for i := range out {
		out[i] = "abcdefgh"[g.r.IntN(8)]
	}
	return out
}

// randomBytes returns n random bytes.
func (g *Gen) randomBytes(n int) []byte {
	out := make([]byte, n)
	for i := range out {
		out[i] = byte(g.r.Uint32())
	}
	return out
}
