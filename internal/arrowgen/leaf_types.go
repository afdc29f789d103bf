package arrowgen

import "github.com/apache/arrow/go/v15/arrow"

// fixedLeaves returns the leaf types with no parameters, by ID.
func fixedLeaves() map[arrow.Type]arrow.DataType {
	return map[arrow.Type]arrow.DataType{
		arrow.NULL: arrow.Null, arrow.BOOL: arrow.FixedWidthTypes.Boolean,
		arrow.INT8: arrow.PrimitiveTypes.Int8, arrow.INT16: arrow.PrimitiveTypes.Int16,
		arrow.INT32: arrow.PrimitiveTypes.Int32, arrow.INT64: arrow.PrimitiveTypes.Int64,
		arrow.UINT8: arrow.PrimitiveTypes.Uint8, arrow.UINT16: arrow.PrimitiveTypes.Uint16,
		arrow.UINT32: arrow.PrimitiveTypes.Uint32, arrow.UINT64: arrow.PrimitiveTypes.Uint64,
		arrow.FLOAT16: arrow.FixedWidthTypes.Float16, arrow.FLOAT32: arrow.PrimitiveTypes.Float32,
		arrow.FLOAT64: arrow.PrimitiveTypes.Float64,
		arrow.STRING:  arrow.BinaryTypes.String, arrow.LARGE_STRING: arrow.BinaryTypes.LargeString,
		arrow.BINARY: arrow.BinaryTypes.Binary, arrow.LARGE_BINARY: arrow.BinaryTypes.LargeBinary,
		arrow.DATE32: arrow.FixedWidthTypes.Date32, arrow.DATE64: arrow.FixedWidthTypes.Date64,
		arrow.INTERVAL_MONTHS: arrow.FixedWidthTypes.MonthInterval, arrow.INTERVAL_DAY_TIME: arrow.FixedWidthTypes.DayTimeInterval,
		arrow.INTERVAL_MONTH_DAY_NANO: arrow.FixedWidthTypes.MonthDayNanoInterval,
	}
}

// timeZones returns the time zones of timestamps.
func timeZones() []string { return []string{"", "UTC", "Europe/Paris", "America/New_York"} }

// dictIndices returns the index types of dictionaries.
func dictIndices() []arrow.DataType {
	return []arrow.DataType{
		arrow.PrimitiveTypes.Int8, arrow.PrimitiveTypes.Int16, arrow.PrimitiveTypes.Int32, arrow.PrimitiveTypes.Int64,
		arrow.PrimitiveTypes.Uint8, arrow.PrimitiveTypes.Uint16, arrow.PrimitiveTypes.Uint32, arrow.PrimitiveTypes.Uint64,
	}
}

// leafType returns a random leaf type of ID id, or nil when TimeUnits
// allow none.
func (g *Gen) leafType(id arrow.Type) arrow.DataType {
	if dt, ok := fixedLeaves()[id]; ok {
		return dt
	}
	switch id {
	case arrow.FIXED_SIZE_BINARY:
		return &arrow.FixedSizeBinaryType{ByteWidth: 1 + g.r.IntN(20)}
	case arrow.DECIMAL128:
		p := int32(1 + g.r.IntN(38))
		return &arrow.Decimal128Type{Precision: p, Scale: g.r.Int32N(p + 1)}
	case arrow.DECIMAL256:
		p := int32(1 + g.r.IntN(76))
		return &arrow.Decimal256Type{Precision: p, Scale: g.r.Int32N(p + 1)}
	case arrow.DICTIONARY:
		val := fixedLeaves()[pick(g, g.opts.DictValues)]
		return &arrow.DictionaryType{IndexType: pick(g, dictIndices()), ValueType: val, Ordered: g.r.IntN(4) == 0}
	}
	return g.timeType(id)
}

// timeType returns a random time, timestamp or duration type of ID id in
// one of TimeUnits, or nil when none fits.
func (g *Gen) timeType(id arrow.Type) arrow.DataType {
	var units []arrow.TimeUnit
	for _, u := range g.opts.TimeUnits {
		if id == arrow.TIME32 && u > arrow.Millisecond || id == arrow.TIME64 && u < arrow.Microsecond {
			continue
		}
		units = append(units, u)
	}
	if len(units) == 0 {
		return nil
	}
	u := pick(g, units)
	switch id {
	case arrow.TIME32:
		return &arrow.Time32Type{Unit: u}
	case arrow.TIME64:
		return &arrow.Time64Type{Unit: u}
	case arrow.TIMESTAMP:
		return &arrow.TimestampType{Unit: u, TimeZone: pick(g, timeZones())}
	case arrow.DURATION:
		return &arrow.DurationType{Unit: u}
	}
	panic("arrowgen: no leaf type " + id.String())
}
