//go:build !unix

package rows

import "io/fs"

// fileKey reports no device and inode: outputs are compared by path only.
func fileKey(fs.FileInfo) (dev, ino uint64, ok bool) { return 0, 0, false }

// alive cannot tell here, so no temporary file is ever taken for stale.
func alive(int) bool { return true }
