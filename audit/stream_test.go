package audit

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/splitter-dev/splitter/rows"
)

// streamCompare writes want to a Comparer on a file holding got, in
// pieces of random sizes.
func streamCompare(t *testing.T, r *rand.Rand, name string, want, got []byte, o CompareOptions) (Diff, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	content := got
	if rows.IsGzipPath(name) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(got)
		zw.Close()
		content = b.Bytes()
	}
	if err := os.WriteFile(path, content, 0o666); err != nil {
		t.Fatal(err)
	}
	c, err := NewComparer(context.Background(), path, name, o)
	if err != nil {
		t.Fatal(err)
	}
	for p := want; len(p) > 0; {
		k := min(len(p), 1+r.IntN(40))
		if r.IntN(10) == 0 {
			k = len(p)
		}
		if _, err := c.Write(p[:k]); err != nil {
			t.Fatal(err)
		}
		p = p[k:]
	}
	d, sum, err := c.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return d, sum
}

// randomCSV draws a CSV whose fields may be quoted and hold separators,
// quotes, CR and LF.
func randomCSV(r *rand.Rand) []string {
	field := func() string {
		switch r.IntN(8) {
		case 0:
			return `"a,` + fmt.Sprint(r.IntN(5)) + "\n" + `x"`
		case 1:
			return `"q""` + fmt.Sprint(r.IntN(5)) + `"`
		case 2:
			return `b"` + fmt.Sprint(r.IntN(5))
		case 3:
			return `"r` + "\r\n" + fmt.Sprint(r.IntN(3)) + `"`
		}
		return fmt.Sprint(r.IntN(6))
	}
	n := r.IntN(12)
	recs := make([]string, n+1)
	recs[0] = "id,v"
	for i := 1; i <= n; i++ {
		recs[i] = field() + "," + field()
	}
	return recs
}

func join(recs []string, eol string) []byte {
	var b strings.Builder
	for _, r := range recs {
		b.WriteString(r + eol)
	}
	return []byte(b.String())
}

// mutate applies one random edit to a file's records or bytes.
func mutate(r *rand.Rand, recs []string) []byte {
	out := append([]string(nil), recs...)
	body := out[1:]
	switch k := r.IntN(9); {
	case k == 0 && len(body) > 1:
		i, j := r.IntN(len(body)), r.IntN(len(body))
		body[i], body[j] = body[j], body[i]
	case k == 1 && len(body) > 0:
		i := r.IntN(len(body))
		out = append(out[:1+i], out[2+i:]...)
	case k == 2 && len(body) > 0:
		out = append(out, body[r.IntN(len(body))])
	case k == 3 && len(body) > 0:
		body[r.IntN(len(body))] = "9,9"
	case k == 4:
		return join(out, "\r\n")
	case k == 5:
		b := join(out, "\n")
		return b[:len(b)-1]
	case k == 6:
		out[0] = "id,w"
	case k == 7 && len(body) > 0:
		i := 1 + r.IntN(len(body))
		out = append(out[:i], append([]string{" "}, out[i:]...)...)
	case k == 8:
		b := join(out, "\n")
		return b[:r.IntN(len(b)+1)]
	}
	return join(out, "\n")
}

// TestComparerMatchesCompareBytes checks the streaming comparison against
// the in-memory one on random files and edits.
func TestComparerMatchesCompareBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		recs := randomCSV(r)
		want := join(recs, "\n")
		got := mutate(r, recs)
		anyOrder := r.IntN(3) == 0
		ref, err := CompareBytes("f.csv", want, got, rows.Options{}, anyOrder)
		if err != nil {
			continue // an unterminated quote: the in-memory reader refuses it
		}
		name := "f.csv"
		if n%5 == 0 {
			name = "f.csv.gz"
		}
		d, sum := streamCompare(t, r, name, want, got, CompareOptions{AnyOrder: anyOrder, Quote: true})
		if sum != HashBytes(got) {
			t.Fatalf("sha256 %s, want %s", sum, HashBytes(got))
		}
		if d.Equal() != ref.Equal() || d.Missing != ref.Missing || d.Extra != ref.Extra || d.Misplaced != ref.Misplaced ||
			d.LineEnds != ref.LineEnds || !ref.LineEnds && d.Row != ref.Row {
			t.Fatalf("%q vs %q (any order %v):\nstream    %+v\n%s\nin memory %+v\n%s", want, got, anyOrder, d, d, ref, ref)
		}
		if ref.LineEnds && d.Offset != ref.Offset {
			t.Fatalf("%q vs %q: offset %d, want %d", want, got, d.Offset, ref.Offset)
		}
		if !d.Equal() && !anyOrder && !d.LineEnds {
			// The rows shown are those CompareBytes shows, when known.
			if d.Got != nil && !bytes.Equal(d.Got, ref.Got) || d.Want != nil && !bytes.Equal(d.Want, ref.Want) {
				t.Fatalf("%q vs %q: shows %q, %q; want %q, %q", want, got, d.Want, d.Got, ref.Want, ref.Got)
			}
		}
		// Without Quote nothing of either file is in the report.
		s, _ := streamCompare(t, r, name, want, got, CompareOptions{AnyOrder: anyOrder})
		if s.Want != nil || s.Got != nil || strings.Contains(s.Summary(), `"`) {
			t.Fatalf("%q vs %q: summary shows bytes: %s", want, got, s.Summary())
		}
	}
}

