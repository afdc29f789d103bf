package audit

import (
	"context"
	"strings"
	"testing"
)

// TestExplainMoreKinds: explain finds the seed of Python's random.shuffle
// and random.sample splits (also seeds past 2**32, which Python takes) and
// of one part shuffled by pandas, torch, Python and Hugging Face (seeds
// past 2**32 too, which default_rng takes); every match checks.
func TestExplainMoreKinds(t *testing.T) {
	cases := []struct {
		r    Recipe
		seed uint64
		dups int
	}{
		{Recipe{Kind: PythonShuffleSplit, N: 200, Train: 150, Test: 50}, 3001, 0},
		{Recipe{Kind: PythonShuffleSplit, N: 200, Train: 170, Test: 30}, 17, 9},
		{Recipe{Kind: PythonShuffleSplit, N: 100, Train: 80, Test: 20}, 1<<40 + 5, 0},
		{Recipe{Kind: PythonSampleSplit, N: 200, Train: 150, Test: 50}, 2500, 0},
		{Recipe{Kind: PythonSampleSplit, N: 30, Train: 3, Test: 27}, 99, 0},
		{Recipe{Kind: PandasShuffle, N: 200, Train: 200}, 4000, 0},
		{Recipe{Kind: TorchShuffle, N: 200, Train: 200}, 12, 5},
		{Recipe{Kind: PythonShuffle, N: 200, Train: 200}, 777, 0},
		{Recipe{Kind: DatasetsShuffle, N: 200, Train: 200}, 2024, 0},
		{Recipe{Kind: DatasetsShuffle, N: 50, Train: 50}, 1<<33 + 9, 3},
	}
	for _, c := range cases {
		p, _ := partitionOf(t, c.r, c.seed, c.dups)
		lo := max(c.seed, 4000) - 4000
		ms, err := Explain(context.Background(), p, ExplainOptions{First: lo, Last: lo + 4100, Workers: 2, All: true})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range ms {
			if m.Recipe.Kind == c.r.Kind && m.Seed == c.seed {
				found = true
			}
			if !m.Recipe.Check(p, m.Seed) {
				t.Errorf("%v: match %v seed %d does not check", c.r.Kind, m.Recipe.Kind, m.Seed)
			}
			if err := m.Recipe.Recipe(m.Seed).Validate(); err != nil {
				t.Errorf("%v: match %v as a recipe: %v", c.r.Kind, m.Recipe.Kind, err)
			}
		}
		if !found {
			t.Errorf("%v seed %d: not found in %v", c.r.Kind, c.seed, ms)
		}
	}
}

// TestMoreRecipePython: the new kinds render as recipe.Python renders
// their recipe; torch lengths and pandas sample sizes are fractions when
// short ones give the rows, else counts.
func TestMoreRecipePython(t *testing.T) {
	cases := []struct {
		r    Recipe
		want string
	}{
		{Recipe{Kind: PythonShuffleSplit, N: 10, Train: 7, Test: 3}, `x = list(range(len(df))); random.seed(7); random.shuffle(x); train, test = df.iloc[x[:7]], df.iloc[x[7:]]`},
		{Recipe{Kind: PythonSampleSplit, N: 10, Train: 7, Test: 3}, `random.seed(7); t = random.sample(range(len(df)), 7); train = df.iloc[t]; test = df.drop(df.index[t])`},
		{Recipe{Kind: PandasShuffle, N: 10, Train: 10}, `df.sample(frac=1, random_state=7)  # also the order of df.iloc[np.random.RandomState(7).permutation(len(df))] and sklearn.utils.shuffle(df, random_state=7)`},
		{Recipe{Kind: TorchShuffle, N: 10, Train: 10}, `df.iloc[torch.randperm(len(df), generator=torch.Generator().manual_seed(7)).numpy()]`},
		{Recipe{Kind: PythonShuffle, N: 10, Train: 10}, `x = list(range(len(df))); random.seed(7); random.shuffle(x); df.iloc[x]`},
		{Recipe{Kind: DatasetsShuffle, N: 10, Train: 10}, `df.iloc[np.random.default_rng(7).permutation(len(df))]  # = Hugging Face ds.shuffle(seed=7)`},
		{Recipe{Kind: TorchRandomSplit, N: 537, Train: 430, Test: 107}, `parts = torch.utils.data.random_split(df, [0.8, 0.2], generator=torch.Generator().manual_seed(7))`},
		{Recipe{Kind: TorchRandomSplit, N: 537, Train: 429, Test: 108}, `parts = torch.utils.data.random_split(df, [429, 108], generator=torch.Generator().manual_seed(7))`},
		{Recipe{Kind: PandasSample, N: 537, Train: 430, Test: 107}, `train = df.sample(frac=0.8, random_state=7); test = df.drop(train.index)`},
		{Recipe{Kind: PandasSample, N: 537, Train: 431, Test: 106}, `train = df.sample(n=431, random_state=7); test = df.drop(train.index)`},
	}
	for _, c := range cases {
		got := c.r.Python("d.csv", 7)
		want := "df = pd.read_csv('d.csv'); " + c.want
		if got != want {
			t.Errorf("%v:\n got %s\nwant %s", c.r.Kind, got, want)
		}
		if !strings.HasPrefix(c.r.Kind.String(), "Kind(") && c.r.Recipe(7).Validate() != nil {
			t.Errorf("%v: %v", c.r.Kind, c.r.Recipe(7).Validate())
		}
	}
}
