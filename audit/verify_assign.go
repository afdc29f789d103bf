package audit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/splitter-dev/splitter/recipe"
)

// verifyAssign checks an assign manifest's one file: the recipe applied
// to input again gives an assignment (recipe.Assignment) whose bytes, as
// `splitter assign` writes them, are file's and the manifest's.
func verifyAssign(ctx context.Context, path string, m *Manifest, r *recipe.Recipe, input string, dataset, files []string) error {
	if len(files) != 1 {
		return differs("%s: %s", SafeName(path), fmt.Errorf("%w: assign writes 1 file, %d given", ErrFileCount, len(files)))
	}
	format, err := recipe.AssignFormat(files[0])
	if err != nil {
		return fmt.Errorf("%s: %w: %w", SafeName(path), ErrManifest, err)
	}
	t, err := openInput(ctx, r, input, false, dataset, m.ParquetWriterVersion())
	if err != nil {
		return err
	}
	defer t.Close()
	res, err := r.Apply(ctx, t)
	var a *recipe.Assignment
	if err == nil {
		a, err = r.Assignment(res)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%s: %w on %s (its error is not shown, as it may quote the input: run the command itself to see it)", SafeName(path), ErrRecipeFailed, SafeName(input))
	}
	h := sha256.New()
	if err := a.Write(ctx, struct{ io.Writer }{h}, format); err != nil {
		return err
	}
	want := hex.EncodeToString(h.Sum(nil))
	got, err := HashFileContext(ctx, files[0])
	if err != nil {
		return err
	}
	switch {
	case !strings.EqualFold(got, want):
		return differs("%s: not the assignment the recipe of %s gives", SafeName(files[0]), SafeName(path))
	case !strings.EqualFold(m.Outputs[0].SHA256, want):
		return differs("%s: the re-run matches but its SHA-256 differs from the one %s records (the manifest was edited)", SafeName(files[0]), SafeName(path))
	}
	return nil
}
