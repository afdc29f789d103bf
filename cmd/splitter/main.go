// Command splitter splits and samples datasets exactly as Python does: the
// same seed gives the same rows, in the same order, as numpy,
// scikit-learn, pandas, Hugging Face datasets, PyTorch and Python's random.
//
// See docs/cli.md for every command and the Python call it equals.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ignoreFileSizeSignal()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the process exit status. Errors
// are printed as one line on stderr.
func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	guard := &commitGuard{}
	ctx = context.WithValue(ctx, commitGuardKey{}, guard)
	finished := make(chan struct{})
	defer close(finished)
	go guard.watch(ctx, finished, stderr)
	root := newRootCmd(stdout, stderr)
	root.SetArgs(withDefaultCommand(root, args))
	err := root.ExecuteContext(ctx)
	guard.end()
	if err != nil {
		var ex *exitError
		if errors.As(err, &ex) {
			if ex.msg != "" {
				fmt.Fprintln(stderr, "splitter: "+ex.msg)
			}
			return ex.code
		}
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			fmt.Fprintln(stderr, "splitter: interrupted; nothing written")
			return exitInterrupted
		}
		fmt.Fprintln(stderr, "splitter: "+oneLine(err.Error()))
		return exitFailure
	}
	return 0
}

// Exit statuses, as cmp and diff use them: 0 success (verify: identical;
// explain: a recipe found), exitDiffers when verify found a difference or
// explain no recipe, exitFailure for any error (usage, input, output),
// exitInterrupted after SIGINT or SIGTERM.
const (
	exitDiffers     = 1
	exitFailure     = 2
	exitInterrupted = 130
)

// exitError ends the program with a given status (and an optional message)
// without the generic error formatting; verify and explain use status 1 for
// "no match" as distinct from a failure.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d: %s", e.code, e.msg) }

// oneLine folds a message onto one line: the contract promises a single
// line on stderr per error.
func oneLine(s string) string {
	b := []byte(s)
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	for i, c := range b {
		if c == '\n' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}
