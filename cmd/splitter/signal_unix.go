//go:build unix

package main

import (
	"os/signal"
	"syscall"
)

// ignoreFileSizeSignal makes a write past a file size limit (ulimit -f)
// fail with EFBIG, so the run ends with a clean error instead of the
// kernel's SIGXFSZ killing it with its staged outputs.
func ignoreFileSizeSignal() { signal.Ignore(syscall.SIGXFSZ) }