func TestComparerLines(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	want := []byte("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n")
	for _, c := range []struct {
		got      string
		anyOrder bool
		row      int
	}{
		{"{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", false, -1},
		{"{\"a\":1}\n{\"a\":3}\n{\"a\":2}\n", false, 2},
		{"{\"a\":3}\n{\"a\":1}\n{\"a\":2}\n", true, -1},
		{"{\"a\":1}\r\n{\"a\":2}\r\n{\"a\":3}\r\n", false, 1},
		{"{\"a\":1}\n{\"a\":2}\n", false, 3},
	} {
		ref := CompareLines("f.jsonl", want, []byte(c.got), c.anyOrder)
		d, _ := streamCompare(t, r, "f.jsonl", want, []byte(c.got), CompareOptions{Layout: LineRows, AnyOrder: c.anyOrder})
		if d.Row != c.row || ref.Row != c.row || d.Missing != ref.Missing || d.Misplaced != ref.Misplaced {
			t.Errorf("%q: %+v, in memory %+v", c.got, d, ref)
		}
	}
}

func TestComparerBinary(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	want := []byte("PAR1 some bytes PAR1")
	if d, _ := streamCompare(t, r, "f.parquet", want, want, CompareOptions{Layout: WholeBytes}); !d.Equal() {
		t.Errorf("equal: %s", d)
	}
	d, _ := streamCompare(t, r, "f.parquet", want, []byte("PAR1 some bytez PAR1"), CompareOptions{Layout: WholeBytes})
	if !d.Binary || d.Offset != 14 || strings.Contains(d.Summary(), "bytez") {
		t.Errorf("differs: %+v %s", d, d)
	}
	d, _ = streamCompare(t, r, "f.parquet", want, append(want, 'x'), CompareOptions{Layout: WholeBytes})
	if d.Offset != int64(len(want)) {
		t.Errorf("longer: %+v", d)
	}
}

// TestComparerRefusesSpecialFiles checks that a FIFO or a device is
// refused at once, not read.
func TestComparerRefusesSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "f.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, p := range []string{fifo, "/dev/zero", t.TempDir()} {
		done := make(chan error, 1)
		go func() {
			_, err := NewComparer(context.Background(), p, p, CompareOptions{})
			if err == nil {
				_, err = HashFile(p)
			}
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, rows.ErrNotRegular) {
				t.Errorf("%s: %v, want ErrNotRegular", p, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: blocked", p)
		}
		if _, err := HashFile(p); !errors.Is(err, rows.ErrNotRegular) {
			t.Errorf("HashFile(%s): %v", p, err)
		}
		if _, err := ReadManifest(p); !errors.Is(err, rows.ErrNotRegular) {
			t.Errorf("ReadManifest(%s): %v", p, err)
		}
	}
}

