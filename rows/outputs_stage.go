package rows

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// tempPrefix starts the name of every file splitter names only for the
// moment of a commit; the writer's process id follows, so a later run can
// prove a leftover stale (its writer is gone) and remove it.
const tempPrefix = ".splitter-"

// staged is one output's content before the commit: an unnamed file where
// the system has them (O_TMPFILE), a hidden temporary name elsewhere.
type staged struct {
	f      *os.File
	named  string // the temporary name, "" while the file has none
	backup string // the replaced destination's old content, during a commit
}

// stage opens the staged file for the destination path.
func stage(path string) (*staged, error) {
	dir := filepath.Dir(path)
	if f, err := openUnnamed(dir); err == nil {
		return &staged{f: f}, nil
	}
	name := tempName(dir, "tmp")
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return nil, err
	}
	return &staged{f: f, named: name}, nil
}

// tempName is a fresh hidden name in dir, at most 40 bytes long whatever
// the destination's name.
func tempName(dir, kind string) string {
	var b [6]byte
	rand.Read(b[:])
	return filepath.Join(dir, tempPrefix+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(b[:])+"."+kind)
}

// place puts the staged file at path, keeping a link to the file it
// replaces under the name backup until finish (or restore).
func (s *staged) place(path, backup string) error {
	if s.named == "" {
		name := tempName(filepath.Dir(path), "tmp")
		if err := linkUnnamed(s.f, name); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		s.named = name
	}
	if _, err := os.Lstat(path); err == nil {
		if err := os.Link(path, backup); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		s.backup = backup
	}
	if err := os.Rename(s.named, path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	s.named = ""
	return nil
}

// restore undoes place: the old file goes back, or the new one goes away.
func (s *staged) restore(path string) {
	if s.backup != "" {
		os.Rename(s.backup, path)
		s.backup = ""
		return
	}
	os.Remove(path)
}

// finish closes the committed file and drops the old content's link.
func (s *staged) finish() {
	s.f.Close()
	if s.backup != "" {
		os.Remove(s.backup)
	}
}

// discard drops a file that is not committed.
func (s *staged) discard() {
	s.f.Close()
	if s.named != "" {
		os.Remove(s.named)
	}
	if s.backup != "" {
		os.Remove(s.backup)
	}
}

// removeStale removes the temporary files in dir of runs that no longer
// exist (killed before they could clean up), except the backups a journal
// still needs. Called under dir's lock, after recoverDir.
func removeStale(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		pid, ok := tempOwner(e.Name())
		if !ok || !e.Type().IsRegular() || pid == os.Getpid() || alive(pid) {
			continue
		}
		if strings.HasSuffix(e.Name(), ".bak") && journalsOf(dir, pid) {
			continue // a journal not yet recovered needs it
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// tempOwner returns the process id in a temporary name of splitter's.
func tempOwner(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, tempPrefix)
	if !ok || !(strings.HasSuffix(rest, ".tmp") || strings.HasSuffix(rest, ".bak")) {
		return 0, false
	}
	pidStr, _, ok := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(pidStr)
	return pid, ok && err == nil && pid > 0
}
