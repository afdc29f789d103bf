package audit

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/splitter-dev/splitter/table"
)

// ErrParquetShards reports a Parquet part given as shards to a byte
// comparison (Parquet files do not concatenate).
var ErrParquetShards = errors.New("a Parquet part given as shards cannot be compared byte for byte")

// PartFiles lists the files of a part: a directory or glob of shards
// (STEM.PART-00000-of-0000K.EXT, ...) in name order (table.Files), or the
// one file path.
func PartFiles(path string) ([]string, error) {
	if !table.IsDataset([]string{path}) {
		return []string{path}, nil
	}
	return table.Files([]string{path})
}

// shardContent is the content of a part written as shards, as one file:
// the first shard whole, each next one without its header line (its
// first line; header is false for JSON Lines, which has none), each
// decompressed as its name says.
type shardContent struct {
	files  []string
	header bool
	k      int
	f      *os.File
	r      io.Reader
	gz     io.Closer
}

// openShards opens the shards of a part as one content.
func openShards(files []string, header bool) (*shardContent, error) {
	s := &shardContent{files: files, header: header, k: -1}
	if err := s.next(); err != nil {
		return nil, err
	}
	return s, nil
}

// next opens the next shard, its header line skipped after the first.
func (s *shardContent) next() error {
	s.Close()
	s.k++
	if s.k >= len(s.files) {
		return io.EOF
	}
	f, r, gz, err := openContent(s.files[s.k])
	if err != nil {
		return err
	}
	s.f, s.r, s.gz = f, r, gz
	if s.k > 0 && s.header {
		return skipLine(s.files[s.k], bufio.NewReader(r), s)
	}
	return nil
}

// skipLine drops the first line of br (to LF, CRLF or a lone CR) and
// reads on from br.
func skipLine(name string, br *bufio.Reader, s *shardContent) error {
	for {
		c, err := br.ReadByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if c == '\n' {
			break
		}
		if c == '\r' {
			if d, err := br.Peek(1); err == nil && d[0] == '\n' {
				br.ReadByte()
			}
			break
		}
	}
	s.r = br
	return nil
}

// Read reads the shards' content in turn.
func (s *shardContent) Read(p []byte) (int, error) {
	for {
		if s.r == nil {
			return 0, io.EOF
		}
		n, err := s.r.Read(p)
		if err == io.EOF {
			if e := s.next(); e != nil && e != io.EOF {
				return n, e
			}
			if s.k >= len(s.files) {
				s.r = nil
			}
			if n > 0 {
				return n, nil
			}
			continue
		}
		return n, err
	}
}

// Close closes the shard open.
func (s *shardContent) Close() error {
	var err error
	if s.gz != nil {
		s.gz.Close()
		s.gz = nil
	}
	if s.f != nil {
		err = s.f.Close()
		s.f = nil
	}
	return err
}
