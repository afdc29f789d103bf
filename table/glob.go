package table

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// hasMagic reports whether s holds a glob wildcard (glob.has_magic).
func hasMagic(s string) bool { return strings.ContainsAny(s, "*?[") }

// Glob returns sorted(glob.glob(pattern)): the paths matching pattern as
// Python's glob module matches them (non-recursive; a wildcard does not
// match a name starting with "." unless the pattern's component starts
// with "."; "[!...]" negates a class; a backslash is an ordinary
// character), in Python's sorted() order of the strings.
func Glob(pattern string) ([]string, error) {
	out, err := iglob(pattern, false)
	if err != nil {
		return nil, err
	}
	sort.Strings(out) // byte order of UTF-8 is code point order
	return out, nil
}

// iglob is glob._iglob: the matches of pattern (directories only when
// dirOnly).
func iglob(pattern string, dirOnly bool) ([]string, error) {
	dir, base := filepath.Split(pattern)
	if dir != "" && dir != string(filepath.Separator) {
		dir = strings.TrimRight(dir, string(filepath.Separator))
		if dir == "" {
			dir = string(filepath.Separator)
		}
	}
	if !hasMagic(pattern) {
		if exists(pattern, base == "") {
			return []string{pattern}, nil
		}
		return nil, nil
	}
	var dirs []string
	switch {
	case dir == "":
		return glob1(".", "", base, dirOnly)
	case dir != pattern && hasMagic(dir):
		var err error
		if dirs, err = iglob(dir, true); err != nil {
			return nil, err
		}
	default:
		dirs = []string{dir}
	}
	var out []string
	for _, d := range dirs {
		var names []string
		var err error
		switch {
		case hasMagic(base):
			names, err = glob1(d, d, base, dirOnly)
		case base == "" && exists(d, true): // "dir/": the folder itself
			names = []string{d + string(filepath.Separator)}
		case base != "" && exists(pyJoin(d, base), false):
			names = []string{pyJoin(d, base)}
		}
		if err != nil {
			return nil, err
		}
		out = append(out, names...)
	}
	return out, nil
}

// pyJoin is os.path.join(a, b): unlike filepath.Join it keeps "." and
// ".." components ("d/." stays "d/.", as glob.glob returns it).
func pyJoin(a, b string) string {
	if a == "" || strings.HasSuffix(a, string(filepath.Separator)) {
		return a + b
	}
	return a + string(filepath.Separator) + b
}

// exists is os.path.lexists(path), or os.path.isdir(path) when dir.
func exists(path string, dir bool) bool {
	if dir {
		st, err := os.Stat(path)
		return err == nil && st.IsDir()
	}
	_, err := os.Lstat(path)
	return err == nil
}

// glob1 is glob._glob1: the names in dir (joined to prefix) matching
// pattern, hidden ones only for a hidden pattern.
func glob1(dir, prefix, pattern string, dirOnly bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil // glob ignores unreadable folders
	}
	re, err := fnmatchRegexp(pattern)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if name[0] == '.' && pattern[0] != '.' {
			continue
		}
		if dirOnly && !isDirEntry(dir, e) {
			continue
		}
		if re.MatchString(name) {
			out = append(out, pyJoin(prefix, name))
		}
	}
	return out, nil
}

// isDirEntry is os.DirEntry.is_dir() as Python's scandir answers it
// (following a symbolic link).
func isDirEntry(dir string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink == 0 {
		return false
	}
	st, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil && st.IsDir()
}

// fnmatchRegexp is fnmatch.translate(pattern) as a Go regexp: "*" any
// run, "?" any character, "[...]" a class ("[!" negated; a "[" without
// its "]" is literal), everything else literal.
func fnmatchRegexp(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString(`^(?s:`)
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		switch c := rs[i]; c {
		case '*':
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		case '[':
			j := i + 1
			if j < len(rs) && rs[j] == '!' {
				j++
			}
			if j < len(rs) && rs[j] == ']' {
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				j++
			}
			if j >= len(rs) {
				b.WriteString(`\[`)
				continue
			}
			b.WriteString(fnmatchClass(rs[i+1 : j]))
			i = j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`)$`)
	return regexp.Compile(b.String())
}

// fnmatchClass is the regexp class of the fnmatch class body rs: ranges
// a-z kept (empty ones dropped), other characters literal.
func fnmatchClass(rs []rune) string {
	var b strings.Builder
	b.WriteByte('[')
	if len(rs) > 0 && rs[0] == '!' {
		b.WriteByte('^')
		rs = rs[1:]
	}
	lit := func(r rune) {
		if r < 128 && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	any := false
	for k := 0; k < len(rs); k++ {
		if k+2 < len(rs) && rs[k+1] == '-' {
			if rs[k] <= rs[k+2] {
				lit(rs[k])
				b.WriteByte('-')
				lit(rs[k+2])
				any = true
			}
			k += 2
			continue
		}
		lit(rs[k])
		any = true
	}
	if !any { // an empty class matches nothing
		return `[^\x00-\x{10FFFF}]`
	}
	b.WriteByte(']')
	return b.String()
}

// GlobEscape is glob.escape(path): its wildcards made literal, so that a
// folder name holding "[" or "*" can prefix a pattern.
func GlobEscape(path string) string {
	var b strings.Builder
	for _, r := range path {
		if r == '*' || r == '?' || r == '[' {
			b.WriteString("[" + string(r) + "]")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
