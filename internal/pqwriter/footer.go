package pqwriter

import (
	"fmt"
	"io"

	"github.com/splitter-dev/splitter/internal/pqfooter"
)

// footerSink passes the file's bytes to w until hold is set, then keeps
// them: Close holds what the file writer writes last (the footer, its
// length and the magic) to put the footer's page encoding stats in one
// order before they reach w. Arrow's metadata builder fills them from Go
// maps, so a column chunk with two data page encodings (a dictionary that
// fell back to plain) listed them in either order, run by run, and the
// file's bytes changed with it; `verify` compares Parquet outputs byte
// for byte.
type footerSink struct {
	w    io.Writer
	hold bool
	held []byte
}

func (s *footerSink) Write(p []byte) (int, error) {
	if s.hold {
		s.held = append(s.held, p...)
		return len(p), nil
	}
	return s.w.Write(p)
}

// flush writes the held bytes to w with the footer in canonical order:
// they end with the footer, its length (4 bytes, little-endian) and
// "PAR1".
func (s *footerSink) flush() error {
	h := s.held
	n, err := pqfooter.Size(h)
	if err != nil {
		return fmt.Errorf("pqwriter: the footer written: %w", err)
	}
	start := len(h) - 8 - n
	if start < 0 {
		return fmt.Errorf("pqwriter: a footer of %d bytes in %d bytes written at close", n, len(h))
	}
	canon, err := pqfooter.Canonical(h[start : len(h)-8])
	if err != nil {
		return fmt.Errorf("pqwriter: the footer written: %w", err)
	}
	copy(s.held[start:], canon)
	_, err = s.w.Write(s.held)
	return err
}
