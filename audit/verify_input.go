package audit

import (
	"context"

	"github.com/splitter-dev/splitter/recipe"
)

// compareChecked is CompareRecipe with check, the input's hash, run on a
// second core beside the re-run once the input is indexed (indexing keeps
// both cores busy; the re-run, one core most of its time). check's
// failure is the one reported, as when it ran first: a changed input is
// named as changed, not by the first output it no longer reproduces. A
// nil check is none.
func compareChecked(ctx context.Context, r *recipe.Recipe, input string, files []string, o RecipeCompareOptions, check func(context.Context) error) ([]string, error) {
	if check == nil {
		return CompareRecipe(ctx, r, input, files, o)
	}
	t, err := openInput(ctx, r, input, o.Piped, o.Dataset, o.ParquetWriter)
	if err != nil {
		if cerr := check(ctx); cerr != nil {
			return nil, cerr
		}
		return nil, err
	}
	defer t.Close()
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	checked := make(chan error, 1)
	go func() {
		err := check(ctx)
		if err != nil {
			cancel() // the re-run's result is not reported
		}
		checked <- err
	}()
	sums, err := compareOpened(cctx, r, t, input, files, o)
	if cerr := <-checked; cerr != nil {
		return nil, cerr
	}
	return sums, err
}
