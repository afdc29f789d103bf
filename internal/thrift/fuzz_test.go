package thrift

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzSources checks that any input gives the same result, an error
// wrapping the sentinel or a struct read to the same offset, from bytes
// held and from a stream.
func FuzzSources(f *testing.F) {
	for _, in := range valid {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		held := NewReader(in, errTest)
		streamed := NewStreamReader(bytes.NewReader(in), len(in), errTest)
		e1, e2 := skipStruct(held), skipStruct(streamed)
		if (e1 == nil) != (e2 == nil) || held.Offset() != streamed.Offset() {
			t.Fatalf("held: %v at %d, streamed: %v at %d", e1, held.Offset(), e2, streamed.Offset())
		}
		if e1 != nil && (!errors.Is(e1, errTest) || !errors.Is(e2, errTest)) {
			t.Fatalf("errors %v, %v do not wrap the sentinel", e1, e2)
		}
	})
}
