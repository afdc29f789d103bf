package audit

import (
	"context"
	"errors"
	"testing"

	"github.com/splitter-dev/splitter/split"
)

// partitionOf makes the partition a recipe gives with seed, on n distinct
// rows (or rows repeating every dups).
func partitionOf(t *testing.T, r Recipe, seed uint64, dups int) (*Partition, [][]byte) {
	t.Helper()
	train, test, err := r.Indices(seed)
	if err != nil {
		t.Fatal(err)
	}
	data := records(r.N, dups, nil)
	return NewPartition(data, pick(data, train), pick(data, test)), data
}

func TestExplainKinds(t *testing.T) {
	codes := make([]int, 200)
	for i := range codes {
		codes[i] = i % 4
	}
	labels := split.LabelsFromCodes(codes)
	cases := []struct {
		r    Recipe
		seed uint64
		dups int
	}{
		{Recipe{Kind: Sklearn, N: 200, Train: 150, Test: 50}, 77, 0},
		{Recipe{Kind: Sklearn, N: 200, Train: 60, Test: 30}, 1234, 0},
		{Recipe{Kind: Sklearn, N: 200, Train: 150, Test: 50}, 99, 13},
		{Recipe{Kind: Datasets, N: 200, Train: 150, Test: 50}, 4000, 0},
		{Recipe{Kind: Datasets, N: 200, Train: 20, Test: 50}, 5, 0},
		{Recipe{Kind: PandasSample, N: 200, Train: 170, Test: 30}, 321, 0},
		{Recipe{Kind: SklearnStratified, N: 200, Train: 160, Test: 40, Column: "y", Labels: labels}, 42, 0},
		{Recipe{Kind: SklearnNoShuffle, N: 200, Train: 100, Test: 40}, 0, 0},
		{Recipe{Kind: TorchRandomSplit, N: 200, Train: 150, Test: 50}, 2222, 0},
		{Recipe{Kind: TorchRandomSplit, N: 200, Train: 170, Test: 30}, 3, 7},
	}
	for _, c := range cases {
		p, _ := partitionOf(t, c.r, c.seed, c.dups)
		ms, err := Explain(context.Background(), p, ExplainOptions{First: 0, Last: 4100, Columns: []Column{{Name: "y", Labels: labels}}, Workers: 2, All: true})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range ms {
			if m.Recipe.Kind == c.r.Kind && (m.Seed == c.seed || !c.r.Seeded()) {
				found = true
			}
			if !m.Recipe.Check(p, m.Seed) {
				t.Errorf("%v: match %v seed %d does not check", c.r.Kind, m.Recipe.Kind, m.Seed)
			}
		}
		if !found {
			t.Errorf("%v seed %d: not found in %v", c.r.Kind, c.seed, ms)
		}
	}
}

func TestExplainNone(t *testing.T) {
	data := records(100, 0, nil)
	// Train: rows 0..49 reversed; test: 50..99 — no recipe makes this.
	var train, test [][]byte
	for i := 49; i >= 0; i-- {
		train = append(train, data[i])
	}
	test = data[50:]
	p := NewPartition(data, train, test)
	ms, err := Explain(context.Background(), p, ExplainOptions{First: 0, Last: 1 << 16})
	if err != nil || len(ms) != 0 {
		t.Errorf("got %v, %v; want no match", ms, err)
	}
	// A row the data does not hold, or a row used twice: no recipe at all.
	if rs := Recipes(NewPartition(data, [][]byte{[]byte("nope")}, test), nil); rs != nil {
		t.Errorf("foreign row: recipes %v", rs)
	}
	if rs := Recipes(NewPartition(data, [][]byte{data[50]}, test), nil); rs != nil {
		t.Errorf("row used twice: recipes %v", rs)
	}
	if _, err := Explain(context.Background(), p, ExplainOptions{First: 5, Last: 4}); !errors.Is(err, ErrEmptySeedRange) {
		t.Errorf("empty range: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Explain(ctx, p, ExplainOptions{First: 0, Last: 1 << 20}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestExplainSeedsAbove32Bits(t *testing.T) {
	r := Recipe{Kind: Datasets, N: 50, Train: 40, Test: 10}
	seed := uint64(1)<<40 + 17
	p, _ := partitionOf(t, r, seed, 0)
	ms, err := Explain(context.Background(), p, ExplainOptions{First: seed - 100, Last: seed + 100})
	if err != nil || len(ms) != 1 || ms[0].Seed != seed || ms[0].Recipe.Kind != Datasets {
		t.Errorf("got %v, %v", ms, err)
	}
}

// TestRecipePython: a match renders as recipe.Python renders its recipe,
// on one line.
func TestRecipePython(t *testing.T) {
	cases := []struct {
		r    Recipe
		want string
	}{
		{Recipe{Kind: Sklearn, N: 100, Train: 80, Test: 20}, `df = pd.read_csv('d.csv'); train, test = train_test_split(df, test_size=0.2, random_state=7)`},
		{Recipe{Kind: Sklearn, N: 100, Train: 50, Test: 20}, `df = pd.read_csv('d.csv'); train, test = train_test_split(df, test_size=20, train_size=50, random_state=7)`},
		{Recipe{Kind: SklearnNoShuffle, N: 3, Train: 2, Test: 1}, `df = pd.read_csv('d.csv'); train, test = train_test_split(df, test_size=0.3, shuffle=False)`},
		{Recipe{Kind: SklearnStratified, N: 10, Train: 7, Test: 3, Column: "y"}, `df = pd.read_csv('d.csv'); train, test = train_test_split(df, test_size=0.3, random_state=7, stratify=df['y'])`},
		{Recipe{Kind: Datasets, N: 10, Train: 7, Test: 3}, `df = pd.read_csv('d.csv'); d = Dataset.from_pandas(df).train_test_split(test_size=0.3, seed=7); train, test = d["train"], d["test"]`},
		{Recipe{Kind: PandasSample, N: 10, Train: 7, Test: 3}, `df = pd.read_csv('d.csv'); train = df.sample(frac=0.7, random_state=7); test = df.drop(train.index)`},
	}
	for _, c := range cases {
		if got := c.r.Python("d.csv", 7); got != c.want {
			t.Errorf("%v:\n got %s\nwant %s", c.r.Kind, got, c.want)
		}
	}
	if got, want := (Match{Recipe{Kind: Sklearn, N: 10, Train: 7, Test: 3}, 7}).Python("d.txt", ';'), `df = pd.read_csv('d.txt', sep=';'); train, test = train_test_split(df, test_size=0.3, random_state=7)`; got != want {
		t.Errorf("sep:\n got %s\nwant %s", got, want)
	}
}
