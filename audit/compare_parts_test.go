package audit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/table"
)

// splitFiles writes a 200-row CSV and its split (--seed 5 --test 0.3) as
// the recipe writes it, and returns the recipe, the input and the parts.
func splitFiles(t *testing.T) (*recipe.Recipe, string, []string) {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("id,v\n")
	for i := range 200 {
		fmt.Fprintf(&b, "%d,%d\n", i, i*7%13)
	}
	input := filepath.Join(dir, "data.csv")
	if err := os.WriteFile(input, []byte(b.String()), 0o666); err != nil {
		t.Fatal(err)
	}
	r, err := recipe.Parse("split", recipe.ArgMap{"seed": "5", "test": "0.3"})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := table.Open(context.Background(), input, r.ReadOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	res, err := r.Apply(context.Background(), tb)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, out := range res.Outputs(tb) {
		var w bytes.Buffer
		if err := out.Write(context.Background(), &w); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, out.Name+".csv")
		if err := os.WriteFile(f, w.Bytes(), 0o666); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return r, input, files
}

// TestCompareRecipeParts: a split's parts, compared all at once, give the
// report comparing them in turn gives: the hashes when all match, else the
// first part that fails, even when a later one cannot be opened.
func TestCompareRecipeParts(t *testing.T) {
	ctx := context.Background()
	r, input, files := splitFiles(t)
	sums, err := CompareRecipe(ctx, r, input, files, RecipeCompareOptions{})
	if err != nil || len(sums) != 2 {
		t.Fatalf("as written: %v %v", sums, err)
	}
	for i, f := range files {
		if want, _ := HashContent(f); sums[i] != want {
			t.Errorf("%s: sha256 %s, want %s", f, sums[i], want)
		}
	}
	edit := func(f string, line int) {
		b, _ := os.ReadFile(f)
		lines := strings.SplitAfter(string(b), "\n")
		lines[line] = "999,9\n"
		os.WriteFile(f, []byte(strings.Join(lines, "")), 0o666)
	}
	edit(files[1], 5)
	_, err = CompareRecipe(ctx, r, input, files, RecipeCompareOptions{})
	if !errors.Is(err, ErrDiffers) || !strings.Contains(err.Error(), filepath.Base(files[1])+": row 5 (line 6)") {
		t.Errorf("second part edited: %v", err)
	}
	edit(files[0], 3)
	os.Remove(files[1])
	_, err = CompareRecipe(ctx, r, input, files, RecipeCompareOptions{})
	if !errors.Is(err, ErrDiffers) || !strings.Contains(err.Error(), filepath.Base(files[0])+": row 3 (line 4)") {
		t.Errorf("first part edited, second missing: %v", err)
	}
	if _, err := CompareRecipe(ctx, r, input, files[:1], RecipeCompareOptions{}); !errors.Is(err, ErrFileCount) {
		t.Errorf("one file for two parts: %v", err)
	}
}
