package sample

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

type goldenFile struct {
	Versions map[string]string `json:"versions"`
	Cases    []struct {
		Case pyCase `json:"case"`
		pyOutcome
	} `json:"cases"`
}

// compare checks the Go outcome of c against Python's: the same positions,
// or an error whose message contains Python's. It reports whether the case
// was compared (false: unsupported on the Go side).
func compare(t *testing.T, c pyCase, want pyOutcome) bool {
	t.Helper()
	got, err := runGo(c)
	if errors.Is(err, errUnsupported) {
		return false
	}
	js, _ := json.Marshal(c)
	if want.Error != "" {
		msg := want.Error[strings.Index(want.Error, ": ")+2:]
		if err == nil {
			t.Errorf("case %s:\n got %v\nwant %s", js, got, want.Error)
		} else if !strings.Contains(err.Error(), msg) {
			t.Errorf("case %s:\n got error %q\nwant %s", js, err, want.Error)
		}
		return true
	}
	if err != nil {
		t.Errorf("case %s:\n got error %v\nwant %v", js, err, want.Result)
	} else if !slices.Equal(got, want.Result) && !(len(got) == 0 && len(want.Result) == 0) {
		t.Errorf("case %s:\n got %v\nwant %v", js, got, want.Result)
	}
	return true
}

func loadGolden(t testing.TB) goldenFile {
	b, err := os.ReadFile("../testdata/sample/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldenFile
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&g); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGolden(t *testing.T) {
	g := loadGolden(t)
	t.Logf("golden versions %v", g.Versions)
	done := 0
	for _, gc := range g.Cases {
		if compare(t, gc.Case, gc.pyOutcome) {
			done++
		}
	}
	t.Logf("%d of %d golden cases compared", done, len(g.Cases))
}
