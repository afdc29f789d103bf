package rows

// FailPlacing makes o's commit fail when it puts its i-th file (0-based)
// in place, after the files before it were placed.
func FailPlacing(o *Outputs, i int) { o.failAt = i + 1 }
