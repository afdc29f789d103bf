package split

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Version pins the splitters to one scikit-learn release: the indices and
// the errors that release's sklearn.model_selection returned (on numpy
// 1.24, whose legacy RandomState streams are frozen). The zero Version is
// "not pinned": today's behaviour, that of scikit-learn 1.2.1.
//
// Build one with SklearnVersion; set it as the Version field of a splitter
// (or of TrainTestOptions).
type Version struct {
	key   int    // major*10000 + minor*100 + patch; 0 = not pinned
	label string // the release as named upstream, e.g. "0.22.2.post1"
}

// Sentinel errors of SklearnVersion.
var (
	// ErrUnknownVersion: not a scikit-learn release splitter knows (0.18.2 to 1.9.dev0).
	ErrUnknownVersion = errors.New("unknown scikit-learn version")
	// ErrAmbiguousVersion: a release series whose patch releases differ (0.20: 0.20.3 vs 0.20.4).
	ErrAmbiguousVersion = errors.New("ambiguous scikit-learn version")
	// ErrNotInVersion: the splitter or option does not exist in the pinned release
	// (Python raises NameError/ImportError for a class, TypeError for a keyword).
	ErrNotInVersion = errors.New("not available in this scikit-learn version")
)

// versionReleases lists every scikit-learn release from 0.18.2 on, named
// as upstream tagged them, plus the development line 1.9.dev0.
var versionReleases = []string{
	"0.18.2",
	"0.19.0", "0.19.1", "0.19.2",
	"0.20.0", "0.20.1", "0.20.2", "0.20.3", "0.20.4",
	"0.21.0", "0.21.1", "0.21.2", "0.21.3",
	"0.22", "0.22.1", "0.22.2.post1",
	"0.23.0", "0.23.1", "0.23.2",
	"0.24.0", "0.24.1", "0.24.2",
	"1.0", "1.0.1", "1.0.2",
	"1.1.0", "1.1.1", "1.1.2", "1.1.3",
	"1.2.0", "1.2.1", "1.2.2",
	"1.3.0", "1.3.1", "1.3.2",
	"1.4.0", "1.4.1.post1", "1.4.2",
	"1.5.0", "1.5.1", "1.5.2",
	"1.6.0", "1.6.1",
	"1.7.0", "1.7.1", "1.7.2",
	"1.8.0",
	"1.9.dev0",
}

// DefaultVersion is the release the unpinned splitters equal: 1.2.1, the
// scikit-learn installed as the reference oracle.
const DefaultVersion = "1.2.1"

// versionKey parses "X.Y[.Z][.postN|.devN]" into major*10000+minor*100+patch.
func versionKey(s string) (key int, series bool, ok bool) {
	parts := strings.Split(s, ".")
	if len(parts) > 2 && (strings.HasPrefix(parts[len(parts)-1], "post") || strings.HasPrefix(parts[len(parts)-1], "dev")) {
		parts = parts[:len(parts)-1]
	}
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || v > 99 || p != strconv.Itoa(v) {
			return 0, false, false
		}
		n[i] = v
	}
	return n[0]*10000 + n[1]*100 + n[2], len(parts) == 2, true
}

