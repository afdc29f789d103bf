package split

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// vcase is one line of testdata/sklearn-versions/sklearn-versions.jsonl.gz.
type vcase struct {
	ID      string                     `json:"id"`
	Sklearn string                     `json:"sklearn"`
	Numpy   string                     `json:"numpy"`
	Call    string                     `json:"call"`
	Params  map[string]json.RawMessage `json:"params"`
	N       int                        `json:"n"`
	Y       []any                      `json:"y"`
	Groups  []any                      `json:"groups"`
	Result  [][2][]int                 `json:"result"`
	Error   *struct {
		Type    string `json:"type"`
		Message string `json:"message"`
	} `json:"error"`
}

func readVersionCorpus(t testing.TB) []vcase {
	f, err := os.Open("../testdata/sklearn-versions/sklearn-versions.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []vcase
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var c vcase
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.UseNumber()
		if err := dec.Decode(&c); err != nil {
			t.Fatalf("line %d: %v", len(out)+1, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func vlabels(t testing.TB, vals []any) Labels {
	if vals == nil {
		return Labels{}
	}
	if _, ok := vals[0].(string); ok {
		s := make([]string, len(vals))
		for i, v := range vals {
			s[i] = v.(string)
		}
		return EncodeStrings(s)
	}
	v := make([]int64, len(vals))
	for i, x := range vals {
		n, err := x.(json.Number).Int64()
		if err != nil {
			t.Fatalf("label %v: %v", x, err)
		}
		v[i] = n
	}
	return EncodeInts(v)
}

func (c vcase) has(key string) bool { _, ok := c.Params[key]; return ok }

func (c vcase) intParam(t testing.TB, key string, def int) int {
	raw, ok := c.Params[key]
	if !ok {
		return def
	}
	var n int
	if err := json.Unmarshal(raw, &n); err != nil {
		t.Fatalf("%s: param %s=%s: %v", c.ID, key, raw, err)
	}
	return n
}

func (c vcase) boolParam(t testing.TB, key string, def bool) bool {
	raw, ok := c.Params[key]
	if !ok {
		return def
	}
	var b bool
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatalf("%s: param %s=%s: %v", c.ID, key, raw, err)
	}
	return b
}

func (c vcase) sizeParam(t testing.TB, key string) Size {
	raw, ok := c.Params[key]
	if !ok {
		return NoSize
	}
	s := string(raw)
	if s == "null" {
		return NoneSize
	}
	size, err := ParseSize(s)
	if err != nil {
		t.Fatalf("%s: %s=%s: %v", c.ID, key, s, err)
	}
	return size
}

func (c vcase) rsParam(t testing.TB) RandomState {
	raw, ok := c.Params["random_state"]
	if !ok || string(raw) == "null" {
		return None
	}
	var n int64
	if err := json.Unmarshal(raw, &n); err != nil {
		t.Fatal(err)
	}
	rs, err := SeedInt(n)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// run calls the Go splitter this case's Python call equals, pinned to
// the case's release.
func (c vcase) run(t testing.TB) ([]Fold, error) {
	v, err := SklearnVersion(c.Sklearn)
	if err != nil {
		t.Fatalf("%s: %v", c.ID, err)
	}
	return c.runAt(t, v)
}

// runAt calls the Go splitter this case's Python call equals, pinned to v.
func (c vcase) runAt(t testing.TB, v Version) ([]Fold, error) {
	y, groups, rs := vlabels(t, c.Y), vlabels(t, c.Groups), c.rsParam(t)
	test, train := c.sizeParam(t, "test_size"), c.sizeParam(t, "train_size")
	switch c.Call {
	case "train_test_split":
		opts := TrainTestOptions{TestSize: test, TrainSize: train, RandomState: rs, NoShuffle: !c.boolParam(t, "shuffle", true), Version: v}
		if c.boolParam(t, "stratify", false) {
			opts.Stratify = y
		}
		tr, te, err := TrainTestSplit(c.N, opts)
		return []Fold{{Train: tr, Test: te}}, err
	case "ShuffleSplit":
		return ShuffleSplit{NSplits: c.intParam(t, "n_splits", DefaultShuffleSplits), TestSize: test, TrainSize: train, RandomState: rs, Version: v}.Split(c.N)
	case "StratifiedShuffleSplit":
		return StratifiedShuffleSplit{NSplits: c.intParam(t, "n_splits", DefaultShuffleSplits), TestSize: test, TrainSize: train, RandomState: rs, Version: v}.Split(y)
	case "GroupShuffleSplit":
		return GroupShuffleSplit{NSplits: c.intParam(t, "n_splits", DefaultGroupShuffleSplits), TestSize: test, TrainSize: train, RandomState: rs, Version: v}.Split(groups)
	case "KFold":
		return KFold{NSplits: c.intParam(t, "n_splits", v.DefaultKFoldSplits()), Shuffle: c.boolParam(t, "shuffle", false), RandomState: rs, Version: v}.Split(c.N)
	case "StratifiedKFold":
		return StratifiedKFold{NSplits: c.intParam(t, "n_splits", v.DefaultKFoldSplits()), Shuffle: c.boolParam(t, "shuffle", false), RandomState: rs, Version: v}.Split(y)
	case "GroupKFold":
		return GroupKFold{NSplits: c.intParam(t, "n_splits", v.DefaultKFoldSplits()), Shuffle: c.boolParam(t, "shuffle", false), RandomState: rs, Version: v}.Split(groups)
	case "StratifiedGroupKFold":
		return StratifiedGroupKFold{NSplits: c.intParam(t, "n_splits", DefaultKFoldSplits), Shuffle: c.boolParam(t, "shuffle", false), RandomState: rs, Version: v}.Split(y, groups)
	case "RepeatedKFold":
		return RepeatedKFold{NSplits: c.intParam(t, "n_splits", 5), NRepeats: c.intParam(t, "n_repeats", DefaultRepeats), RandomState: rs, Version: v}.Split(c.N)
	case "RepeatedStratifiedKFold":
		return RepeatedStratifiedKFold{NSplits: c.intParam(t, "n_splits", 5), NRepeats: c.intParam(t, "n_repeats", DefaultRepeats), RandomState: rs, Version: v}.Split(y)
	}
	t.Fatalf("%s: unknown call %q", c.ID, c.Call)
	return nil, nil
}

// vErrorMeaning maps a Python error message (of any release) to the
// sentinel splitter wraps for it.
var vErrorMeaning = []struct {
	substr   string
	sentinel error
}{
	{"k-fold cross-validation requires", ErrNSplits},
	{"Cannot have number of splits", ErrTooManySplits},
	{"Setting a random_state has no effect", ErrRandomStateWithoutShuffle},
	{"Number of repetitions", ErrNRepeats},
	{"cannot be greater than the number of members", ErrClassTooSmall},
	{"All the n_groups for individual classes", ErrClassTooSmall},
	{"least populated class", ErrClassTooSmall},
	{"should be greater or equal to the number of classes", ErrTooFewForClasses},
	{"The sum of", ErrSizeSum},
	{"the resulting train set will be empty", ErrEmptyTrain},
	{"test_size and train_size can not both be None", ErrTestSize},
	{"Stratified train/test split is not implemented", ErrStratifyNoShuffle},
	{"unexpected keyword argument", ErrNotInVersion},
	{"Invalid parameters passed", ErrNotInVersion},
	{"test_size=", ErrTestSize},
	{"train_size=", ErrTrainSize},
}

func vPythonType(err error) string {
	if errors.Is(err, ErrNotInVersion) {
		return "TypeError"
	}
	return "ValueError"
}

// TestVersionCorpus replays every case of the golden corpus (each old
// release's own _split.py on numpy 1.24.2): same indices in the same
// order, or the same exception type with the same meaning.
func TestVersionCorpus(t *testing.T) {
	cases := readVersionCorpus(t)
	if len(cases) != 7198 {
		t.Fatalf("corpus has %d cases, want 7198", len(cases))
	}
	bad := map[string]int{}
	var indexCases, errorCases, exactMsg int
	for _, c := range cases {
		folds, err := c.run(t)
		key := c.Call + "@" + c.Sklearn
		if c.Error != nil {
			errorCases++
			if err == nil {
				bad[key]++
				t.Errorf("%s %s %s: no error, want %s: %s", c.ID, c.Call, c.Sklearn, c.Error.Type, c.Error.Message)
				continue
			}
			var want error
			for _, m := range vErrorMeaning {
				if strings.Contains(c.Error.Message, m.substr) {
					want = m.sentinel
					break
				}
			}
			if want == nil || !errors.Is(err, want) || vPythonType(err) != c.Error.Type {
				bad[key]++
				t.Errorf("%s %s %s: error %q, want %s: %s", c.ID, c.Call, c.Sklearn, err, c.Error.Type, c.Error.Message)
				continue
			}
			if err.Error() == c.Error.Message {
				exactMsg++
			} else if testing.Verbose() {
				t.Logf("%s %s %s: message %q, Python %q", c.ID, c.Call, c.Sklearn, err, c.Error.Message)
			}
			continue
		}
		indexCases++
		if err != nil {
			bad[key]++
			t.Errorf("%s %s %s %s: error %v, want a result", c.ID, c.Call, c.Sklearn, c.Params, err)
			continue
		}
		if msg := vCompare(folds, c.Result); msg != "" {
			bad[key]++
			t.Errorf("%s %s %s %s n=%d: %s", c.ID, c.Call, c.Sklearn, paramString(c.Params), c.N, msg)
		}
	}
	if len(bad) > 0 {
		keys := make([]string, 0, len(bad))
		for k := range bad {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("%s: %d differ", k, bad[k])
		}
	}
	t.Logf("%d cases (%d index, %d error; %d error messages verbatim), %d differ", len(cases), indexCases, errorCases, exactMsg, sumCounts(bad))
}

func sumCounts(m map[string]int) int {
	s := 0
	for _, v := range m {
		s += v
	}
	return s
}

func paramString(p map[string]json.RawMessage) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%s ", k, p[k])
	}
	return strings.TrimSpace(b.String())
}

func vCompare(got []Fold, want [][2][]int) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d splits, want %d", len(got), len(want))
	}
	for i, f := range got {
		if !eqInts(f.Train, want[i][0]) {
			return fmt.Sprintf("split %d train %s, want %s", i, short(f.Train), short(want[i][0]))
		}
		if !eqInts(f.Test, want[i][1]) {
			return fmt.Sprintf("split %d test %s, want %s", i, short(f.Test), short(want[i][1]))
		}
	}
	return ""
}
