package rng

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// TestGeneratorGolden replays testdata/rng-generator/generator_golden.json,
// written by gen_generator.py from numpy (version recorded in the file).
func TestGeneratorGolden(t *testing.T) {
	b, err := os.ReadFile("../testdata/rng-generator/generator_golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Numpy string `json:"numpy"`
		Cases []struct {
			Case genCase         `json:"case"`
			Want json.RawMessage `json:"want"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for i := range doc.Cases {
		n += genCompare(t, fmt.Sprintf("golden case %d", i), &doc.Cases[i].Case, doc.Cases[i].Want)
	}
	t.Logf("%d cases, %d outputs compared with numpy %s", len(doc.Cases), n, doc.Numpy)
}
