package main

import (
	"crypto/rand"
	"fmt"
	"io"
	"math/big"

	"github.com/spf13/cobra"
)

// seedRange is the set of seeds an emulated Python call accepts; a seed
// drawn from the OS (no --seed) is drawn inside it.
type seedRange int

const (
	// seedUint32 is numpy's RandomState: 0 .. 2**32-1 (scikit-learn, pandas).
	seedUint32 seedRange = iota
	// seedNonNegative is default_rng / SeedSequence: any integer >= 0
	// (drawn as 128 bits, as numpy draws its own entropy).
	seedNonNegative
	// seedAnyInt is Python's random.seed: any integer (drawn as 64 bits).
	seedAnyInt
	// seedTorch is torch.Generator.manual_seed: -2**63 .. 2**64-1 (drawn
	// as 64 bits).
	seedTorch
)

func (r seedRange) bits() int {
	switch r {
	case seedUint32:
		return 32
	case seedNonNegative:
		return 128
	default:
		return 64
	}
}

// seedText returns the --seed value of cmd, or, when the flag is absent, a
// seed drawn from the OS in range r. A drawn seed is announced as
// "seed: N" on stderr when the command succeeds (see announceSeed), so the
// run can be repeated and an error stays one line. drawn reports which
// case applied.
func seedText(cmd *cobra.Command, r seedRange) (s string, drawn bool, err error) {
	if f := cmd.Flags().Lookup("seed"); f != nil && f.Changed {
		return f.Value.String(), false, nil
	}
	s, err = drawSeed(rand.Reader, r)
	if err != nil {
		return "", false, err
	}
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[drawnSeedKey] = s
	return s, true, nil
}

// parsedSeed resolves --seed as seedText does (drawing one in r when
// absent) and parses it with parse; a parse error names --seed and the
// value. Every command reads its seed this way.
func parsedSeed[T any](cmd *cobra.Command, r seedRange, parse func(string) (T, error)) (T, error) {
	var zero T
	s, _, err := seedText(cmd, r)
	if err != nil {
		return zero, err
	}
	v, err := parse(s)
	if err != nil {
		return zero, flagErr("--seed", s, err)
	}
	return v, nil
}

// drawnSeedKey is the command annotation holding a drawn seed.
const drawnSeedKey = "splitter.drawn-seed"

// manifestKey is the command annotation holding the path of the manifest
// the command wrote.
const manifestKey = "splitter.manifest"

// flagBool is the value of a boolean flag of cmd (local or inherited),
// false when cmd has no such flag.
func flagBool(cmd *cobra.Command, name string) bool {
	v, _ := cmd.Flags().GetBool(name)
	return v
}

// announceSeed prints "seed: N" on stderr when cmd drew its seed.
// With --quiet it is printed only when no manifest records it.
func announceSeed(cmd *cobra.Command) {
	if _, ok := cmd.Annotations[manifestKey]; ok && flagBool(cmd, "quiet") {
		return
	}
	if s, ok := cmd.Annotations[drawnSeedKey]; ok {
		fmt.Fprintf(cmd.ErrOrStderr(), "seed: %s\n", s)
	}
}

// drawSeed draws a uniform seed of r.bits() bits from src (crypto/rand).
func drawSeed(src io.Reader, r seedRange) (string, error) {
	max := new(big.Int).Lsh(big.NewInt(1), uint(r.bits()))
	v, err := rand.Int(src, max)
	if err != nil {
		return "", fmt.Errorf("drawing a seed from the OS: %w", err)
	}
	return v.String(), nil
}

// flagErr formats an error about a flag's value: `--seed "x": reason`.
func flagErr(flag, value string, err error) error {
	return fmt.Errorf("%s %q: %w", flag, value, err)
}
