package splitbeam

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/rows"
)

// ErrClobber reports an output that would replace an input shard
// (rows.ErrClobber, re-exported).
var ErrClobber = rows.ErrClobber

// commitFn is the commit step: on one worker, once every file is written,
// it moves them into place and writes the manifest last.
type commitFn struct {
	// Manifest is the manifest's path ("" for none).
	Manifest string
	// Inputs are the input shards, never replaced.
	Inputs []string
}

// ProcessElement runs once (on an impulse) with the Draft and every
// Written as side inputs.
func (f *commitFn) ProcessElement(_ []byte, drafts func(*Draft) bool, written func(*Written) bool) (err error) {
	var d Draft
	if !drafts(&d) {
		// The plan step failed, and its error fails the pipeline; a
		// runner may still run this step on the empty side input, and
		// an error here could be the one it reports instead. Nothing
		// was written without a plan, so there is nothing to commit.
		var w Written
		if written(&w) {
			return errors.New("splitbeam: files written without a plan")
		}
		return nil
	}
	temps := make([]string, len(d.Paths))
	sums := make([]string, len(d.Paths))
	defer func() {
		if err != nil {
			for _, t := range temps {
				if t != "" {
					os.Remove(t)
				}
			}
		}
	}()
	var w Written
	for written(&w) {
		if w.File < 0 || w.File >= len(temps) || temps[w.File] != "" {
			return fmt.Errorf("%w: file %d written twice", ErrPlaced, w.File)
		}
		temps[w.File], sums[w.File] = w.Temp, w.SHA256
	}
	if err := f.check(d.Paths, temps); err != nil {
		return err
	}
	m, err := withSums(d.Manifest, sums)
	if err != nil {
		return err
	}
	for i, t := range temps {
		if err := os.Rename(t, d.Paths[i]); err != nil {
			return err
		}
		temps[i] = ""
	}
	if f.Manifest == "" {
		return nil
	}
	return writeFile(f.Manifest, m)
}

// check refuses a missing file and an output that is an input.
func (f *commitFn) check(paths, temps []string) error {
	for i, p := range paths {
		if temps[i] == "" {
			return fmt.Errorf("%w: %s was not written", ErrPlaced, p)
		}
		for _, in := range append([]string{f.Manifest}, f.Inputs...) {
			if in != "" && samePath(p, in) {
				return fmt.Errorf("output %s: %w %s", p, ErrClobber, in)
			}
		}
	}
	return nil
}

// samePath reports whether a and b name one file.
func samePath(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(sa, sb)
	}
	aa, _ := filepath.Abs(a)
	ab, _ := filepath.Abs(b)
	return aa == ab
}

// withSums fills the outputs' SHA-256 into the draft manifest and encodes
// it as the CLI does (job.MarshalManifest).
func withSums(draft []byte, sums []string) ([]byte, error) {
	var m audit.Manifest
	if err := json.Unmarshal(draft, &m); err != nil {
		return nil, err
	}
	if len(m.Outputs) != len(sums) {
		return nil, fmt.Errorf("%w: %d outputs in the manifest, %d written", ErrPlaced, len(m.Outputs), len(sums))
	}
	for i := range m.Outputs {
		m.Outputs[i].SHA256 = sums[i]
	}
	return job.MarshalManifest(&m)
}

// writeFile writes b to path through a temporary file renamed into place.
func writeFile(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
