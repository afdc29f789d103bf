package rows

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

func TestLineScan(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	alphabet := []byte("ab,\n;\t \xff\x8a\x0a\x2c")
	for trial := 0; trial < 20000; trial++ {
		d := make([]byte, r.IntN(200))
		for i := range d {
			d[i] = alphabet[r.IntN(len(alphabet))]
		}
		sep := []byte{',', ';', '\t', 0xff}[r.IntN(4)]
		p := 0
		if len(d) > 0 {
			p = r.IntN(len(d) + 1)
		}
		limit := len(d)
		if r.IntN(2) == 0 {
			limit = p + r.IntN(len(d)-p+1)
		}
		end, seps := lineScan(d, p, limit, sep)
		wantEnd := bytes.IndexByte(d[p:limit], '\n')
		if wantEnd < 0 {
			wantEnd = limit
		} else {
			wantEnd += p
		}
		wantSeps := bytes.Count(d[p:wantEnd], []byte{sep})
		if end != wantEnd || seps != wantSeps {
			t.Fatalf("%q from %d sep %q: got (%d,%d) want (%d,%d)", d, p, sep, end, seps, wantEnd, wantSeps)
		}
	}
}
