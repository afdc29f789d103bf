package arrowtake

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// takeDictionary takes the indices of a dictionary array and keeps its
// dictionary: array.NewDictionaryArray(dt, TakeArray(indices), dict).
func takeDictionary(mem memory.Allocator, values arrow.ArrayData, s selection) (arrow.ArrayData, error) {
	dt := values.DataType().(*arrow.DictionaryType)
	dict, ok := values.Dictionary().(*array.Data)
	if !ok || dict == nil {
		return nil, fmt.Errorf("arrowtake: dictionary array without a dictionary")
	}
	indices := view(values, dt.IndexType, 0, values.Len())
	defer indices.Release()
	taken, err := take(mem, indices, s)
	if err != nil {
		return nil, err
	}
	defer taken.Release()
	return array.NewDataWithDictionary(dt, taken.Len(), taken.Buffers(), taken.NullN(), 0, dict), nil
}
