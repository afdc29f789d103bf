package pqfooter

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// handFooter encodes a random valid FileMetaData with tenc. With sorted,
// every encoding_stats list holds its elements (the same bytes) stably
// sorted by statKey: the output Canonical must give for the unsorted one.
func handFooter(seed uint64, sorted bool) []byte {
	e := &tenc{rnd: rand.New(rand.NewPCG(seed, 7))}
	cols, groups := 1+e.rnd.IntN(3), e.rnd.IntN(4)
	junk := []int16{40, 41, 55, 100, 1000, -3}
	e.structOf(junk, []known{{4, typeList}, {2, typeList}},
		e.i32(1, 2),
		e.list(2, typeStruct, cols+1, func(i int) {
			if i == 0 {
				e.structOf(junk, nil, e.str(4, "schema"), e.i32(5, int32(cols)))
				return
			}
			e.structOf(junk, nil, e.i32(1, 1), e.i32(3, 0), e.str(4, fmt.Sprint("c", i)))
		}),
		e.i64(3, 1234),
		e.list(4, typeStruct, groups, func(int) {
			e.structOf(junk, []known{{1, typeList}},
				e.list(1, typeStruct, cols, func(i int) { e.columnChunk(i, sorted) }),
				e.i64(2, 99), e.i64(3, 1234))
		}),
		e.str(6, "pqfooter test"),
	)
	return e.b
}

// columnChunk writes a ColumnChunk with its ColumnMetaData.
func (e *tenc) columnChunk(i int, sorted bool) {
	junk := []int16{40, 41, 14, 200}
	meta := func() {
		e.field(3, typeStruct)
		e.structOf(junk, []known{{13, typeList}, {3, typeList}},
			e.i32(1, 1), e.list(2, typeI32, 1, func(int) { e.zz(0) }),
			e.list(3, typeBinary, 1, func(int) { e.bin(fmt.Append(nil, "c", i+1)) }),
			e.i32(4, 0), e.i64(5, 10), e.i64(6, 100), e.i64(7, 100), e.i64(9, 4),
			e.encodingStats(sorted))
	}
	e.structOf(junk, []known{{3, typeStruct}}, e.i64(2, 4), meta)
}

// encodingStats returns the writer of field 13, list<PageEncodingStats>,
// with random (often repeated) page types, encodings and counts.
func (e *tenc) encodingStats(sorted bool) func() {
	type elem struct {
		key   [5]int64
		bytes []byte
	}
	elems := make([]elem, e.rnd.IntN(4)*(1+e.rnd.IntN(6)))
	for i := range elems {
		pick := func(vs ...int32) int32 { return vs[e.rnd.IntN(len(vs))] }
		pt, enc, n := pick(0, 2, 3, 2, 1, -1), pick(0, 2, 8, 8, 3, 5, -2, 1<<30), pick(1, 7, 1, -4, 1<<31-1)
		sub := &tenc{rnd: e.rnd}
		sub.structOf([]int16{4, 5, 17, -1}, []known{{1, typeI32}, {2, typeI32}, {3, typeI32}},
			sub.i32(1, pt), sub.i32(2, enc), sub.i32(3, n))
		elems[i] = elem{statKey(pt, enc, n), sub.b}
	}
	if sorted {
		slices.SortStableFunc(elems, func(a, b elem) int { return compareKeys(a.key, b.key) })
	}
	return e.list(13, typeStruct, len(elems), func(i int) { e.b = append(e.b, elems[i].bytes...) })
}

// TestHandBuilt checks Canonical on random hand-encoded footers against
// the expected bytes, and against Arrow's thrift reader: it must accept
// both, and read the same metadata from them but for the order of the
// stats, which must be canonical.
func TestHandBuilt(t *testing.T) {
	for seed := range uint64(3000) {
		in, want := handFooter(seed, false), handFooter(seed, true)
		got, err := Canonical(in)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("seed %d: got\n%x\nwant\n%x", seed, got, want)
		}
		orig, canon := parse(t, in), parse(t, got)
		if !isCanonical(canon) {
			t.Fatalf("seed %d: Arrow reads a non-canonical order", seed)
		}
		sameMetadata(t, orig, canon)
	}
}
