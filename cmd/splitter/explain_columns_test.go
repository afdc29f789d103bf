package main

import (
	"testing"

	"github.com/splitter-dev/splitter/rows"
)

// TestStratifyColumnsClassLabels: Hugging Face's class labels are computed
// for a column whose every class has two rows, not for one with a class of
// one row (stratify_by_column could never use it); scikit-learn's labels
// are kept for both (StratifiedKFold accepts such a class).
func TestStratifyColumnsClassLabels(t *testing.T) {
	ix, err := rows.IndexBytes("d.csv", []byte("id,x,label\n0,0.5,a\n1,-0.0,b\n2,0.0,a\n3,0.5,b\n4,1.5,a\n5,1.5,b\n"), rows.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cols := stratifyColumns(ix)
	got := map[string][2]int{}
	for _, c := range cols {
		got[c.Name] = [2]int{c.Labels.Len(), c.ClassLabels.Len()}
	}
	// x: scikit-learn merges -0.0 and 0.0 (every class has two rows);
	// Hugging Face's "-0.0" and "0.0" are one row each, which its
	// stratified split refuses, so computing them is no loss either way.
	want := map[string][2]int{"id": {6, 0}, "x": {6, 6}, "label": {6, 6}}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("column %s: %d labels, %d class labels; want %v", name, got[name][0], got[name][1], w)
		}
	}
}
