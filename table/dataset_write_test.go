package table

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/splitter-dev/splitter/rows"
)

// TestDatasetWriteParts: the parts written together are those written
// one by one (below rows.SpillMin the parts are written in turn; rows'
// TestConcatParts checks the staged pass larger datasets take).
func TestDatasetWriteParts(t *testing.T) {
	dir := t.TempDir()
	texts := []string{"a,b\r\n1,x\r\n", "a,b\n", "a,b\n2,\"y\nz\"\n3,w", "a,b\n4,v\n\n5,u\n"}
	var files []string
	for k, text := range texts {
		p := filepath.Join(dir, fmt.Sprintf("p%d.csv", k))
		if err := os.WriteFile(p, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	d, err := OpenDataset(context.Background(), files, rows.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	orders := [][]int{{4, 1, 3}, {}, {0, 2}}
	got := make([]bytes.Buffer, len(orders))
	ws := make([]io.Writer, len(orders))
	for k := range ws {
		ws[k] = &got[k]
	}
	if err := d.WritePartsContext(context.Background(), ws, orders); err != nil {
		t.Fatal(err)
	}
	for k, order := range orders {
		var want bytes.Buffer
		if err := d.WriteRowsContext(context.Background(), &want, order); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got[k].Bytes(), want.Bytes()) {
			t.Errorf("part %d: wrote %q, want %q", k, got[k].Bytes(), want.Bytes())
		}
	}
	if err := d.WritePartsContext(context.Background(), ws[:1], orders); err == nil {
		t.Error("one writer for three orders: no error")
	}
	if err := d.WritePartsContext(context.Background(), ws[:1], [][]int{{5}}); err == nil {
		t.Error("row out of range: no error")
	}
}
