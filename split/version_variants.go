package split

import (
	"fmt"
	"slices"
)

// VariantRange is one row of the version table: the releases From..To
// (inclusive; To "" means up to the newest) in which Splitter runs the
// algorithm variant Variant.
type VariantRange struct {
	Splitter string // a scikit-learn name, e.g. "StratifiedKFold"
	Variant  string // "A", "B", "C", "n_splits=3", …
	From, To string // release names
	Note     string // what the variant does / the upstream change
}

// SklearnVariants returns the version table: for every splitter, the
// ranges of releases that give the same indices, with the variant name
// Version.Variant reports. Raising rules that change between releases are
// listed under the splitter with a variant name starting "raise:".
func SklearnVariants() []VariantRange {
	return []VariantRange{
		{"train_test_split", "A", "0.18.2", "0.24.2", "stratified: _approximate_mode computes n_draws*counts/total"},
		{"train_test_split", "B", "1.0", "", "stratified: counts/total*n_draws (#20904); not stratified: one variant throughout"},
		{"StratifiedShuffleSplit", "A", "0.18.2", "0.24.2", "_approximate_mode n_draws*counts/total; train_size only: test=ceil(0.1n) to 0.20.4"},
		{"StratifiedShuffleSplit", "B", "1.0", "", "_approximate_mode counts/total*n_draws (#20904)"},
		{"ShuffleSplit", "A", "0.18.2", "0.20.4", "train_size only: test = default fraction, rows left unused"},
		{"ShuffleSplit", "B", "0.21.0", "", "train_size only: test = complement (#13483)"},
		{"GroupShuffleSplit", "A", "0.18.2", "0.20.4", "train_size only: test = 0.2 of the groups, groups left unused"},
		{"GroupShuffleSplit", "B", "0.21.0", "", "train_size only: test = complement (#13483)"},
		{"KFold", "n_splits=3", "0.18.2", "0.21.3", "default n_splits 3"},
		{"KFold", "n_splits=5", "0.22", "", "default n_splits 5 (#13839)"},
		{"StratifiedKFold", "A", "0.18.2", "0.18.2", "per-class KFold on one shared RandomState; default n_splits 3"},
		{"StratifiedKFold", "B", "0.19.0", "0.20.3", "per-class KFold each reseeded with the int random_state"},
		{"StratifiedKFold", "A", "0.20.4", "0.21.3", "variant A again (#13124)"},
		{"StratifiedKFold", "C", "0.22", "", "round-robin allocation over sorted labels (#14704); default n_splits 5"},
		{"RepeatedKFold", "A", "0.19.0", "", "KFold(shuffle=True) on one shared RandomState; absent before 0.19"},
		{"RepeatedStratifiedKFold", "A", "0.19.0", "0.21.3", "StratifiedKFold variant A on one shared RandomState"},
		{"RepeatedStratifiedKFold", "C", "0.22", "", "StratifiedKFold variant C"},
		{"GroupKFold", "np1.24-argsort", "0.18.2", "1.8.0", "groups largest first, ties in numpy 1.24's introsort order (stable up to 16 groups); default n_splits 3 before 0.22"},
		{"GroupKFold", "stable", "1.9.dev0", "", "ties in stable order (#28464)"},
		{"GroupKFold", "raise:no-shuffle", "0.18.2", "1.5.2", "shuffle/random_state keywords: TypeError"},
		{"GroupKFold", "shuffle", "1.6.0", "", "shuffle=True: permuted groups in np.array_split chunks (#28519)"},
		{"StratifiedGroupKFold", "A", "1.0", "1.7.2", "shuffle permutes the count rows only (absent before 1.0)"},
		{"StratifiedGroupKFold", "B", "1.8.0", "", "shuffle carried through to the group ids (#32540)"},
		{"StratifiedGroupKFold", "raise:n_groups", "1.9.dev0", "", "n_splits > number of groups: ValueError (#33176)"},
		{"KFold", "raise:random_state-ignored", "0.18.2", "0.23.0", "random_state with shuffle=False ignored (warned 0.22–0.23)"},
		{"KFold", "raise:random_state-error", "0.24.0", "", "random_state with shuffle=False: ValueError (#17142)"},
		{"ShuffleSplit", "raise:0.20", "0.18.2", "0.20.4", "size 0 and empty train accepted; test=train=None: ValueError; floats checked only against 1"},
		{"ShuffleSplit", "raise:0.21", "0.21.0", "", "sizes in (0, n) / (0, 1); test=train=None means the default (#12733, #12861)"},
	}
}

