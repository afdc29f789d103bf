package splitbeam

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	for _, f := range []string{"part-1.csv", "part-0.csv", "_SUCCESS", ".part-0.csv.crc", "part-10.csv"} {
		if err := os.MkdirAll(data, 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(data, f), []byte("a\n1\n"), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{filepath.Join(data, "part-0.csv"), filepath.Join(data, "part-1.csv"), filepath.Join(data, "part-10.csv")}
	for _, args := range [][]string{{data}, {filepath.Join(data, "*.csv")}} {
		got, n, err := Inputs(args)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", args, got, want)
		}
		if args[0] == data && (n.Stem != "data" || n.Ext != ".csv" || n.OutDir != dir) {
			t.Errorf("%q: names %+v", args, n)
		}
	}
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o777)
	for _, args := range [][]string{{empty}, {filepath.Join(dir, "*.parquet")}} {
		if _, _, err := Inputs(args); !errors.Is(err, ErrEmptyInput) {
			t.Errorf("%q: err %v, want ErrEmptyInput", args, err)
		}
	}
}
