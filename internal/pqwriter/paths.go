package pqwriter

import (
	"errors"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

type stepKind uint8

const (
	// nullableStep: a null entry stops at def; a valid one goes on.
	nullableStep stepKind = iota
	// allNullStep: every entry is null and stops at def.
	allNullStep
	// listStep: an entry is a list of entries of the next step; an empty
	// list stops at def, elements after the first repeat at rep.
	listStep
)

// step is one level on the way from a column's array down to one leaf
// array: what pqarrow's path builder calls a path node.
type step struct {
	kind   stepKind
	def    int16
	rep    int16
	last   bool   // the innermost list: its element ranges are the leaf's
	bitmap []byte // nullableStep: validity bits, entry i at bit offset+i
	offset int64
	lists  listRanges // listStep
}

// leafPath is the way to one leaf column: pqarrow's pathInfo.
type leafPath struct {
	steps    []step
	leaf     arrow.Array
	maxDef   int16
	maxRep   int16
	nullable bool // pqarrow's leafIsNullable
}

// leafPaths returns the paths to the leaves of a, in column order, as
// pqarrow's multipathLevelBuilder finds them; nullable is whether the
// column's top-level field is.
func leafPaths(a arrow.Array, nullable bool) ([]leafPath, error) {
	var out []leafPath
	err := visit(a, leafPath{}, nullable, &out)
	return out, err
}

// visit adds the paths of a's leaves to out; p is the path down to a,
// nullable whether a's field is (pqarrow's pathBuilder.Visit).
func visit(a arrow.Array, p leafPath, nullable bool, out *[]leafPath) error {
	switch a := a.(type) {
	case *array.List:
		return visitList(a, a, p, nullable, true, out)
	case *array.Map:
		return visitList(a, a.List, p, nullable, false, out)
	case *array.FixedSizeList:
		p, err := withNullable(p, a, nullable)
		if err != nil {
			return err
		}
		lists := fixedLists(a)
		p.maxDef++
		p.maxRep++
		p = withStep(p, step{kind: listStep, def: p.maxDef, rep: p.maxRep, lists: lists})
		// pqarrow keeps the list's own nullability for its elements.
		return visit(a.ListValues(), p, nullable, out)
	case *array.Struct:
		p, err := withNullable(p, a, nullable)
		if err != nil {
			return err
		}
		for i, f := range a.DataType().(*arrow.StructType).Fields() {
			if err := visit(a.Field(i), p, f.Nullable, out); err != nil {
				return err
			}
		}
		return nil
	case *array.Dictionary:
		if d, ok := a.Data().Dictionary().(*array.Data); !ok || d == nil { // pqarrow panics
			return fmt.Errorf("pqwriter: %s array without its dictionary", a.DataType())
		}
		if _, ok := a.DataType().(*arrow.DictionaryType).ValueType.(arrow.NestedType); ok {
			return fmt.Errorf("pqwriter: %w: writing a dictionary of a nested type", arrow.ErrNotImplemented)
		}
		if a.Dictionary().NullN() > 0 {
			return fmt.Errorf("pqwriter: %w: writing a dictionary with nulls in its values", arrow.ErrNotImplemented)
		}
	case array.ExtensionArray:
		return visit(a.Storage(), p, nullable, out)
	case array.Union:
		return errors.New("pqwriter: union types aren't supported in parquet")
	}
	return terminal(a, p, nullable, out)
}

// visitList: a map is a list of key/value structs that are never null.
func visitList(a arrow.Array, l *array.List, p leafPath, nullable, nullableElems bool, out *[]leafPath) error {
	p, err := withNullable(p, a, nullable)
	if err != nil {
		return err
	}
	lists, err := varLists(l)
	if err != nil {
		return err
	}
	p.maxDef++
	p.maxRep++
	p = withStep(p, step{kind: listStep, def: p.maxDef - 1, rep: p.maxRep, lists: lists})
	return visit(l.ListValues(), p, nullableElems, out)
}

// withStep appends s to a copy of p's steps, so that siblings do not
// share them.
func withStep(p leafPath, s step) leafPath {
	p.steps = append(p.steps[:len(p.steps):len(p.steps)], s)
	return p
}

// withNullable is pqarrow's maybeAddNullable: a nullable level, and its
// step unless a has no nulls.
func withNullable(p leafPath, a arrow.Array, nullable bool) (leafPath, error) {
	if !nullable {
		return p, nil
	}
	p.maxDef++
	s, none, err := nullStep(a, p.maxDef-1)
	if err != nil || none {
		return p, err
	}
	return withStep(p, s), nil
}

// terminal is pqarrow's addTerminalInfo: the leaf array ends the path.
func terminal(a arrow.Array, p leafPath, nullable bool, out *[]leafPath) error {
	p.nullable = nullable
	if nullable {
		p.maxDef++
	}
	s, none, err := nullStep(a, p.maxDef-1)
	if err != nil {
		return err
	}
	if none {
		p.nullable = false
	} else {
		p = withStep(p, s)
	}
	p.leaf = a
	p = markLastList(p)
	*out = append(*out, p)
	return nil
}

// nullStep is the step of a's nulls, or none when pqarrow sees no nulls:
// it reads the cached null count only, which a slice leaves unknown.
func nullStep(a arrow.Array, def int16) (s step, none bool, err error) {
	nulls := a.Data().NullN()
	switch {
	case nulls == 0 || (nulls == array.UnknownNullCount && a.NullBitmapBytes() == nil):
		return step{}, true, nil
	case nulls == a.Len():
		return step{kind: allNullStep, def: def}, false, nil
	case len(a.NullBitmapBytes())*8 < a.Data().Offset()+a.Len():
		return step{}, false, fmt.Errorf("pqwriter: %s array with %d nulls has a short validity bitmap", a.DataType(), nulls)
	}
	return step{kind: nullableStep, def: def, bitmap: a.NullBitmapBytes(), offset: int64(a.Data().Offset())}, false, nil
}

// markLastList flags the innermost list, whose visited element ranges
// decide which leaf values are written.
func markLastList(p leafPath) leafPath {
	for i := len(p.steps) - 1; i >= 0; i-- {
		if p.steps[i].kind == listStep && p.steps[i].rep == p.maxRep {
			p.steps = append([]step(nil), p.steps...)
			p.steps[i].last = true
			break
		}
	}
	return p
}
