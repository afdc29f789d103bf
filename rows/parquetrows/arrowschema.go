package parquetrows

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
)

// errArrowSchema is a stored Arrow schema (the ARROW:schema key) that does
// not decode.
var errArrowSchema = errors.New("stored Arrow schema (ARROW:schema) is damaged")

// checkArrowSchema checks the serialized Arrow schema a Parquet writer
// stores under ARROW:schema before it is decoded. Arrow's IPC decoder
// (what pqarrow's flight.DeserializeSchema and pqreader call) trusts the
// lengths it reads: a damaged
// message or vector length makes it allocate what the process cannot
// (fatal, beyond any recover). So the IPC framing and every vector of the
// Schema flatbuffer are checked to lie within the bytes, and nesting is
// bounded; anything else that is wrong panics or fails inside Arrow on the
// caller's goroutine, where catch handles it.
func checkArrowSchema(serialized string) error {
	// As pqarrow and pqreader decode it: standard base64, else unpadded.
	data, err := base64.StdEncoding.DecodeString(serialized)
	if len(data) == 0 || err != nil {
		data, err = base64.RawStdEncoding.DecodeString(serialized)
	}
	if err != nil {
		return nil // the reader fails with an error of its own
	}
	if len(data) < 4 {
		return nil
	}
	cid := binary.LittleEndian.Uint32(data)
	data = data[4:]
	msgLen := int64(int32(cid))
	switch cid {
	case 0:
		return nil
	case 0xFFFFFFFF:
		if len(data) < 4 {
			return nil
		}
		msgLen = int64(int32(binary.LittleEndian.Uint32(data)))
		data = data[4:]
	}
	if msgLen < 0 || msgLen > int64(len(data)) {
		return errArrowSchema
	}
	fb := flatbuf(data[:msgLen])
	msg, ok := fb.root()
	if !ok {
		return errArrowSchema
	}
	if body, ok := fb.int64Field(msg, 3); !ok || body < 0 || body > int64(len(data))-msgLen {
		return errArrowSchema
	}
	if !fb.keyValues(msg, 4) {
		return errArrowSchema
	}
	schema, ok := fb.table(msg, 2)
	if !ok {
		return errArrowSchema
	}
	if schema < 0 {
		return nil
	}
	if !fb.fields(schema, 1, 0) || !fb.keyValues(schema, 2) || !fb.vector(schema, 3, 8, nil) {
		return errArrowSchema
	}
	return nil
}

// maxNesting bounds how deeply a stored Arrow schema may nest fields.
const maxNesting = 64

// flatbuf reads a flatbuffer with every offset and length checked.
type flatbuf []byte

func (b flatbuf) u32(pos int) (int, bool) {
	if pos < 0 || pos > len(b)-4 {
		return 0, false
	}
	return int(binary.LittleEndian.Uint32(b[pos:])), true
}

func (b flatbuf) root() (int, bool) {
	t, ok := b.u32(0)
	return t, ok && b.validTable(t)
}

// validTable reports whether a table at t has its vtable in bounds.
func (b flatbuf) validTable(t int) bool {
	soff, ok := b.u32(t)
	if !ok {
		return false
	}
	vt := t - int(int32(uint32(soff)))
	if vt < 0 || vt > len(b)-4 {
		return false
	}
	size := int(binary.LittleEndian.Uint16(b[vt:]))
	return size >= 4 && vt+size <= len(b)
}

// slot returns the position of field i of table t, -1 when absent.
func (b flatbuf) slot(t, i int) (int, bool) {
	soff, _ := b.u32(t)
	vt := t - int(int32(uint32(soff)))
	size := int(binary.LittleEndian.Uint16(b[vt:]))
	if 4+2*i+2 > size {
		return -1, true
	}
	voff := int(binary.LittleEndian.Uint16(b[vt+4+2*i:]))
	if voff == 0 {
		return -1, true
	}
	if t+voff > len(b)-4 {
		return 0, false
	}
	return t + voff, true
}

// table returns the table field i of table t points to (-1 when absent).
func (b flatbuf) table(t, i int) (int, bool) {
	p, ok := b.slot(t, i)
	if !ok || p < 0 {
		return p, ok
	}
	off, _ := b.u32(p)
	sub := p + off
	return sub, b.validTable(sub)
}

// The flatbuffer Type union tags with vectors in their tables.
const (
	typeTimestamp = 10
	typeUnion     = 14
)

func (b flatbuf) byteField(t, i int) byte {
	p, ok := b.slot(t, i)
	if !ok || p < 0 {
		return 0
	}
	return b[p]
}

func (b flatbuf) int64Field(t, i int) (int64, bool) {
	p, ok := b.slot(t, i)
	if !ok || p < 0 {
		return 0, ok
	}
	if p > len(b)-8 {
		return 0, false
	}
	return int64(binary.LittleEndian.Uint64(b[p:])), true
}

// vector checks the vector field i of table t: its elem-byte elements lie
// in bounds; each is passed to each (when not nil) by position.
func (b flatbuf) vector(t, i, elem int, each func(pos int) bool) bool {
	p, ok := b.slot(t, i)
	if !ok || p < 0 {
		return ok
	}
	off, _ := b.u32(p)
	v := p + off
	n, ok := b.u32(v)
	if !ok || n > (len(b)-v-4)/elem {
		return false
	}
	for k := 0; each != nil && k < n; k++ {
		if !each(v + 4 + k*elem) {
			return false
		}
	}
	return true
}

// tables checks a vector of tables, each with check.
func (b flatbuf) tables(t, i int, check func(sub int) bool) bool {
	return b.vector(t, i, 4, func(pos int) bool {
		off, _ := b.u32(pos)
		return b.validTable(pos+off) && check(pos+off)
	})
}

// keyValues checks a vector of KeyValue tables (key and value strings).
func (b flatbuf) keyValues(t, i int) bool {
	return b.tables(t, i, func(kv int) bool {
		return b.vector(kv, 0, 1, nil) && b.vector(kv, 1, 1, nil)
	})
}

// fields checks a vector of Field tables: name, type (the Timestamp
// timezone, the Union type ids), dictionary, children, metadata.
func (b flatbuf) fields(t, i, depth int) bool {
	if depth > maxNesting {
		return false
	}
	return b.tables(t, i, func(f int) bool {
		if !b.vector(f, 0, 1, nil) || !b.keyValues(f, 6) || !b.fields(f, 5, depth+1) {
			return false
		}
		typ, ok := b.table(f, 3)
		if !ok {
			return false
		}
		if typ >= 0 {
			switch b.byteField(f, 2) {
			case typeTimestamp: // timezone string
				ok = b.vector(typ, 1, 1, nil)
			case typeUnion: // type ids
				ok = b.vector(typ, 1, 4, nil)
			}
			if !ok {
				return false
			}
		}
		dict, ok := b.table(f, 4)
		if !ok {
			return false
		}
		if dict >= 0 {
			if _, ok := b.table(dict, 1); !ok {
				return false
			}
		}
		return true
	})
}
