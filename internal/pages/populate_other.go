//go:build !linux

package pages

func populateWrite(p, n uintptr) {}
