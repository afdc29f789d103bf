//go:build !unix

package parquetrows

import "github.com/apache/arrow/go/v15/arrow/memory"

// newOffHeap is the Go allocator where memory maps are not at hand.
func newOffHeap(int64) memory.Allocator { return memory.NewGoAllocator() }
