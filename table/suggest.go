package table

import (
	"fmt"
	"slices"
	"strings"
)

// didYouMean is the hint after an unknown column name: the closest
// existing names (by edit distance, case ignored), then every column:
// ` (did you mean "churned"? columns: id, label, churned)`.
func didYouMean(name string, columns []string) string {
	type cand struct {
		name string
		d    int
	}
	var close []cand
	limit := max(2, len(name)/3)
	if len(name) <= 2 {
		limit = 1
	}
	for _, c := range columns {
		if strings.EqualFold(c, name) {
			limit = 0 // a name differing only in case is the one meant
		}
	}
	for _, c := range columns {
		if d := editDistance(strings.ToLower(name), strings.ToLower(c)); d <= limit {
			close = append(close, cand{c, d})
		}
	}
	slices.SortStableFunc(close, func(a, b cand) int { return a.d - b.d })
	var b strings.Builder
	b.WriteString(" (")
	if len(close) > 0 {
		quoted := make([]string, 0, 3)
		for _, c := range close[:min(3, len(close))] {
			quoted = append(quoted, fmt.Sprintf("%q", c.name))
		}
		fmt.Fprintf(&b, "did you mean %s? ", strings.Join(quoted, " or "))
	}
	shown := columns
	if len(shown) > 20 {
		shown = shown[:20]
	}
	b.WriteString("columns: " + strings.Join(shown, ", "))
	if len(columns) > len(shown) {
		fmt.Fprintf(&b, ", ... (%d in all)", len(columns))
	}
	b.WriteString(")")
	return b.String()
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
