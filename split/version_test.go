package split

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSklearnVersion(t *testing.T) {
	for _, c := range []struct {
		in, want string
		err      error
	}{
		{"0.21.3", "0.21.3", nil},
		{" 0.21.3 ", "0.21.3", nil},
		{"0.18.2", "0.18.2", nil},
		{"0.22", "0.22", nil},
		{"0.22.0", "0.22", nil},
		{"0.22.2.post1", "0.22.2.post1", nil},
		{"0.22.2", "0.22.2.post1", nil}, // the GitHub tag of the PyPI 0.22.2.post1
		{"1.0", "1.0", nil},
		{"1.0.0", "1.0", nil},
		{"1.4.1.post1", "1.4.1.post1", nil},
		{"1.9.dev0", "1.9.dev0", nil},
		{"1.9", "", ErrUnknownVersion},
		{"1.9.0", "", ErrUnknownVersion},
		{"1.3", "1.3.2", nil},   // a series whose releases agree: its newest
		{"0.19", "0.19.2", nil}, // idem
		{"0.20", "", ErrAmbiguousVersion},
		{"0.18", "", ErrUnknownVersion}, // only 0.18.2 of 0.18 is known
		{"0.18.1", "", ErrUnknownVersion},
		{"0.17.1", "", ErrUnknownVersion},
		{"2.0.0", "", ErrUnknownVersion},
		{"1.2.01", "", ErrUnknownVersion},
		{"", "", ErrUnknownVersion},
		{"x.y.z", "", ErrUnknownVersion},
		{"1", "", ErrUnknownVersion},
		{"1.2.3.4", "", ErrUnknownVersion},
	} {
		v, err := SklearnVersion(c.in)
		if !errors.Is(err, c.err) || err == nil && v.String() != c.want {
			t.Errorf("SklearnVersion(%q) = %v, %v; want %q, %v", c.in, v, err, c.want, c.err)
		}
		if err == nil && !v.IsPinned() {
			t.Errorf("SklearnVersion(%q) not pinned", c.in)
		}
	}
	_, err := SklearnVersion("0.20")
	if err == nil || !strings.Contains(err.Error(), "0.20.0–0.20.3") || !strings.Contains(err.Error(), "0.20.4") {
		t.Errorf("SklearnVersion(0.20): %v; want the choices named", err)
	}
	var zero Version
	if zero.IsPinned() || zero.String() != DefaultVersion {
		t.Errorf("zero Version: pinned %v, %q", zero.IsPinned(), zero)
	}
	def, _ := SklearnVersion(DefaultVersion)
	if !slices.Equal(zero.VariantNames(), def.VariantNames()) {
		t.Errorf("zero Version variants %v, want those of %s: %v", zero.VariantNames(), DefaultVersion, def.VariantNames())
	}
	for _, r := range SklearnVersions() {
		v, err := SklearnVersion(r)
		if err != nil || v.String() != r {
			t.Errorf("listed release %q: %v, %v", r, v, err)
		}
	}
}

func FuzzSklearnVersion(f *testing.F) {
	for _, s := range []string{"0.21.3", "0.20", "1.9.dev0", "0.22.2.post1", "1.3", "9.9.9", "0..1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := SklearnVersion(s)
		if err != nil {
			if !errors.Is(err, ErrUnknownVersion) && !errors.Is(err, ErrAmbiguousVersion) {
				t.Fatalf("%q: unexpected error %v", s, err)
			}
			return
		}
		if !slices.Contains(SklearnVersions(), v.String()) {
			t.Fatalf("%q parsed to unlisted %q", s, v)
		}
	})
}

