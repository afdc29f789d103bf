package rng

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// TestPyRandomGolden replays testdata/rng-python/golden.json, written by
// gen_python.py from CPython's random module.
func TestPyRandomGolden(t *testing.T) {
	data, err := os.ReadFile("../testdata/rng-python/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Python  string         `json:"python"`
		Cases   []pyCase       `json:"cases"`
		Results []pyCaseResult `json:"results"`
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := d.Decode(&g); err != nil {
		t.Fatal(err)
	}
	n := pyCheckCases(t, g.Cases, g.Results)
	t.Logf("CPython %s: %d cases, %d results compared", g.Python, len(g.Cases), n)
}
