package rows

import (
	"fmt"
	"io"
)

// WriteRangeWithFolds is WriteWithFolds of rows lo..hi-1 only, with the
// header: one shard of the file WriteWithFolds writes (the rows of
// df.iloc[lo:hi] after the column is inserted).
func (ix *Index) WriteRangeWithFolds(w io.Writer, name string, folds []int, lo, hi int) error {
	if lo < 0 || hi < lo || hi > ix.Len() {
		return fmt.Errorf("rows: range [%d, %d) out of [0, %d)", lo, hi, ix.Len())
	}
	return ix.guard(func() error { return ix.writeWithFolds(w, name, folds, lo, hi) })
}
