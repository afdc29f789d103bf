package splitbeam

import (
	"errors"
	"testing"
)

func TestPlace(t *testing.T) {
	good := []Chunk{
		{Pos: []int64{2, 0}, Count: []int32{1, 2}, Ends: []int64{2, 6}, Data: []byte("c\na\nb\n")},
	}
	segs, err := place(3, good)
	if err != nil {
		t.Fatal(err)
	}
	if string(segs[0].data) != "a\nb\n" || segs[0].count != 2 || string(segs[2].data) != "c\n" {
		t.Errorf("place: %+v", segs)
	}
	for _, c := range []struct {
		name   string
		rows   int64
		chunks []Chunk
	}{
		{"missing", 4, good},
		{"twice", 3, append(good, Chunk{Pos: []int64{1}, Count: []int32{1}, Ends: []int64{2}, Data: []byte("x\n")})},
		{"beyond", 2, good},
	} {
		if _, err := place(c.rows, c.chunks); !errors.Is(err, ErrPlaced) {
			t.Errorf("%s: err %v, want ErrPlaced", c.name, err)
		}
	}
}
