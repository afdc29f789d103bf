package pqwriter

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/splitter-dev/splitter/internal/pqfooter"
)

// sameFile tells whether got (pqwriter's file) is want (pqarrow's) with
// its footer's page encoding stats in pqfooter's canonical order, the one
// change pqwriter makes: parquet/metadata lists them by ranging over a
// map, so pqarrow writes such files differently from one run to the next.
// exact reports whether want already had that order.
func sameFile(want, got []byte) (exact bool, err error) {
	if bytes.Equal(want, got) {
		return true, nil
	}
	if len(want) < 12 || len(want) < footerLen(want)+12 {
		return false, errors.New("no footer")
	}
	start := len(want) - 8 - footerLen(want)
	canon, err := pqfooter.Canonical(want[start : len(want)-8])
	if err != nil {
		return false, err
	}
	fixed := append(append(append([]byte(nil), want[:start]...), canon...), want[len(want)-8:]...)
	if !bytes.Equal(fixed, got) {
		return false, fmt.Errorf("files differ from byte %d (lengths %d and %d)", firstDiff(fixed, got), len(fixed), len(got))
	}
	return false, nil
}

func footerLen(f []byte) int {
	return int(binary.LittleEndian.Uint32(f[len(f)-8:]))
}
