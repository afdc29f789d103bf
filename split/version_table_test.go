package split

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// behaviourField names one field of behaviour and copies it between rows,
// so that a test can flip one behaviour of a release to its neighbour's.
type behaviourField struct {
	name string
	copy func(dst *behaviour, src behaviour)
}

// behaviourFields lists every field of behaviour (TestBehaviourFieldsListed
// keeps it complete).
var behaviourFields = []behaviourField{
	{"trainTestShuffle", func(d *behaviour, s behaviour) { d.trainTestShuffle = s.trainTestShuffle }},
	{"oldSizes", func(d *behaviour, s behaviour) { d.oldSizes = s.oldSizes }},
	{"multiplyFirst", func(d *behaviour, s behaviour) { d.multiplyFirst = s.multiplyFirst }},
	{"classesMessage", func(d *behaviour, s behaviour) { d.classesMessage = s.classesMessage }},
	{"kfoldSplits", func(d *behaviour, s behaviour) { d.kfoldSplits = s.kfoldSplits }},
	{"nSamplesMessage", func(d *behaviour, s behaviour) { d.nSamplesMessage = s.nSamplesMessage }},
	{"randomStateError", func(d *behaviour, s behaviour) { d.randomStateError = s.randomStateError }},
	{"skf", func(d *behaviour, s behaviour) { d.skf = s.skf }},
	{"skfNGroupsMessage", func(d *behaviour, s behaviour) { d.skfNGroupsMessage = s.skfNGroupsMessage }},
	{"repeated", func(d *behaviour, s behaviour) { d.repeated = s.repeated }},
	{"groupKFoldShuffle", func(d *behaviour, s behaviour) { d.groupKFoldShuffle = s.groupKFoldShuffle }},
	{"groupKFoldStable", func(d *behaviour, s behaviour) { d.groupKFoldStable = s.groupKFoldStable }},
	{"sgkf", func(d *behaviour, s behaviour) { d.sgkf = s.sgkf }},
	{"sgkfGroupsCheck", func(d *behaviour, s behaviour) { d.sgkfGroupsCheck = s.sgkfGroupsCheck }},
}

func TestBehaviourFieldsListed(t *testing.T) {
	typ := reflect.TypeFor[behaviour]()
	if typ.NumField() != len(behaviourFields) {
		t.Fatalf("behaviour has %d fields, behaviourFields lists %d", typ.NumField(), len(behaviourFields))
	}
	field := func(b behaviour, i int) string { return fmt.Sprint(reflect.ValueOf(b).Field(i)) }
	for i, f := range behaviourFields {
		if typ.Field(i).Name != f.name {
			t.Errorf("field %d is %s, behaviourFields says %s", i, typ.Field(i).Name, f.name)
			continue
		}
		// two rows of the table that differ in this field
		first := sklearnReleases[0].b
		var other *behaviour
		for _, run := range sklearnReleases {
			if field(run.b, i) != field(first, i) {
				other = &run.b
				break
			}
		}
		if other == nil {
			t.Errorf("%s is the same in every release: not a behaviour that changes", f.name)
			continue
		}
		c := first
		f.copy(&c, *other)
		for j := range typ.NumField() {
			want := first
			if j == i {
				want = *other
			}
			if field(c, j) != field(want, j) {
				t.Errorf("behaviourFields[%d] (%s) copies field %s wrongly", i, f.name, typ.Field(j).Name)
			}
		}
	}
}

// TestReleaseTable checks the table's shape: releases strictly ascending,
// each named once, adjacent runs different, DefaultVersion present.
func TestReleaseTable(t *testing.T) {
	prev := -1
	for r := range allReleases {
		k, _, ok := versionKey(r.name)
		if !ok || k <= prev {
			t.Errorf("release %q out of order or unparsable (key %d after %d)", r.name, k, prev)
		}
		prev = k
	}
	for i := 1; i < len(sklearnReleases); i++ {
		if sklearnReleases[i].b == sklearnReleases[i-1].b {
			t.Errorf("runs %v and %v behave alike: merge them", sklearnReleases[i-1].releases, sklearnReleases[i].releases)
		}
	}
	for _, run := range sklearnReleases {
		if len(run.releases) == 0 {
			t.Error("empty run")
		}
	}
	if _, ok := lookupRelease(DefaultVersion); !ok {
		t.Errorf("DefaultVersion %s not in the table", DefaultVersion)
	}
}

// oneSided lists the boundary checks the corpus cannot make, with why;
// key "field@release" (the corpus release next to the change).
// TestBehaviourBoundaries fails if such a check turns out to be possible,
// so the list stays honest.
var oneSided = map[string]string{
	// A release without a class has no corpus line for it (README).
	"repeated@0.18.2": "0.18.2 has no RepeatedKFold lines",
	"sgkf@0.24.2":     "0.24.2 has no StratifiedGroupKFold lines",
	// Every GroupKFold vector has ≤ 16 groups, where numpy 1.24.2's sort
	// is stable (README): 1.9's stable order is from source.
	// TestVersionVariantsLive checks numpy's ties against 1.2.1,
	// TestGroupKFoldStableTies the two orders against each other.
	"groupKFoldStable@1.8.0":    "≤ 16 groups: numpy 1.24.2's argsort is stable",
	"groupKFoldStable@1.9.dev0": "≤ 16 groups: numpy 1.24.2's argsort is stable",
}

