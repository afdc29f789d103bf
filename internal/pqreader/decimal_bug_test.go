package pqreader

import (
	"encoding/binary"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/decimal256"
)

// pqarrowDecimal256 is Arrow Go v15's bigEndianToDecimal256, bug
// included: a partial word of k bytes of a negative number is extended by
// all ones shifted left by k bits, not 8k (see decimal256FromBigEndian).
func pqarrowDecimal256(b []byte) decimal256.Num {
	var fill uint64
	if b[0]&0x80 != 0 {
		fill = ^uint64(0)
	}
	var words [4]uint64 // least significant first
	for i := range words {
		k := min(len(b), 8)
		part := b[len(b)-k:]
		b = b[:len(b)-k]
		switch k {
		case 8:
			words[i] = binary.BigEndian.Uint64(part)
		case 0:
			words[i] = fill
		default:
			var full [8]byte
			copy(full[8-k:], part)
			words[i] = fill<<uint(k) | binary.BigEndian.Uint64(full[:])
		}
	}
	return decimal256.New(words[3], words[2], words[1], words[0])
}

// bigEndian256 is the w low bytes of n, big-endian (how a writer stores
// n in w bytes); ok is false when n does not fit in w bytes.
func bigEndian256(n decimal256.Num, w int) (b []byte, ok bool) {
	var full [32]byte
	a := n.Array() // least significant word first
	for i := range 4 {
		binary.BigEndian.PutUint64(full[24-8*i:], a[i])
	}
	b = full[32-w:]
	fill := byte(0)
	if b[0]&0x80 != 0 {
		fill = 0xff
	}
	for _, x := range full[:32-w] {
		if x != fill {
			return nil, false
		}
	}
	return b, true
}

// pqarrowReads reports whether pqarrow, reading the bytes some writer
// stored ours in, would give theirs: ours == theirs, or for some width w
// that is not a multiple of 8 and holds ours, the bug's reading of those
// bytes is theirs.
func pqarrowReads(ours, theirs decimal256.Num) bool {
	if ours == theirs {
		return true
	}
	for w := 1; w < 32; w++ {
		if w%8 == 0 {
			continue
		}
		if b, ok := bigEndian256(ours, w); ok && pqarrowDecimal256(b) == theirs {
			return true
		}
	}
	return false
}

// sameButDecimalBug is array.Equal except that a decimal256 value, at any
// depth, may be pqarrow's misreading of ours (pqarrowReads): the arrays of
// a field holding decimal256 are compared with it where array.Equal fails.
func sameButDecimalBug(w, g arrow.Array) bool {
	if !arrow.TypeEqual(w.DataType(), g.DataType()) || w.Len() != g.Len() {
		return false
	}
	for i := 0; i < g.Len(); i++ {
		if w.IsNull(i) != g.IsNull(i) {
			return false
		}
	}
	switch gg := g.(type) {
	case *array.Decimal256:
		ww := w.(*array.Decimal256)
		for i := 0; i < g.Len(); i++ {
			if g.IsValid(i) && !pqarrowReads(gg.Value(i), ww.Value(i)) {
				return false
			}
		}
		return true
	case array.ListLike:
		ww := w.(array.ListLike)
		for i := 0; i < g.Len(); i++ {
			if g.IsNull(i) {
				continue
			}
			gs, ge := gg.ValueOffsets(i)
			ws, we := ww.ValueOffsets(i)
			if ge-gs != we-ws {
				return false
			}
			gc := array.NewSlice(gg.ListValues(), gs, ge)
			wc := array.NewSlice(ww.ListValues(), ws, we)
			ok := sameButDecimalBug(wc, gc)
			gc.Release()
			wc.Release()
			if !ok {
				return false
			}
		}
		return true
	case *array.Struct:
		ws := w.(*array.Struct)
		for f := 0; f < gg.NumField(); f++ {
			if !sameButDecimalBug(ws.Field(f), gg.Field(f)) {
				return false
			}
		}
		return true
	}
	return array.Equal(w, g)
}
