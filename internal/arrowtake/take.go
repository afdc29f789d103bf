package arrowtake

import (
	"errors"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// ErrIndex is wrapped by the error of a take with an index out of range.
var ErrIndex = errors.New("arrowtake: index out of range")

// Take returns the array whose element k is values[indices[k]], null where
// valid != nil && !valid[k] (and where values[indices[k]] is null): the
// array.Equal result of compute.TakeArray(ctx, values, idx) with idx an
// int64 array of the indices holding those nulls. indices[k] is not read
// where valid[k] is false. A dictionary array keeps its dictionary and
// takes its indices (compute has no dictionary kernel; this is
// array.NewDictionaryArray(dt, TakeArray(indices), dict)); a map takes
// like the list of struct<key, value> it is stored as. Buffers come from
// mem. Types: null, bool, integers, floats (float16 too), decimals,
// temporal and interval types, (large) string and binary, fixed-size
// binary, dictionary, (large) list, fixed-size list, map, struct.
func Take(mem memory.Allocator, values arrow.Array, indices []int, valid []bool) (arrow.Array, error) {
	if valid != nil && len(valid) != len(indices) {
		return nil, fmt.Errorf("arrowtake: %d validity flags for %d indices", len(valid), len(indices))
	}
	s := selection{idx: indices, valid: valid}
	for k, i := range indices {
		if s.ok(k) && (i < 0 || i >= values.Len()) {
			return nil, fmt.Errorf("%w: index %d is %d, %d values", ErrIndex, k, i, values.Len())
		}
	}
	data, err := take(mem, values.Data(), s)
	if err != nil {
		return nil, fmt.Errorf("arrowtake: take from %s: %w", values.DataType(), err)
	}
	defer data.Release()
	return array.MakeFromData(data), nil
}

// selection is what a take picks: row k is values[idx[k]], or null where
// valid is not nil and valid[k] is false.
type selection struct {
	idx   []int
	valid []bool
}

// ok reports whether row k selects a value (rather than a null index).
func (s selection) ok(k int) bool { return s.valid == nil || s.valid[k] }

// take is Take on array data whose selected rows are known to be in range.
func take(mem memory.Allocator, values arrow.ArrayData, s selection) (arrow.ArrayData, error) {
	dt := values.DataType()
	switch dt.ID() {
	case arrow.NULL:
		return array.NewData(dt, len(s.idx), []*memory.Buffer{nil}, nil, len(s.idx), 0), nil
	case arrow.DICTIONARY:
		return takeDictionary(mem, values, s)
	}
	fill, err := fillerFor(dt)
	if err != nil {
		return nil, err
	}
	validBuf, nulls, err := validity(mem, values, s)
	if err != nil {
		return nil, err
	}
	bufs, children, err := fill(mem, values, s, bytesOf(validBuf))
	if err != nil {
		release(validBuf)
		return nil, err
	}
	return newData(dt, len(s.idx), append([]*memory.Buffer{validBuf}, bufs...), children, nulls), nil
}

// filler writes the buffers after the validity bitmap, and the children,
// of a take from values of one type; validBits is the output's validity
// bitmap (nil when no row is null).
type filler func(mem memory.Allocator, values arrow.ArrayData, s selection, validBits []byte) ([]*memory.Buffer, []arrow.ArrayData, error)

// fillerFor returns the filler of a type, or an error for a type Take
// does not handle (unions, views, run-end encoded, extensions).
func fillerFor(dt arrow.DataType) (filler, error) {
	switch dt.ID() {
	case arrow.BOOL:
		return takeBits, nil
	case arrow.INT8, arrow.UINT8, arrow.INT16, arrow.UINT16, arrow.INT32, arrow.UINT32,
		arrow.INT64, arrow.UINT64, arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64,
		arrow.DATE32, arrow.DATE64, arrow.TIME32, arrow.TIME64, arrow.TIMESTAMP, arrow.DURATION,
		arrow.INTERVAL_MONTHS, arrow.INTERVAL_DAY_TIME, arrow.INTERVAL_MONTH_DAY_NANO,
		arrow.DECIMAL128, arrow.DECIMAL256, arrow.FIXED_SIZE_BINARY:
		return takeFixed, nil
	case arrow.STRING, arrow.BINARY:
		return takeBinary[int32], nil
	case arrow.LARGE_STRING, arrow.LARGE_BINARY:
		return takeBinary[int64], nil
	case arrow.LIST, arrow.MAP:
		return takeList[int32], nil
	case arrow.LARGE_LIST:
		return takeList[int64], nil
	case arrow.FIXED_SIZE_LIST:
		return takeFixedSizeList, nil
	case arrow.STRUCT:
		return takeStruct, nil
	}
	return nil, fmt.Errorf("arrowtake: type %s not supported", dt)
}
