package arrowgen

import (
	"encoding/binary"
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/float16"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// fixed returns the values buffer of n random values of the fixed-width
// type dt.
func (g *Gen) fixed(dt arrow.FixedWidthDataType, n int) *memory.Buffer {
	switch dt.ID() {
	case arrow.BOOL:
		return memory.NewBufferBytes(g.randomBytes(int(bitutil.BytesForBits(int64(n)))))
	case arrow.FIXED_SIZE_BINARY, arrow.INTERVAL_MONTHS, arrow.INTERVAL_DAY_TIME, arrow.INTERVAL_MONTH_DAY_NANO:
		return memory.NewBufferBytes(g.randomBytes(n * dt.BitWidth() / 8))
	case arrow.DECIMAL128, arrow.DECIMAL256:
		return g.decimals(dt.(arrow.DecimalType), n)
	case arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64:
		return g.floats(dt.ID(), n)
	}
	width := dt.BitWidth() / 8
	buf := make([]byte, n*width)
	for i := range n {
		var word [8]byte
		binary.LittleEndian.PutUint64(word[:], uint64(g.integer(dt)))
		copy(buf[i*width:], word[:width])
	}
	return memory.NewBufferBytes(buf)
}

// integer returns a random value of an integer, date, time, timestamp or
// duration type dt, in the type's range for dates and times (negative
// included).
func (g *Gen) integer(dt arrow.DataType) int64 {
	v := g.int64()
	switch dt := dt.(type) {
	case *arrow.Date32Type:
		return v % 100000
	case *arrow.Date64Type:
		if g.r.IntN(2) == 0 {
			return v % 100000 * 86400000
		}
	case *arrow.Time32Type:
		return v % (86400 * int64(arrow.Second.Multiplier()/dt.Unit.Multiplier()))
	case *arrow.Time64Type:
		return v % (86400 * int64(arrow.Second.Multiplier()/dt.Unit.Multiplier()))
	case *arrow.TimestampType:
		// up to about 2^62 nanoseconds whatever the unit: no overflow as
		// INT96 nanoseconds
		return v % (1 << min(62, 33+10*int(dt.Unit)))
	}
	return v
}

// int64 returns a random int64: small, negative, or anything.
func (g *Gen) int64() int64 {
	switch g.r.IntN(4) {
	case 0:
		return int64(g.r.IntN(5))
	case 1:
		return -int64(g.r.IntN(1000))
	}
	return int64(g.r.Uint64())
}

// float returns a random float64: a multiple of 1/8, a normal deviate of
// any scale, negative zero, or (with NaN) NaN.
func (g *Gen) float() float64 {
	switch {
	case g.opts.NaN && g.r.IntN(20) == 0:
		return math.NaN()
	case g.r.IntN(10) == 0:
		return math.Copysign(0, -1)
	case g.r.IntN(3) == 0:
		return g.r.NormFloat64() * math.Pow(10, float64(g.r.IntN(7)))
	}
	return float64(g.int64()%10000) / 8
}

// floats returns n random floats of the floating-point type id.
func (g *Gen) floats(id arrow.Type, n int) *memory.Buffer {
	switch id {
	case arrow.FLOAT16:
		s := make([]float16.Num, n)
		for i := range s {
			s[i] = float16.New(float32(math.Mod(g.float(), 60000))) // finite
		}
		return memory.NewBufferBytes(arrow.Float16Traits.CastToBytes(s))
	case arrow.FLOAT32:
		s := make([]float32, n)
		for i := range s {
			s[i] = float32(g.float())
		}
		return memory.NewBufferBytes(arrow.Float32Traits.CastToBytes(s))
	}
	s := make([]float64, n)
	for i := range s {
		s[i] = g.float()
	}
	return memory.NewBufferBytes(arrow.Float64Traits.CastToBytes(s))
}
