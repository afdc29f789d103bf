package parquetrows

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v15/parquet/file"
)

// TestDictionaryFollowsInput checks which columns of a copy are dictionary
// encoded: those whose input dictionaries pull their weight (few distinct
// values), not those of mostly distinct values.
func TestDictionaryFollowsInput(t *testing.T) {
	tt := randomTable(rand.New(rand.NewPCG(5, 6)), 4000)
	pq := filepath.Join(t.TempDir(), "d.parquet")
	tt.writeParquet(t, pq, 1000)
	p, err := Open(pq, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var out bytes.Buffer
	if err := p.WriteRows(&out, rand.New(rand.NewPCG(1, 1)).Perm(p.Len())); err != nil {
		t.Fatal(err)
	}
	pr, err := file.NewParquetReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"id": false, "x": false, "label": true, "grp": false, "u": true}
	for g := 0; g < pr.NumRowGroups(); g++ {
		for c := 0; c < pr.MetaData().Schema.NumColumns(); c++ {
			cc, err := pr.MetaData().RowGroup(g).ColumnChunk(c)
			if err != nil {
				t.Fatal(err)
			}
			name := pr.MetaData().Schema.Column(c).Name()
			if w, ok := want[name]; ok && cc.HasDictionaryPage() != w {
				t.Errorf("row group %d column %s: dictionary %v, want %v", g, name, cc.HasDictionaryPage(), w)
			}
		}
	}
}
