package audit

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
)

// seedTest is one worker's test of a seed: the indices of the candidates
// (of a list fixed by the caller) that the seed makes. Each worker has
// its own, so it may reuse buffers.
type seedTest func(seed uint32) []int

// seedHit is a candidate index and a seed that makes it.
type seedHit struct {
	Cand int
	Seed uint64
}

// scanSeeds runs a test on every seed of opts' range below 2**32, on
// opts.Workers goroutines taking blocks of block seeds in increasing
// order (so that the seeds tried are a prefix of the range, blocks in
// flight aside). It returns the hits by seed: every one with opts.All,
// else those of the lowest seed that has any. newTest makes one worker's
// test. opts.Progress is called as in Explain. When ctx ends first, the
// hits found so far come with an *InterruptedError.
func scanSeeds(ctx context.Context, opts ExplainOptions, block uint64, newTest func() seedTest) ([]seedHit, error) {
	if opts.First > opts.Last {
		return nil, ErrEmptySeedRange
	}
	last := min(opts.Last, math.MaxUint32)
	if opts.First > last {
		return nil, nil
	}
	s := &scan{opts: opts, block: block, pending: map[uint64]bool{}}
	s.opts.Last = last
	s.nblocks = (last-opts.First)/block + 1
	s.stop = s.nblocks
	var mu sync.Mutex
	var hits []seedHit
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			test := newTest()
			for ctx.Err() == nil {
				b, ok := s.take()
				if !ok {
					return
				}
				lo, hi := s.seeds(b)
				var found []Match // one per seed with a hit: s.finish stops after this block
				for seed := lo; ; seed++ {
					if cands := test(uint32(seed)); len(cands) > 0 {
						mu.Lock()
						for _, c := range cands {
							hits = append(hits, seedHit{c, seed})
						}
						mu.Unlock()
						found = append(found, Match{Seed: seed})
					}
					if seed == hi {
						break
					}
				}
				s.finish(b, found)
			}
		})
	}
	wg.Wait()
	slices.SortFunc(hits, func(a, b seedHit) int {
		if a.Seed != b.Seed {
			return cmpU64(a.Seed, b.Seed)
		}
		return a.Cand - b.Cand
	})
	if !opts.All && len(hits) > 0 {
		low := hits[0].Seed
		hits = slices.DeleteFunc(hits, func(h seedHit) bool { return h.Seed != low })
	}
	if err := ctx.Err(); err != nil {
		next := opts.First
		if s.prefix > 0 {
			_, hi := s.seeds(s.prefix - 1)
			next = hi + 1
		}
		return hits, &InterruptedError{First: opts.First, Next: next, Last: opts.Last, Err: err}
	}
	return hits, nil
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
