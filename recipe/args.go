package recipe

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/split"
	"github.com/splitter-dev/splitter/table"
)

// ErrFlagCombination reports arguments that the emulated Python call
// cannot express together.
var ErrFlagCombination = errors.New("flags cannot be combined")

// Args are a command's arguments as the CLI spells them (flag names
// without dashes: "test", "seed", "stratify", ...): cobra's flags, or the
// flags an older manifest recorded.
type Args interface {
	// Changed reports whether the argument was given.
	Changed(name string) bool
	// Value is the argument's text ("" when not given; "true" for a set
	// boolean).
	Value(name string) string
}

// ArgMap is Args held in a map (what manifest versions 1 and 2 recorded).
type ArgMap map[string]string

// Changed reports whether name is in m.
func (m ArgMap) Changed(name string) bool { _, ok := m[name]; return ok }

// Value is m[name].
func (m ArgMap) Value(name string) string { return m[name] }

// Parse makes the recipe of command (split, kfold, shuffle, sample, perm)
// from its arguments, checking them as the Python call would before any
// file is read. Errors name the argument as the CLI spells it
// (`--test "abc": ...`). The seed, when not given, is left to DrawSeed.
func Parse(command string, a Args) (*Recipe, error) {
	var r *Recipe
	var err error
	switch command {
	case "split", "verify", "explain":
		r, err = parseSplit(a)
	case "kfold":
		r, err = parseKfold(a)
	case "shuffle":
		r, err = parseShuffle(a)
	case "sample":
		r, err = parseSample(a)
	case "perm":
		r, err = parsePerm(a)
	default:
		return nil, fmt.Errorf("no recipe for command %q", command)
	}
	if err != nil {
		return nil, err
	}
	if a.Changed("sep") {
		if r.Sep, err = ParseSep(a.Value("sep")); err != nil {
			return nil, err
		}
	}
	if a.Changed("format") {
		if r.Format = a.Value("format"); table.CheckFormat(r.Format) != nil {
			return nil, flagErr("--format", r.Format, table.ErrFormat)
		}
	}
	if err := r.parseShards(a); err != nil {
		return nil, err
	}
	if a.Changed("seed") {
		r.Seed = a.Value("seed")
		if strings.TrimSpace(r.Seed) == "" && r.Seeded() {
			return nil, flagErr("--seed", r.Seed, errors.New("want an integer"))
		}
	}
	if err := r.checkSeed(); err != nil {
		return nil, err
	}
	return r, nil
}

// isTrue reads a boolean argument.
func isTrue(a Args, name string) bool {
	v, _ := strconv.ParseBool(a.Value(name))
	return a.Changed(name) && v
}

// ParseSep reads --sep (read_csv's sep): one ASCII character other than a
// quote or a line end; `\t` and "tab" for a tab.
func ParseSep(s string) (string, error) {
	v := s
	switch strings.ToLower(s) {
	case `\t`, "tab":
		v = "\t"
	}
	if len(v) != 1 || v == `"` || v == "\n" || v == "\r" {
		return "", flagErr("--sep", s, errors.New("want one ASCII character other than a quote or a line end"))
	}
	return v, nil
}

// parseCompat reads --compat sklearn@X.Y.Z into r.Sklearn; ok reports
// whether c was such a pin.
func (r *Recipe) parseCompat(c string) (ok bool, err error) {
	rest, ok := strings.CutPrefix(c, "sklearn@")
	if !ok {
		return false, nil
	}
	v, err := split.SklearnVersion(rest)
	if err != nil {
		return true, flagErr("--compat", c, err)
	}
	r.Sklearn = v.String()
	return true, nil
}

// version is the pinned scikit-learn release (the zero Version: today's).
func (r *Recipe) version() split.Version {
	if r.Sklearn == "" {
		return split.Version{}
	}
	v, _ := split.SklearnVersion(r.Sklearn)
	return v
}

// combo is the error of two arguments the call cannot take together.
func combo(a, b string) error {
	return fmt.Errorf("%s with %s: %w", a, b, ErrFlagCombination)
}

// needColumn refuses an empty column name given to a column argument.
func needColumn(a Args, names ...string) error {
	for _, name := range names {
		if a.Changed(name) && a.Value(name) == "" {
			return flagErr("--"+name, "", errors.New("want a column name"))
		}
	}
	return nil
}
