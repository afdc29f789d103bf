//go:build !linux

package rows

import (
	"errors"
	"os"
)

var errNoUnnamed = errors.New("no unnamed files on this system")

func openUnnamed(string) (*os.File, error) { return nil, errNoUnnamed }

func linkUnnamed(*os.File, string) error { return errNoUnnamed }

// lockFolder opens dir; folders are not locked on this system.
func lockFolder(dir string) (*os.File, error) { return os.Open(dir) }

func unlockFolder(*os.File) {}

// tryLockFolder opens dir; folders are not locked on this system.
func tryLockFolder(dir string) (*os.File, error) { return os.Open(dir) }
