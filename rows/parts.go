package rows

import (
	"context"
	"io"
)

// WritePartsContext writes each orders[k] to ws[k] as WriteRowsContext
// does (a train/test split's parts, say). The parts of an input of
// SpillMin bytes or more are staged by one shared pass over the input
// and then written in turn when they cut evenly (else at once); the
// parts of smaller mapped inputs share one sequence of windows (each
// pass over the input fills rows of several parts, whose writes
// interleave), and those of inputs in memory are written in turn. The writers must be distinct. A fault reading the
// mapped file (it shrank) is ErrInputChanged.
func (ix *Index) WritePartsContext(ctx context.Context, ws []io.Writer, orders [][]int) error {
	return ix.write(ctx, ws, orders, stdLimits())
}
