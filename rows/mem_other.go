//go:build !unix

package rows

func bigAlloc(size int) ([]byte, func()) { return make([]byte, size), func() {} }

func bigAllocMapped(size int) ([]byte, func(), bool, error) {
	return make([]byte, size), func() {}, false, nil
}

// reserveStarts takes memory from the Go heap here (committed at once).
func reserveStarts(n int) ([]int64, func(), error) { return make([]int64, 0, n), func() {}, nil }

func anonAlloc(size int) ([]byte, func()) { return make([]byte, size), func() {} }
