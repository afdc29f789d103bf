package rows

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestWindowedMatchesGather writes rows of a file large enough for the
// windowed copy (mapped, read with drop-behind) and compares the output
// with the in-memory gather path on the same bytes: random orders, subsets,
// blank lines after records, CRLF, quoted line ends, tiny rows, a record
// larger than a window and a last row without a line end.
func TestWindowedMatchesGather(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	var b bytes.Buffer
	b.WriteString("id,text,v\n")
	for i := 0; b.Len() < dropMin+3*spillWindow; i++ {
		switch k := r.IntN(100); {
		case k < 60:
			fmt.Fprintf(&b, "%d,%x,%d\n", i, r.Uint64(), r.IntN(9))
		case k < 70:
			fmt.Fprintf(&b, "%d\n", i%10)
		case k < 78:
			fmt.Fprintf(&b, "%d,\"a,\nb \"\"q\"\"\",x\r\n", i)
		case k < 85:
			fmt.Fprintf(&b, "%d,y,z\n\n  \n\t\n", i)
		case k < 92:
			fmt.Fprintf(&b, "%d,%s,w\r\n", i, bytes.Repeat([]byte{'w'}, r.IntN(300)))
		default:
			fmt.Fprintf(&b, "%d,,\n\r\n", i)
		}
		if i == 1000 {
			fmt.Fprintf(&b, "%d,\"%s\",big\n", i, bytes.Repeat([]byte("0123456789\n"), (spillWindow+spillWindow/2)/11))
		}
	}
	b.WriteString("last,row,noeol")
	data := b.Bytes()
	ix, err := indexTempFile(t, "w.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.kindOf([]int{0}) != windowed {
		t.Fatal("the file does not use the windowed copy")
	}
	mem, err := IndexBytes("w.csv", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if mem.kindOf([]int{0}) != gathered || mem.Len() != ix.Len() {
		t.Fatalf("in-memory index: copy %v, %d rows, want %d", mem.kindOf([]int{0}), mem.Len(), ix.Len())
	}
	n := ix.Len()
	perm := r.Perm(n)
	ident := make([]int, n)
	for i := range ident {
		ident[i] = i
	}
	orders := map[string][]int{
		"perm":     perm,
		"head":     perm[:n/5],
		"tail":     perm[n/5:],
		"identity": ident,
		"reversed": func() []int {
			o := make([]int, n)
			for i := range o {
				o[i] = n - 1 - i
			}
			return o
		}(),
		"repeats": append(append([]int{}, perm[:n/5]...), perm[:n/10]...), // sampling with replacement
		"one":     {n - 1},
		"no big": func() []int { // windows of equal row counts (layoutByCount)
			o := make([]int, 0, n)
			for _, i := range perm {
				if i != 1001 {
					o = append(o, i)
				}
			}
			return o
		}(),
		"big":  {1001, 0, 1001},
		"none": {},
	}
	for _, spill := range []bool{false, true} {
		for name, order := range orders {
			lim := stdLimits()
			if spill {
				name += " (spilled)"
				lim = spillAll()
			}
			var got, want bytes.Buffer
			if name == "tail (spilled)" {
				lim = spillInGroups(2) // several passes over the input
			}
			wins, _, _ := ix.layoutWindows(order, ix.lastLen())
			if spill && (name == "perm (spilled)" || name == "tail (spilled)") {
				direct := 0
				for _, w := range wins {
					if w.direct {
						direct++
					}
				}
				if len(wins)-direct < 3 || direct != 1 {
					t.Fatalf("%s: %d windows (%d direct), want 3 or more and one direct", name, len(wins), direct)
				}
			}
			if _, ok := ix.one().layoutByCount([][]int{order}, spillGroup); spill && name == "no big (spilled)" && !ok {
				t.Fatalf("%s: not cut by row counts", name)
			}
			if err := ix.write(context.Background(), []io.Writer{&got}, [][]int{order}, lim); err != nil {
				t.Fatal(name, err)
			}
			if err := mem.WriteRows(&want, order); err != nil {
				t.Fatal(name, err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				g, w := got.Bytes(), want.Bytes()
				i := 0
				for i < min(len(g), len(w)) && g[i] == w[i] {
					i++
				}
				t.Errorf("%s: outputs differ at byte %d (lengths %d, %d)", name, i, len(g), len(w))
			}
		}
	}
}

// TestWindowedParts writes several outputs of the windowed copy through
// one sequence of windows (a window holds the end of one output and the
// start of the next, blank lines after records closed up in each) and
// compares each with WriteRows of its order on the in-memory index.
func TestWindowedParts(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 11))
	var b bytes.Buffer
	b.WriteString("id,text\r\n")
	for i := 0; b.Len() < dropMin+3*spillWindow; i++ {
		fmt.Fprintf(&b, "%d,%x\r\n", i, r.Uint64())
		if r.IntN(7) == 0 {
			b.WriteString("\n \n")
		}
	}
	b.WriteString("last,noeol")
	data := b.Bytes()
	ix, err := indexTempFile(t, "wp.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	mem, err := IndexBytes("wp.csv", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := ix.Len()
	perm := r.Perm(n)
	for name, orders := range map[string][][]int{
		"train/test":  {perm[n/5:], perm[:n/5]},
		"small first": {perm[:7], perm[7 : n/2], {}, perm[n/2:]},
		"repeats":     {perm[:n/3], append(append([]int{}, perm[:n/4]...), perm[:n/4]...)},
	} {
		p := ix.plan(orders, stdLimits())
		if !p.windows || p.outs[0].kind != windowed {
			t.Fatalf("%s: plan %+v, want windowed outputs sharing windows", name, p)
		}
		got := make([]bytes.Buffer, len(orders))
		ws := make([]io.Writer, len(orders))
		for k := range ws {
			ws[k] = &got[k]
		}
		if err := ix.WritePartsContext(context.Background(), ws, orders); err != nil {
			t.Fatal(name, err)
		}
		for k, order := range orders {
			var want bytes.Buffer
			if err := mem.WriteRows(&want, order); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got[k].Bytes(), want.Bytes()) {
				t.Errorf("%s: part %d differs (lengths %d, %d)", name, k, got[k].Len(), want.Len())
			}
		}
	}
}

