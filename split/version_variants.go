package split

import (
	"slices"
	"strconv"
	"strings"
)

// VariantRange is one row of the version table: the releases From..To
// (inclusive; To "" means up to the newest) in which Splitter runs the
// algorithm variant Variant.
type VariantRange struct {
	Splitter string // a scikit-learn name, e.g. "StratifiedKFold"
	Variant  string // "A", "B", "C", "n_splits=3", "raise:…", …
	From, To string // release names
	Note     string // what the variant does / the upstream change
}

// variantRule names, for one splitter, the variant a behaviour selects.
// Algorithm rules name what Version.Variant reports; raising rules (names
// starting "raise:") name checks that change between releases.
type variantRule struct {
	splitter string
	variant  func(b behaviour) string // "" when the splitter or rule is absent
	notes    map[string]string        // per variant name
}

func letter(isA bool) string { return choose(isA, "A", "B") }

// variantRules derive every variant name from the behaviour table, in the
// order SklearnVariants and VariantNames list them; a splitter's
// algorithm rule comes before its raising rules. (Made when asked for,
// not at every start.)
func variantRules() []variantRule {
	return []variantRule{
		{"train_test_split", func(b behaviour) string { return letter(b.multiplyFirst) }, map[string]string{
			"A": "stratified: _approximate_mode computes n_draws*counts/total",
			"B": "stratified: counts/total*n_draws (#20904); not stratified: one variant throughout",
		}},
		{"train_test_split", func(b behaviour) string { return present(!b.trainTestShuffle, "raise:no-shuffle") }, map[string]string{
			"raise:no-shuffle": "shuffle keyword: TypeError (Invalid parameters passed)",
		}},
		{"ShuffleSplit", func(b behaviour) string { return letter(b.oldSizes) }, map[string]string{
			"A": "train_size only: test = default fraction, rows left unused",
			"B": "train_size only: test = complement (#13483)",
		}},
		{"ShuffleSplit", func(b behaviour) string {
			if b.oldSizes {
				return "raise:0.20"
			}
			return "raise:0.21"
		}, map[string]string{
			"raise:0.20": "size 0 and empty train accepted; test=train=None: ValueError; floats checked only against 1",
			"raise:0.21": "sizes in (0, n) / (0, 1); test=train=None means the default (#12733, #12861)",
		}},
		{"StratifiedShuffleSplit", func(b behaviour) string { return letter(b.multiplyFirst) }, map[string]string{
			"A": "_approximate_mode n_draws*counts/total (train_size only: as ShuffleSplit A/B)",
			"B": "_approximate_mode counts/total*n_draws (#20904)",
		}},
		{"GroupShuffleSplit", func(b behaviour) string { return letter(b.oldSizes) }, map[string]string{
			"A": "train_size only: test = 0.2 of the groups, groups left unused",
			"B": "train_size only: test = complement (#13483)",
		}},
		{"KFold", func(b behaviour) string { return "n_splits=" + strconv.Itoa(b.kfoldSplits) }, map[string]string{
			"n_splits=3": "default n_splits 3",
			"n_splits=5": "default n_splits 5 (#13839)",
		}},
		{"KFold", func(b behaviour) string {
			return choose(b.randomStateError, "raise:random_state-error", "raise:random_state-ignored")
		}, map[string]string{
			"raise:random_state-ignored": "random_state with shuffle=False ignored (warned 0.22–0.23)",
			"raise:random_state-error":   "random_state with shuffle=False: ValueError (#17142)",
		}},
		{"StratifiedKFold", func(b behaviour) string { return b.skf.variant() }, map[string]string{
			"A": "per-class KFold on one shared RandomState (#13124 restored it)",
			"B": "per-class KFold each reseeded with the int random_state",
			"C": "round-robin allocation over sorted labels (#14704)",
		}},
		{"RepeatedKFold", func(b behaviour) string { return present(b.repeated, "A") }, map[string]string{
			"A": "KFold(shuffle=True) on one shared RandomState (#8120)",
		}},
		{"RepeatedStratifiedKFold", func(b behaviour) string {
			if b.skf == skfRoundRobin {
				return present(b.repeated, "C")
			}
			return present(b.repeated, "A") // B with a RandomState instance equals A
		}, map[string]string{
			"A": "StratifiedKFold variant A on one shared RandomState",
			"C": "StratifiedKFold variant C",
		}},
		{"GroupKFold", func(b behaviour) string { return choose(b.groupKFoldStable, "stable", "np1.24-argsort") }, map[string]string{
			"np1.24-argsort": "groups largest first, ties in numpy 1.24's introsort order (stable up to 16 groups)",
			"stable":         "ties in stable order (#28464)",
		}},
		{"GroupKFold", func(b behaviour) string { return choose(b.groupKFoldShuffle, "shuffle", "raise:no-shuffle") }, map[string]string{
			"raise:no-shuffle": "shuffle/random_state keywords: TypeError",
			"shuffle":          "shuffle=True: permuted groups in np.array_split chunks (#28519)",
		}},
		{"StratifiedGroupKFold", func(b behaviour) string { return b.sgkf.variant() }, map[string]string{
			"A": "shuffle permutes the count rows only",
			"B": "shuffle carried through to the group ids (#32540)",
		}},
		{"StratifiedGroupKFold", func(b behaviour) string { return present(b.sgkfGroupsCheck, "raise:n_groups") }, map[string]string{
			"raise:n_groups": "n_splits > number of groups: ValueError (#33176)",
		}},
	}
}

