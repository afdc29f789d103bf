package thrift

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"testing"
)

// valid holds structs, each of one field of a type (and its stop), that
// skipStruct must read to their end.
var valid = map[string][]byte{
	"true":            {0x11, 0x00},
	"false":           {0x12, 0x00},
	"byte":            {0x13, 0xff, 0x00},
	"i16":             {0x14, 0xfe, 0x03, 0x00},
	"i32":             {0x15, 0x80, 0x01, 0x00},
	"i64":             {0x16, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00},
	"double":          {0x17, 1, 2, 3, 4, 5, 6, 7, 8, 0x00},
	"binary":          {0x18, 0x03, 'a', 'b', 'c', 0x00},
	"empty binary":    {0x18, 0x00, 0x00},
	"uuid":            append(append([]byte{0x1d}, bytes.Repeat([]byte{7}, 16)...), 0x00),
	"list":            {0x19, 0x25, 0x02, 0x04, 0x00},
	"long list":       {0x19, 0xf3, 0x10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0x00},
	"empty list":      {0x19, 0x00, 0x00},
	"bool list":       {0x19, 0x31, 0x01, 0x02, 0x01, 0x00},
	"set":             {0x1a, 0x28, 0x01, 'x', 0x00, 0x00},
	"uuid set":        append(append([]byte{0x1a, 0x1d}, bytes.Repeat([]byte{9}, 16)...), 0x00),
	"map":             {0x1b, 0x02, 0x85, 0x01, 'k', 0x02, 0x00, 0x04, 0x00},
	"empty map":       {0x1b, 0x00, 0x00},
	"bool map":        {0x1b, 0x01, 0x12, 0x01, 0x02, 0x00},
	"struct":          {0x1c, 0x15, 0x02, 0x11, 0x00, 0x00},
	"list of structs": {0x19, 0x2c, 0x15, 0x02, 0x00, 0x00, 0x00},
	"map of lists":    {0x1b, 0x01, 0x95, 0x17, 1, 2, 3, 4, 5, 6, 7, 8, 0x04, 0x00},
	"nested":          {0x1c, 0x1c, 0x19, 0x1c, 0x16, 0x02, 0x00, 0x00, 0x00, 0x00},
	"two fields":      {0x15, 0x02, 0x28, 0x01, 'a', 0x00},
}

func TestSkipEachType(t *testing.T) {
	for name, in := range valid {
		for src, r := range sources(in) {
			if err := skipStruct(r); err != nil || r.Offset() != len(in) {
				t.Errorf("%s (%s): %v at %d of %d", name, src, err, r.Offset(), len(in))
			}
		}
	}
}

// TestTruncated checks that each valid encoding cut at any byte gives an
// error, from both sources.
func TestTruncated(t *testing.T) {
	for name, in := range valid {
		for n := range len(in) {
			for src, r := range sources(in[:n]) {
				if err := skipStruct(r); !errors.Is(err, errTest) {
					t.Errorf("%s (%s) cut to %d of %d bytes: %v", name, src, n, len(in), err)
				}
			}
			// The whole encoding streamed, but a limit short of it.
			r := NewStreamReader(bufio.NewReader(bytes.NewReader(in)), n, errTest)
			if err := skipStruct(r); !errors.Is(err, errTest) || r.Offset() > n {
				t.Errorf("%s limited to %d of %d bytes: %v at %d", name, n, len(in), err, r.Offset())
			}
		}
	}
}

func TestMalformed(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty":             {},
		"field type 14":     {0x1e, 0x00},
		"field type 15":     {0x1f, 0x00},
		"list of type 0":    {0x19, 0x10, 0x00, 0x00},
		"list of type 14":   {0x19, 0x1e, 0x00, 0x00},
		"map key type 0":    {0x1b, 0x01, 0x05, 0x02, 0x00},
		"map value type 15": {0x1b, 0x01, 0x5f, 0x02, 0x00},
		"no stop":           {0x15, 0x02},
	} {
		for src, r := range sources(in) {
			if err := skipStruct(r); !errors.Is(err, errTest) {
				t.Errorf("%s (%s): %v", name, src, err)
			}
		}
	}
}