// TestBehaviourBoundaries checks every change in the table against the
// golden corpus (each release's own _split.py on numpy 1.24.2): for each
// field that changes between two adjacent runs, the newest corpus release
// before the change and the oldest one at it each need their own value —
// with the neighbour's value, at least one case that matches under the
// table (indices, or error type, sentinel and message) no longer does.
// So each change lies between those two corpus releases, and no field is
// dead weight.
func TestBehaviourBoundaries(t *testing.T) {
	byRelease := map[string][]vcase{}
	for _, c := range readVersionCorpus(t) {
		byRelease[c.Sklearn] = append(byRelease[c.Sklearn], c)
	}
	corpusIn := func(run releaseRun) []string {
		var out []string
		for _, r := range run.releases {
			if len(byRelease[r]) > 0 {
				out = append(out, r)
			}
		}
		return out
	}
	matched := map[string][]bool{} // per corpus release, per case: matches under the table
	base := func(release string) []bool {
		if m, ok := matched[release]; ok {
			return m
		}
		r, _ := lookupRelease(release)
		m := vStrictMatches(t, byRelease[release], Version{label: r.name, b: r.b})
		matched[release] = m
		return m
	}
	for i, run := range sklearnReleases {
		if len(corpusIn(run)) == 0 {
			t.Errorf("run %v has no release in the corpus: its behaviour is unchecked", run.releases)
		}
		if i == 0 {
			continue
		}
		prevRun := sklearnReleases[i-1]
		before, at := corpusIn(prevRun), corpusIn(run)
		if len(before) == 0 || len(at) == 0 {
			continue
		}
		sides := []struct {
			side, release string
			own, other    behaviour
		}{
			{"before", before[len(before)-1], prevRun.b, run.b},
			{"at", at[0], run.b, prevRun.b},
		}
		for _, f := range behaviourFields {
			if changed(f, prevRun.b, run.b) {
				for _, s := range sides {
					checkFlip(t, f.name, s.side, s.release, s.own, s.other, f, byRelease[s.release], base(s.release))
				}
			}
		}
	}
}

// changed reports whether field f differs between a and b.
func changed(f behaviourField, a, b behaviour) bool {
	c := a
	f.copy(&c, b)
	return c != a
}

// checkFlip runs release's corpus cases with field f set to other's value
// and reports whether a case that matched under own stops matching.
func checkFlip(t *testing.T, field, side, release string, own, other behaviour, f behaviourField, cases []vcase, base []bool) {
	t.Helper()
	flipped := own
	f.copy(&flipped, other)
	got := vStrictMatches(t, cases, Version{label: release, b: flipped})
	lost := 0
	for i := range cases {
		if base[i] && !got[i] {
			lost++
		}
	}
	why, exempt := oneSided[field+"@"+release]
	switch {
	case lost == 0 && !exempt:
		t.Errorf("%s at %s (%s the change): the corpus cases pass with the neighbour's value too; the boundary is not pinned", field, release, side)
	case lost > 0 && exempt:
		t.Errorf("%s at %s (%s the change): %d cases now pin it; drop the oneSided entry (%s)", field, release, side, lost, why)
	case exempt:
		t.Logf("%s at %s (%s the change): not checkable by the corpus: %s", field, release, side, why)
	default:
		t.Logf("%s at %s (%s the change): %d of %d cases need the table's value", field, release, side, lost, len(cases))
	}
}

// vStrictMatches runs every case pinned to v and reports, per case,
// whether it matches exactly: the same indices in order, or the same
// exception type and sentinel with the message verbatim (or, as Python
// appends the class list to some, as its prefix).
func vStrictMatches(t *testing.T, cases []vcase, v Version) []bool {
	out := make([]bool, len(cases))
	for i, c := range cases {
		folds, err := c.runAt(t, v)
		if c.Error == nil {
			out[i] = err == nil && vCompare(folds, c.Result) == ""
			continue
		}
		out[i] = err != nil && vPythonType(err) == c.Error.Type &&
			errors.Is(err, vSentinel(c.Error.Message)) && strings.HasPrefix(c.Error.Message, err.Error())
	}
	return out
}

// vSentinel is the sentinel vErrorMeaning gives a Python message.
func vSentinel(msg string) error {
	for _, m := range vErrorMeaning {
		if strings.Contains(msg, m.substr) {
			return m.sentinel
		}
	}
	return errors.New("no sentinel for " + msg)
}

// TestVariantsDerived checks SklearnVariants against the table: every
// range's ends are releases, ranges of one variant rule tile the releases
// where it names a variant, and each variant has a note.
func TestVariantsDerived(t *testing.T) {
	all := SklearnVersions()
	for _, r := range SklearnVariants() {
		from := slices.Index(all, r.From)
		to := len(all) - 1
		if r.To != "" {
			to = slices.Index(all, r.To)
		}
		if from < 0 || to < from {
			t.Errorf("%+v: bad range", r)
			continue
		}
		if r.Note == "" {
			t.Errorf("%+v: no note", r)
		}
		for _, name := range all[from : to+1] {
			v, _ := SklearnVersion(name)
			if !slices.Contains(v.VariantNames(), r.Splitter+"="+r.Variant) {
				t.Errorf("%+v: %s does not name it (%v)", r, name, v.VariantNames())
			}
		}
	}
}
