package main

import (
	"context"
	"fmt"
	"io"
	"math/bits"
	"slices"

	"github.com/spf13/cobra"
)

func newPermCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "perm --seed S --n N [--compat numpy|generator|python|torch]",
		Short: "Print a permutation of 0..N-1 exactly as numpy, Python or torch draws it",
		Long: `Prints the permutation of 0..N-1, one decimal index per LF-ended line (N=0 prints
nothing), exactly as the Python call of --compat returns it:

  numpy      np.random.RandomState(S).permutation(N)           (default; S in 0..2**32-1)
  generator  np.random.default_rng(S).permutation(N)           (S any integer >= 0)
  python     random.seed(S); x = list(range(N)); random.shuffle(x)   (S any integer)
  torch      torch.randperm(N, generator=torch.Generator().manual_seed(S))
                                                               (S in -2**63..2**64-1)

Without --seed a seed is drawn from the OS and printed on stderr as "seed: S".`,
		Example: `  # np.random.RandomState(42).permutation(10)
  splitter perm --seed 42 --n 10

  # torch.randperm(5, generator=torch.Generator().manual_seed(-1))
  splitter perm --compat torch --seed -1 --n 5`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := parseRecipe(cmd)
			if err != nil {
				return err
			}
			if err := r.DrawSeed(nil); err != nil {
				return err
			}
			seed := func() {
				if r.SeedDrawn { // printed before the permutation, which may be long
					fmt.Fprintf(cmd.ErrOrStderr(), "seed: %s\n", r.Seed)
				}
			}
			if p, ok, err := r.Permutation32(); ok {
				if err != nil {
					return err
				}
				seed()
				return writeIndices(cmd.Context(), cmd.OutOrStdout(), p)
			}
			perm, err := r.Permutation()
			if err != nil {
				return err
			}
			seed()
			return writeIndices(cmd.Context(), cmd.OutOrStdout(), perm)
		},
	}
	cmd.Flags().String("seed", "", "seed `S` (range depends on --compat; drawn from the OS when absent)")
	cmd.Flags().String("n", "", "length `N` of the permutation (>= 0)")
	cmd.Flags().String("compat", "numpy", "emulated call: numpy, generator, python or torch")
	return cmd
}

// writeIndices streams perm as decimal integers, one per LF-ended line.
// Two goroutines format alternate blocks (formatting is most of the
// work: 10 million lines take longer than drawing them) into buffers
// that are reused, and the caller writes the blocks in order.
func writeIndices[T int | int32](ctx context.Context, w io.Writer, perm []T) error {
	const block = 1 << 16 // indices a buffer holds: under 1.4 MB of text
	blocks := (len(perm) + block - 1) / block
	type formatter struct{ full, free chan []byte }
	stop := make(chan struct{})
	defer close(stop)
	var fs [2]formatter
	for f := range fs {
		fs[f] = formatter{full: make(chan []byte, 1), free: make(chan []byte, 2)}
		fs[f].free <- nil
		fs[f].free <- nil
		go func(f formatter, first int) {
			for b := first; b < blocks; b += len(fs) {
				var buf []byte
				select {
				case buf = <-f.free:
				case <-stop:
					return
				}
				if buf == nil {
					buf = make([]byte, 0, block*(lineLen(uint64(len(perm)))))
				}
				buf = buf[:0]
				for _, v := range perm[b*block : min(len(perm), (b+1)*block)] {
					buf = appendLine(buf, uint64(v))
				}
				select {
				case f.full <- buf:
				case <-stop:
					return
				}
			}
		}(fs[f], f)
	}
	for b := 0; b < blocks; b++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		f := fs[b%len(fs)]
		buf := <-f.full
		if _, err := w.Write(buf); err != nil {
			return fmt.Errorf("writing the permutation: %w", err)
		}
		f.free <- buf
	}
	return nil
}

// lineLen is the length of v's line: its decimal digits and a line end.
func lineLen(v uint64) int {
	d := bits.Len64(v|1) * 1233 >> 12 // log10(2) ~ 1233/4096: v has d or d+1 digits
	if d < len(pow10) && v >= pow10[d] {
		d++
	}
	return max(d, 1) + 1
}

var pow10 = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// appendLine appends v's line (strconv.AppendUint(buf, v, 10) and "\n"),
// two digits a step, in place: no copy of the digits from a scratch array.
func appendLine(buf []byte, v uint64) []byte {
	n := len(buf)
	end := n + lineLen(v) - 1
	buf = slices.Grow(buf, end+1-n)[:end+1]
	buf[end] = '\n'
	i := end
	for v >= 100 {
		q := v / 100
		r := v - q*100
		i -= 2
		buf[i], buf[i+1] = digits[2*r], digits[2*r+1]
		v = q
	}
	if v >= 10 {
		buf[i-2], buf[i-1] = digits[2*v], digits[2*v+1]
	} else {
		buf[i-1] = byte('0' + v)
	}
	return buf
}

const digits = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