// TestHugeSizes checks that declared sizes beyond the bytes left fail
// at once, before anything of the value is read.
func TestHugeSizes(t *testing.T) {
	huge := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f} // 2^63-1
	for name, c := range map[string]struct {
		in []byte
		at int // where the header ends
	}{
		"binary":           {append([]byte{0x18}, huge...), 10},
		"binary 2^32":      {[]byte{0x18, 0x80, 0x80, 0x80, 0x80, 0x10, 0x00}, 6},
		"list":             {append([]byte{0x19, 0xf5}, huge...), 11},
		"list just over":   {[]byte{0x19, 0xf5, 0x04, 0x02, 0x02, 0x02}, 3}, // 4 i32s, 3 bytes left
		"short list over":  {[]byte{0x19, 0x45, 0x02, 0x02, 0x02}, 2},
		"doubles":          {append([]byte{0x19, 0x37}, make([]byte, 23)...), 2},
		"uuids":            {append([]byte{0x19, 0x2d}, make([]byte, 31)...), 2},
		"set":              {append([]byte{0x1a, 0xfc}, huge...), 11},
		"map":              {append([]byte{0x1b}, huge...), 10},
		"map just over":    {[]byte{0x1b, 0x02, 0x55, 0x02, 0x02, 0x02}, 3}, // 2 entries of 2 bytes, 3 left
		"map of uuids":     {append([]byte{0x1b, 0x01, 0xdd}, make([]byte, 31)...), 3},
		"list of 2^32+1":   {[]byte{0x19, 0xf1, 0x81, 0x80, 0x80, 0x80, 0x10, 0x01}, 7},
		"binary in a list": {[]byte{0x19, 0x18, 0x7f, 0x00}, 3},
		"list in a map":    {[]byte{0x1b, 0x01, 0x95, 0xf5, 0x7f, 0x00, 0x00}, 5},
	} {
		r := NewReader(c.in, errTest)
		if err := skipStruct(r); !errors.Is(err, errTest) || r.Offset() != c.at {
			t.Errorf("%s: %v at %d, want an error at %d", name, err, r.Offset(), c.at)
		}
	}
	// Streams that never end: the sizes are checked against the limit
	// before the values are read.
	for _, in := range [][]byte{
		append([]byte{0x18}, huge...),
		append([]byte{0x19, 0xf5}, huge...),
		append([]byte{0x1b}, huge...),
		{0x19, 0xf5, 0x81, 0x80, 0x80, 0x08}, // 2^24+1 i32s
	} {
		r := NewStreamReader(bufio.NewReader(io.MultiReader(bytes.NewReader(in), endless{})), 1<<24, errTest)
		if err := skipStruct(r); !errors.Is(err, errTest) || r.Offset() != len(in) {
			t.Errorf("% x, endless stream: %v at %d", in, err, r.Offset())
		}
	}
	// Sizes checked against the stream's limit: a list declaring more
	// elements than the limit leaves fails before reading them.
	in := []byte{0x19, 0xf5, 0x81, 0x80, 0x04} // 65537 i32s
	r := NewStreamReader(bytes.NewReader(in), 1<<16, errTest)
	if err := skipStruct(r); !errors.Is(err, errTest) || r.Offset() != len(in) {
		t.Errorf("list over the limit: %v at %d", err, r.Offset())
	}
}

// endless is a stream that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

func TestDepth(t *testing.T) {
	nested := func(k int) []byte { // k structs in structs
		return append(bytes.Repeat([]byte{0x1c}, k), bytes.Repeat([]byte{0}, k+1)...)
	}
	for _, c := range []struct {
		k  int
		ok bool
	}{{MaxDepth - 1, true}, {MaxDepth, true}, {MaxDepth + 1, false}, {100000, false}} {
		for src, r := range sources(nested(c.k)) {
			if err := skipStruct(r); (err == nil) != c.ok || err != nil && !errors.Is(err, errTest) {
				t.Errorf("%d nested structs (%s): %v", c.k, src, err)
			}
		}
	}
	// Lists of lists: each level one deeper.
	lists := func(k int) []byte { return append(append([]byte{0x19}, bytes.Repeat([]byte{0x19}, k)...), 0x05, 0x00) }
	for _, c := range []struct {
		k  int
		ok bool
	}{{MaxDepth - 1, true}, {MaxDepth, false}, {100000, false}} {
		in := lists(c.k)
		if err := skipStruct(NewReader(in, errTest)); (err == nil) != c.ok {
			t.Errorf("%d nested lists: %v", c.k, err)
		}
	}
	if err := NewReader([]byte{0}, errTest).Fields(MaxDepth+1, nil); !errors.Is(err, errTest) {
		t.Errorf("Fields deeper than MaxDepth: %v", err)
	}
}
