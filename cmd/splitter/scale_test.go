package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// writeScaleCSV writes n rows of about 33 bytes ("id,x,y,label", the
// issue's 33 MB per million rows) and returns the file's size.
func writeScaleCSV(t testing.TB, path string, n int) int64 {
	return writeWideCSV(t, path, n, 0)
}

// writeWideCSV is writeScaleCSV with a last column, note, of pad letters
// when pad > 0 (wide rows: a big file with few rows).
func writeWideCSV(t testing.TB, path string, n, pad int) int64 {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	r := rand.New(rand.NewPCG(uint64(n), 9))
	if pad > 0 {
		w.WriteString("id,x,y,label,note\n")
	} else {
		w.WriteString("id,x,y,label\n")
	}
	note := bytes.Repeat([]byte("abcdefghij"), pad/10+1)[:pad]
	var b []byte
	for i := 0; i < n; i++ {
		b = strconv.AppendInt(b[:0], int64(i), 10)
		b = append(b, ',')
		b = strconv.AppendFloat(b, r.Float64()*100, 'f', 7, 64)
		b = append(b, ',')
		b = strconv.AppendFloat(b, r.Float64(), 'f', 7, 64)
		b = append(b, ",c"...)
		b = strconv.AppendInt(b, int64(r.IntN(5)), 10)
		if pad > 0 {
			b = append(b, ',')
			b = append(b, note...)
		}
		b = append(b, '\n')
		w.Write(b)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	f.Close()
	return st.Size()
}

// TestSplitUnderMemoryLimit splits a 1,000,000-row CSV of wide rows
// (~170 MB) with the Go heap limited to 16 MiB (GOMEMLIMIT) and checks that
// the process's peak RSS stays within 16 bytes per row plus a constant, far
// below the file's size, and that the outputs hold exactly the ids
// scikit-learn's train_test_split(np.arange(n), test_size=0.2,
// random_state=S) returns, in order, each line byte for byte the input's.
//
// Peak RSS is read by /usr/bin/time (Debian's time package, installed by
// scripts/install-oracle): the rusage of a child started from this large
// test process would report the test's own peak, which Linux hands to a
// child at exec.
func TestSplitUnderMemoryLimit(t *testing.T) {
	oracle.Require(t, "numpy", "sklearn")
	const timeBin = "/usr/bin/time"
	if _, err := os.Stat(timeBin); err != nil {
		t.Fatalf("%s is needed to read the peak RSS (apt-get install time, or scripts/install-oracle): %v", timeBin, err)
	}
	const n = 1_000_000
	dir := t.TempDir()
	path := filepath.Join(dir, "big.csv")
	size := writeWideCSV(t, path, n, 130)
	seed := oracle.Rand(t).Uint32()
	var want struct{ Train, Test []int }
	oracle.RunJSON(t, `
import json, sys
import numpy as np
from sklearn.model_selection import train_test_split
c = json.load(sys.stdin)
tr, te = train_test_split(np.arange(c["n"]), test_size=0.2, random_state=c["seed"])
json.dump({"Train": tr.tolist(), "Test": te.tolist()}, sys.stdout)
`, map[string]any{"n": n, "seed": seed}, &want)

	rssFile := filepath.Join(t.TempDir(), "rss")
	cmd := exec.Command(timeBin, "-f", "%M", "-o", rssFile, splitterBin, "--seed", fmt.Sprint(seed), "--test", "0.2", "--no-manifest", path)
	cmd.Env = append(os.Environ(), "GOMEMLIMIT=16MiB")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("splitter: %v: %s", err, stderr.Bytes())
	}
	rssText, err := os.ReadFile(rssFile)
	if err != nil {
		t.Fatal(err)
	}
	peakKB, err := strconv.Atoi(string(bytes.TrimSpace(rssText)))
	if err != nil {
		t.Fatalf("peak RSS %q: %v", rssText, err)
	}
	peak := int64(peakKB) * 1024
	// 16 bytes a row, plus a constant: the binary's resident code and
	// runtime (~24 MiB), one output window (an eighth of the output, at
	// most 32 MiB) and slack: 64 MiB.
	limit := int64(16*n + 64<<20)
	t.Logf("%d rows, %.1f MB file, GOMEMLIMIT=16MiB: %v, peak RSS %.1f MB (limit %.1f MB)", n, float64(size)/1e6, time.Since(start).Round(time.Millisecond), float64(peak)/1e6, float64(limit)/1e6)
	if peak > limit || 2*peak > size {
		t.Errorf("peak RSS %.1f MB: want at most %.1f MB (16 B/row + 64 MiB) and under half the %.1f MB file", float64(peak)/1e6, float64(limit)/1e6, float64(size)/1e6)
	}

	in, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(in, []byte{'\n'})
	header := lines[0]
	lines = lines[1 : n+1]
	for _, part := range []struct {
		name string
		ids  []int
	}{{"train", want.Train}, {"test", want.Test}} {
		got, err := os.ReadFile(filepath.Join(dir, "big."+part.name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(got, header) {
			t.Fatalf("%s: header %q", part.name, got[:min(len(got), 40)])
		}
		got = got[len(header):]
		for k, id := range part.ids {
			l := lines[id]
			if !bytes.HasPrefix(got, l) {
				t.Fatalf("%s row %d: want input row %d %q, got %q", part.name, k, id, l, got[:min(len(got), len(l))])
			}
			got = got[len(l):]
		}
		if len(got) != 0 {
			t.Fatalf("%s: %d extra bytes", part.name, len(got))
		}
	}
}
