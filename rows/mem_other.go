//go:build !unix

package rows

func bigAlloc(size int) ([]byte, func()) { return make([]byte, size), func() {} }

const canDrop = false

func dropPages(b []byte) {}

func anonAlloc(size int) ([]byte, func()) { return make([]byte, size), func() {} }
