package rows

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
)

// concatShards indexes shards of one header with the line ends pd.concat
// must keep apart: LF, CRLF without a final line end, blank lines, a
// quoted newline, a shard of no rows, a last shard without a final line
// end; large ones mapped from files, the others in memory.
func concatShards(t *testing.T, r *rand.Rand) []*Index {
	t.Helper()
	body := func(rows int, eol string, blank bool) []byte {
		var b bytes.Buffer
		b.WriteString("id,text" + eol)
		for i := range rows {
			fmt.Fprintf(&b, "%d,%x%s%s", i, r.Uint64(), bytes.Repeat([]byte{'z'}, r.IntN(20)), eol)
			if blank && i%7 == 0 {
				b.WriteString(eol)
			}
			if i == rows/2 {
				fmt.Fprintf(&b, "%d,\"a\nquoted %s newline\"%s", i, eol, eol)
			}
		}
		return b.Bytes()
	}
	crlf := body(60_000, "\r\n", false)
	last := body(1000, "\n", false)
	shards := [][]byte{
		body(120_000, "\n", false),
		crlf[:len(crlf)-2],
		[]byte("id,text"),
		body(90_000, "\n", true),
		last[:len(last)-1],
	}
	var ixs []*Index
	for k, data := range shards {
		name := fmt.Sprintf("part-%d.csv", k)
		var ix *Index
		var err error
		if k%2 == 0 {
			ix, err = indexTempFile(t, name, data)
		} else {
			ix, err = IndexBytes(name, data, Options{})
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		ixs = append(ixs, ix)
	}
	return ixs
}

// concatRows is the reference: the first shard's header (its line end
// added), then each row's record, with its shard's header line end when it
// has none.
func concatRows(ixs []*Index, order []int) []byte {
	c, _ := newConcat(ixs)
	out := c.head()
	for _, i := range order {
		k := c.shardOf(i)
		ix := ixs[k]
		s, e := ix.Span(i - c.starts[k])
		rec := ix.Data()[s:e]
		out = append(out, rec...)
		if len(lineEnd(rec)) == 0 {
			out = append(out, ix.headerEOL...)
		}
	}
	return out
}

// TestConcatParts writes the parts of shards by one shared pass and
// checks them against the records one by one; below SpillMin it leaves
// them to the caller, having written nothing.
func TestConcatParts(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 13))
	ixs := concatShards(t, r)
	c, err := newConcat(ixs)
	if err != nil {
		t.Fatal(err)
	}
	n := c.Len()
	perm := r.Perm(n)
	for name, orders := range map[string][][]int{
		"train/test":       {perm[n/5:], perm[:n/5]},
		"three, one empty": {perm[:n/2], {}, perm[n/2:]},
		"two, few rows":    {perm[:3], perm[n-2:]},
	} {
		for _, lim := range []limits{spillAll(), stdLimits()} {
			got := make([]bytes.Buffer, len(orders))
			ws := make([]io.Writer, len(orders))
			for k := range ws {
				ws[k] = &got[k]
			}
			done, err := writeConcat(context.Background(), ixs, ws, orders, lim)
			if err != nil {
				t.Fatal(name, err)
			}
			if want := lim.spillMin == 0; done != want {
				t.Fatalf("%s: done %v, want %v", name, done, want)
			}
			for k, order := range orders {
				want := concatRows(ixs, order)
				if !done {
					want = nil
				}
				if !bytes.Equal(got[k].Bytes(), want) {
					t.Errorf("%s (done %v): part %d differs (lengths %d, %d)", name, done, k, got[k].Len(), len(want))
				}
			}
		}
	}
}

// TestConcatPlan checks that several indexes are staged together exactly
// when one input of their size would be, and otherwise left to the caller.
func TestConcatPlan(t *testing.T) {
	ixs := concatShards(t, rand.New(rand.NewPCG(1, 2)))
	c, err := newConcat(ixs)
	if err != nil {
		t.Fatal(err)
	}
	n := c.Len()
	half := [][]int{make([]int, n/2), make([]int, n-n/2)}
	for i := range n {
		half[i%2][i/2] = i
	}
	for _, tc := range []struct {
		name   string
		orders [][]int
		lim    limits
		shared bool
	}{
		{"parts", half, spillAll(), true},
		{"small", half, stdLimits(), false},
		{"one order", [][]int{half[0]}, spillAll(), false},
		{"exact windows", half, spillInGroups(2), false},
		{"row in two", [][]int{half[0], half[0]}, spillAll(), false},
	} {
		p := c.plan(tc.orders, tc.lim)
		if (p.shared != nil) != tc.shared || p.caller == tc.shared {
			t.Errorf("%s: shared %v, caller %v; want shared %v", tc.name, p.shared != nil, p.caller, tc.shared)
		}
	}
}
