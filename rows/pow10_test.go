package rows

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestPow10: the constant tables are the doubles strtod reads, bit for bit.
func TestPow10(t *testing.T) {
	for i, got := range pow10 {
		want, _ := strconv.ParseFloat("1e"+strconv.Itoa(i), 64)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("pow10[%d] = %x, want %x", i, math.Float64bits(got), math.Float64bits(want))
		}
	}
	for i, got := range ujsonFrac {
		want, _ := strconv.ParseFloat("1e-"+strconv.Itoa(i), 64)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("ujsonFrac[%d] = %x, want %x", i, math.Float64bits(got), math.Float64bits(want))
		}
	}
}

// TestLiveIsNA: isNA holds for exactly pandas' default na_values
// (STR_NA_VALUES), and not for their near misses.
func TestLiveIsNA(t *testing.T) {
	oracle.Require(t, "pandas")
	var na []string
	oracle.RunJSON(t, `
import json, sys
from pandas._libs.parsers import STR_NA_VALUES
json.load(sys.stdin)
json.dump(sorted(STR_NA_VALUES), sys.stdout)
`, nil, &na)
	if len(na) == 0 {
		t.Fatal("pandas listed no na_values")
	}
	for _, w := range na {
		if !isNA([]byte(w)) {
			t.Errorf("isNA(%q) = false", w)
		}
		for _, miss := range []string{w + " ", " " + w, strings.ToUpper(w) + "x", w[:len(w)/2] + "?"} {
			if isNA([]byte(miss)) && !slices.Contains(na, miss) {
				t.Errorf("isNA(%q) = true", miss)
			}
		}
	}
}
