//go:build !unix

package rows

func bigAlloc(size int) ([]byte, func()) { return make([]byte, size), func() {} }

func bigAllocMapped(size int) ([]byte, func(), bool) { return make([]byte, size), func() {}, false }

func releaseAnon(b []byte) {}

func reserveStarts(n int) ([]int64, func(), bool) { return nil, nil, false }

const canDrop = false

func dropPages(b []byte) {}

func anonAlloc(size int) ([]byte, func()) { return make([]byte, size), func() {} }
