package rows

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// IsGzipPath reports whether path names a gzip file as pandas'
// compression="infer" decides: its name ends in ".gz", in any case.
func IsGzipPath(path string) bool {
	return strings.HasSuffix(strings.ToLower(path), ".gz")
}

// trimGzip drops a ".gz" extension (in any case) from path.
func trimGzip(path string) string {
	if IsGzipPath(path) {
		return path[:len(path)-3]
	}
	return path
}

// ErrTempSpace is a decompressed input that would leave the temporary
// directory's filesystem with less than its reserve free (see
// tempReserve): decompression stops there rather than fill the disk (a
// small .gz can expand to many GiB).
var ErrTempSpace = errors.New("not enough free space in the temporary directory")

// spaceStep is how much is written between checks of the free space,
// from the first spaceStep on: a small input decompresses wherever it is
// put, however full the disk (the context is checked every read of up
// to 256 KiB).
const spaceStep = 64 << 20

// tempReserve is the free space decompression leaves on the temporary
// directory's filesystem of total bytes: 1 GiB or 5% of it, whichever is
// more. A variable for tests.
var tempReserve = func(total uint64) uint64 { return max(1<<30, total/20) }

// openGzip decompresses a gzip file (all members, and NUL padding after
// them, as Python's gzip module reads them) into an unlinked temporary
// file and maps that, so the second pass can read records in any order.
// It stops with ctx.Err() when ctx is done, and with ErrTempSpace before
// the temporary directory runs short of space.
func openGzip(ctx context.Context, path, tempDir string) ([]byte, func() error, *fileStamp, error) {
	in, err := OpenRegular(path)
	if err != nil {
		return nil, nil, nil, err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return nil, nil, nil, err
	}
	tmp, err := os.CreateTemp(tempDir, "splitter-gunzip-*")
	if err != nil {
		return nil, nil, nil, err
	}
	name := tmp.Name()
	// Unlinked at once where the system allows it (the open file stays
	// usable), so an interrupted run leaves nothing behind.
	removed := os.Remove(name) == nil
	cleanup := func() error {
		if removed {
			return nil
		}
		return os.Remove(name)
	}
	fail := func(err error) ([]byte, func() error, *fileStamp, error) {
		tmp.Close()
		cleanup()
		return nil, nil, nil, err
	}
	if err := gunzip(ctx, tmp, in, path, tmpDirOf(tempDir)); err != nil {
		return fail(err)
	}
	// A .gz rewritten while it was read may still decompress.
	if now, err := in.Stat(); err != nil || now.Size() != st.Size() || !now.ModTime().Equal(st.ModTime()) {
		return fail(fmt.Errorf("%s: %w", path, ErrInputChanged))
	}
	data, release, err := mapFile(tmp, cleanup)
	return data, release, stampOf(path, st), err
}

// tmpDirOf is the directory os.CreateTemp(dir, ...) uses.
func tmpDirOf(dir string) string {
	if dir == "" {
		return os.TempDir()
	}
	return dir
}

// gunzip writes the decompressed members of the gzip stream in to w (a
// file in dir). As Python's gzip module, it skips NUL bytes after each
// member: trailing zero padding ends the stream, anything else must be
// another member.
func gunzip(ctx context.Context, w io.Writer, in io.Reader, path, dir string) error {
	br := bufio.NewReaderSize(in, 1<<20)
	var zr *gzip.Reader
	written, nextCheck := int64(0), int64(spaceStep)
	buf := make([]byte, 256<<10)
	for member := 0; ; member++ {
		if member > 0 {
			// Zero padding after a member, then EOF or the next member.
			for {
				c, err := br.ReadByte()
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				if c != 0 {
					br.UnreadByte()
					break
				}
			}
		}
		var err error
		if zr == nil {
			zr, err = gzip.NewReader(br)
		} else {
			err = zr.Reset(br)
		}
		if err == io.EOF && member == 0 {
			return nil // an empty file: no data (pandas: no columns)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		zr.Multistream(false)
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			if written >= nextCheck {
				if err := checkTempSpace(dir, path); err != nil {
					return err
				}
				nextCheck = written + spaceStep
			}
			k, err := zr.Read(buf)
			if k > 0 {
				if _, werr := w.Write(buf[:k]); werr != nil {
					return fmt.Errorf("%s: decompressing to %s: %w", path, dir, werr)
				}
				written += int64(k)
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
	}
}

// checkTempSpace fails with ErrTempSpace when the filesystem of dir has
// less than its reserve (tempReserve) and one more step of output free.
func checkTempSpace(dir, path string) error {
	free, total, ok := diskSpace(dir)
	if !ok {
		return nil
	}
	reserve := tempReserve(total)
	if free >= reserve+spaceStep {
		return nil
	}
	return fmt.Errorf("%s: decompressing stopped: %w: %s has %s free, and splitter keeps %s of its filesystem free (1 GiB or 5%%, whichever is more); point TMPDIR (or the temporary-directory option) at a filesystem with more room",
		path, ErrTempSpace, dir, byteSize(free), byteSize(reserve))
}

// byteSize formats n bytes in binary units.
func byteSize(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}
