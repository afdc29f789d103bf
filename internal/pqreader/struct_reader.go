package pqreader

import (
	"errors"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
)

// structReader reads a struct from its children's readers, taking its
// validity from the levels of one child: the first that holds no list if
// there is one (fewest levels), else the first.
type structReader struct {
	mem      memory.Allocator
	fld      *arrow.Field
	info     file.LevelInfo
	children []node
	levelsOf node
	repeated bool // every child holds a list
}

func newStructReader(mem memory.Allocator, fld *arrow.Field, info file.LevelInfo, children []node) *structReader {
	s := &structReader{mem: mem, fld: fld, info: info, children: children}
	for _, c := range children {
		if !c.hasRepeated() {
			s.levelsOf = c
			return s
		}
	}
	s.levelsOf, s.repeated = children[0], true
	return s
}

var errNoChildren = errors.New("struct reader has no children")

func (s *structReader) defLevels() ([]int16, error) {
	if len(s.children) == 0 {
		return nil, errNoChildren
	}
	return s.levelsOf.defLevels()
}

func (s *structReader) repLevels() ([]int16, error) {
	if len(s.children) == 0 {
		return nil, errNoChildren
	}
	return s.levelsOf.repLevels()
}

// loadBatch loads the children one after the other, on this goroutine.
func (s *structReader) loadBatch(n int64) error {
	for _, c := range s.children {
		if err := c.loadBatch(n); err != nil {
			return err
		}
	}
	return nil
}

func (s *structReader) buildArray(bound int64) (*arrow.Chunked, error) {
	validity := file.ValidityBitmapInputOutput{ReadUpperBound: bound, Read: bound}
	var bitmap *memory.Buffer
	if bound > 0 && (s.repeated || s.fld.Nullable) {
		bitmap = memory.NewResizableBuffer(s.mem)
		defer bitmap.Release()
		bitmap.Resize(int(bitutil.BytesForBits(bound)))
		validity.ValidBits = bitmap.Bytes()
		if err := s.fillValidity(&validity); err != nil {
			return nil, err
		}
		bitmap.Resize(int(bitutil.BytesForBits(validity.Read)))
	}
	children, err := buildChildren(s.children, bound)
	defer releaseData(children)
	if err != nil {
		return nil, err
	}
	if !s.fld.Nullable && !s.repeated {
		validity.Read = int64(children[0].Len())
	}
	buffers := []*memory.Buffer{nil}
	if validity.NullCount > 0 {
		buffers[0] = bitmap
	}
	data := array.NewData(s.fld.Type, int(validity.Read), buffers, children, int(validity.NullCount), 0)
	defer data.Release()
	arr := array.NewStructData(data)
	defer arr.Release()
	return arrow.NewChunked(s.fld.Type, []arrow.Array{arr}), nil
}

// fillValidity sets the struct's validity bits from the levels.
func (s *structReader) fillValidity(v *file.ValidityBitmapInputOutput) error {
	def, err := s.defLevels()
	if err != nil {
		return err
	}
	if !s.repeated {
		file.DefLevelsToBitmap(def, s.info, v)
		return nil
	}
	rep, err := s.repLevels()
	if err != nil {
		return err
	}
	return file.DefRepLevelsToBitmap(def, rep, s.info, v)
}

// buildChildren builds every child as one array each; the slice holds
// what was built even on error, for the caller to release.
func buildChildren(children []node, bound int64) ([]arrow.ArrayData, error) {
	out := make([]arrow.ArrayData, len(children))
	for i, c := range children {
		ch, err := c.buildArray(bound)
		if err != nil {
			return out, err
		}
		out[i], err = single(ch)
		ch.Release()
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

func (s *structReader) hasRepeated() bool   { return s.repeated }
func (s *structReader) field() *arrow.Field { return s.fld }

func (s *structReader) release() {
	releaseNodes(s.children)
	s.children = nil
}