// Variant returns the name of the algorithm variant splitter (a
// scikit-learn class name, or "train_test_split") runs in v, as listed by
// SklearnVariants; "" when the splitter does not exist in v.
func (v Version) Variant(splitter string) string {
	switch splitter {
	case "train_test_split", "StratifiedShuffleSplit":
		if v.before(1, 0, 0) {
			return "A"
		}
		return "B"
	case "ShuffleSplit", "GroupShuffleSplit":
		if v.before(0, 21, 0) {
			return "A"
		}
		return "B"
	case "KFold":
		return fmt.Sprintf("n_splits=%d", v.DefaultKFoldSplits())
	case "StratifiedKFold":
		return v.skfVariant()
	case "RepeatedKFold":
		if v.before(0, 19, 0) {
			return ""
		}
		return "A"
	case "RepeatedStratifiedKFold":
		if v.before(0, 19, 0) {
			return ""
		}
		if v.before(0, 22, 0) {
			return "A"
		}
		return "C"
	case "GroupKFold":
		if v.before(1, 9, 0) {
			return "np1.24-argsort"
		}
		return "stable"
	case "StratifiedGroupKFold":
		if v.before(1, 0, 0) {
			return ""
		}
		if v.before(1, 8, 0) {
			return "A"
		}
		return "B"
	}
	return ""
}

func (v Version) skfVariant() string {
	switch {
	case v.before(0, 19, 0):
		return "A"
	case v.before(0, 20, 4):
		return "B"
	case v.before(0, 22, 0):
		return "A"
	}
	return "C"
}

// versionSplitters are the splitters Version.VariantNames reports.
var versionSplitters = []string{
	"train_test_split", "ShuffleSplit", "StratifiedShuffleSplit", "GroupShuffleSplit",
	"KFold", "StratifiedKFold", "RepeatedKFold", "RepeatedStratifiedKFold",
	"GroupKFold", "StratifiedGroupKFold",
}

// VariantNames returns "Splitter=variant" for every splitter in v (those
// absent from the release are left out), plus the raising-rule names that
// depend on the release. Two releases with equal VariantNames split and
// raise alike. For a manifest.
func (v Version) VariantNames() []string {
	var out []string
	for _, s := range versionSplitters {
		if name := v.Variant(s); name != "" {
			out = append(out, s+"="+name)
		}
	}
	if v.before(0, 21, 0) {
		out = append(out, "sizes=raise:0.20")
	} else {
		out = append(out, "sizes=raise:0.21")
	}
	if v.before(0, 24, 0) {
		out = append(out, "random_state-without-shuffle=ignored")
	} else {
		out = append(out, "random_state-without-shuffle=error")
	}
	if !v.before(1, 6, 0) {
		out = append(out, "GroupKFold.shuffle=yes")
	}
	if !v.before(1, 9, 0) {
		out = append(out, "StratifiedGroupKFold=raise:n_groups")
	}
	return out
}

// DistinctSklearnVersions returns one release per run of consecutive
// releases with equal VariantNames (the newest of each run), oldest first:
// the releases a search over versions (explain --compat sklearn@*) needs
// to try, since releases within a run split and raise alike.
func DistinctSklearnVersions() []string {
	var out []string
	var prev []string
	for i, r := range versionReleases {
		k, _, _ := versionKey(r)
		names := Version{key: k}.VariantNames()
		if i > 0 && !slices.Equal(names, prev) {
			out = append(out, versionReleases[i-1])
		}
		prev = names
	}
	return append(out, versionReleases[len(versionReleases)-1])
}
