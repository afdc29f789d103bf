package rows

import (
	"encoding/json"
	"os"
	"testing"
)

// TestGolden checks the engine against testdata/rows/pandas_read_csv.json,
// written by testdata/rows/gen_rows.py with pandas 1.5.3.
func TestGolden(t *testing.T) {
	b, err := os.ReadFile("../testdata/rows/pandas_read_csv.json")
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Pandas string `json:"pandas"`
		Cases  []struct {
			CSV  string     `json:"csv"`
			Sep  string     `json:"sep"`
			Want pandasRead `json:"want"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if g.Pandas != "1.5.3" || len(g.Cases) < 200 {
		t.Fatalf("golden file: pandas %s, %d cases", g.Pandas, len(g.Cases))
	}
	for i, c := range g.Cases {
		if msg := comparePandasSep([]byte(c.CSV), c.Sep[0], c.Want, false); msg != "" {
			t.Errorf("case %d %q: %s", i, c.CSV, msg)
		}
	}
}

// TestGoldenJSONLines checks JSON Lines against
// testdata/rows/pandas_read_json.json (pandas.read_json(lines=True)).
func TestGoldenJSONLines(t *testing.T) {
	b, err := os.ReadFile("../testdata/rows/pandas_read_json.json")
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Pandas string `json:"pandas"`
		Cases  []struct {
			JSONL string     `json:"jsonl"`
			Want  pandasRead `json:"want"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if g.Pandas != "1.5.3" || len(g.Cases) < 100 {
		t.Fatalf("golden file: pandas %s, %d cases", g.Pandas, len(g.Cases))
	}
	for i, c := range g.Cases {
		c.Want.RevOK = true
		if msg := compareJSONL([]byte(c.JSONL), c.Want); msg != "" {
			t.Errorf("case %d %q: %s", i, c.JSONL, msg)
		}
	}
}
