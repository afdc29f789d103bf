package recipe

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// FuzzRecipeJSON decodes arbitrary bytes as a manifest's recipe (someone
// else's file): decoding, Validate, Python and Apply on a small table never
// panic, and a recipe that validates applies or fails with an error.
func FuzzRecipeJSON(f *testing.F) {
	for _, tc := range parseCases {
		r, err := Parse(tc.command, tc.args)
		if err != nil {
			f.Fatal(err)
		}
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Add([]byte(`{"call":"sklearn.KFold","n_splits":-3,"seed":"1"}`))
	f.Add([]byte(`{"call":"torch.random_split","lengths":["1e999"],"seed":"1"}`))
	dir := f.TempDir()
	path := filepath.Join(dir, "d.csv")
	data := "id,y,g,w\n1,a,x,1\n2,b,x,2\n3,a,y,0.5\n4,b,y,1\n5,a,z,3\n6,b,z,1\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Recipe
		if json.Unmarshal(b, &r) != nil || r.Validate() != nil {
			return
		}
		_ = r.Python("d.csv", 6)
		if r.Command() == "perm" {
			if r.N.Int() <= 1000 && r.N.Int() >= 0 && r.Seed != "" {
				p, err := r.Permutation()
				p32, ok, err32 := r.Permutation32()
				if ok && (err == nil) != (err32 == nil) {
					t.Fatalf("Permutation error %v, Permutation32 error %v", err, err32)
				}
				for i := range p32 {
					if err == nil && int(p32[i]) != p[i] {
						t.Fatalf("Permutation32()[%d] = %d, Permutation %d", i, p32[i], p[i])
					}
				}
			}
			return
		}
		if r.Seeded() && r.Seed == "" {
			return
		}
		tb, err := table.Open(context.Background(), path, rows.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer tb.Close()
		_, _ = r.Apply(context.Background(), tb)
	})
}
