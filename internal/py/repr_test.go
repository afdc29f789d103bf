package py

import (
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestReprLive compares Repr with the live Python's repr(str) on names a
// user could give: quotes of both kinds, escapes, control characters,
// non-ASCII letters and fresh random strings.
func TestReprLive(t *testing.T) {
	oracle.Require(t)
	texts := []string{"", "label", "it's", `say "hi"`, `both ' and "`, `back\slash`, "tab\there", "nl\nx", "cr\rx",
		"\x00\x1f\x7f", "é ü 中文", "\u00a0nbsp", "\u2028sep", "\U0001F600", "\u200b", "\u0085"}
	r := oracle.Rand(t)
	alphabet := []rune("ab'\"\\\n\t\x01\x7féñ中\u00ad\u2029 ")
	for range 200 {
		rs := make([]rune, r.IntN(8))
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		texts = append(texts, string(rs))
	}
	var want []string
	oracle.RunJSON(t, `
import json, sys
print(json.dumps([repr(s) for s in json.load(sys.stdin)]))
`, texts, &want)
	for i, s := range texts {
		if got := Repr(s); got != want[i] {
			t.Errorf("Repr(%q) = %s, Python %s", s, got, want[i])
		}
	}
}
