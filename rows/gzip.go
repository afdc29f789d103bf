package rows

import (
	"bufio"
	"compress/gzip"
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

// openGzip decompresses a gzip file (all members, as Python's gzip module
// reads them) into an unlinked temporary file and maps that, so the second
// pass can read records in any order.
func openGzip(path, tempDir string) ([]byte, func() error, error) {
	in, err := OpenRegular(path)
	if err != nil {
		return nil, nil, err
	}
	defer in.Close()
	zr, err := gzip.NewReader(bufio.NewReaderSize(in, 1<<20))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	tmp, err := os.CreateTemp(tempDir, "splitter-gunzip-*")
	if err != nil {
		return nil, nil, err
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
	if _, err := io.Copy(tmp, zr); err != nil {
		tmp.Close()
		cleanup()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := zr.Close(); err != nil {
		tmp.Close()
		cleanup()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return mapFile(tmp, cleanup)
}
