package parquetrows

import (
	"errors"
	"fmt"
)

// WriterVersion names the rules by which splitter writes Parquet rows:
// the encodings and layout a value copied from the input is written
// with. The values written never depend on it (pd.read_parquet reads the
// same frame from every version's file); the bytes do, and `splitter
// verify` compares Parquet outputs byte for byte, so a manifest records
// the version its outputs were written with and verify writes again by
// those rules.
type WriterVersion int

// Writer versions. A version, once released, never changes its bytes: a
// new rule is a new version.
const (
	// WriterV1 is every release before versions were recorded (a
	// manifest without parquet_writer): Arrow's default encodings, every
	// column dictionary-encoded.
	WriterV1 WriterVersion = 1
	// WriterV2 writes a column dictionary-encoded only when the input's
	// dictionary pages hold less than half of its bytes (few distinct
	// values); other columns are written plain, which is smaller and
	// much faster for ids and measurements; data pages hold at most 256
	// KiB (less writer memory).
	WriterV2 WriterVersion = 2
	// LatestWriter is the version new runs write.
	LatestWriter = WriterV2
)

// dataPageV2 is version 2's data page bound.
const dataPageV2 = 256 << 10

// ErrWriterVersion is a writer version this splitter does not know (a
// manifest written by a newer release, or edited).
var ErrWriterVersion = errors.New("unknown Parquet writer version")

// WriterRules are the choices one WriterVersion makes.
type WriterRules struct {
	// DictionaryByInput writes a leaf column dictionary-encoded only when
	// the input's dictionary pages hold less than half of that column's
	// bytes (keepsDictionary); false is Arrow's default, a dictionary for
	// every column.
	DictionaryByInput bool
	// DataPageBytes bounds a data page's encoded bytes; 0 is Arrow's
	// default, 1 MiB.
	DataPageBytes int64
}

// Rules returns the rules of version v (0 means LatestWriter), or an
// error wrapping ErrWriterVersion.
func (v WriterVersion) Rules() (WriterRules, error) {
	switch v {
	case WriterV1:
		return WriterRules{}, nil
	case 0, WriterV2:
		return WriterRules{DictionaryByInput: true, DataPageBytes: dataPageV2}, nil
	}
	return WriterRules{}, fmt.Errorf("%w %d (this splitter writes versions %d to %d)", ErrWriterVersion, int(v), int(WriterV1), int(LatestWriter))
}
