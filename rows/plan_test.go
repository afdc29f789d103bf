package rows

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"testing"
)

// TestPlan checks which copy each kind of input and order gets.
func TestPlan(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("id,x\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&b, "%d,%d\n", i, i*7)
	}
	mem, err := IndexBytes("p.csv", b.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	mapped, err := IndexBytes("p.csv", b.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	mapped.drop = true // as a large mapped file is read
	n := mem.Len()
	all := make([]int, n)
	for i := range all {
		all[i] = n - 1 - i
	}
	two := 1
	if runtime.GOMAXPROCS(0) >= 2 {
		two = 2
	}
	type want struct {
		kind     copyKind
		workers  int  // gathered
		counted  bool // spilled on its own: cut by row count
		shared   bool
		together bool
	}
	for _, c := range []struct {
		name   string
		ix     *Index
		orders [][]int
		lim    limits
		want   []want // by output; shared and together from the first
	}{
		{"short in memory", mem, [][]int{all[:100]}, stdLimits(), []want{{kind: gathered, workers: 1}}},
		{"long in memory", mem, [][]int{all}, stdLimits(), []want{{kind: gathered, workers: two}}},
		{"in memory, spill thresholds", mem, [][]int{all}, spillAll(), []want{{kind: gathered, workers: two}}},
		{"mapped", mapped, [][]int{all}, stdLimits(), []want{{kind: windowed}}},
		{"mapped, empty", mapped, [][]int{{}}, stdLimits(), []want{{kind: gathered, workers: 1}}},
		{"spilled", mapped, [][]int{all}, spillAll(), []want{{kind: spilled, counted: true}}},
		{"spilled in groups", mapped, [][]int{all}, spillInGroups(2), []want{{kind: spilled}}},
		{"spilled, repeats", mapped, [][]int{{1, 2, 1}}, spillAll(), []want{{kind: windowed}}},
		{"parts, shared", mapped, [][]int{all[:n/2], all[n/2:]}, spillAll(), []want{{kind: spilled, shared: true}, {kind: spilled}}},
		{"parts, row in two", mapped, [][]int{all[:n/2], all[n/3:]}, spillAll(), []want{{kind: spilled, counted: true, together: true}, {kind: spilled, counted: true}}},
		{"parts, windowed", mapped, [][]int{all[:n/2], all[n/2:]}, stdLimits(), []want{{kind: windowed}, {kind: windowed}}},
	} {
		p := c.ix.plan(c.orders, c.lim)
		if (p.shared != nil) != c.want[0].shared || p.together != c.want[0].together {
			t.Errorf("%s: shared %v, together %v; want %v, %v", c.name, p.shared != nil, p.together, c.want[0].shared, c.want[0].together)
		}
		// Windowed outputs not written at once share their windows.
		if p.shared == nil && !p.together && !p.caller && !p.windows {
			t.Errorf("%s: windowed outputs written in turn, not through one sequence of windows", c.name)
		}
		for k, w := range c.want {
			o := p.outs[k]
			if o.kind != w.kind || o.workers != w.workers || (o.kind == spilled && p.shared == nil && (o.stage.pass != nil) != w.counted) {
				t.Errorf("%s: output %d: kind %d, workers %d, counted %v; want %+v", c.name, k, o.kind, o.workers, o.stage.pass != nil, w)
			}
		}
	}
}

// TestPlanNoRows writes the parts of an input with a header and no rows
// by every plan (lastLen of no rows panicked once).
func TestPlanNoRows(t *testing.T) {
	ix, err := IndexBytes("h.csv", []byte("id,x\n\n\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.drop = true // as a large mapped file is read
	for _, lim := range []limits{stdLimits(), spillAll(), spillInGroups(2)} {
		var a, b bytes.Buffer
		if err := ix.write(context.Background(), []io.Writer{&a, &b}, [][]int{{}, {}}, lim); err != nil {
			t.Fatalf("%+v: %v", lim, err)
		}
		if a.String() != "id,x\n" || b.String() != "id,x\n" {
			t.Errorf("%+v: wrote %q and %q, want the header each", lim, a.String(), b.String())
		}
	}
}

// TestPlanReleasesStaging checks that the row tables of a plan's staging
// passes (a byte per input row) are freed once the plan has run, before
// its windows are written, and by release when it does not run.
func TestPlanReleasesStaging(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("id,x\n")
	for i := 0; i < 20_000; i++ {
		fmt.Fprintf(&b, "%d,%d\n", i, i*7)
	}
	ix, err := IndexBytes("r.csv", b.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.drop = true // as a large mapped file is read
	n := ix.Len()
	all := make([]int, n)
	for i := range all {
		all[i] = n - 1 - i
	}
	passes := func(p plan) []*stagePass {
		var ps []*stagePass
		if p.shared != nil {
			ps = append(ps, p.shared.pass)
		}
		for _, o := range p.outs {
			if o.stage.pass != nil {
				ps = append(ps, o.stage.pass)
			}
		}
		return ps
	}
	for _, c := range []struct {
		name   string
		orders [][]int
	}{
		{"shared", [][]int{all[:n/2], all[n/2:]}},
		{"together", [][]int{all[:n/2], all[n/3:]}},
		{"one", [][]int{all}},
	} {
		for _, run := range []bool{true, false} {
			p := ix.plan(c.orders, spillAll())
			ps := passes(p)
			if len(ps) == 0 {
				t.Fatalf("%s: no staging pass", c.name)
			}
			if run {
				ws := make([]io.Writer, len(c.orders))
				for k := range ws {
					ws[k] = io.Discard
				}
				if err := ix.run(context.Background(), ws, c.orders, p); err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
			} else {
				p.release()
			}
			for k, sp := range ps {
				if sp.ids != nil || sp.freeIDs != nil {
					t.Errorf("%s (run %v): pass %d still holds its row table", c.name, run, k)
				}
			}
		}
	}
}
