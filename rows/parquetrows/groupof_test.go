package parquetrows

import (
	"math/rand/v2"
	"testing"
)

// TestGroupOf checks groupOf, by division or by search, against the row
// group layouts' definition on even, uneven and empty-group layouts.
func TestGroupOf(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	layouts := [][]int{{5}, {5, 5, 5}, {5, 5, 2}, {5, 5, 0}, {5, 0, 5}, {0, 5}, {2, 5}, {5, 6}, {5, 5, 6}, {3, 3, 3, 1}}
	for k := 0; k < 200; k++ {
		n := 1 + r.IntN(6)
		l := make([]int, n)
		for g := range l {
			l[g] = r.IntN(4)
		}
		layouts = append(layouts, l)
	}
	for _, l := range layouts {
		p := &File{rgStart: make([]int, len(l)+1), rgBytes: make([]int64, len(l))}
		for g, rows := range l {
			p.rgStart[g+1] = p.rgStart[g] + rows
		}
		p.rgEven = evenGroups(p.rgStart)
		for g := range l {
			for i := p.rgStart[g]; i < p.rgStart[g+1]; i++ {
				if got := p.groupOf(i); got != g {
					t.Fatalf("layout %v (even %d): row %d in group %d, want %d", l, p.rgEven, i, got, g)
				}
			}
		}
	}
}
