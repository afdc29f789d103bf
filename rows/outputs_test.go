package rows

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// listDir returns name=content for every file under dir (hidden ones too)
// and name/ for every folder.
func listDir(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out = append(out, rel+"/")
			return nil
		}
		if !d.Type().IsRegular() {
			out = append(out, rel+"~"+d.Type().String())
			return nil
		}
		b, _ := os.ReadFile(p)
		out = append(out, rel+"="+string(b))
		return nil
	})
	sort.Strings(out)
	return strings.Join(out, " ")
}

func writeSet(t *testing.T, o *Outputs, files map[string]string) {
	t.Helper()
	var names []string
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		w, err := o.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[p]))
	}
}

func TestOutputsAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	o := NewOutputs(context.Background())
	w1, err := o.Create(filepath.Join(dir, "a.csv"))
	if err != nil {
		t.Fatal(err)
	}
	w2, _ := o.Create(filepath.Join(dir, "b.csv.gz"))
	w1.Write([]byte("x\n"))
	w2.Write([]byte("y\n"))
	if got := listDir(t, dir); got != "" {
		t.Fatalf("before commit, the folder holds %q (staged files have no name)", got)
	}
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.csv")); string(b) != "x\n" {
		t.Fatalf("a.csv = %q", b)
	}
	ix, err := IndexFile(filepath.Join(dir, "b.csv.gz"), Options{})
	if err != nil || ix.Len() != 0 || ix.Names()[0] != "y" {
		t.Fatalf("b.csv.gz: %v", err)
	}
	ix.Close()

	ctx, cancel := context.WithCancel(context.Background())
	o = NewOutputs(ctx)
	o.Create(filepath.Join(dir, "c.csv"))
	cancel()
	if err := o.Commit(); err == nil {
		t.Fatal("commit after cancel succeeded")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Fatalf("after abort: %v", ents)
	}
}

// TestOutputsAbortedByContext: once a cancelled context has aborted the
// outputs (the signal came between a caller's ctx.Err check and its next
// call), Create and Commit report the cancellation, not a misuse, so that
// the command exits as interrupted.
func TestOutputsAbortedByContext(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	o := NewOutputs(ctx)
	if _, err := o.Create(filepath.Join(dir, "sub", "a.csv")); err != nil {
		t.Fatal(err)
	}
	cancel()
	// The abort runs in its own goroutine: wait (event-driven, no
	// deadline) until it has removed the folder it made.
	for {
		if ents, _ := os.ReadDir(dir); len(ents) == 0 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	if _, err := o.Create(filepath.Join(dir, "m.json")); !errors.Is(err, context.Canceled) {
		t.Errorf("Create after the abort: %v, want context.Canceled", err)
	}
	if err := o.Commit(); !errors.Is(err, context.Canceled) {
		t.Errorf("Commit after the abort: %v, want context.Canceled", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left %v", ents)
	}
}

// TestOutputsPlanRefuses: a destination that is an input (by any
// spelling or link) or another destination, or that is not a regular
// file, or whose folder cannot be made, is refused before anything is
// written.
func TestOutputsPlanRefuses(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "data.csv")
	os.WriteFile(in, []byte("a\n1\n"), 0o644)
	os.Link(in, filepath.Join(dir, "hard.csv"))
	os.Symlink(in, filepath.Join(dir, "soft.csv"))
	os.Mkdir(filepath.Join(dir, "d.json"), 0o777)
	os.WriteFile(filepath.Join(dir, "blocker"), nil, 0o644)
	syscall.Mkfifo(filepath.Join(dir, "fifo.csv"), 0o644)
	long := strings.Repeat("x", 256)
	cases := []struct {
		paths []string
		want  error
	}{
		{[]string{in}, ErrClobber},
		{[]string{filepath.Join(dir, ".", "sub", "..", "data.csv")}, ErrClobber},
		{[]string{filepath.Join(dir, "hard.csv")}, ErrClobber},
		{[]string{filepath.Join(dir, "soft.csv")}, ErrClobber},
		{[]string{filepath.Join(dir, "a.csv"), filepath.Join(dir, "x", "..", "a.csv")}, ErrClobber},
		{[]string{filepath.Join(dir, "d.json")}, ErrNotRegular},
		{[]string{filepath.Join(dir, "fifo.csv")}, ErrNotRegular},
		{[]string{filepath.Join(dir, "fresh", "sub", "a.csv"), filepath.Join(dir, "blocker", "m.json")}, syscall.ENOTDIR},
		{[]string{filepath.Join(dir, long)}, syscall.ENAMETOOLONG},
	}
	before := listDir(t, dir)
	for _, c := range cases {
		o := NewOutputs(context.Background())
		if err := o.Protect(in); err != nil {
			t.Fatal(err)
		}
		err := o.Plan(c.paths...)
		if !errors.Is(err, c.want) {
			t.Errorf("Plan(%v) = %v, want %v", c.paths, err, c.want)
		}
		o.Abort()
		if got := listDir(t, dir); got != before {
			t.Errorf("Plan(%v) changed the folder: %q", c.paths, got)
		}
	}
}

// TestOutputsFailedCommitRestores: a commit that fails after placing some
// files puts back every file it replaced and removes what it added, and
// the folders it made.
func TestOutputsFailedCommitRestores(t *testing.T) {
	dir := t.TempDir()
	old := map[string]string{filepath.Join(dir, "a.csv"): "old a", filepath.Join(dir, "b.csv"): "old b"}
	for p, s := range old {
		os.WriteFile(p, []byte(s), 0o644)
	}
	before := listDir(t, dir)
	for fail := 0; fail < 4; fail++ {
		o := NewOutputs(context.Background())
		FailPlacing(o, fail)
		writeSet(t, o, map[string]string{
			filepath.Join(dir, "a.csv"): "new a", filepath.Join(dir, "b.csv"): "new b",
			filepath.Join(dir, "c.csv"): "new c", filepath.Join(dir, "new", "m.json"): "{}",
		})
		if err := o.Commit(); err == nil {
			t.Fatalf("failing at file %d: commit succeeded", fail)
		}
		if got := listDir(t, dir); got != before {
			t.Errorf("failing at file %d: the folder is %q, want %q", fail, got, before)
		}
	}
}

// TestOutputsMode: files get 0666 minus the umask.
func TestOutputsMode(t *testing.T) {
	for _, mask := range []int{0o022, 0o077, 0o002} {
		old := syscall.Umask(mask)
		dir := t.TempDir()
		o := NewOutputs(context.Background())
		writeSet(t, o, map[string]string{filepath.Join(dir, "a.csv"): "x", filepath.Join(dir, "m.json"): "{}"})
		err := o.Commit()
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"a.csv", "m.json"} {
			st, _ := os.Stat(filepath.Join(dir, n))
			if got, want := st.Mode().Perm(), fs.FileMode(0o666&^mask); got != want {
				t.Errorf("umask %03o: %s has mode %v, want %v", mask, n, got, want)
			}
		}
	}
}

