package pqwriter

import (
	"reflect"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// pairType is a test extension type stored as a struct.
type pairType struct{ arrow.ExtensionBase }

type pairArray struct{ array.ExtensionArrayBase }

func newPairType() *pairType {
	return &pairType{arrow.ExtensionBase{Storage: arrow.StructOf(
		arrow.Field{Name: "a", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
		arrow.Field{Name: "b", Type: arrow.BinaryTypes.String, Nullable: true})}}
}

func (*pairType) ArrayType() reflect.Type { return reflect.TypeOf(pairArray{}) }
func (*pairType) ExtensionName() string   { return "pqwriter.pair" }
func (*pairType) Serialize() string       { return "" }
func (*pairType) Deserialize(arrow.DataType, string) (arrow.ExtensionType, error) {
	return newPairType(), nil
}
func (p *pairType) ExtensionEquals(o arrow.ExtensionType) bool {
	return o.ExtensionName() == p.ExtensionName()
}

// TestExtension: extension arrays are written as their storage.
func TestExtension(t *testing.T) {
	g := newGen(7, false)
	typ := newPairType()
	st := g.Array(typ.StorageType(), 60)
	ext := array.NewExtensionArrayWithStorage(typ, st)
	r := record(array.NewSlice(ext, 0, 50), array.NewSlice(ext, 7, 57))
	for _, rec := range []arrow.Record{r, r.NewSlice(3, 30)} {
		if !both(t, "write", rec.Schema(), nil, writeRec(rec), writeRec(rec)) ||
			!both(t, "buffered", rec.Schema(), nil, bufferRec(rec), bufferRec(rec)) {
			t.Error("extension not written")
		}
	}
}
