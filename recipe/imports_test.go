package recipe

import (
	"strings"
	"testing"
)

// TestImportsRandom: "import random" comes with Python's random module
// called on its own, not with names that end in random (np.random,
// torch.utils.data.random_split).
func TestImportsRandom(t *testing.T) {
	for _, c := range []struct {
		code string
		want bool
	}{
		{"random.seed(3)\nrandom.shuffle(x)", true},
		{"x = list(range(9)); random.shuffle(x)", true},
		{"df.iloc[np.random.default_rng(7).permutation(len(df))]", false},
		{"np.random.RandomState(3).permutation(9)", false},
		{"parts = torch.utils.data.random_split(df, [0.8, 0.2])", false},
		{"my_random.seed(1)", false},
	} {
		if got := strings.Contains(Imports(c.code), "import random\n"); got != c.want {
			t.Errorf("%q: import random %v, want %v", c.code, got, c.want)
		}
	}
}
