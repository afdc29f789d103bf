package thrift

// MaxDepth bounds the nesting of structs, lists, sets and maps.
const MaxDepth = 64

// Fields reads the fields of a struct up to its stop, handing each
// field's id and type to visit, which reads the value and returns true,
// or returns false to have it skipped. A bool field's value is its type:
// visit reads nothing for it. depth is how deep the struct is nested (0
// for the outermost); an error when it exceeds MaxDepth.
func (r *Reader) Fields(depth int, visit func(id int16, typ Type) (bool, error)) error {
	if depth > MaxDepth {
		return r.Errorf("nested deeper than %d", MaxDepth)
	}
	var last int16
	for {
		b, err := r.Byte()
		if err != nil {
			return err
		}
		typ, delta := Type(b&0x0f), int16(b>>4)
		if typ == TypeStop {
			return nil
		}
		id := last + delta
		if delta == 0 {
			v, err := r.I32()
			if err != nil {
				return err
			}
			id = int16(v)
		}
		last = id
		if !isValue(typ) {
			return r.Errorf("field %d of unknown type %d", id, typ)
		}
		done, err := visit(id, typ)
		if err != nil {
			return err
		}
		if !done && typ != TypeTrue && typ != TypeFalse {
			if err := r.Skip(typ, depth+1); err != nil {
				return err
			}
		}
	}
}
