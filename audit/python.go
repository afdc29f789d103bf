package audit

import (
	"strings"

	"github.com/splitter-dev/splitter/recipe"
)

// Python is the match's Python on one line, reading the file data as
// pandas does (with read_csv's sep, 0 for the format's own): the code
// recipe.Python renders for the match as a recipe (the one renderer
// manifests and --dry-run print), its lines joined by "; ", and for a
// stratified match the scikit-learn releases that split so (for pandas'
// shuffle, the calls that order the rows alike).
func (m Match) Python(data string, sep byte) string {
	return pythonLine(m.Recipe.Recipe(m.Seed), m.Recipe, data, sep)
}

// Python is the two-step match's Python on one line, as Match.Python.
func (m Match3) Python(data string, sep byte) string {
	return pythonLine(m.Recipe(), m.First, data, sep)
}

// Python is Match{r, seed}.Python(data, 0).
func (r Recipe) Python(data string, seed uint64) string {
	return Match{Recipe: r, Seed: seed}.Python(data, 0)
}

// pythonLine renders rec, made from the candidate c, as one line.
func pythonLine(rec *recipe.Recipe, c Recipe, data string, sep byte) string {
	rec.Sklearn = "" // the releases are named after the code, not pinned
	if sep != 0 {
		rec.Sep = string(sep)
	}
	code := strings.ReplaceAll(rec.Python(data, c.N), "\n", "; ")
	if c.Releases != "" {
		code += "  # scikit-learn " + c.Releases
	}
	if c.Kind == PandasShuffle {
		code += "  # also the order of df.iloc[np.random.RandomState(" + rec.Seed + ").permutation(len(df))] and sklearn.utils.shuffle(df, random_state=" + rec.Seed + ")"
	}
	return code
}
