package arrowgen

import (
	"math/big"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/decimal128"
	"github.com/apache/arrow/go/v15/arrow/decimal256"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// decimals returns n random values of the decimal type dt.
func (g *Gen) decimals(dt arrow.DecimalType, n int) *memory.Buffer {
	p := dt.GetPrecision()
	if dt.ID() == arrow.DECIMAL128 {
		s := make([]decimal128.Num, n)
		for i := range s {
			s[i] = decimal128.FromBigInt(g.digits(p))
		}
		return memory.NewBufferBytes(arrow.Decimal128Traits.CastToBytes(s))
	}
	s := make([]decimal256.Num, n)
	for i := range s {
		s[i] = decimal256.FromBigInt(g.digits(p))
	}
	return memory.NewBufferBytes(arrow.Decimal256Traits.CastToBytes(s))
}

// digits returns a random integer of 1 to p decimal digits, either sign.
func (g *Gen) digits(p int32) *big.Int {
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(1+g.r.Int32N(p))), nil)
	v := new(big.Int).SetBytes(g.randomBytes(len(limit.Bytes()) + 8))
	v.Mod(v, limit)
	if g.r.IntN(2) == 0 {
		v.Neg(v)
	}
	return v
}
