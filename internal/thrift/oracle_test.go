package thrift

import (
	"bytes"
	"context"
	"encoding/binary"
	"math/rand/v2"
	"testing"

	apache "github.com/apache/thrift/lib/go/thrift"
)

// TestIntegersAsApacheThrift holds I32 and I64 to Apache Thrift's compact
// protocol, which Arrow's Parquet reader decodes page headers and footers
// with: random varints of 1 to 10 bytes, those with bits 31-33 set above
// all (where cutting before or after the zigzag differs).
func TestIntegersAsApacheThrift(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 20000 {
		u := r.Uint64() >> r.IntN(64)
		if i%3 == 0 {
			u = uint64(r.Uint32()) | uint64(r.IntN(8))<<31
		}
		b := binary.AppendUvarint(nil, u)
		for _, width := range []int{32, 64} {
			var got, want int64
			var gotErr, wantErr error
			p := apache.NewTCompactProtocolConf(&apache.TMemoryBuffer{Buffer: bytes.NewBuffer(b)}, nil)
			rd := NewReader(b, errTest)
			if width == 32 {
				var g, w int32
				g, gotErr = rd.I32()
				w, wantErr = p.ReadI32(context.Background())
				got, want = int64(g), int64(w)
			} else {
				got, gotErr = rd.I64()
				want, wantErr = p.ReadI64(context.Background())
			}
			if (gotErr == nil) != (wantErr == nil) || got != want {
				t.Fatalf("varint %x as i%d: got %d (%v), Apache Thrift %d (%v)", b, width, got, gotErr, want, wantErr)
			}
		}
	}
}
