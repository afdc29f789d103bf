package arrow18

import (
	"flag"
	"testing"

	"github.com/splitter-dev/splitter/frame/internal/arrowgen"
)

var update = flag.Bool("update", false, "rewrite the files generated from frame/arrow15")

// TestGenerated: this package's files are frame/arrow15's made for Arrow
// 18 (go generate rewrites them).
func TestGenerated(t *testing.T) {
	stale, err := arrowgen.Stale("../arrow15", ".", *update)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 && !*update {
		t.Errorf("files not generated from frame/arrow15: %v (run go generate ./frame/arrow18)", stale)
	}
}
