package rng

import (
	"fmt"
	"math"
)

// DType names the numpy integer dtype of a RandomState.randint call. The
// dtype picks numpy's code path (64-bit, 32-bit, buffered 16-bit, 8-bit or
// bool), so it changes the numbers drawn, not only their type.
type DType int

// The dtypes randint accepts. DTypeInt64 is numpy's default dtype=int (C
// long) on Linux and macOS; on Windows numpy 1.x uses int32.
const (
	DTypeInt64 DType = iota
	DTypeInt32
	DTypeInt16
	DTypeInt8
	DTypeUint64
	DTypeUint32
	DTypeUint16
	DTypeUint8
	DTypeBool
)

// String returns numpy's name of the dtype ("int64", "uint8", "bool").
func (d DType) String() string {
	switch d {
	case DTypeInt64:
		return "int64"
	case DTypeInt32:
		return "int32"
	case DTypeInt16:
		return "int16"
	case DTypeInt8:
		return "int8"
	case DTypeUint64:
		return "uint64"
	case DTypeUint32:
		return "uint32"
	case DTypeUint16:
		return "uint16"
	case DTypeUint8:
		return "uint8"
	case DTypeBool:
		return "bool"
	}
	return fmt.Sprintf("DType(%d)", int(d))
}

// ParseDType returns the DType numpy names s ("int64", "uint8", "bool", ...;
// "int" and "long" are int64 as on Linux).
func ParseDType(s string) (DType, error) {
	switch s {
	case "int", "long", "l":
		return DTypeInt64, nil
	}
	for d := DTypeInt64; d <= DTypeBool; d++ {
		if d.String() == s {
			return d, nil
		}
	}
	return 0, npErr(ErrDType, fmt.Sprintf("Unsupported dtype dtype('%s') for randint", s))
}

// int64Range is the dtype's [min, max] as int64, shared by
// RandomState.randint and Generator.integers (uint64 is capped at
// MaxInt64: RandintUint64 and IntegersUint64 handle the rest of its range).
func (d DType) int64Range() (lo, hi int64, ok bool) {
	switch d {
	case DTypeInt64:
		return math.MinInt64, math.MaxInt64, true
	case DTypeInt32:
		return math.MinInt32, math.MaxInt32, true
	case DTypeInt16:
		return math.MinInt16, math.MaxInt16, true
	case DTypeInt8:
		return math.MinInt8, math.MaxInt8, true
	case DTypeUint64:
		return 0, math.MaxInt64, true
	case DTypeUint32:
		return 0, math.MaxUint32, true
	case DTypeUint16:
		return 0, math.MaxUint16, true
	case DTypeUint8:
		return 0, math.MaxUint8, true
	case DTypeBool:
		return 0, 1, true
	}
	return 0, 0, false
}
