//go:build linux

package rows

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// killedSet is the set TestOutputsKilledMidCommit's child commits over
// the previous one: a.csv and b.csv replaced, c.csv new, and a manifest
// in a second folder.
func killedSet(dir string) map[string]string {
	return map[string]string{
		filepath.Join(dir, "a.csv"): "new a", filepath.Join(dir, "b.csv"): "new b",
		filepath.Join(dir, "c.csv"): "new c", filepath.Join(dir, "m", "m.json"): "{new}",
	}
}

// TestKilledCommitChild is the child process of TestOutputsKilledMidCommit:
// it commits killedSet and kills itself (SIGKILL) before placing file i
// (i = 4: after the last rename, before the commit point).
func TestKilledCommitChild(t *testing.T) {
	spec := os.Getenv("ROWS_KILLED_COMMIT")
	if spec == "" {
		t.Skip("the child of TestOutputsKilledMidCommit")
	}
	dir, at, _ := strings.Cut(spec, "|")
	kill, _ := strconv.Atoi(at)
	o := NewOutputs(context.Background())
	BeforePlacing(o, func(i int) {
		if i == kill {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
	})
	writeSet(t, o, killedSet(dir))
	o.Commit()
	t.Fatal("not killed")
}

// TestOutputsKilledMidCommit kills a commit (SIGKILL) at each of its steps
// and requires the next commit into the folder to leave exactly the
// previous set (killed before the commit point) or exactly the new one
// (after it), with no temporary file, in both folders the set touches.
func TestOutputsKilledMidCommit(t *testing.T) {
	for kill := 0; kill <= 5; kill++ {
		root := t.TempDir()
		dir := filepath.Join(root, "out")
		os.MkdirAll(filepath.Join(dir, "m"), 0o777)
		os.WriteFile(filepath.Join(dir, "a.csv"), []byte("old a"), 0o644)
		os.WriteFile(filepath.Join(dir, "b.csv"), []byte("old b"), 0o644)
		os.WriteFile(filepath.Join(dir, "m", "m.json"), []byte("{old}"), 0o644)
		before := listDir(t, dir)
		at := kill
		if kill == 5 {
			at = 4 // then marked done by hand below: killed after the commit point
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledCommitChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "ROWS_KILLED_COMMIT="+dir+"|"+strconv.Itoa(at))
		err := cmd.Run()
		ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if err == nil || !ws.Signaled() {
			t.Fatalf("kill at %d: the child was not killed (%v)", kill, err)
		}
		if kill == 5 {
			markDoneByHand(t, filepath.Join(dir, "m"))
		}
		if kill > 0 && listDir(t, dir) == before {
			t.Fatalf("kill at %d: the folder did not change: the test kills too early", kill)
		}
		if err := Recover(filepath.Join(dir, "m")); err != nil {
			t.Fatal(err)
		}
		want := before
		if kill == 5 {
			want = "a.csv=new a b.csv=new b c.csv=new c m/ m/m.json={new}"
		}
		if got := listDir(t, dir); got != want {
			t.Errorf("kill at %d: after recovery the folder is\n%q, want\n%q", kill, got, want)
		}
	}
}

// markDoneByHand renames the journal copy in dir to .done, as the killed
// run would have done next.
func markDoneByHand(t *testing.T, dir string) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if base, ok := strings.CutSuffix(e.Name(), journalExt); ok {
			os.Rename(filepath.Join(dir, e.Name()), filepath.Join(dir, base+doneExt))
			return
		}
	}
	t.Fatal("no journal to mark")
}

// TestOutputsPlantedJournal: a journal of a dead process that names files
// outside its own folders (or backups not its writer's) is left alone:
// recovery never renames or removes anything it names.
func TestOutputsPlantedJournal(t *testing.T) {
	root := t.TempDir()
	dir, victim := filepath.Join(root, "out"), filepath.Join(root, "victim")
	os.MkdirAll(dir, 0o777)
	os.MkdirAll(victim, 0o777)
	os.WriteFile(filepath.Join(victim, "keep.csv"), []byte("keep"), 0o644)
	os.WriteFile(filepath.Join(victim, "keep.bak"), []byte("other"), 0o644)
	p, err := os.StartProcess("/bin/true", []string{"true"}, &os.ProcAttr{})
	if err != nil {
		t.Skip("no /bin/true:", err)
	}
	p.Wait()
	base := tempPrefix + itoa(p.Pid) + "-00aa00aa00aa"
	for _, j := range []string{
		// a destination outside the journal's folders
		`{"folders":["` + dir + `"],"entries":[{"path":"` + filepath.Join(victim, "keep.csv") + `","backup":"` + filepath.Join(dir, tempPrefix+itoa(p.Pid)+"-1.bak") + `","dev":0,"ino":0}]}`,
		// a backup that is not a temporary name of the dead writer's
		`{"folders":["` + dir + `","` + victim + `"],"entries":[{"path":"` + filepath.Join(victim, "keep.csv") + `","backup":"` + filepath.Join(victim, "keep.bak") + `","dev":0,"ino":0}]}`,
	} {
		os.WriteFile(filepath.Join(dir, base+journalExt), []byte(j), 0o644)
		before := listDir(t, victim)
		if err := Recover(dir); err != nil {
			t.Fatal(err)
		}
		if got := listDir(t, victim); got != before {
			t.Errorf("a planted journal changed another folder: %q, want %q", got, before)
		}
	}
}