// TestWritePartsMatchesWriteRows writes the parts of a split at once
// (WritePartsContext) on a file large enough for the spilled copy: parts
// staged by one shared pass, parts that fall back to their own copies (a
// record larger than a window, a row in two parts, an empty part), and the
// same parts in turn below SpillMin; each output must equal WriteRows of
// its order on the in-memory index.
func TestWritePartsMatchesWriteRows(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	var b bytes.Buffer
	b.WriteString("id,text\n")
	for i := 0; b.Len() < dropMin+3*spillWindow; i++ {
		fmt.Fprintf(&b, "%d,%x%s\n", i, r.Uint64(), bytes.Repeat([]byte{'z'}, r.IntN(60)))
		if i == 500 {
			fmt.Fprintf(&b, "%d,\"%s\"\n", i, bytes.Repeat([]byte("big\n"), spillWindow/3))
		}
	}
	data := b.Bytes()
	ix, err := indexTempFile(t, "parts.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	mem, err := IndexBytes("parts.csv", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := ix.Len()
	perm := r.Perm(n)
	var noBig []int
	for _, i := range perm {
		if i != 501 { // the big record's row (the header is not a row)
			noBig = append(noBig, i)
		}
	}
	cases := map[string]struct {
		orders [][]int
		shared bool
	}{
		"train/test":       {[][]int{noBig[n/5:], noBig[:n/5]}, true},
		"three, one empty": {[][]int{noBig[:n/2], {}, noBig[n/2:]}, true},
		"big record":       {[][]int{perm[n/5:], perm[:n/5]}, false},
		"row in two":       {[][]int{noBig[:n/2], noBig[n/3:]}, false},
	}
	for name, c := range cases {
		for _, spill := range []bool{true, false} {
			lim := stdLimits()
			if spill {
				lim = spillAll()
			}
			if _, ok := ix.one().layoutByCount(c.orders, spillGroup); ok != c.shared {
				t.Fatalf("%s: shared pass %v, want %v", name, ok, c.shared)
			}
			got := make([]bytes.Buffer, len(c.orders))
			ws := make([]io.Writer, len(c.orders))
			for k := range ws {
				ws[k] = &got[k]
			}
			if err := ix.write(context.Background(), ws, c.orders, lim); err != nil {
				t.Fatal(name, err)
			}
			for k, order := range c.orders {
				var want bytes.Buffer
				if err := mem.WriteRows(&want, order); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got[k].Bytes(), want.Bytes()) {
					t.Errorf("%s (spill %v): part %d differs (lengths %d, %d)", name, spill, k, got[k].Len(), want.Len())
				}
			}
		}
	}
}

// indexTempFile writes data to a file named name in a temporary folder and
// indexes it with IndexFile (a large one is then read with drop-behind).
func indexTempFile(t *testing.T, name string, data []byte) (*Index, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o666); err != nil {
		t.Fatal(err)
	}
	return IndexFile(p, Options{})
}