// TestOutputsStaleTemps: a commit removes the temporary files of runs that
// no longer exist, and keeps everything else.
func TestOutputsStaleTemps(t *testing.T) {
	dir := t.TempDir()
	// A process id that is surely gone: a child that has exited.
	p, err := os.StartProcess("/bin/true", []string{"true"}, &os.ProcAttr{})
	if err != nil {
		t.Skip("no /bin/true:", err)
	}
	p.Wait()
	dead := p.Pid
	stale := filepath.Join(dir, tempPrefix+itoa(dead)+"-0011aabbccdd.tmp")
	live := filepath.Join(dir, tempPrefix+itoa(os.Getppid())+"-0011aabbccdd.tmp")
	other := filepath.Join(dir, ".splitter-notes.txt")
	for _, f := range []string{stale, live, other} {
		os.WriteFile(f, []byte("x"), 0o644)
	}
	o := NewOutputs(context.Background())
	writeSet(t, o, map[string]string{filepath.Join(dir, "a.csv"): "a"})
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the dead run's temporary file is still there")
	}
	for _, f := range []string{live, other} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed", filepath.Base(f))
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestOutputsConcurrentSets: sets committed at once onto the same files
// never mix: afterwards all files come from one set.
func TestOutputsConcurrentSets(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a.csv", "b.csv", "m.json"}
	for round := 0; round < 100; round++ {
		var wg sync.WaitGroup
		for _, tag := range []string{"1", "2"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				o := NewOutputs(context.Background())
				for _, n := range names {
					w, err := o.Create(filepath.Join(dir, n))
					if err != nil {
						t.Error(err)
						return
					}
					w.Write([]byte(tag))
				}
				if err := o.Commit(); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		var got []string
		for _, n := range names {
			b, _ := os.ReadFile(filepath.Join(dir, n))
			got = append(got, string(b))
		}
		if got[0] != got[1] || got[1] != got[2] {
			t.Fatalf("round %d: mixed set %v", round, got)
		}
		if ents, _ := os.ReadDir(dir); len(ents) != len(names) {
			t.Fatalf("round %d: %d files in the folder", round, len(ents))
		}
	}
}
