package audit

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"
)

// InterruptedError is a search ended by its context: seeds First..Next-1
// of First..Last were tried with every recipe (none when Next == First).
type InterruptedError struct {
	First, Next, Last uint64
	Err               error
}

func (e *InterruptedError) Error() string {
	if e.Next == e.First {
		return fmt.Sprintf("explain interrupted: no seed of %d..%d searched: %v", e.First, e.Last, e.Err)
	}
	return fmt.Sprintf("explain interrupted: searched seeds %d..%d of %d..%d: %v", e.First, e.Next-1, e.First, e.Last, e.Err)
}

func (e *InterruptedError) Unwrap() error { return e.Err }

// scanBlock is how many seeds a worker takes at a time; stratified
// recipes, which compute every seed in full, take scanBlockSlow.
const (
	scanBlock     = 1 << 14
	scanBlockSlow = 1 << 8
)

// scan runs recipes over a seed range: workers take blocks of seeds in
// increasing order and run every recipe's filter on each, so the seeds
// searched are always a prefix of the range (up to blocks in flight).
type scan struct {
	p        *Partition
	recipes  []Recipe
	searches []*search
	opts     ExplainOptions
	block    uint64
	nblocks  uint64 // blocks in [First, Last]

	mu      sync.Mutex
	next    uint64          // next block to hand out
	stop    uint64          // hand out no block from here (a match was found)
	prefix  uint64          // blocks 0..prefix-1 are done
	pending map[uint64]bool // done blocks past prefix
	matches []Match
}

func newScan(p *Partition, recipes []Recipe, opts ExplainOptions) *scan {
	s := &scan{p: p, recipes: recipes, opts: opts, block: scanBlock, pending: map[uint64]bool{}}
	for _, r := range recipes {
		s.searches = append(s.searches, newSearch(p, r))
		if r.Kind == SklearnStratified || r.Kind == DatasetsStratified {
			s.block = scanBlockSlow
		}
	}
	s.nblocks = (opts.Last-opts.First)/s.block + 1
	s.stop = s.nblocks
	return s
}

// seeds returns block b's seeds.
func (s *scan) seeds(b uint64) (lo, hi uint64) {
	lo = s.opts.First + b*s.block
	hi = lo + s.block - 1
	if hi > s.opts.Last || hi < lo {
		hi = s.opts.Last
	}
	return lo, hi
}

// take hands out the next block; ok is false when none is left.
func (s *scan) take() (b uint64, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.next >= s.stop {
		return 0, false
	}
	s.next++
	return s.next - 1, true
}

// finish records block b done with its matches and reports progress.
func (s *scan) finish(b uint64, found []Match) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.matches = append(s.matches, found...)
	if len(found) > 0 && !s.opts.All {
		s.stop = min(s.stop, b+1)
	}
	s.pending[b] = true
	for s.pending[s.prefix] {
		delete(s.pending, s.prefix)
		s.prefix++
	}
	if s.opts.Progress != nil {
		s.opts.Progress(s.done(), s.total())
	}
}

// done is how many seeds of the prefix of finished blocks there are.
func (s *scan) done() uint64 {
	if s.prefix == 0 {
		return 0
	}
	_, hi := s.seeds(s.prefix - 1)
	return sat(hi - s.opts.First)
}

// total is the number of seeds in the range (saturated at 2**64-1).
func (s *scan) total() uint64 { return sat(s.opts.Last - s.opts.First) }

// sat is x+1 without wrapping.
func sat(x uint64) uint64 {
	if x == math.MaxUint64 {
		return x
	}
	return x + 1
}

func (s *scan) run(ctx context.Context) ([]Match, error) {
	workers := s.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.work(ctx)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		next := s.opts.First
		if s.prefix > 0 {
			_, hi := s.seeds(s.prefix - 1)
			next = hi + 1 // wraps only past the last seed, which ctx did not stop
		}
		return s.matches, &InterruptedError{First: s.opts.First, Next: next, Last: s.opts.Last, Err: err}
	}
	return s.matches, nil
}

// work is one goroutine: blocks until none is left or ctx ends.
func (s *scan) work(ctx context.Context) {
	wks := make([]*worker, len(s.searches))
	memo := new(pyMemo) // the Python recipes draw alike: once per block
	for i, se := range s.searches {
		wks[i] = se.worker()
		wks[i].pym = memo
	}
	for ctx.Err() == nil {
		b, ok := s.take()
		if !ok {
			return
		}
		lo, hi := s.seeds(b)
		var found []Match
		for i, r := range s.recipes {
			rhi := hi
			if !r.Kind.generatorSeeded() && !r.Kind.pySeeded() {
				if lo > math.MaxUint32 {
					continue
				}
				rhi = min(hi, math.MaxUint32)
			}
			for _, seed := range wks[i].run(lo, rhi) {
				if r.Check(s.p, seed) {
					found = append(found, Match{Recipe: r, Seed: seed})
				}
			}
		}
		s.finish(b, found)
	}
}
