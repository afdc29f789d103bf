package pqfooter

// fields reads the fields of a struct up to its stop, handing each field's
// id and type to visit, which reads the value and returns true, or returns
// false to have it skipped. A bool field's value is in its header: visit
// reads nothing for it.
func (r *reader) fields(depth int, visit func(id int16, typ byte) (bool, error)) error {
	if depth > maxDepth {
		return r.fail("nested deeper than %d", maxDepth)
	}
	var last int16
	for {
		b, err := r.byte()
		if err != nil {
			return err
		}
		typ, delta := b&0x0f, int16(b>>4)
		if typ == typeStop {
			return nil
		}
		id := last + delta
		if delta == 0 {
			v, err := r.i32()
			if err != nil {
				return err
			}
			id = int16(v)
		}
		last = id
		if typ > typeUUID {
			return r.fail("field %d of unknown type %d", id, typ)
		}
		done, err := visit(id, typ)
		if err != nil {
			return err
		}
		if !done && typ != typeTrue && typ != typeFalse {
			if err := r.skip(typ, depth+1); err != nil {
				return err
			}
		}
	}
}

// skip reads past one value of type typ that is not a field's bool (a bool
// list element, map key or value is one byte).
func (r *reader) skip(typ byte, depth int) error {
	if depth > maxDepth {
		return r.fail("nested deeper than %d", maxDepth)
	}
	switch typ {
	case typeTrue, typeFalse, typeByte:
		return r.advance(1)
	case typeI16, typeI32, typeI64:
		_, err := r.varint()
		return err
	case typeDouble:
		return r.advance(8)
	case typeUUID:
		return r.advance(16)
	case typeBinary:
		n, err := r.size(1)
		if err != nil {
			return err
		}
		return r.advance(uint64(n))
	case typeList, typeSet:
		elem, n, err := r.listHeader()
		if err != nil {
			return err
		}
		return r.skipAll(n, depth, elem)
	case typeMap:
		return r.skipMap(depth)
	case typeStruct:
		return r.fields(depth, func(int16, byte) (bool, error) { return false, nil })
	}
	return r.fail("unknown type %d", typ)
}

// skipAll skips n values of each of the types.
func (r *reader) skipAll(n, depth int, types ...byte) error {
	for range n {
		for _, t := range types {
			if err := r.skip(t, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// skipMap skips a map after its type byte: its size, the key and value
// types unless empty, and its entries.
func (r *reader) skipMap(depth int) error {
	n, err := r.size(2)
	if err != nil || n == 0 {
		return err
	}
	kv, err := r.byte()
	if err != nil {
		return err
	}
	key, val := kv>>4, kv&0x0f
	if !isValueType(key) || !isValueType(val) {
		return r.fail("map of unknown types %d, %d", key, val)
	}
	if n > r.remaining()/(minSize(key)+minSize(val)) {
		return r.fail("map of %d entries does not fit in %d bytes", n, r.remaining())
	}
	return r.skipAll(n, depth, key, val)
}

// listHeader reads the header of a list or set: its element type and
// size, which must fit in the bytes left.
func (r *reader) listHeader() (elem byte, n int, err error) {
	b, err := r.byte()
	if err != nil {
		return 0, 0, err
	}
	elem, n = b&0x0f, int(b>>4)
	if n == 15 {
		if n, err = r.size(1); err != nil {
			return 0, 0, err
		}
	}
	if n > 0 && !isValueType(elem) {
		return 0, 0, r.fail("list of unknown type %d", elem)
	}
	if n > r.remaining()/minSize(elem) {
		return 0, 0, r.fail("list of %d elements does not fit in %d bytes", n, r.remaining())
	}
	return elem, n, nil
}

// isValueType reports whether typ is a type a list element, map key or
// map value can have.
func isValueType(typ byte) bool { return typ >= typeTrue && typ <= typeUUID }

// minSize is the fewest bytes a value of type typ takes.
func minSize(typ byte) int {
	switch typ {
	case typeDouble:
		return 8
	case typeUUID:
		return 16
	}
	return 1
}