func present(ok bool, name string) string { return choose(ok, name, "") }

// choose is yes when c holds, else no: a variant named by one flag of the
// behaviour table.
func choose(c bool, yes, no string) string {
	if c {
		return yes
	}
	return no
}

func (a skfAlgorithm) variant() string { return [...]string{"A", "B", "C"}[a] }

func (a sgkfAlgorithm) variant() string { return [...]string{"", "A", "B"}[a] }

func isRaise(name string) bool { return strings.HasPrefix(name, "raise:") }

// SklearnVariants returns the version table: for every splitter, the
// ranges of releases that give the same indices, with the variant name
// Version.Variant reports. Raising rules that change between releases are
// listed under the splitter with a variant name starting "raise:". The
// ranges are derived from the behaviour table.
func SklearnVariants() []VariantRange {
	var out []VariantRange
	for _, rule := range variantRules() {
		var cur *VariantRange
		for r := range allReleases {
			name := rule.variant(r.b)
			if cur != nil && name == cur.Variant {
				cur.To = r.name
				continue
			}
			cur = nil
			if name != "" {
				out = append(out, VariantRange{rule.splitter, name, r.name, r.name, rule.notes[name]})
				cur = &out[len(out)-1]
			}
		}
		if cur != nil {
			cur.To = "" // up to the newest
		}
	}
	return out
}

// Variant returns the name of the algorithm variant splitter (a
// scikit-learn class name, or "train_test_split") runs in v, as listed by
// SklearnVariants; "" when the splitter does not exist in v.
func (v Version) Variant(splitter string) string {
	for _, rule := range variantRules() {
		if rule.splitter != splitter {
			continue
		}
		if name := rule.variant(v.behaviour()); !isRaise(name) {
			return name
		}
	}
	return ""
}

// VariantNames returns "Splitter=variant" for every splitter in v (those
// absent from the release are left out) and its raising rules
// ("ShuffleSplit=raise:0.21", …). Two releases with equal VariantNames
// split and raise alike (error messages aside). For a manifest.
func (v Version) VariantNames() []string {
	var out []string
	for _, rule := range variantRules() {
		if name := rule.variant(v.behaviour()); name != "" {
			out = append(out, rule.splitter+"="+name)
		}
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
	var prevName string
	for r := range allReleases {
		names := Version{label: r.name, b: r.b}.VariantNames()
		if prevName != "" && !slices.Equal(names, prev) {
			out = append(out, prevName)
		}
		prev, prevName = names, r.name
	}
	return append(out, prevName)
}
