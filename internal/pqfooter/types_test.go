package pqfooter

import "github.com/splitter-dev/splitter/internal/thrift"

// Compact-protocol type codes, as bytes, for the tests' encoder.
const (
	typeTrue   = byte(thrift.TypeTrue)
	typeFalse  = byte(thrift.TypeFalse)
	typeByte   = byte(thrift.TypeByte)
	typeI16    = byte(thrift.TypeI16)
	typeI32    = byte(thrift.TypeI32)
	typeI64    = byte(thrift.TypeI64)
	typeDouble = byte(thrift.TypeDouble)
	typeBinary = byte(thrift.TypeBinary)
	typeList   = byte(thrift.TypeList)
	typeSet    = byte(thrift.TypeSet)
	typeMap    = byte(thrift.TypeMap)
	typeStruct = byte(thrift.TypeStruct)
	typeUUID   = byte(thrift.TypeUUID)
)
