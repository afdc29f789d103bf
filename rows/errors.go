package rows

import (
	"errors"
	"fmt"
)

// Sentinel errors wrapped by ParseError (compare with errors.Is).
var (
	// ErrQuote is an opening quote without its closing quote before the end
	// of the file (pandas: "EOF inside string starting at row N").
	ErrQuote = errors.New("unterminated quoted field")
	// ErrFieldCount is a row with more fields than pandas accepts there
	// (pandas: "Expected N fields in line L, saw M").
	ErrFieldCount = errors.New("too many fields")
	// ErrEmpty is a file without a header line (pandas EmptyDataError:
	// "No columns to parse from file").
	ErrEmpty = errors.New("no columns to parse from file")
	// ErrNoColumn is a column name that the header does not have (pandas
	// KeyError on df[name]).
	ErrNoColumn = errors.New("no such column")
	// ErrCRSpace is a line starting with a space or tab right after a lone
	// CR line end (not at the start of pandas' tokenizer call): pandas 1.5
	// backtracks to the previous LF there and raises "Buffer overflow
	// caught" or returns garbled rows, so splitter refuses the file.
	ErrCRSpace = errors.New("line starts with a space or tab after a lone CR line end, which pandas 1.5 misreads")
	// ErrEncoding is a byte sequence that is not UTF-8 (pandas decodes the
	// whole file and raises UnicodeDecodeError).
	ErrEncoding = errors.New("invalid UTF-8")
	// ErrSep is an unusable delimiter in Options.
	ErrSep = errors.New("bad delimiter")
	// ErrHugeRecord is a record of 4 GiB or more, which the index does not
	// hold (its offsets keep row sizes in 32 bits).
	ErrHugeRecord = errors.New("a record of 4 GiB or more")
)

// ParseError is an input error with its position, in the manner of
// encoding/csv's ParseError. Line is the 1-based physical line where the bad
// record (or the unterminated quote) starts; Column is the 1-based byte
// column within that line, or 0 when no column applies.
type ParseError struct {
	File   string // input file name
	Line   int    // 1-based physical line, 0 when not applicable
	Column int    // 1-based byte column, 0 when not applicable
	Err    error  // the underlying error, one of the sentinels above
}

// Error returns "FILE: line N, column C: msg" (parts that do not apply are
// left out).
func (e *ParseError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s: line %d, column %d: %v", e.File, e.Line, e.Column, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s: line %d: %v", e.File, e.Line, e.Err)
	default:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }
