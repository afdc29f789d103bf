package audit

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// threeWay makes the parts of the two-step split of n distinct rows with
// seed, as content ids (row i has id i).
func threeWay(t *testing.T, kind Kind, n, test, val int, seed uint64) *Matched {
	t.Helper()
	r1 := Recipe{Kind: kind, N: n, Train: n - test, Test: test}
	rest, te, err := r1.Indices(seed)
	if err != nil {
		t.Fatal(err)
	}
	r2 := Recipe{Kind: kind, N: len(rest), Train: len(rest) - val, Test: val}
	tr, va, err := r2.Indices(seed)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(idx []int, through []int) []int32 {
		out := make([]int32, len(idx))
		for i, j := range idx {
			if through != nil {
				j = through[j]
			}
			out[i] = int32(j)
		}
		return out
	}
	m := &Matched{Data: make([]int32, n), Count: make([]int32, n),
		Parts: [][]int32{ids(tr, rest), ids(va, rest), ids(te, nil)}}
	for i := range m.Data {
		m.Data[i], m.Count[i] = int32(i), 1
	}
	return m
}

func TestExplain3(t *testing.T) {
	for _, kind := range []Kind{Sklearn, Datasets} {
		m := threeWay(t, kind, 200, 40, 30, 4321)
		got, err := Explain3(context.Background(), m, ExplainOptions{First: 4000, Last: 4500})
		if err != nil || len(got) != 1 || got[0].Seed != 4321 || got[0].First.Kind != kind {
			t.Fatalf("%v: %+v, %v", kind, got, err)
		}
		// Train and val exchanged: the first step still fits, the second
		// does not.
		m.Parts[0], m.Parts[1] = m.Parts[1], m.Parts[0]
		if got, _ := Explain3(context.Background(), m, ExplainOptions{First: 4000, Last: 4500}); len(got) != 0 {
			t.Errorf("%v, exchanged: %+v", kind, got)
		}
		// Membership only (val in another order): still found.
		m.Parts[0], m.Parts[1] = m.Parts[1], m.Parts[0]
		var sets [][]int
		for _, p := range m.Parts {
			s := make([]int, len(p))
			for i, id := range p {
				s[i] = int(id)
			}
			slices.Sort(s)
			sets = append(sets, s)
		}
		got, _ = Explain3(context.Background(), MembershipMatched(200, sets), ExplainOptions{First: 4000, Last: 4500})
		if len(got) != 1 || got[0].Seed != 4321 {
			t.Errorf("%v, membership: %+v", kind, got)
		}
	}
}

func TestExplain3Ambiguous(t *testing.T) {
	m := &Matched{Data: []int32{0, 0, 1, 2}, Count: []int32{2, 1, 1}, Parts: [][]int32{{0}, {1}, {0, 2}}}
	if _, err := Explain3(context.Background(), m, ExplainOptions{Last: 10}); !errors.Is(err, ErrAmbiguousThree) {
		t.Errorf("err %v", err)
	}
}

// TestMatch3Python: a two-step match renders through recipe.Python as the
// --sizes idiom, the second step's test_size as --sizes 0.65,0.15,0.2
// computes it.
func TestMatch3Python(t *testing.T) {
	cases := []struct {
		kind Kind
		want string
	}{
		{Sklearn, `df = pd.read_csv('d.csv'); rest, test = train_test_split(df, test_size=0.2, random_state=4321); train, val = train_test_split(rest, test_size=0.15 / (0.65 + 0.15), random_state=4321)`},
		{Datasets, `df = pd.read_csv('d.csv'); d = Dataset.from_pandas(df).train_test_split(test_size=0.2, seed=4321); rest, test = d["train"], d["test"]; d = rest.train_test_split(test_size=0.15 / (0.65 + 0.15), seed=4321); train, val = d["train"], d["test"]`},
	}
	for _, c := range cases {
		m := threeWay(t, c.kind, 200, 40, 30, 4321)
		got, err := Explain3(context.Background(), m, ExplainOptions{First: 4321, Last: 4321})
		if err != nil || len(got) != 1 {
			t.Fatalf("%v: %+v, %v", c.kind, got, err)
		}
		if py := got[0].Python("d.csv", 0); py != c.want {
			t.Errorf("%v:\n got %s\nwant %s", c.kind, py, c.want)
		}
		if r := got[0].Recipe(); r.Validate() != nil || r.ValSize.String() != "0.15 / (0.65 + 0.15)" {
			t.Errorf("%v: recipe %+v: %v", c.kind, r, r.Validate())
		}
	}
}
