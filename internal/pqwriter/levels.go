package pqwriter

import (
	"errors"

	"github.com/apache/arrow/go/v15/arrow/bitutil"
)

// levels are one leaf column's definition and repetition levels for an
// array, and the range of leaf values they cover.
type levels struct {
	def, rep []int16
	lo, hi   int64
}

// levelsOf computes the levels of the first n entries of p's top array,
// as pqarrow's writePath does (the standard Dremel encoding). The leaf
// values under the innermost list must be one contiguous range; pqarrow
// refuses null lists that hold elements between others, and so does this.
func (p *leafPath) levelsOf(n int64) (levels, error) {
	if p.maxDef == 0 {
		return levels{lo: 0, hi: int64(p.leaf.Len())}, nil
	}
	e := emitter{path: p, def: make([]int16, 0, n)}
	if p.maxRep > 0 {
		e.rep = make([]int16, 0, n)
	}
	for i := int64(0); i < n && e.err == nil; i++ {
		e.emit(0, i, 0)
	}
	if e.err != nil {
		return levels{}, e.err
	}
	lv := levels{def: e.def, hi: int64(p.leaf.Len())}
	if len(e.rep) == 0 {
		return lv, nil
	}
	lv.rep, lv.hi = e.rep, 0
	switch len(e.visited) {
	case 0:
	case 2:
		lv.lo, lv.hi = e.visited[0], e.visited[1]
	default:
		return levels{}, errors.New("pqwriter: lists with non-zero length null components are not supported")
	}
	return lv, nil
}

// emitter walks the entries of a leaf path depth first.
type emitter struct {
	path     *leafPath
	def, rep []int16
	visited  []int64 // the leaf ranges under the innermost list, merged: lo, hi, lo, hi...
	err      error
}

func (e *emitter) add(def, rep int16) {
	e.def = append(e.def, def)
	if e.rep != nil {
		e.rep = append(e.rep, rep)
	}
}

// emit writes the levels of entry i at step k, the first of them at
// repetition level rep.
func (e *emitter) emit(k int, i int64, rep int16) {
	if k == len(e.path.steps) {
		e.add(e.path.maxDef, rep)
		return
	}
	s := &e.path.steps[k]
	switch s.kind {
	case allNullStep:
		e.add(s.def, rep)
	case nullableStep:
		if !bitutil.BitIsSet(s.bitmap, int(s.offset+i)) {
			e.add(s.def, rep)
			return
		}
		e.emit(k+1, i, rep)
	case listStep:
		lo, hi, err := s.lists.at(i)
		if err != nil {
			e.err = err
			return
		}
		if lo == hi {
			e.add(s.def, rep)
			return
		}
		if s.last {
			e.visit(lo, hi)
		}
		e.emit(k+1, lo, rep)
		for j := lo + 1; j < hi && e.err == nil; j++ {
			e.emit(k+1, j, s.rep)
		}
	}
}

func (e *emitter) visit(lo, hi int64) {
	if n := len(e.visited); n > 0 && e.visited[n-1] == lo {
		e.visited[n-1] = hi
		return
	}
	e.visited = append(e.visited, lo, hi)
}
