package table

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFnmatch: any pattern translates to a regexp that compiles; a
// pattern without wildcards matches exactly itself; "*" matches anything.
func FuzzFnmatch(f *testing.F) {
	for _, s := range []string{"*.csv", "[!a]?", "[", "[]]", "[!]", "a[b-a]c", "\\[x]", "ü[ä-ö]*", "[[:alpha:]]", "(?i)x", "a$", "^b"} {
		f.Add(s, "abc.csv")
	}
	f.Fuzz(func(t *testing.T, pattern, name string) {
		if !utf8.ValidString(pattern) || !utf8.ValidString(name) {
			return
		}
		re, err := fnmatchRegexp(pattern)
		if err != nil {
			t.Fatalf("fnmatchRegexp(%q): %v", pattern, err)
		}
		re.MatchString(name)
		if !hasMagic(pattern) && re.MatchString(name) != (name == pattern) {
			t.Fatalf("literal %q matches %q: %v", pattern, name, re.MatchString(name))
		}
		star, _ := fnmatchRegexp("*" + strings.Repeat("*", len(pattern)%3))
		if !star.MatchString(name) {
			t.Fatalf("* does not match %q", name)
		}
	})
}
