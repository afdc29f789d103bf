package splitbeam

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// testRows is the size of the exactness tests' dataset: 1M rows (what CI
// runs), 20k with -short, or SPLITBEAM_ROWS.
func testRows(t *testing.T) int {
	if s := os.Getenv("SPLITBEAM_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 10 {
			t.Fatalf("SPLITBEAM_ROWS=%q: want an integer >= 10", s)
		}
		return n
	}
	if testing.Short() {
		return 20_000
	}
	return 1_000_000
}

const testHeader = "id,label,x,text\n"

// writeDataset writes n rows as shards data/part-0000i.csv under dir (one
// empty, one of one row, the last without a final line end). Some rows
// hold quoted newlines (LF and CRLF), commas and doubled quotes; labels
// are skewed.
func writeDataset(t testing.TB, dir string, n int) (shards []string) {
	r := rand.New(rand.NewPCG(19, 4))
	var body bytes.Buffer
	ends := []int{0}
	for i := range n {
		writeRow(&body, r, i)
		ends = append(ends, body.Len())
	}
	data := body.Bytes()
	data = data[:len(data)-1] // the last row has no line end
	ends[n]--
	cuts := []int{0, n / 7, n / 7, n/7 + 1, n / 2, 3 * n / 4, n}
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o777); err != nil {
		t.Fatal(err)
	}
	for s := 0; s+1 < len(cuts); s++ {
		p := filepath.Join(dir, "data", fmt.Sprintf("part-%05d.csv", s))
		shard := append([]byte(testHeader), data[ends[cuts[s]]:ends[cuts[s+1]]]...)
		if err := os.WriteFile(p, shard, 0o666); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, p)
	}
	return shards
}

// writeRow writes row i: id, label, x, text.
func writeRow(b *bytes.Buffer, r *rand.Rand, i int) {
	labels := []string{"a", "a", "a", "b", "b", "c", "d", "e"}
	fmt.Fprintf(b, "%d,%s,%.6f,", i, labels[r.IntN(len(labels))], r.Float64())
	switch {
	case i%1001 == 0:
		fmt.Fprintf(b, "\"crlf %d\r\ninside\"\n", i)
	case i%97 == 0:
		fmt.Fprintf(b, "\"line %d\nnext, \"\"quoted\"\"\"\n", i)
	default:
		fmt.Fprintf(b, "t%d\n", i)
	}
}
