package thrift

// Type is the type code of a value in the compact protocol: the low four
// bits of a field header, or of a list header or a map's key-value byte.
type Type byte

// Type codes of the compact protocol. A bool field's value is its type:
// TypeTrue or TypeFalse. A bool list element, map key or map value is one
// byte.
const (
	TypeStop   Type = 0
	TypeTrue   Type = 1
	TypeFalse  Type = 2
	TypeByte   Type = 3
	TypeI16    Type = 4
	TypeI32    Type = 5
	TypeI64    Type = 6
	TypeDouble Type = 7
	TypeBinary Type = 8
	TypeList   Type = 9
	TypeSet    Type = 10
	TypeMap    Type = 11
	TypeStruct Type = 12
	TypeUUID   Type = 13
)

// isValue reports whether typ is a type a value can have (a field, a list
// element, a map key or value).
func isValue(typ Type) bool { return typ >= TypeTrue && typ <= TypeUUID }

// minSize is the fewest bytes a value of type typ that is not a field's
// bool takes.
func minSize(typ Type) int {
	switch typ {
	case TypeDouble:
		return 8
	case TypeUUID:
		return 16
	}
	return 1
}
