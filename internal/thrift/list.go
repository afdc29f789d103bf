package thrift

// ListHeader reads the header of a list or set: its element type and
// size. An error when the elements cannot fit in the bytes left, or when
// the list is not empty and its element type is unknown.
func (r *Reader) ListHeader() (elem Type, n int, err error) {
	b, err := r.Byte()
	if err != nil {
		return 0, 0, err
	}
	elem, n = Type(b&0x0f), int(b>>4)
	if n == 15 {
		if n, err = r.size(1); err != nil {
			return 0, 0, err
		}
	}
	if n > 0 && !isValue(elem) {
		return 0, 0, r.Errorf("list of unknown type %d", elem)
	}
	if n > r.Remaining()/minSize(elem) {
		return 0, 0, r.Errorf("list of %d elements does not fit in %d bytes", n, r.Remaining())
	}
	return elem, n, nil
}
