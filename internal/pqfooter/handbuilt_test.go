package pqfooter

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
)

// tenc is the tests' own compact-protocol encoder, which makes every
// choice the format allows at random: field headers with a delta or a
// long-form id, short or long list headers, fields in any order, and
// unknown fields (of every type, or known ids with another type) that
// readers must skip.
type tenc struct {
	b    []byte
	rnd  *rand.Rand
	last []int16 // the last field id of each open struct
}

func (e *tenc) uvarint(u uint64) { e.b = binary.AppendUvarint(e.b, u) }
func (e *tenc) zz(v int64)       { e.uvarint(uint64(v<<1) ^ uint64(v>>63)) }
func (e *tenc) bin(s []byte)     { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }

func (e *tenc) field(id int16, typ byte) {
	top := &e.last[len(e.last)-1]
	if d := int(id) - int(*top); d > 0 && d <= 15 && e.rnd.IntN(4) != 0 {
		e.b = append(e.b, byte(d)<<4|typ)
	} else {
		e.b = append(e.b, typ)
		e.zz(int64(id))
	}
	*top = id
}

func (e *tenc) listHeader(n int, elem byte) {
	if n < 15 && e.rnd.IntN(4) != 0 {
		e.b = append(e.b, byte(n)<<4|elem)
		return
	}
	e.b = append(e.b, 0xf0|elem)
	e.uvarint(uint64(n))
}

// structOf writes a struct of the given fields in random order, with
// unknown fields (ids from junk, or known ids with a wrong type from
// wrong) among them.
func (e *tenc) structOf(junk []int16, wrong []known, fields ...func()) {
	e.last = append(e.last, 0)
	e.rnd.Shuffle(len(fields), func(i, j int) { fields[i], fields[j] = fields[j], fields[i] })
	for _, f := range append(fields, func() {}) {
		for e.rnd.IntN(5) == 0 {
			e.junkField(junk, wrong)
		}
		f()
	}
	e.b = append(e.b, 0)
	e.last = e.last[:len(e.last)-1]
}

// known is a field id and its type.
type known struct {
	id  int16
	typ byte
}

// junkField writes a field a reader of the struct skips.
func (e *tenc) junkField(junk []int16, wrong []known) {
	id, typ := junk[e.rnd.IntN(len(junk))], byte(1+e.rnd.IntN(13))
	if len(wrong) > 0 && e.rnd.IntN(3) == 0 {
		w := wrong[e.rnd.IntN(len(wrong))]
		id = w.id
		for typ == w.typ {
			typ = byte(1 + e.rnd.IntN(13))
		}
	}
	e.field(id, typ)
	if typ != typeTrue && typ != typeFalse {
		e.junkValue(typ, 0)
	}
}

// junkValue writes a random value of type typ.
func (e *tenc) junkValue(typ byte, depth int) {
	n := e.rnd.IntN(4)
	if depth > 2 {
		n = 0
	}
	switch typ {
	case typeTrue, typeFalse:
		e.b = append(e.b, byte(1+e.rnd.IntN(2)))
	case typeByte:
		e.b = append(e.b, byte(e.rnd.Uint32()))
	case typeI16, typeI32, typeI64:
		e.zz(e.rnd.Int64() >> e.rnd.IntN(64))
	case typeDouble:
		e.b = binary.LittleEndian.AppendUint64(e.b, e.rnd.Uint64())
	case typeUUID:
		e.b = append(e.b, make([]byte, 16)...)
	case typeBinary:
		e.bin([]byte(fmt.Sprint(e.rnd.Int64())))
	case typeList, typeSet:
		elem := byte(1 + e.rnd.IntN(13))
		n *= 1 + e.rnd.IntN(6)
		e.listHeader(n, elem)
		for range n {
			e.junkValue(elem, depth+1)
		}
	case typeMap:
		e.uvarint(uint64(n))
		if n > 0 {
			k, v := byte(1+e.rnd.IntN(13)), byte(1+e.rnd.IntN(13))
			e.b = append(e.b, k<<4|v)
			for range n {
				e.junkValue(k, depth+1)
				e.junkValue(v, depth+1)
			}
		}
	case typeStruct:
		e.last = append(e.last, 0)
		for range n {
			e.junkField([]int16{1, 2, 3, 7, 30, -5}, nil)
		}
		e.b = append(e.b, 0)
		e.last = e.last[:len(e.last)-1]
	}
}

func (e *tenc) i32(id int16, v int32) func() { return func() { e.field(id, typeI32); e.zz(int64(v)) } }
func (e *tenc) i64(id int16, v int64) func() { return func() { e.field(id, typeI64); e.zz(v) } }
func (e *tenc) str(id int16, s string) func() {
	return func() { e.field(id, typeBinary); e.bin([]byte(s)) }
}

// list writes field id as a list of n elements of type elem.
func (e *tenc) list(id int16, elem byte, n int, each func(i int)) func() {
	return func() {
		e.field(id, typeList)
		e.listHeader(n, elem)
		for i := range n {
			each(i)
		}
	}
}
