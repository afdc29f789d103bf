package rows

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A commit replaces several files with renames, one after the other; a
// process killed between two of them (SIGKILL, a crash) would leave a mix
// of old and new files. The journal makes the commit recoverable: before
// the first rename, every destination folder gets a copy of one journal
// naming each destination, the hidden name its old content will be kept
// under (the backup) and the device and inode of the new file. After the
// last rename each copy is renamed from .journal to .done: that rename is
// the commit point. A later commit into any of those folders, holding
// their locks, finds the dead writer's journal and finishes its work:
// with any copy marked done it drops the backups (the new set stays);
// otherwise it puts every backup back and removes the new files it can
// prove were the dead run's (same device and inode), which restores the
// previous set exactly. Journals are not fsynced: they make the commit
// whole against the death of the process, not against a power cut.

const (
	journalExt = ".journal"
	doneExt    = ".done"
)

// journal is the record of one commit in progress.
type journal struct {
	Folders []string       `json:"folders"` // absolute, sorted; each holds a copy
	Entries []journalEntry `json:"entries"` // in placing order
	name    string         // the copies' base name without extension
}

// journalEntry is one destination of a commit.
type journalEntry struct {
	Path   string `json:"path"`   // absolute destination
	Backup string `json:"backup"` // absolute hidden name of the old content
	Dev    uint64 `json:"dev"`    // the new file's device and inode
	Ino    uint64 `json:"ino"`
}

// newJournal plans a journal for files placed into folders.
func newJournal(folders []string, files []*outFile) (*journal, error) {
	j := &journal{Folders: folders}
	j.name = strings.TrimSuffix(filepath.Base(tempName(folders[0], "x")), ".x")
	for _, f := range files {
		abs, err := filepath.Abs(f.path)
		if err != nil {
			return nil, err
		}
		e := journalEntry{Path: abs, Backup: tempName(filepath.Dir(abs), "bak")}
		if st, err := f.st.f.Stat(); err == nil {
			e.Dev, e.Ino, _ = fileKey(st)
		}
		j.Entries = append(j.Entries, e)
	}
	return j, nil
}

// write puts a copy of the journal in every folder (each complete before
// it has its name).
func (j *journal) write() error {
	b, err := json.Marshal(j)
	if err != nil {
		return err
	}
	for _, dir := range j.Folders {
		tmp := tempName(dir, "tmp")
		if err := os.WriteFile(tmp, b, 0o600); err != nil {
			os.Remove(tmp)
			return err
		}
		if err := os.Rename(tmp, filepath.Join(dir, j.name+journalExt)); err != nil {
			os.Remove(tmp)
			return err
		}
	}
	return nil
}

// markDone renames every copy to .done: the commit is whole from the first.
func (j *journal) markDone() {
	for _, dir := range j.Folders {
		os.Rename(filepath.Join(dir, j.name+journalExt), filepath.Join(dir, j.name+doneExt))
	}
}

// remove deletes every copy, whatever its state.
func (j *journal) remove() {
	for _, dir := range j.Folders {
		os.Remove(filepath.Join(dir, j.name+journalExt))
		os.Remove(filepath.Join(dir, j.name+doneExt))
	}
}

// rollBack undoes the dead run's renames: backups go back, the run's new
// files (by device and inode) go away.
func (j *journal) rollBack() {
	for _, e := range slices.Backward(j.Entries) {
		if st, err := os.Lstat(e.Backup); err == nil && st.Mode().IsRegular() {
			os.Rename(e.Backup, e.Path)
			continue
		}
		st, err := os.Lstat(e.Path)
		if err != nil || !st.Mode().IsRegular() || e.Ino == 0 {
			continue
		}
		if dev, ino, ok := fileKey(st); ok && dev == e.Dev && ino == e.Ino {
			os.Remove(e.Path)
		}
	}
}

// rollForward completes a commit that reached its commit point.
func (j *journal) rollForward() {
	for _, e := range j.Entries {
		os.Remove(e.Backup)
	}
}

// journalOwner returns the process id and base name of a journal copy's
// file name.
func journalOwner(name string) (pid int, base string, ok bool) {
	base, ok = strings.CutSuffix(name, journalExt)
	if !ok {
		base, ok = strings.CutSuffix(name, doneExt)
	}
	rest, ok2 := strings.CutPrefix(base, tempPrefix)
	if !ok || !ok2 {
		return 0, "", false
	}
	pidStr, _, ok := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(pidStr)
	return pid, base, ok && err == nil && pid > 0
}

// errJournal is a journal copy that does not describe a commit of
// splitter's (changed by hand, or planted): it is left alone.
var errJournal = errors.New("not a commit journal")

// readJournal reads the copy base+ext in dir and checks that it names only
// files it may touch: destinations in its folders, backups beside them
// under the dead writer's hidden names, dir among its folders.
func readJournal(dir, base string) (*journal, bool, error) {
	done := true
	b, err := os.ReadFile(filepath.Join(dir, base+doneExt))
	if err != nil {
		done = false
		b, err = os.ReadFile(filepath.Join(dir, base+journalExt))
	}
	if err != nil {
		return nil, false, err
	}
	j := &journal{name: base}
	if err := json.Unmarshal(b, j); err != nil {
		return nil, false, errJournal
	}
	if !slices.Contains(j.Folders, dir) {
		return nil, false, errJournal
	}
	pid, _, _ := journalOwner(base + journalExt)
	for _, e := range j.Entries {
		owner, ok := tempOwner(filepath.Base(e.Backup))
		if !slices.Contains(j.Folders, filepath.Dir(e.Path)) || filepath.Dir(e.Backup) != filepath.Dir(e.Path) ||
			!ok || owner != pid || !strings.HasSuffix(e.Backup, ".bak") {
			return nil, false, errJournal
		}
	}
	return j, done, nil
}