func TestComparerCancel(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.csv")
	os.WriteFile(path, []byte("a\n1\n"), 0o666)
	ctx, cancel := context.WithCancel(context.Background())
	c, err := NewComparer(ctx, path, "f.csv", CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cancel()
	if _, err := c.Write([]byte("a\n")); !errors.Is(err, context.Canceled) {
		t.Errorf("Write after cancel: %v", err)
	}
}

// FuzzComparer checks the streaming comparison against the in-memory one
// on arbitrary contents: the same verdict and counts, and the SHA-256 of
// the file's content.
func FuzzComparer(f *testing.F) {
	f.Add([]byte("id,v\n1,\"a\nb\"\n2,c\n"), []byte("id,v\n2,c\n1,\"a\nb\"\n"), false, uint8(3))
	f.Add([]byte("a\r\nb\r\n"), []byte("a\nb\n \n"), true, uint8(1))
	f.Fuzz(func(t *testing.T, want, got []byte, anyOrder bool, step uint8) {
		ref, err := CompareBytes("f.csv", want, got, rows.Options{}, anyOrder)
		path := filepath.Join(t.TempDir(), "f.csv")
		if err := os.WriteFile(path, got, 0o666); err != nil {
			t.Fatal(err)
		}
		c, cerr := NewComparer(context.Background(), path, "f.csv", CompareOptions{AnyOrder: anyOrder})
		if cerr != nil {
			t.Fatal(cerr)
		}
		k := 1 + int(step)
		for p := want; len(p) > 0; p = p[min(k, len(p)):] {
			c.Write(p[:min(k, len(p))])
		}
		d, sum, ferr := c.Finish()
		if ferr != nil {
			t.Fatal(ferr)
		}
		if sum != HashBytes(got) {
			t.Fatalf("sha256 %s, want %s", sum, HashBytes(got))
		}
		if !anyOrder && d.Equal() != bytes.Equal(want, got) {
			t.Fatalf("Equal %v for %q vs %q", d.Equal(), want, got)
		}
		if err != nil || !utf8Valid(want, got) {
			return // the in-memory reader refuses it (unterminated quote, bad UTF-8)
		}
		if d.Equal() != ref.Equal() || d.Missing != ref.Missing || d.Extra != ref.Extra || d.Misplaced != ref.Misplaced {
			t.Fatalf("%q vs %q (any order %v):\nstream    %s\nin memory %s", want, got, anyOrder, d, ref)
		}
	})
}

func utf8Valid(bs ...[]byte) bool {
	for _, b := range bs {
		if !utf8.Valid(b) {
			return false
		}
	}
	return true
}

// TestComparerDeepDifference: a difference several reads into a file (the
// rows before it counted only then, by reading the file's start again) is
// reported at the row, line and counts the in-memory comparison gives,
// for a plain and a compressed file.
func TestComparerDeepDifference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	recs := []string{"id,v"}
	for size := 0; size < 3*chunk; {
		for _, rec := range randomCSV(r)[1:] {
			recs = append(recs, rec)
			size += len(rec) + 1
		}
	}
	want := join(recs, "\n")
	for _, name := range []string{"f.csv", "f.csv.gz"} {
		for _, edit := range []string{"replace", "drop", "extra", "truncate"} {
			i := len(recs)/2 + r.IntN(len(recs)/2) // a record past the first read
			out := append([]string(nil), recs...)
			var got []byte
			switch edit {
			case "replace":
				out[i] = "9,9"
			case "drop":
				out = append(out[:i], out[i+1:]...)
			case "extra":
				out = append(out, "9,9")
			}
			got = join(out, "\n")
			if edit == "truncate" {
				got = want[:len(join(recs[:i], "\n"))]
			}
			ref, err := CompareBytes(name, want, got, rows.Options{}, false)
			if err != nil {
				t.Fatal(err)
			}
			d, sum := streamCompare(t, r, name, want, got, CompareOptions{Quote: true})
			if sum != HashBytes(got) {
				t.Fatalf("%s %s: sha256 %s, want %s", name, edit, sum, HashBytes(got))
			}
			if d.Equal() || d.Row != ref.Row || d.Missing != ref.Missing || d.Extra != ref.Extra || d.Misplaced != ref.Misplaced ||
				!bytes.Equal(d.Want, ref.Want) || d.Got != nil && !bytes.Equal(d.Got, ref.Got) {
				t.Fatalf("%s %s at %d:\nstream    %s\nin memory %s", name, edit, i, d, ref)
			}
			if wantLine := 1 + bytes.Count(join(recs[:d.Row], "\n"), []byte("\n")); d.Line != wantLine && !d.GotEnd {
				t.Errorf("%s %s: line %d, want %d", name, edit, d.Line, wantLine)
			}
		}
	}
}
