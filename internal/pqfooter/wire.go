package pqfooter

import (
	"errors"

	"github.com/splitter-dev/splitter/internal/thrift"
)

// ErrMalformed is wrapped by every error of Canonical and Split: the bytes
// are not a valid FileMetaData, or not a Parquet file.
var ErrMalformed = errors.New("pqfooter: malformed Parquet footer")

// reader reads a footer's compact-protocol values, its errors wrapping
// ErrMalformed, and keeps the footer to copy spans of it.
type reader struct {
	*thrift.Reader
	buf []byte
}

// newReader returns a reader of footer.
func newReader(footer []byte) *reader {
	return &reader{Reader: thrift.NewReader(footer, ErrMalformed), buf: footer}
}
