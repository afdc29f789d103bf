//go:build unix && !linux

package parquetrows

// mapPopulate is Linux-only; elsewhere pages are faulted in on demand.
const mapPopulate = 0
