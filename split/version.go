package split

import (
	"errors"
	"fmt"
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
	label string    // the release as named upstream, e.g. "0.22.2.post1"; "" = not pinned
	b     behaviour // its row of sklearnReleases
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
	if r, ok := lookupRelease(s); ok {
		return Version{label: r.name, b: r.b}, nil
	}
	all := SklearnVersions()
	k, series, ok := versionKey(s)
	if !ok {
		return Version{}, fmt.Errorf("%w %q (want X.Y.Z, from %s to %s)", ErrUnknownVersion, s, all[0], all[len(all)-1])
	}
	match, hasFirst := seriesReleases(k, series)
	switch {
	case series && !hasFirst && len(match) > 0:
		var names []string
		for _, r := range match {
			names = append(names, r.name)
		}
		return Version{}, fmt.Errorf("%w %q: only %s of that series is known", ErrUnknownVersion, s, strings.Join(names, ", "))
	case len(match) == 0:
		return Version{}, fmt.Errorf("%w %q (known: %s to %s)", ErrUnknownVersion, s, all[0], all[len(all)-1])
	}
	groups := behaviourGroups(match)
	if len(groups) == 1 {
		last := match[len(match)-1]
		return Version{label: last.name, b: last.b}, nil
	}
	return Version{}, fmt.Errorf("%w %q: its patch releases split differently (%s); name one, e.g. %s", ErrAmbiguousVersion, s, strings.Join(groups, " vs "), match[len(match)-1].name)
}

// seriesReleases returns the released (not development) releases whose
// key is k, or, for a series, whose major.minor is that of k; hasFirst
// reports whether one of them has key k itself.
func seriesReleases(k int, series bool) (match []sklearnRelease, hasFirst bool) {
	for r := range allReleases {
		if strings.Contains(r.name, "dev") {
			continue // a development line is named in full only
		}
		rk, _, _ := versionKey(r.name)
		if rk == k || series && rk/100 == k/100 {
			match = append(match, r)
			hasFirst = hasFirst || rk == k
		}
	}
	return match, hasFirst
}

// behaviourGroups names the runs of consecutive releases in rs that
// behave alike: "0.20.0–0.20.3", "0.20.4".
func behaviourGroups(rs []sklearnRelease) []string {
	var out []string
	first := 0
	for i := 1; i <= len(rs); i++ {
		if i < len(rs) && rs[i].b == rs[first].b {
			continue
		}
		if i-1 == first {
			out = append(out, rs[first].name)
		} else {
			out = append(out, rs[first].name+"–"+rs[i-1].name)
		}
		first = i
	}
	return out
}

// SklearnVersions returns every release SklearnVersion accepts by its
// full name, oldest first (0.18.2 … 1.8.0, 1.9.dev0).
func SklearnVersions() []string {
	var out []string
	for r := range allReleases {
		out = append(out, r.name)
	}
	return out
}

// IsPinned reports whether v names a release (false for the zero Version).
func (v Version) IsPinned() bool { return v.label != "" }

// String returns the release name ("0.21.3"), or DefaultVersion for the
// zero Version.
func (v Version) String() string {
	if v.label == "" {
		return DefaultVersion
	}
	return v.label
}

// behaviour returns v's row of sklearnReleases (DefaultVersion's for the
// zero Version).
func (v Version) behaviour() behaviour {
	if v.label == "" {
		return unpinned
	}
	return v.b
}

// DefaultKFoldSplits is the n_splits default of KFold, StratifiedKFold and
// GroupKFold in v: 3 before 0.22, 5 from 0.22 (scikit-learn #13839).
func (v Version) DefaultKFoldSplits() int { return v.behaviour().kfoldSplits }

// RandomStateWithoutShuffleIsError reports whether v raises ValueError for
// a random_state given with shuffle=False (0.24 on; ignored before).
func (v Version) RandomStateWithoutShuffleIsError() bool { return v.behaviour().randomStateError }

// HasGroupKFoldShuffle reports whether v has GroupKFold(shuffle=True,
// random_state=...) (1.6 on).
func (v Version) HasGroupKFoldShuffle() bool { return v.behaviour().groupKFoldShuffle }

// GroupKFoldNumpyTies reports whether v's GroupKFold orders groups of
// equal size with numpy's unstable argsort (before 1.9), so that with
// more than 16 groups the order depends on the numpy build (see
// GroupKFoldTies).
func (v Version) GroupKFoldNumpyTies() bool { return !v.behaviour().groupKFoldStable }

// ApproxModeMultiplyFirst reports whether v's _approximate_mode (behind
// stratified train_test_split and StratifiedShuffleSplit) computes
// n_draws * class_counts / total (before 1.0) rather than
// class_counts / total * n_draws (scikit-learn #20904).
func (v Version) ApproxModeMultiplyFirst() bool { return v.behaviour().multiplyFirst }