// SklearnVersion parses a scikit-learn release number ("0.21.3",
// "0.22.2.post1", "1.9.dev0"; "1.0" or "0.22" name those releases; a
// series "1.3" is accepted when all its patch releases behave alike).
// An unknown release fails with ErrUnknownVersion; a series whose patch
// releases differ (only "0.20": 0.20.0–0.20.3 vs 0.20.4) fails with
// ErrAmbiguousVersion, naming the choices.
func SklearnVersion(s string) (Version, error) {
	s = strings.TrimSpace(s)
	for _, r := range versionReleases {
		if s == r {
			k, _, _ := versionKey(r)
			return Version{key: k, label: r}, nil
		}
	}
	k, series, ok := versionKey(s)
	if !ok {
		return Version{}, fmt.Errorf("%w %q (want X.Y.Z, from 0.18.2 to 1.9.dev0)", ErrUnknownVersion, s)
	}
	var match []string
	hasFirst := false
	for _, r := range versionReleases {
		if strings.Contains(r, "dev") {
			continue // a development line is named in full only
		}
		rk, _, _ := versionKey(r)
		if rk == k || series && rk/100 == k/100 {
			match = append(match, r)
			hasFirst = hasFirst || rk == k
		}
	}
	if series && !hasFirst && len(match) > 0 {
		return Version{}, fmt.Errorf("%w %q: only %s of that series is known", ErrUnknownVersion, s, strings.Join(match, ", "))
	}
	if len(match) == 0 {
		return Version{}, fmt.Errorf("%w %q (known: %s to %s)", ErrUnknownVersion, s, versionReleases[0], versionReleases[len(versionReleases)-1])
	}
	if len(match) == 1 {
		mk, _, _ := versionKey(match[0])
		return Version{key: mk, label: match[0]}, nil
	}
	// a series: accepted when every release in it has the same variants
	first, _, _ := versionKey(match[0])
	want := Version{key: first}.VariantNames()
	var groups [][]string
	groups = append(groups, []string{match[0]})
	for _, r := range match[1:] {
		rk, _, _ := versionKey(r)
		if slices.Equal(Version{key: rk}.VariantNames(), want) {
			groups[len(groups)-1] = append(groups[len(groups)-1], r)
			continue
		}
		want = Version{key: rk}.VariantNames()
		groups = append(groups, []string{r})
	}
	if len(groups) == 1 {
		last := match[len(match)-1]
		lk, _, _ := versionKey(last)
		return Version{key: lk, label: last}, nil
	}
	var choices []string
	for _, g := range groups {
		if len(g) == 1 {
			choices = append(choices, g[0])
		} else {
			choices = append(choices, g[0]+"–"+g[len(g)-1])
		}
	}
	return Version{}, fmt.Errorf("%w %q: its patch releases split differently (%s); name one, e.g. %s", ErrAmbiguousVersion, s, strings.Join(choices, " vs "), match[len(match)-1])
}

// SklearnVersions returns every release SklearnVersion accepts by its
// full name, oldest first (0.18.2 … 1.8.0, 1.9.dev0).
func SklearnVersions() []string { return slices.Clone(versionReleases) }

// IsPinned reports whether v names a release (false for the zero Version).
func (v Version) IsPinned() bool { return v.key != 0 }

// String returns the release name ("0.21.3"), or DefaultVersion for the
// zero Version.
func (v Version) String() string {
	if v.key == 0 {
		return DefaultVersion
	}
	return v.label
}

// eff is the version key the zero Version behaves as (1.2.1).
func (v Version) eff() int {
	if v.key == 0 {
		return 10201
	}
	return v.key
}

// before reports whether v is older than major.minor.patch.
func (v Version) before(major, minor, patch int) bool {
	return v.eff() < major*10000+minor*100+patch
}

// DefaultKFoldSplits is the n_splits default of KFold, StratifiedKFold and
// GroupKFold in v: 3 before 0.22, 5 from 0.22 (scikit-learn #13839).
func (v Version) DefaultKFoldSplits() int {
	if v.before(0, 22, 0) {
		return 3
	}
	return DefaultKFoldSplits
}

// RandomStateWithoutShuffleIsError reports whether v raises ValueError for
// a random_state given with shuffle=False (0.24 on; ignored before).
func (v Version) RandomStateWithoutShuffleIsError() bool { return !v.before(0, 24, 0) }

// HasGroupKFoldShuffle reports whether v has GroupKFold(shuffle=True,
// random_state=...) (1.6 on).
func (v Version) HasGroupKFoldShuffle() bool { return !v.before(1, 6, 0) }

// GroupKFoldNumpyTies reports whether v's GroupKFold orders groups of
// equal size with numpy's unstable argsort (before 1.9), so that with
// more than 16 groups the order depends on the numpy build (see
// GroupKFoldTies).
func (v Version) GroupKFoldNumpyTies() bool { return v.before(1, 9, 0) }
