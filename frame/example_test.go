package frame_test

import (
	"fmt"

	"github.com/splitter-dev/splitter/frame"
)

// df.take([-1, 0, -1]) on five rows: negative positions count from the end.
func ExampleResolvePositions() {
	pos, err := frame.ResolvePositions([]int{-1, 0, -1}, 5)
	fmt.Println(pos, err)
	// Output: [4 0 4] <nil>
}
