package audit

import (
	"crypto/sha256"
	"encoding/hex"
)

// DatasetSHA256 is the SHA-256 a manifest records as a dataset input's:
// that of the files' hex SHA-256s in order, each followed by "\n" (the
// first column of `sha256sum FILES`). It changes when a file is added,
// removed, reordered or changed.
func DatasetSHA256(sums []string) string {
	h := sha256.New()
	for _, s := range sums {
		h.Write([]byte(s + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}
