package main

import (
	"testing"

	"github.com/splitter-dev/splitter/job"
)

func TestSplitName(t *testing.T) {
	for _, tc := range []struct{ in, stem, ext string }{
		{"data.csv", "data", ".csv"},
		{"dir/data.csv.gz", "data", ".csv.gz"},
		{"data.CSV", "data", ".CSV"},
		{"my.data.tsv", "my.data", ".tsv"},
		{"data", "data", ""},
		{"data.gz", "data", ".gz"},
		{"x.parquet", "x", ".parquet"},
		{".csv", ".csv", ""},
		{"a.jsonl.gz", "a", ".jsonl.gz"},
	} {
		stem, ext := job.SplitName(tc.in)
		if stem != tc.stem || ext != tc.ext {
			t.Errorf("job.SplitName(%q) = %q, %q; want %q, %q", tc.in, stem, ext, tc.stem, tc.ext)
		}
	}
	if got := job.OutputPath("in/data.csv.gz", "", "train"); got != "in/data.train.csv.gz" {
		t.Errorf("outputPath: %q", got)
	}
	if got := job.OutputPath("in/data", "out", "test"); got != "out/data.test.csv" {
		t.Errorf("outputPath: %q", got)
	}
}
