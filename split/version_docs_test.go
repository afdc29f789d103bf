package split

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var updateDocs = flag.Bool("update", false, "rewrite the generated blocks of the docs")

const (
	variantsDoc   = "../docs/compatibility.md"
	variantsBegin = "<!-- begin sklearn-variants: generated from split.SklearnVariants; go test ./split -run TestVariantsDoc -update -->\n"
	variantsEnd   = "<!-- end sklearn-variants -->\n"
)

// variantsTable renders SklearnVariants as the docs' Markdown table.
func variantsTable() string {
	var b strings.Builder
	b.WriteString("| Splitter | Variant | Releases | What it does (upstream change) |\n|---|---|---|---|\n")
	esc := strings.NewReplacer("*", `\*`, "|", `\|`)
	for _, r := range SklearnVariants() {
		span := r.From + "–" + r.To
		switch {
		case r.To == "":
			span = r.From + "+"
		case r.To == r.From:
			span = r.From
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.Splitter, r.Variant, span, esc.Replace(r.Note))
	}
	return b.String()
}

// TestVariantsDoc checks that docs/compatibility.md shows the variant
// table as SklearnVariants derives it from the behaviour table (-update
// rewrites the block).
func TestVariantsDoc(t *testing.T) {
	raw, err := os.ReadFile(variantsDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	i, j := strings.Index(doc, variantsBegin), strings.Index(doc, variantsEnd)
	if i < 0 || j < i {
		t.Fatalf("%s: no generated sklearn-variants block", variantsDoc)
	}
	want := variantsTable()
	if got := doc[i+len(variantsBegin) : j]; got == want {
		return
	}
	if !*updateDocs {
		t.Fatalf("%s: the sklearn-variants table is stale; run go test ./split -run TestVariantsDoc -update", variantsDoc)
	}
	doc = doc[:i+len(variantsBegin)] + want + doc[j:]
	if err := os.WriteFile(variantsDoc, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
}
