package parquetrows

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v15/parquet/file"
)

// TestDictionaryByVersion checks which columns of a copy are dictionary
// encoded: every one under version 1 (Arrow's default); under version 2
// those whose input dictionaries pull their weight (few distinct values),
// not those of mostly distinct values.
func TestDictionaryByVersion(t *testing.T) {
	tt := randomTable(rand.New(rand.NewPCG(5, 6)), 4000)
	pq := filepath.Join(t.TempDir(), "d.parquet")
	tt.writeParquet(t, pq, 1000)
	for _, c := range []struct {
		v    WriterVersion
		want map[string]bool
	}{
		{WriterV1, map[string]bool{"id": true, "x": true, "label": true, "grp": true, "u": true}},
		{WriterV2, map[string]bool{"id": false, "x": false, "label": true, "grp": false, "u": true}},
		{0, map[string]bool{"id": false, "x": false, "label": true, "grp": false, "u": true}},
	} {
		p, err := Open(pq, Options{Writer: c.v})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		err = p.WriteRows(&out, rand.New(rand.NewPCG(1, 1)).Perm(p.Len()))
		p.Close()
		if err != nil {
			t.Fatal(err)
		}
		pr, err := file.NewParquetReader(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		md := pr.MetaData()
		for g := 0; g < pr.NumRowGroups(); g++ {
			for ci := 0; ci < md.Schema.NumColumns(); ci++ {
				cc, err := md.RowGroup(g).ColumnChunk(ci)
				if err != nil {
					t.Fatal(err)
				}
				name := md.Schema.Column(ci).Name()
				if w, ok := c.want[name]; ok && cc.HasDictionaryPage() != w {
					t.Errorf("version %d, row group %d, column %s: dictionary %v, want %v", c.v, g, name, cc.HasDictionaryPage(), w)
				}
			}
		}
	}
}

// TestUnknownWriterVersion: Open refuses a version it has no rules for.
func TestUnknownWriterVersion(t *testing.T) {
	tt := randomTable(rand.New(rand.NewPCG(5, 6)), 10)
	pq := filepath.Join(t.TempDir(), "d.parquet")
	tt.writeParquet(t, pq, 10)
	for _, v := range []WriterVersion{-1, LatestWriter + 1} {
		if p, err := Open(pq, Options{Writer: v}); !errors.Is(err, ErrWriterVersion) {
			if p != nil {
				p.Close()
			}
			t.Errorf("version %d: %v, want ErrWriterVersion", v, err)
		}
	}
}
