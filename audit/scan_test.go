package audit

import (
	"context"
	"errors"
	"testing"
)

// TestExplainStopsAtFirst: on 4 rows (24 orders) many seeds match; the
// default search returns the lowest of those All finds, and only it.
func TestExplainStopsAtFirst(t *testing.T) {
	r := Recipe{Kind: Sklearn, N: 4, Train: 3, Test: 1}
	p, _ := partitionOf(t, r, 100_000, 0)
	opts := ExplainOptions{First: 50_000, Last: 150_000, Kinds: []Kind{Sklearn}, All: true}
	all, err := Explain(context.Background(), p, opts)
	if err != nil || len(all) < 100 {
		t.Fatalf("all: %d matches, %v", len(all), err)
	}
	opts.All = false
	first, err := Explain(context.Background(), p, opts)
	if err != nil || len(first) != 1 || first[0].Seed != all[0].Seed {
		t.Fatalf("first: %v, %v; want seed %d", first, err, all[0].Seed)
	}
	for _, m := range all {
		if !m.Recipe.Check(p, m.Seed) {
			t.Fatalf("seed %d does not check", m.Seed)
		}
	}
}

// TestExplainProgressAndInterrupt: progress counts seeds in order up to
// the total; a search cancelled midway names the prefix it searched,
// whole blocks from First.
func TestExplainProgressAndInterrupt(t *testing.T) {
	r := Recipe{Kind: Sklearn, N: 300, Train: 200, Test: 100}
	p, _ := partitionOf(t, r, 900_000, 0)
	var last, total uint64
	opts := ExplainOptions{First: 10, Last: 200_009, Kinds: []Kind{Sklearn}, Workers: 2}
	opts.Progress = func(d, tot uint64) {
		if d < last || tot != 200_000 {
			t.Errorf("progress %d of %d after %d", d, tot, last)
		}
		last, total = d, tot
	}
	if ms, err := Explain(context.Background(), p, opts); err != nil || len(ms) != 0 || last != total {
		t.Fatalf("got %v, %v; progress ended at %d of %d", ms, err, last, total)
	}
	ctx, cancel := context.WithCancel(context.Background())
	opts.Last = 1 << 21
	opts.Progress = func(d, _ uint64) {
		if d >= 100_000 {
			cancel()
		}
	}
	_, err := Explain(ctx, p, opts)
	var ie *InterruptedError
	if !errors.As(err, &ie) || !errors.Is(err, context.Canceled) || ie.First != 10 || ie.Last != 1<<21 {
		t.Fatalf("got %v", err)
	}
	if ie.Next < 100_010 || ie.Next >= 1<<21 || (ie.Next-10)%scanBlock != 0 {
		t.Fatalf("searched up to %d", ie.Next)
	}
	t.Log(err)
}
