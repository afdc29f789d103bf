package parquetrows

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// catch turns a panic raised while reading the file called name into an
// error wrapping ErrParquet, stored in *err. Every exported method that
// reads the file defers it. Arrow's Parquet decoders index buffers by
// lengths and offsets taken from the file and panic on many damaged
// files; parquetrows calls them only on its own goroutines (its reader,
// internal/pqreader, starts none, unlike pqarrow's, which decodes the
// fields of a struct on goroutines where no recover can reach), so this
// recover, and recovered on the goroutines that decode row groups in
// parallel (groupCache.decodeAll), see every such panic.
func catch(name string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %w: %s", name, ErrParquet, clean(fmt.Sprint(r)))
	}
}

// recovered is catch without the file's name, for a goroutine whose
// errors the entry point that started it names.
func recovered(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: %s", ErrParquet, clean(fmt.Sprint(r)))
	}
}

// sink is an output's writer keeping its first error. Arrow's Parquet
// writer panics on some failed writes ("failed to write magic number")
// and drops the error, which catch would then report as a damaged input.
type sink struct {
	w   io.Writer
	err error
}

func (s *sink) Write(b []byte) (int, error) {
	n, err := s.w.Write(b)
	if err != nil && s.err == nil {
		s.err = err
	}
	return n, err
}

// blame makes *err the output's first write error when there was one:
// whatever failed after it (a panic catch turned into ErrParquet
// included) failed because the output did. Entry points defer it after
// remember and before catch, so that it runs between them.
func (s *sink) blame(err *error) {
	if *err != nil && s.err != nil {
		*err = s.err
	}
}

// remember keeps *err when it says the file is damaged: decoding a damaged
// file can cost much (Arrow retries a page header it cannot read with
// buffers of up to 16 MiB), so later reads fail at once with the same
// error. Entry points defer it before catch, so it sees catch's result.
func (p *File) remember(err *error) {
	if *err != nil && errors.Is(*err, ErrParquet) {
		p.broken.CompareAndSwap(nil, err)
	}
}

// damagedErr returns the error that showed the file damaged, or nil.
func (p *File) damagedErr() error {
	if e := p.broken.Load(); e != nil {
		return *e
	}
	return nil
}

// damaged returns an error for a damaged file: name, ErrParquet and what
// went wrong.
func damaged(name string, format string, args ...any) error {
	return fmt.Errorf("%s: %w: %s", name, ErrParquet, clean(fmt.Sprintf(format, args...)))
}

// clean makes the text of an Arrow error or panic fit for a message: control
// and other unprintable characters (from names read out of a damaged file)
// become '?', and the text is cut at 200 bytes.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == unicode.ReplacementChar || !unicode.IsPrint(r) {
			return '?'
		}
		return r
	}, s)
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "") + "..."
	}
	return s
}
