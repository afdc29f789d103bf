package rows

import (
	"fmt"
	"io"
)

// WriteRangeWithColumn is WriteWithColumn of rows lo..hi-1 only, with the
// header: one shard of the file WriteWithColumn writes (the rows of
// df.iloc[lo:hi] after the column is inserted).
func (ix *Index) WriteRangeWithColumn(w io.Writer, name string, values []string, lo, hi int) error {
	if lo < 0 || hi < lo || hi > ix.Len() {
		return fmt.Errorf("rows: range [%d, %d) out of [0, %d)", lo, hi, ix.Len())
	}
	return ix.guard(func() error { return ix.writeWithColumn(w, name, values, lo, hi) })
}
