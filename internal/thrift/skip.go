package thrift

// Skip reads past one value of type typ that is not a field's bool (a
// bool list element, map key or map value is one byte). depth is how deep
// the value is nested; an error when it exceeds MaxDepth.
func (r *Reader) Skip(typ Type, depth int) error {
	if depth > MaxDepth {
		return r.Errorf("nested deeper than %d", MaxDepth)
	}
	switch typ {
	case TypeTrue, TypeFalse, TypeByte:
		return r.advance(1)
	case TypeI16, TypeI32, TypeI64:
		_, err := r.Uvarint()
		return err
	case TypeDouble:
		return r.advance(8)
	case TypeUUID:
		return r.advance(16)
	case TypeBinary:
		n, err := r.size(1)
		if err != nil {
			return err
		}
		return r.advance(uint64(n))
	case TypeList, TypeSet:
		elem, n, err := r.ListHeader()
		if err != nil {
			return err
		}
		return r.skipAll(n, depth, elem)
	case TypeMap:
		return r.skipMap(depth)
	case TypeStruct:
		return r.Fields(depth, func(int16, Type) (bool, error) { return false, nil })
	}
	return r.Errorf("unknown type %d", typ)
}

// skipAll skips n values of each of the types, nested one deeper than
// depth.
func (r *Reader) skipAll(n, depth int, types ...Type) error {
	for range n {
		for _, t := range types {
			if err := r.Skip(t, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// skipMap skips a map after its field header: its size, the key and
// value types unless empty, and its entries.
func (r *Reader) skipMap(depth int) error {
	n, err := r.size(2)
	if err != nil || n == 0 {
		return err
	}
	kv, err := r.Byte()
	if err != nil {
		return err
	}
	key, val := Type(kv>>4), Type(kv&0x0f)
	if !isValue(key) || !isValue(val) {
		return r.Errorf("map of unknown types %d, %d", key, val)
	}
	if n > r.Remaining()/(minSize(key)+minSize(val)) {
		return r.Errorf("map of %d entries does not fit in %d bytes", n, r.Remaining())
	}
	return r.skipAll(n, depth, key, val)
}
