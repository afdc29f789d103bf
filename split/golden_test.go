package split

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// TestGolden replays testdata/split/golden_split.json, written by
// gen_split.py from scikit-learn 1.2.1 / numpy 1.24.2.
func TestGolden(t *testing.T) {
	b, err := os.ReadFile("../testdata/split/golden_split.json")
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Versions map[string]string `json:"versions"`
		Cases    []struct {
			Case   ocase   `json:"case"`
			Result oresult `json:"result"`
		} `json:"cases"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&g); err != nil {
		t.Fatal(err)
	}
	if g.Versions["sklearn"] != "1.2.1" || g.Versions["numpy"] != "1.24.2" {
		t.Fatalf("golden file from %v, want sklearn 1.2.1 / numpy 1.24.2", g.Versions)
	}
	bad := 0
	for _, c := range g.Cases {
		if !checkResult(t, c.Case, c.Result) {
			bad++
		}
	}
	if len(g.Cases) < 200 {
		t.Fatalf("only %d golden cases", len(g.Cases))
	}
	t.Logf("%d golden cases, %d differ", len(g.Cases), bad)
}
