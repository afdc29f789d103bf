package rows

import (
	"errors"
	"math/rand/v2"
	"testing"
	"unsafe"
)

// TestPackOffsets packs monotone starts, in files of up to 16 GiB, in a
// mapping of their own as allocStarts gives (so the second half is
// released), and reads every one back; starts with a block spanning 4 GiB
// or more get smaller blocks.
func TestPackOffsets(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name   string
		n      int
		maxGap int64
		add    int64 // added to every start
		small  bool  // blocks smaller than 1<<offShift rows
	}{
		{"one", 1, 10, 0, false},
		{"block", 1 << offShift, 100, 0, false},
		{"block+1", 1<<offShift + 1, 100, 0, false},
		{"blocks", 5<<offShift + 17, 200, 0, false},
		{"mapped", 1<<20 + 3, 60, 0, false},
		{"past 4 GiB", 3<<offShift + 5, 1 << 16, 1 << 32, false}, // blocks of 2 GiB
		{"block of 8 GiB", 2<<offShift + 3, 1 << 18, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			starts := make([]int64, tc.n)
			s := tc.add
			for i := range starts {
				starts[i] = s
				s += r.Int64N(tc.maxGap) + 1
			}
			// As indexing leaves them: the first half in a mapping with
			// room for all, the second half elsewhere, then the end.
			mem, free, mapped, _ := bigAllocMapped(8 * tc.n)
			defer free()
			in := unsafe.Slice((*int64)(unsafe.Pointer(&mem[0])), tc.n)
			k := tc.n / 2
			copy(in, starts[:k])
			parts := [][]int64{in[:k], append([]int64(nil), starts[k:tc.n-1]...), starts[tc.n-1:]}
			o, _, err := packOffsets(parts, mapped)
			if err != nil {
				t.Fatal(err)
			}
			if got := o.shift < offShift; got != tc.small {
				t.Fatalf("shift = %d: small blocks %v, want %v", o.shift, got, tc.small)
			}
			if o.len() != tc.n {
				t.Fatalf("len = %d, want %d", o.len(), tc.n)
			}
			for i, want := range starts {
				if got := o.at(i); got != want {
					t.Fatalf("at(%d) = %d, want %d", i, got, want)
				}
			}
		})
	}
}

// TestPackOffsetsHugeRecord: a record of 4 GiB or more is refused.
func TestPackOffsetsHugeRecord(t *testing.T) {
	for _, starts := range [][]int64{{0, 1 << 32}, {0, 10, 10 + 1<<32, 10 + 1<<32 + 5}} {
		if _, _, err := packOffsets([][]int64{starts}, false); !errors.Is(err, ErrHugeRecord) {
			t.Errorf("%v: err = %v, want ErrHugeRecord", starts, err)
		}
	}
	if _, _, err := packOffsets([][]int64{{0}, {1<<32 - 1}}, false); err != nil {
		t.Errorf("a record of 4 GiB - 1: %v", err)
	}
}
