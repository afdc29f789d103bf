package pqwriter

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"github.com/apache/arrow/go/v15/parquet/metadata"
)

// sameFile tells whether two Parquet files are identical but for the
// order of their column chunks' page encoding statistics, which
// parquet/metadata builds by ranging over a map (so that pqarrow itself
// writes such files differently from one run to the next). The bytes
// before the footer must be equal, and the footers equal once those
// statistics are sorted.
func sameFile(a, b []byte) (exact bool, err error) {
	if bytes.Equal(a, b) {
		return true, nil
	}
	fa, err := canonicalFooter(a)
	if err != nil {
		return false, err
	}
	fb, err := canonicalFooter(b)
	if err != nil {
		return false, err
	}
	n := len(a) - footerLen(a) - 8
	switch {
	case len(a) != len(b):
		return false, fmt.Errorf("lengths %d and %d", len(a), len(b))
	case !bytes.Equal(a[:n], b[:n]):
		return false, fmt.Errorf("data differ from byte %d", firstDiff(a, b))
	case !bytes.Equal(fa, fb):
		return false, errors.New("footers differ")
	}
	return false, nil
}

func footerLen(f []byte) int {
	return int(binary.LittleEndian.Uint32(f[len(f)-8:]))
}

// canonicalFooter re-serializes f's footer with sorted encoding stats.
func canonicalFooter(f []byte) ([]byte, error) {
	if len(f) < 12 || len(f) < footerLen(f)+12 {
		return nil, errors.New("no footer")
	}
	md, err := metadata.NewFileMetaData(f[len(f)-8-footerLen(f):len(f)-8], nil)
	if err != nil {
		return nil, err
	}
	for _, rg := range md.RowGroups {
		for _, cc := range rg.Columns {
			st := cc.MetaData.EncodingStats
			sort.Slice(st, func(i, j int) bool {
				if st[i].PageType != st[j].PageType {
					return st[i].PageType < st[j].PageType
				}
				return st[i].Encoding < st[j].Encoding
			})
		}
	}
	return md.Serialize(context.Background())
}
