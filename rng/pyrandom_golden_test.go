package rng

import (
	"bytes"
	"encoding/json"
	"math/big"
	"os"
	"strconv"
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
		SetSize [][2]string    `json:"setsize"`
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := d.Decode(&g); err != nil {
		t.Fatal(err)
	}
	n := pyCheckCases(t, g.Cases, g.Results)
	for _, kv := range g.SetSize {
		k, _ := strconv.Atoi(kv[0])
		want, _ := new(big.Int).SetString(kv[1], 10)
		got, ok := pySetSize(k)
		if ok != want.IsInt64() || (ok && int64(got) != want.Int64()) {
			t.Errorf("setsize(k=%d) = %d (%v), Python %s", k, got, ok, want)
		}
	}
	n += len(g.SetSize)
	t.Logf("CPython %s: %d cases, %d results compared", g.Python, len(g.Cases), n)
}
