package rows

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// IsGzipPath reports whether path names a gzip file as pandas'
// compression="infer" decides: its name ends in ".gz", in any case (and
// not ".tar.gz", a tar archive).
func IsGzipPath(path string) bool { return Compression(path) == "gzip" }

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

// openCompressed decompresses the file at path with c (as pandas'
// compression="infer" reads it) into an unlinked temporary file and maps
// that, so the second pass can read records in any order; the temporary
// file is returned too (open until release). It stops with
// ctx.Err() when ctx is done, and with ErrTempSpace before the temporary
// directory runs short of space.
func openCompressed(ctx context.Context, path, tempDir string, c *codec) ([]byte, func() error, *fileStamp, io.ReaderAt, error) {
	if err := c.supported(path); err != nil {
		return nil, nil, nil, nil, err
	}
	in, err := OpenRegular(path)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return nil, nil, nil, nil, err
	}
	data, release, tmp, err := decompressToTemp(ctx, in, st.Size(), path, tempDir, c)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	// A file rewritten while it was read may still decompress.
	if now, err := in.Stat(); err != nil || now.Size() != st.Size() || !now.ModTime().Equal(st.ModTime()) {
		release()
		return nil, nil, nil, nil, fmt.Errorf("%s: %w", path, ErrInputChanged)
	}
	return data, release, stampOf(path, st), tmp, nil
}

// decompressToTemp decompresses src (size bytes of the file named path)
// with c into an unlinked temporary file in tempDir, and maps it; it
// returns the temporary file too (open until release).
func decompressToTemp(ctx context.Context, src io.ReaderAt, size int64, path, tempDir string, c *codec) ([]byte, func() error, io.ReaderAt, error) {
	tmp, cleanup, err := createUnlinked(tempDir, "splitter-decompressed-*")
	if err != nil {
		return nil, nil, nil, err
	}
	r, err := c.reader(src, size)
	if err == nil {
		_, err = copyBounded(ctx, tmp, r, path, "reading "+c.name+" data", tmpDirOf(tempDir))
		if cerr := r.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("%s: reading %s data: %w", path, c.name, cerr)
		}
	} else {
		err = fmt.Errorf("%s: reading %s data: %w", path, c.name, err)
	}
	if err != nil {
		tmp.Close()
		cleanup()
		return nil, nil, nil, err
	}
	data, release, err := mapFile(tmp, cleanup)
	if err != nil {
		return nil, nil, nil, err
	}
	return data, release, tmp, nil
}

// createUnlinked creates a temporary file in dir and unlinks it at once
// where the system allows it (the open file stays usable), so an
// interrupted run leaves nothing behind. cleanup removes it otherwise.
func createUnlinked(dir, pattern string) (*os.File, func() error, error) {
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, nil, err
	}
	name := tmp.Name()
	removed := os.Remove(name) == nil
	cleanup := func() error {
		if removed {
			return nil
		}
		return os.Remove(name)
	}
	return tmp, cleanup, nil
}

// tmpDirOf is the directory os.CreateTemp(dir, ...) uses.
func tmpDirOf(dir string) string {
	if dir == "" {
		return os.TempDir()
	}
	return dir
}

// copyBounded copies r (the content of the input path) to w, a file in
// dir, checking ctx every read and the free space of dir every spaceStep,
// and returns the bytes copied. A read error says it happened while
// reading (what was read: "reading gzip data").
func copyBounded(ctx context.Context, w io.Writer, r io.Reader, path, reading, dir string) (int64, error) {
	written, nextCheck := int64(0), int64(spaceStep)
	buf := make([]byte, 256<<10)
	for {
		if err := ctx.Err(); err != nil {
			return written, err
		}
		if written >= nextCheck {
			if err := checkTempSpace(dir, path); err != nil {
				return written, err
			}
			nextCheck = written + spaceStep
		}
		k, err := r.Read(buf)
		if k > 0 {
			if _, werr := w.Write(buf[:k]); werr != nil {
				return written, fmt.Errorf("%s: copying to %s: %w", path, dir, werr)
			}
			written += int64(k)
		}
		if err == io.EOF {
			return written, nil
		}
		if err != nil {
			return written, fmt.Errorf("%s: %s: %w", path, reading, err)
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
	return fmt.Errorf("%s: copying to a temporary file stopped: %w: %s has %s free, and splitter keeps %s of its filesystem free (1 GiB or 5%%, whichever is more); point TMPDIR (or the temporary-directory option) at a filesystem with more room",
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
