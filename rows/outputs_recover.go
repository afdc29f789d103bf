package rows

import (
	"os"
	"path/filepath"
	"slices"
)

// Recover finishes or undoes the commits of dead runs whose journals are
// in dir (see the journal), and removes their temporary files. Every
// commit does this for its folders under their locks; Recover does it for
// one folder on request (a run killed mid-commit left dir as a mix until
// then). A journal naming another folder whose lock another run holds is
// left for later.
func Recover(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	unlock, err := lockFolders([]string{abs})
	if err != nil {
		return err
	}
	unlock()
	return nil
}

// recoverDir is Recover's work in dir, whose lock the caller holds with
// those of the folders in held.
func recoverDir(dir string, held []string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	seen := map[string]bool{}
	for _, e := range ents {
		pid, base, ok := journalOwner(e.Name())
		if !ok || seen[base] || !e.Type().IsRegular() || pid == os.Getpid() || alive(pid) {
			continue
		}
		seen[base] = true
		recoverJournal(dir, base, held)
	}
	removeStale(dir)
}

// recoverJournal completes the dead commit base found in dir: forward when
// a copy in any of its folders says done, back otherwise.
func recoverJournal(dir, base string, held []string) {
	j, done, err := readJournal(dir, base)
	if err != nil {
		return
	}
	var extra []*os.File
	defer func() {
		for _, d := range extra {
			unlockFolder(d)
			d.Close()
		}
	}()
	for _, f := range j.Folders {
		if slices.Contains(held, f) {
			continue
		}
		d, err := tryLockFolder(f)
		if err != nil {
			return // busy or gone: a later commit will see the journal again
		}
		extra = append(extra, d)
		if _, err := os.Lstat(filepath.Join(f, base+doneExt)); err == nil {
			done = true
		}
	}
	for _, f := range held {
		if _, err := os.Lstat(filepath.Join(f, base+doneExt)); err == nil && slices.Contains(j.Folders, f) {
			done = true
		}
	}
	if done {
		j.rollForward()
	} else {
		j.rollBack()
	}
	j.remove()
}

// journalsOf reports whether dir still holds a journal copy of process pid
// (its backups must then stay).
func journalsOf(dir string, pid int) bool {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return true
	}
	for _, e := range ents {
		if p, _, ok := journalOwner(e.Name()); ok && p == pid {
			return true
		}
	}
	return false
}
