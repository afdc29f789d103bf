//go:build !unix

package rows

func bigAlloc(size int) ([]byte, func()) { return make([]byte, size), func() {} }

func bigAllocMapped(size int) ([]byte, func(), bool, error) {
	return make([]byte, size), func() {}, false, nil
}

func releaseAnon(b []byte) {}

// reserveStarts takes memory from the Go heap here (committed at once).
func reserveStarts(n int) ([]int64, func(), error) { return make([]int64, 0, n), func() {}, nil }

const canDrop = false

func dropPages(b []byte) {}

func populate(b []byte) {}

func adviseHuge(b []byte) {}

func anonAlloc(size int) ([]byte, func()) { return make([]byte, size), func() {} }
