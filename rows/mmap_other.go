//go:build !unix

package rows

import (
	"io"
	"os"
)

// mapFile reads f into memory where memory mapping is not available.
func mapFile(f *os.File, after func() error) ([]byte, func() error, error) {
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		after()
		return nil, nil, err
	}
	return data, after, nil
}
