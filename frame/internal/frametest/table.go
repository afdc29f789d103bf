// Package frametest draws the random tables the frame adapters' live
// differential tests read twice: as CSV text with pandas.read_csv (and
// gota), and as typed columns for Arrow builders. It holds the pandas and
// scikit-learn scripts those tests run and the cases they send.
package frametest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Table is a small data set: pos numbers the rows; ik is an int key, nk
// an int key with missing values (Missing), fk a float key (NaN missing),
// sk a string key ("" missing), bk a bool key (Missing), uk a uint64 key
// beyond int64, w weights (NaN missing). NK, SK and BK missing in a
// column are set per column, so that many columns have none.
type Table struct {
	Rows       int
	IK, NK     []int64
	NKMissing  []bool
	FK         []float64
	SK         []string
	BK         []bool
	BKMissing  []bool
	UK         []uint64
	W          []float64
	HasMissing map[string]bool
}

// Draw returns a table of n rows.
func Draw(r *rand.Rand, n int) Table {
	t := Table{Rows: n, HasMissing: map[string]bool{}}
	rate := func(col string) float64 {
		p := []float64{0, 0, 0.1, 0.4, 1}[r.IntN(5)]
		t.HasMissing[col] = p > 0
		return p
	}
	nk, fk, sk, bk := rate("nk"), rate("fk"), rate("sk"), rate("bk")
	classes := 1 + r.IntN(5)
	for range n {
		t.IK = append(t.IK, int64(r.IntN(classes))-2)
		t.NK = append(t.NK, []int64{10, 9, -1, 0, 3}[r.IntN(classes)])
		t.NKMissing = append(t.NKMissing, r.Float64() < nk)
		f := []float64{0, -1.5, 2.25, 1e10, 3, 0.0009683}[r.IntN(classes+1)]
		if r.Float64() < fk {
			f = math.NaN()
		}
		t.FK = append(t.FK, f)
		s := []string{"a", "b", "B", "ab", "é", "a b"}[r.IntN(classes+1)]
		if r.Float64() < sk {
			s = ""
		}
		t.SK = append(t.SK, s)
		t.BK = append(t.BK, r.IntN(2) == 0)
		t.BKMissing = append(t.BKMissing, r.Float64() < bk)
		t.UK = append(t.UK, []uint64{1 << 63, 5, math.MaxUint64, 0}[r.IntN(min(classes, 4))])
		w := float64(r.IntN(10))
		if r.IntN(6) == 0 {
			w = math.NaN()
		}
		t.W = append(t.W, w)
	}
	return t
}

// Columns are the key columns of a Table, in CSV order after pos.
var Columns = []string{"ik", "nk", "fk", "sk", "bk", "uk"}

// CSV writes the table as pandas reads it: missing values as empty
// fields, floats in their shortest repr, bools as true/false.
func (t Table) CSV() string {
	var b strings.Builder
	b.WriteString("pos,ik,nk,fk,sk,bk,uk,w\n")
	for i := range t.Rows {
		nk := strconv.FormatInt(t.NK[i], 10)
		if t.NKMissing[i] {
			nk = ""
		}
		bk := strconv.FormatBool(t.BK[i])
		if t.BKMissing[i] {
			bk = ""
		}
		fmt.Fprintf(&b, "%d,%d,%s,%s,%s,%s,%d,%s\n", i, t.IK[i], nk, fmtFloat(t.FK[i]), t.SK[i], bk, t.UK[i], fmtFloat(t.W[i]))
	}
	return b.String()
}

func fmtFloat(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}
