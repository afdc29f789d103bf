package recipe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/splitter-dev/splitter/table"
)

// MaxShards is the most files one output may be written as: shard
// numbers have five digits (STEM.PART-00000-of-99999.EXT).
const MaxShards = 99999

// ErrShards reports a --shards or --max-rows-per-file that cannot be
// used: not a positive integer, more than MaxShards files, both given,
// or given to perm.
var ErrShards = errors.New("bad sharding")

// parseShards reads --shards K and --max-rows-per-file N.
func (r *Recipe) parseShards(a Args) error {
	for _, s := range []struct {
		flag string
		dst  *int
	}{{"shards", &r.Shards}, {"max-rows-per-file", &r.MaxRowsPerFile}} {
		if !a.Changed(s.flag) {
			continue
		}
		v, err := strconv.Atoi(a.Value(s.flag))
		if err != nil || v < 1 {
			return flagErr("--"+s.flag, a.Value(s.flag), fmt.Errorf("%w: want an integer >= 1", ErrShards))
		}
		*s.dst = v
	}
	return r.checkShards()
}

// checkShards checks the sharding of the outputs.
func (r *Recipe) checkShards() error {
	switch {
	case r.Shards == 0 && r.MaxRowsPerFile == 0:
		return nil
	case r.Shards > 0 && r.MaxRowsPerFile > 0:
		return combo("--shards", "--max-rows-per-file")
	case r.Shards < 0 || r.MaxRowsPerFile < 0:
		return fmt.Errorf("%w: negative", ErrShards)
	case r.Shards > MaxShards:
		return flagErr("--shards", strconv.Itoa(r.Shards), fmt.Errorf("%w: at most %d files", ErrShards, MaxShards))
	case r.Command() == "perm" || r.Command() == "":
		return fmt.Errorf("%w: %s writes no files to shard", ErrShards, r.Call)
	}
	return nil
}

// shardRanges are the row ranges [lo, hi) of the files an output of n
// rows is written as: K ranges, the first n mod K one row longer (empty
// ones when n < K); or ranges of N rows, the last shorter, one empty
// range for n = 0; or the one range [0, n) unsharded.
func (r *Recipe) shardRanges(n int) [][2]int {
	var out [][2]int
	switch {
	case r.Shards > 0:
		lo := 0
		for i := range r.Shards {
			hi := lo + n/r.Shards
			if i < n%r.Shards {
				hi++
			}
			out = append(out, [2]int{lo, hi})
			lo = hi
		}
	case r.MaxRowsPerFile > 0 && n > 0:
		for lo := 0; lo < n; lo += r.MaxRowsPerFile {
			out = append(out, [2]int{lo, min(lo+r.MaxRowsPerFile, n)})
		}
	default:
		out = [][2]int{{0, n}}
	}
	return out
}

// checkShardCount refuses outputs that --max-rows-per-file would write
// as more than MaxShards files.
func (r *Recipe) checkShardCount(res *Result) error {
	if r.MaxRowsPerFile == 0 {
		return nil
	}
	most := res.Rows
	for _, p := range res.Parts {
		most = max(most, len(p.Rows))
	}
	if files := (most + r.MaxRowsPerFile - 1) / r.MaxRowsPerFile; files > MaxShards {
		return flagErr("--max-rows-per-file", strconv.Itoa(r.MaxRowsPerFile), fmt.Errorf("%w: %d files, at most %d", ErrShards, files, MaxShards))
	}
	return nil
}

// shard expands out into the files it is written as (itself when the
// recipe shards nothing): each a whole file, header included, holding
// consecutive rows; their rows concatenated in order are out's.
func (r *Recipe) shard(out Output, writeRange func(ctx context.Context, w io.Writer, lo, hi int) error) []Output {
	if r.Shards == 0 && r.MaxRowsPerFile == 0 {
		return []Output{out}
	}
	ranges := r.shardRanges(out.Len)
	shards := make([]Output, len(ranges))
	for i, rg := range ranges {
		s := Output{Name: out.Name, Len: rg[1] - rg[0], Shard: i, Of: len(ranges)}
		if out.Rows != nil {
			s.Rows = out.Rows[rg[0]:rg[1]:rg[1]]
		} else { // rows lo..hi-1 of the input
			s.Rows = make([]int, s.Len)
			for j := range s.Rows {
				s.Rows[j] = rg[0] + j
			}
		}
		s.Write = func(ctx context.Context, w io.Writer) error { return writeRange(ctx, w, rg[0], rg[1]) }
		shards[i] = s
	}
	return shards
}

// partRange writes rows[lo:hi] of a part of t.
func partRange(t table.Table, rows []int) func(ctx context.Context, w io.Writer, lo, hi int) error {
	return func(ctx context.Context, w io.Writer, lo, hi int) error {
		return t.WriteRowsContext(ctx, w, rows[lo:hi])
	}
}

// columnRange writes rows lo..hi-1 of a fold column file of t.
func columnRange(t table.Table, c FoldColumn) func(ctx context.Context, w io.Writer, lo, hi int) error {
	return func(_ context.Context, w io.Writer, lo, hi int) error {
		return t.WriteRangeWithFolds(w, "fold", c.Folds, lo, hi)
	}
}
