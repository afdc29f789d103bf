package thrift

import (
	"bufio"
	"bytes"
	"errors"
	"strings"
	"testing"
)

var errTest = errors.New("test: malformed")

// sources returns a Reader of in held in memory and one streamed, with
// their names.
func sources(in []byte) map[string]*Reader {
	return map[string]*Reader{
		"bytes":  NewReader(in, errTest),
		"stream": NewStreamReader(bufio.NewReaderSize(bytes.NewReader(in), 16), len(in), errTest),
	}
}

// skipStruct reads a struct from r, skipping every field.
func skipStruct(r *Reader) error {
	return r.Fields(0, func(int16, Type) (bool, error) { return false, nil })
}

func TestVarints(t *testing.T) {
	for _, c := range []struct {
		in  []byte
		u   uint64
		i32 int32
		i64 int64
	}{
		{[]byte{0x00}, 0, 0, 0},
		{[]byte{0x01}, 1, -1, -1},
		{[]byte{0x02}, 2, 1, 1},
		{[]byte{0xac, 0x02}, 300, 150, 150},
		{[]byte{0xfe, 0xff, 0xff, 0xff, 0x0f}, 1<<32 - 2, 1<<31 - 1, 1<<31 - 1},
		{[]byte{0x80, 0x80, 0x80, 0x80, 0x10}, 1 << 32, 0, 1 << 31}, // i32 truncates first
		{[]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, 1<<64 - 1, -1 << 31, -1 << 63},
	} {
		for name, r := range sources(c.in) {
			if u, err := r.Uvarint(); u != c.u || err != nil || r.Offset() != len(c.in) {
				t.Errorf("%s: Uvarint(% x) = %d, %v at %d, want %d", name, c.in, u, err, r.Offset(), c.u)
			}
		}
		if v, err := NewReader(c.in, errTest).I32(); v != c.i32 || err != nil {
			t.Errorf("I32(% x) = %d, %v, want %d", c.in, v, err, c.i32)
		}
		if v, err := NewReader(c.in, errTest).I64(); v != c.i64 || err != nil {
			t.Errorf("I64(% x) = %d, %v, want %d", c.in, v, err, c.i64)
		}
	}
	long := bytes.Repeat([]byte{0x80}, 11)
	for name, r := range sources(long) {
		if _, err := r.Uvarint(); !errors.Is(err, errTest) || r.Offset() != 10 {
			t.Errorf("%s: 11-byte varint: %v at %d", name, err, r.Offset())
		}
	}
}

func TestFieldIDs(t *testing.T) {
	in := []byte{
		0x15, 0x00, // 1: i32, delta 1
		0x21,             // 3: true, delta 2
		0x08, 0x28, 0x00, // 20: binary "", long form
		0x12,             // 21: false, delta from the long form
		0x06, 0x03, 0x00, // -2: i64, long form
		0xf3, 0x07, // 13: byte, delta 15
		0x00,
	}
	type field struct {
		id  int16
		typ Type
	}
	want := []field{{1, TypeI32}, {3, TypeTrue}, {20, TypeBinary}, {21, TypeFalse}, {-2, TypeI64}, {13, TypeByte}}
	for name, r := range sources(in) {
		var got []field
		err := r.Fields(0, func(id int16, typ Type) (bool, error) {
			got = append(got, field{id, typ})
			return false, nil
		})
		if err != nil || r.Offset() != len(in) || len(got) != len(want) {
			t.Fatalf("%s: %v at %d, fields %v", name, err, r.Offset(), got)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: field %d is %v, want %v", name, i, got[i], want[i])
			}
		}
	}
}

func TestVisitReads(t *testing.T) {
	in := []byte{0x15, 0x54, 0x16, 0x03, 0x00} // 1: i32 42, 2: i64 -2
	r := NewReader(in, errTest)
	var a int32
	var b int64
	err := r.Fields(0, func(id int16, typ Type) (bool, error) {
		var err error
		switch id {
		case 1:
			a, err = r.I32()
		case 2:
			b, err = r.I64()
		}
		return true, err
	})
	if err != nil || a != 42 || b != -2 || r.Remaining() != 0 {
		t.Errorf("got %d, %d, %v, %d left", a, b, err, r.Remaining())
	}
	wantErr := errors.New("visit")
	r = NewReader(in, errTest)
	if err := r.Fields(0, func(int16, Type) (bool, error) { return false, wantErr }); err != wantErr {
		t.Errorf("visit's error came back as %v", err)
	}
}

func TestErrorSaysWhere(t *testing.T) {
	r := NewReader([]byte{0x18, 0x05, 'a'}, errTest) // binary of 5 bytes, 1 there
	err := skipStruct(r)
	if !errors.Is(err, errTest) || !strings.Contains(err.Error(), "at byte 2") {
		t.Errorf("error %q does not wrap the sentinel and say where", err)
	}
}
