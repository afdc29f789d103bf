package rows

import "errors"

// FailPlacing makes o's commit fail when it puts its i-th file (0-based)
// in place, after the files before it were placed.
func FailPlacing(o *Outputs, i int) {
	o.placing = func(j int) error {
		if j == i {
			return errors.New("test failure")
		}
		return nil
	}
}

// BeforePlacing calls f before o's commit puts its i-th file in place.
func BeforePlacing(o *Outputs, f func(i int)) {
	o.placing = func(i int) error { f(i); return nil }
}