func TestVersionVariants(t *testing.T) {
	at := func(s string) Version {
		v, err := SklearnVersion(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct{ version, splitter, want string }{
		{"0.18.2", "StratifiedKFold", "A"},
		{"0.19.0", "StratifiedKFold", "B"},
		{"0.20.3", "StratifiedKFold", "B"},
		{"0.20.4", "StratifiedKFold", "A"},
		{"0.21.3", "StratifiedKFold", "A"},
		{"0.22", "StratifiedKFold", "C"},
		{"0.18.2", "RepeatedStratifiedKFold", ""},
		{"0.20.0", "RepeatedStratifiedKFold", "A"},
		{"0.24.2", "train_test_split", "A"},
		{"1.0", "StratifiedShuffleSplit", "B"},
		{"0.20.4", "ShuffleSplit", "A"},
		{"0.21.0", "GroupShuffleSplit", "B"},
		{"0.21.3", "KFold", "n_splits=3"},
		{"0.22.1", "KFold", "n_splits=5"},
		{"1.8.0", "GroupKFold", "np1.24-argsort"},
		{"1.9.dev0", "GroupKFold", "stable"},
		{"0.24.2", "StratifiedGroupKFold", ""},
		{"1.7.2", "StratifiedGroupKFold", "A"},
		{"1.8.0", "StratifiedGroupKFold", "B"},
	} {
		if got := at(c.version).Variant(c.splitter); got != c.want {
			t.Errorf("%s %s: variant %q, want %q", c.version, c.splitter, got, c.want)
		}
	}
	// every variant Version.Variant names appears in the table
	table := map[string]bool{}
	for _, r := range SklearnVariants() {
		table[r.Splitter+"="+r.Variant] = true
	}
	for _, r := range SklearnVersions() {
		v := at(r)
		for _, rule := range variantRules() {
			if name := v.Variant(rule.splitter); name != "" && !table[rule.splitter+"="+name] {
				t.Errorf("%s: %s=%s missing from SklearnVariants", r, rule.splitter, name)
			}
		}
	}
}

// TestPinnedDefaultEqualsUnpinned draws random cases and checks that
// pinning 1.2.1 gives exactly what the unpinned splitters give (which
// the live tests compare with scikit-learn 1.2.1).
func TestPinnedDefaultEqualsUnpinned(t *testing.T) {
	pin, err := SklearnVersion(DefaultVersion)
	if err != nil {
		t.Fatal(err)
	}
	seed := rand.Uint64()
	t.Logf("replay seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	labels := func(n, k int) Labels {
		v := make([]int64, n)
		for i := range v {
			v[i] = int64(r.IntN(k) * r.IntN(3))
		}
		return EncodeInts(v)
	}
	size := func() Size {
		switch r.IntN(4) {
		case 0:
			return NoSize
		case 1:
			return IntSize(r.IntN(40) - 2)
		}
		return FloatSize(r.Float64()*1.1 - 0.05)
	}
	same := func(name string, a []Fold, errA error, b []Fold, errB error) {
		t.Helper()
		if fmt.Sprint(errA) != fmt.Sprint(errB) || fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%s: pinned %v %v, unpinned %v %v", name, short2(a), errA, short2(b), errB)
		}
	}
	for i := range 400 {
		n := 2 + r.IntN(60)
		k := 1 + r.IntN(5)
		y, g := labels(n, k), labels(n, 2+r.IntN(25))
		rs := Seed(r.Uint32())
		ns := r.IntN(7)
		shuffle := r.IntN(2) == 0
		var rsK RandomState
		if shuffle || r.IntN(4) == 0 {
			rsK = rs
		}
		ts, tr := size(), size()
		name := fmt.Sprintf("case %d n=%d k=%d ns=%d shuffle=%v test=%v train=%v", i, n, k, ns, shuffle, ts, tr)

		a, ea := KFold{NSplits: ns, Shuffle: shuffle, RandomState: rsK, Version: pin}.Split(n)
		b, eb := KFold{NSplits: ns, Shuffle: shuffle, RandomState: rsK}.Split(n)
		same("KFold "+name, a, ea, b, eb)
		a, ea = StratifiedKFold{NSplits: ns, Shuffle: shuffle, RandomState: rsK, Version: pin}.Split(y)
		b, eb = StratifiedKFold{NSplits: ns, Shuffle: shuffle, RandomState: rsK}.Split(y)
		same("StratifiedKFold "+name, a, ea, b, eb)
		a, ea = GroupKFold{NSplits: ns, Version: pin}.Split(g)
		b, eb = GroupKFold{NSplits: ns}.Split(g)
		same("GroupKFold "+name, a, ea, b, eb)
		a, ea = StratifiedGroupKFold{NSplits: ns, Shuffle: shuffle, RandomState: rsK, Version: pin}.Split(y, g)
		b, eb = StratifiedGroupKFold{NSplits: ns, Shuffle: shuffle, RandomState: rsK}.Split(y, g)
		same("StratifiedGroupKFold "+name, a, ea, b, eb)
		a, ea = RepeatedStratifiedKFold{NSplits: ns, NRepeats: 2, RandomState: rs, Version: pin}.Split(y)
		b, eb = RepeatedStratifiedKFold{NSplits: ns, NRepeats: 2, RandomState: rs}.Split(y)
		same("RepeatedStratifiedKFold "+name, a, ea, b, eb)
		a, ea = ShuffleSplit{NSplits: 3, TestSize: ts, TrainSize: tr, RandomState: rs, Version: pin}.Split(n)
		b, eb = ShuffleSplit{NSplits: 3, TestSize: ts, TrainSize: tr, RandomState: rs}.Split(n)
		same("ShuffleSplit "+name, a, ea, b, eb)
		a, ea = StratifiedShuffleSplit{NSplits: 3, TestSize: ts, TrainSize: tr, RandomState: rs, Version: pin}.Split(y)
		b, eb = StratifiedShuffleSplit{NSplits: 3, TestSize: ts, TrainSize: tr, RandomState: rs}.Split(y)
		same("StratifiedShuffleSplit "+name, a, ea, b, eb)
		a, ea = GroupShuffleSplit{NSplits: 3, TestSize: ts, TrainSize: tr, RandomState: rs, Version: pin}.Split(g)
		b, eb = GroupShuffleSplit{NSplits: 3, TestSize: ts, TrainSize: tr, RandomState: rs}.Split(g)
		same("GroupShuffleSplit "+name, a, ea, b, eb)
		opts := TrainTestOptions{TestSize: ts, TrainSize: tr, RandomState: rs, NoShuffle: r.IntN(5) == 0}
		if r.IntN(2) == 0 {
			opts.Stratify = y
		}
		tra, tea, ea := TrainTestSplit(n, opts)
		opts.Version = pin
		trb, teb, eb := TrainTestSplit(n, opts)
		same("train_test_split "+name, []Fold{{tra, tea}}, ea, []Fold{{trb, teb}}, eb)
	}
}

func short2(f []Fold) string {
	if len(f) > 2 {
		return fmt.Sprint(f[:2]) + "..."
	}
	return fmt.Sprint(f)
}

// TestGroupKFoldStableTies checks 1.9's stable order against the numpy
// 1.24 order on tied sizes: equal up to 16 groups, as the corpus notes.
func TestGroupKFoldStableTies(t *testing.T) {
	old, _ := SklearnVersion("1.8.0")
	dev, _ := SklearnVersion("1.9.dev0")
	r := rand.New(rand.NewPCG(7, 7))
	differ := 0
	for i := range 300 {
		k := 2 + r.IntN(30)
		codes := make([]int, 0, 200)
		for g := range k {
			for range 1 + r.IntN(3) {
				codes = append(codes, g)
			}
		}
		g := LabelsFromCodes(codes)
		a, ea := GroupKFold{NSplits: 2, Version: old}.Split(g)
		b, eb := GroupKFold{NSplits: 2, Version: dev}.Split(g)
		if ea != nil || eb != nil {
			t.Fatal(ea, eb)
		}
		if fmt.Sprint(a) != fmt.Sprint(b) {
			if k <= 16 {
				t.Errorf("case %d: %d groups: 1.8 and 1.9 differ", i, k)
			}
			differ++
		}
		if GroupKFoldTies(g) != (k > 16) {
			t.Errorf("case %d: GroupKFoldTies with %d groups = %v", i, k, GroupKFoldTies(g))
		}
	}
	if differ == 0 {
		t.Error("1.8 and 1.9 never differ with more than 16 tied groups")
	}
}

func ExampleSklearnVersion() {
	v, err := SklearnVersion("0.21.3")
	if err != nil {
		panic(err)
	}
	y := LabelsFromCodes([]int{0, 0, 0, 0, 1, 1, 1, 1})
	// StratifiedKFold(2, shuffle=True, random_state=3) as scikit-learn 0.21.3 splits it
	folds, _ := StratifiedKFold{NSplits: 2, Shuffle: true, RandomState: Seed(3), Version: v}.Split(y)
	for _, f := range folds {
		fmt.Println(f.Test)
	}
	fmt.Println(v.Variant("StratifiedKFold"), v.DefaultKFoldSplits())
	_, err = SklearnVersion("0.20")
	fmt.Println(errors.Is(err, ErrAmbiguousVersion))
	// Output:
	// [1 3 5 6]
	// [0 2 4 7]
	// A 3
	// true
}

func TestDistinctSklearnVersions(t *testing.T) {
	d := DistinctSklearnVersions()
	want := []string{"0.18.2", "0.20.3", "0.20.4", "0.21.3", "0.23.2", "0.24.2", "1.5.2", "1.7.2", "1.8.0", "1.9.dev0"}
	if !slices.Equal(d, want) {
		t.Errorf("DistinctSklearnVersions() = %v, want %v", d, want)
	}
}

func BenchmarkStratifiedKFoldPinned(b *testing.B) {
	codes := make([]int, 100000)
	for i := range codes {
		codes[i] = i * 7 % 13 % 4
	}
	y := LabelsFromCodes(codes)
	for _, r := range []string{"0.21.3", "0.20.3", "1.2.1"} {
		v, _ := SklearnVersion(r)
		b.Run(r+"-"+v.Variant("StratifiedKFold"), func(b *testing.B) {
			for range b.N {
				if _, err := (StratifiedKFold{NSplits: 5, Shuffle: true, RandomState: Seed(1), Version: v}).Split(y); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
