package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"

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
			perm, err := r.Permutation()
			if err != nil {
				return err
			}
			if r.SeedDrawn { // printed before the permutation, which may be long
				fmt.Fprintf(cmd.ErrOrStderr(), "seed: %s\n", r.Seed)
			}
			return writeIndices(cmd.Context(), cmd.OutOrStdout(), perm)
		},
	}
	cmd.Flags().String("seed", "", "seed `S` (range depends on --compat; drawn from the OS when absent)")
	cmd.Flags().String("n", "", "length `N` of the permutation (>= 0)")
	cmd.Flags().String("compat", "numpy", "emulated call: numpy, generator, python or torch")
	return cmd
}

// writeIndices streams perm as decimal integers, one per LF-ended line,
// through a large buffer without building strings.
func writeIndices(ctx context.Context, w io.Writer, perm []int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var num [24]byte
	for i, v := range perm {
		if i&0xffff == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		b := strconv.AppendInt(num[:0], int64(v), 10)
		b = append(b, '\n')
		if _, err := bw.Write(b); err != nil {
			return fmt.Errorf("writing the permutation: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing the permutation: %w", err)
	}
	return nil
}
