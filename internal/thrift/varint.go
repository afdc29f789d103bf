package thrift

// maxVarint is the most bytes a varint takes.
const maxVarint = 10

// Uvarint reads an unsigned LEB128 varint of at most 10 bytes.
func (r *Reader) Uvarint() (uint64, error) {
	var x uint64
	for shift := 0; shift < 7*maxVarint; shift += 7 {
		b, err := r.Byte()
		if err != nil {
			return 0, err
		}
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x, nil
		}
	}
	return 0, r.Errorf("varint longer than %d bytes", maxVarint)
}

// I32 reads a zigzag varint as Thrift reads an i32: the varint truncated
// to 32 bits, then unzigzagged. An i16 is the low 16 bits of the same.
func (r *Reader) I32() (int32, error) {
	u, err := r.Uvarint()
	v := uint32(u)
	return int32(v>>1) ^ -int32(v&1), err
}

// I64 reads a zigzag varint as an i64.
func (r *Reader) I64() (int64, error) {
	u, err := r.Uvarint()
	return int64(u>>1) ^ -int64(u&1), err
}

// size reads a binary or container length and checks that that many
// items of at least minSize bytes each fit in the bytes left.
func (r *Reader) size(minSize int) (int, error) {
	n, err := r.Uvarint()
	if err != nil {
		return 0, err
	}
	if n > uint64(r.Remaining()/minSize) {
		return 0, r.Errorf("size %d does not fit in %d bytes", n, r.Remaining())
	}
	return int(n), nil
}
