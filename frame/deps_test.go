package frame

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportSplit: each adapter links only its own data-frame library, so
// that a gota pipeline does not build Arrow, and an Arrow 18 pipeline
// does not build Arrow 15 (go list -deps, as the linker would see them).
func TestImportSplit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	const (
		gota    = "github.com/go-gota/gota/"
		arrow15 = "github.com/apache/arrow/go/v15/"
		arrow18 = "github.com/apache/arrow-go/v18/"
	)
	for _, c := range []struct {
		pkg    string
		banned []string
	}{
		{".", []string{gota, arrow15, arrow18}},
		{"./gota", []string{arrow15, arrow18}},
		{"./arrow15", []string{gota, arrow18}},
		{"./arrow18", []string{gota, arrow15}},
	} {
		out, err := exec.Command("go", "list", "-deps", c.pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", c.pkg, err)
		}
		deps := strings.Fields(string(out))
		third := 0
		for _, d := range deps {
			first, _, _ := strings.Cut(d, "/")
			if strings.Contains(first, ".") && !strings.HasPrefix(d, "github.com/splitter-dev/") {
				third++
			}
			for _, b := range c.banned {
				if strings.HasPrefix(d, b) {
					t.Errorf("%s imports %s", c.pkg, d)
				}
			}
		}
		t.Logf("%s: %d packages, %d third-party", c.pkg, len(deps), third)
	}
}
