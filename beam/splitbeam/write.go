package splitbeam

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrPlaced reports an output position no row or more than one row was
// sent to: a fault of the pipeline, never of the input.
var ErrPlaced = errors.New("splitbeam: output rows misplaced")

// writeFn is the write step: it orders one output file's rows by
// position and writes the file under a temporary name beside its place.
type writeFn struct{}

// segment is a run of rows of a file: its bytes and row count.
type segment struct {
	data  []byte
	count int32
}

// ProcessElement writes output file file from its chunks.
func (f *writeFn) ProcessElement(ctx context.Context, file int, chunks func(*Chunk) bool, emit func(Written)) error {
	var head *Chunk
	var all []Chunk
	var c Chunk
	for chunks(&c) {
		if c.Head {
			h := c
			head = &h
		} else {
			all = append(all, c)
		}
		c = Chunk{}
	}
	if head == nil {
		return fmt.Errorf("%w: output %d has no head", ErrPlaced, file)
	}
	segs, err := place(head.Rows, all)
	if err != nil {
		return fmt.Errorf("%s: %w", head.Path, err)
	}
	temp, sum, err := writeTemp(ctx, head.Path, head.Data, segs)
	if err != nil {
		return err
	}
	emit(Written{File: file, Temp: temp, SHA256: sum})
	return nil
}

// place puts every segment of chunks at its position among rows rows,
// checking that each position is filled exactly once.
func place(rows int64, chunks []Chunk) ([]segment, error) {
	segs := make([]segment, rows)
	for _, c := range chunks {
		start := int64(0)
		for k, pos := range c.Pos {
			n := int64(c.Count[k])
			if pos < 0 || n < 1 || pos+n > rows {
				return nil, fmt.Errorf("%w: rows %d..%d of %d", ErrPlaced, pos, pos+n, rows)
			}
			for p := pos; p < pos+n; p++ {
				if segs[p].count != 0 {
					return nil, fmt.Errorf("%w: row %d twice", ErrPlaced, p)
				}
				segs[p].count = -1 // inside a run
			}
			segs[pos] = segment{data: c.Data[start:c.Ends[k]], count: int32(n)}
			start = c.Ends[k]
		}
	}
	for p := range segs {
		if segs[p].count == 0 {
			return nil, fmt.Errorf("%w: row %d missing", ErrPlaced, p)
		}
	}
	return segs, nil
}

// writeTemp writes header and the segments in order to a new temporary
// file beside path, synced, and returns its name and the hex SHA-256 of
// what it holds.
func writeTemp(ctx context.Context, path string, header []byte, segs []segment) (string, string, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return "", "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", "", err
	}
	h := sha256.New()
	err = writeSegments(ctx, io.MultiWriter(tmp, h), header, segs)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", "", fmt.Errorf("writing %s: %w", path, err)
	}
	return tmp.Name(), hex.EncodeToString(h.Sum(nil)), nil
}

// writeSegments writes header, then each run in order.
func writeSegments(ctx context.Context, w io.Writer, header []byte, segs []segment) error {
	buf := make([]byte, 0, 1<<20)
	buf = append(buf, header...)
	for p := 0; p < len(segs); p += int(segs[p].count) {
		buf = append(buf, segs[p].data...)
		if len(buf) >= 1<<19 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	_, err := w.Write(buf)
	return err
}
