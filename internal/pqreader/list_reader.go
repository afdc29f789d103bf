package pqreader

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
)

// listReader reads a list, a map or a fixed size list: offsets and
// validity from the levels of its item's leaf, values from the item.
type listReader struct {
	mem  memory.Allocator
	fld  *arrow.Field
	info file.LevelInfo
	item node
}

func (l *listReader) loadBatch(n int64) error     { return l.item.loadBatch(n) }
func (l *listReader) defLevels() ([]int16, error) { return l.item.defLevels() }
func (l *listReader) repLevels() ([]int16, error) { return l.item.repLevels() }
func (l *listReader) hasRepeated() bool           { return true }
func (l *listReader) field() *arrow.Field         { return l.fld }
func (l *listReader) release()                    { l.item.release() }

func (l *listReader) buildArray(bound int64) (*arrow.Chunked, error) {
	def, err := l.item.defLevels()
	if err != nil {
		return nil, err
	}
	rep, err := l.item.repLevels()
	if err != nil {
		return nil, err
	}
	validity := file.ValidityBitmapInputOutput{ReadUpperBound: bound}
	var bitmap *memory.Buffer
	if l.fld.Nullable {
		bitmap = memory.NewResizableBuffer(l.mem)
		defer bitmap.Release()
		bitmap.Resize(int(bitutil.BytesForBits(bound)))
		validity.ValidBits = bitmap.Bytes()
	}
	offsetBuf := memory.NewResizableBuffer(l.mem)
	defer offsetBuf.Release()
	offsetBuf.Resize(arrow.Int32Traits.BytesRequired(int(bound) + 1))
	offsets := arrow.Int32Traits.CastFromBytes(offsetBuf.Bytes())
	if err := file.DefRepLevelsToListInfo(def, rep, l.info, &validity, offsets); err != nil {
		return nil, err
	}
	// The item may hold nulls of a nested type, which take def levels but
	// no offsets: its bound is the last offset plus the null count.
	items, err := l.item.buildArray(int64(offsets[validity.Read]) + validity.NullCount)
	if err != nil {
		return nil, err
	}
	defer items.Release()
	offsetBuf.Resize(arrow.Int32Traits.BytesRequired(int(validity.Read) + 1))
	if bitmap != nil {
		bitmap.Resize(int(bitutil.BytesForBits(validity.Read)))
	}
	item, err := single(items)
	if err != nil {
		return nil, err
	}
	defer item.Release()
	return l.assemble(item, bitmap, offsetBuf, offsets, validity)
}

// assemble makes the list array of item with the given validity and
// offsets; a fixed size list drops the offsets after checking the sizes.
func (l *listReader) assemble(item arrow.ArrayData, bitmap, offsetBuf *memory.Buffer, offsets []int32, v file.ValidityBitmapInputOutput) (*arrow.Chunked, error) {
	buffers := []*memory.Buffer{nil, offsetBuf}
	if v.NullCount > 0 {
		buffers[0] = bitmap
	}
	n := int(v.Read)
	if fsl, ok := l.fld.Type.(*arrow.FixedSizeListType); ok {
		// pqarrow checks the sizes of all lists but the last.
		for x := 1; x < n; x++ {
			if size := offsets[x] - offsets[x-1]; size != fsl.Len() {
				return nil, fmt.Errorf("expected all lists to be of size=%d, but index %d had size=%d", fsl.Len(), x, size)
			}
		}
		buffers[1] = nil
	}
	data := array.NewData(l.fld.Type, n, buffers, []arrow.ArrayData{item}, int(v.NullCount), 0)
	defer data.Release()
	arr := array.MakeFromData(data)
	defer arr.Release()
	return arrow.NewChunked(l.fld.Type, []arrow.Array{arr}), nil
}
