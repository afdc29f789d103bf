package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/splitter-dev/splitter/audit"
)

// sinkKey is the context key of a *memSink: under it, a command that writes
// rows hands its outputs to the sink instead of files (verify re-runs
// commands this way and writes nothing).
type sinkKey struct{}

// memSink is the name commit (manifest.go) looks the sink up by; the sink
// no longer holds the outputs in memory.
type memSink = verifySink

// verifySink receives the outputs of a command re-run by verify, in the
// order the command writes them, and streams each into an
// audit.Comparer on the file it must equal: nothing of an output is kept
// but its rows' 8-byte hashes. The first file that differs stops the run.
type verifySink struct {
	ctx      context.Context
	files    []string // the files to check, one per output
	names    []string // how reports name them
	opts     func(i int) audit.CompareOptions
	outNames []string // the outputs the command writes (for a count error)

	diff *audit.Diff // the first difference found
	sums []string    // each file's content SHA-256, once compared
	err  error       // a file could not be read
}

// errSinkStop ends a re-run at its first difference.
var errSinkStop = errors.New("verify: a difference was found")

func withSink(ctx context.Context, s *memSink) context.Context {
	return context.WithValue(ctx, sinkKey{}, s)
}

// collect compares outs, in order, with the sink's files.
func (s *verifySink) collect(outs []output) error {
	s.outNames = make([]string, len(outs))
	for i, o := range outs {
		s.outNames[i] = o.name
	}
	if len(outs) != len(s.files) {
		return errSinkStop
	}
	for i, o := range outs {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		c, err := audit.NewComparer(s.ctx, s.files[i], s.names[i], s.opts(i))
		if err != nil {
			s.err = err
			return err
		}
		// Only Write is handed over: a writer that closes what it is
		// given (Parquet's) must not close the file being compared.
		if err := o.write(struct{ io.Writer }{c}); err != nil {
			c.Close()
			if s.ctx.Err() == nil {
				// A write error is the command's (the comparer's are
				// the file's, or the interrupt).
				s.err = fmt.Errorf("%s: %w", s.names[i], err)
			}
			return err
		}
		d, sum, err := c.Finish()
		if err != nil {
			if s.ctx.Err() == nil {
				s.err = err
			}
			return err
		}
		s.sums = append(s.sums, sum)
		if !d.Equal() {
			s.diff = &d
			return errSinkStop
		}
	}
	return nil
}
