package pqfooter

import (
	"bytes"
	"testing"
)

// TestPermutation writes the same file again and again until Arrow's map
// order gave at least two different footers, and checks Canonical maps
// every one of them to the same bytes (and that only the footers differ).
func TestPermutation(t *testing.T) {
	for _, c := range fileCases[1:] {
		t.Run(c.name, func(t *testing.T) {
			first := writeFile(t, c)
			start, footer, err := Split(first)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Canonical(footer)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{string(footer): true}
			for i := 0; i < 50 && len(seen) < 3; i++ {
				data := writeFile(t, c)
				s, f, err := Split(data)
				if err != nil || s != start || !bytes.Equal(data[:s], first[:start]) {
					t.Fatalf("write %d: data before the footer differ (err %v)", i, err)
				}
				seen[string(f)] = true
				got, err := Canonical(f)
				if err != nil || !bytes.Equal(got, want) {
					t.Fatalf("write %d: canonical footer differs (err %v)", i, err)
				}
			}
			if len(seen) < 2 {
				t.Fatal("every write gave the same footer: the test proves nothing")
			}
			t.Logf("%d different footers, one canonical form", len(seen))
		})
	}
}
