package recipe

import (
	"encoding/binary"
	"hash/crc32"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// hashSplit is the stable split of Géron's "Hands-On Machine Learning":
// t = df[K].apply(lambda id_: zlib.crc32(np.int64(id_)) & 0xffffffff <
// T * 2**32); train, test = df.loc[~t], df.loc[t], both in input order.
// For a column pandas does not read as int64, each id is hashed as
// str(id_).encode("utf-8") (3.0, nan, a uint64 beyond int64).
func (r *Recipe) hashSplit(t table.Table) ([]Part, error) {
	col, err := table.Lookup(t, r.Key, "--key")
	if err != nil {
		return nil, err
	}
	// T * 2**32 is exact in float64; Python compares the int crc with
	// it exactly, as float64(crc) < limit does.
	limit := r.TestSize.Float() * (1 << 32)
	train, test := []int{}, []int{}
	for i := range col.Len() {
		if float64(HashID(col, i)) < limit {
			test = append(test, i)
		} else {
			train = append(train, i)
		}
	}
	return []Part{{"train", train}, {"test", test}}, nil
}

// HashID is the crc32 a hash split gives row i of col:
// zlib.crc32(np.int64(id_)) (its 8 little-endian bytes) for an int64
// column, zlib.crc32(str(id_).encode("utf-8")) for any other.
func HashID(col *rows.Column, i int) uint32 {
	if col.Kind == rows.Int64 {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], uint64(col.Ints[i]))
		return crc32.ChecksumIEEE(b[:])
	}
	return crc32.ChecksumIEEE([]byte(py.Str(col.Value(i))))
}

// hashPython is the hash split's code: the book's test_set_check, with
// the str() bytes for ids that are not int64.
func (r *Recipe) hashPython() string {
	ids := "df[" + py.Repr(r.Key) + "]"
	return "as_int64 = " + ids + ".dtype == np.int64  # else crc32 of str(id_).encode(\"utf-8\")\n" +
		"in_test = " + ids + ".apply(lambda id_: zlib.crc32(np.int64(id_) if as_int64 else str(id_).encode(\"utf-8\")) & 0xffffffff < " + r.TestSize.String() + " * 2**32)\n" +
		"train, test = df.loc[~in_test], df.loc[in_test]"
}
