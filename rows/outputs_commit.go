package rows

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
)

// Commit flushes every output, then, holding the lock of each
// destination folder, checks every destination again and puts the files
// in place in the order they were created. A failure restores what the
// commit had replaced and removes what it had added. Once the commit has
// begun, a cancelled context no longer stops it: it takes a few
// milliseconds and ends with the whole set in place or none of it.
func (o *Outputs) Commit() error {
	if o.ctx != nil && o.ctx.Err() != nil {
		o.Abort()
		return o.ctx.Err()
	}
	o.mu.Lock()
	if o.done {
		o.mu.Unlock()
		return o.closedErr()
	}
	o.done = true
	if o.stop != nil {
		o.stop()
	}
	o.mu.Unlock()
	err := o.flush()
	if err == nil {
		err = o.place()
	}
	if err != nil {
		o.discard()
	}
	return err
}

// flush completes every file's content.
func (o *Outputs) flush() error {
	var err error
	for _, f := range o.files {
		if f.zw != nil {
			err = errors.Join(err, f.zw.Close())
		}
		err = errors.Join(err, f.buf.Flush())
	}
	return err
}

// place locks the folders and renames each staged file into place, under
// a journal (outputs_journal.go); on an error it puts back every file it
// replaced.
func (o *Outputs) place() error {
	dirs := o.folders()
	if len(dirs) == 0 {
		return nil // nothing to place (every output went to standard output)
	}
	unlock, err := lockFolders(dirs)
	if err != nil {
		return err
	}
	defer unlock()
	for _, f := range o.files {
		if err := o.recheck(f.path); err != nil {
			return err
		}
	}
	j, err := newJournal(dirs, o.files)
	if err != nil {
		return err
	}
	if err := j.write(); err != nil {
		j.remove()
		return err
	}
	var done []*outFile
	for i, f := range o.files {
		var err error
		if o.placing != nil {
			err = o.placing(i)
		}
		if err == nil {
			err = f.st.place(f.path, j.Entries[i].Backup)
		}
		if err != nil {
			for i := len(done) - 1; i >= 0; i-- {
				done[i].st.restore(done[i].path)
			}
			j.remove()
			return err
		}
		done = append(done, f)
	}
	if o.placing != nil {
		o.placing(len(o.files)) // tests: all placed, not yet done
	}
	j.markDone()
	for _, f := range o.files {
		f.st.finish()
	}
	j.remove()
	return nil
}

// recheck repeats Plan's checks on a destination under the folder lock
// (another process may have made it a directory or a link to the input
// since).
func (o *Outputs) recheck(path string) error {
	id, err := identify(path)
	if err != nil {
		return err
	}
	for _, in := range o.protect {
		if id.same(in) {
			return errClobberInput(path, in.given)
		}
	}
	return CheckRegular(path)
}

// folders lists the destination folders, sorted (locks are taken in that
// order, so two sets sharing folders cannot deadlock).
func (o *Outputs) folders() []string {
	var dirs []string
	for _, f := range o.files {
		d, err := filepath.Abs(filepath.Dir(f.path))
		if err != nil {
			d = filepath.Dir(f.path)
		}
		dirs = append(dirs, d)
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}

// lockFolders takes each folder's lock, then recovers the commits and
// removes the temporary files that dead runs left there (recoverDir); the
// returned function releases the locks.
func lockFolders(dirs []string) (func(), error) {
	var held []*os.File
	unlock := func() {
		for _, d := range held {
			unlockFolder(d)
			d.Close()
		}
	}
	for _, dir := range dirs {
		d, err := lockFolder(dir)
		if err != nil {
			unlock()
			return nil, err
		}
		held = append(held, d)
	}
	for _, dir := range dirs {
		recoverDir(dir, dirs)
	}
	return unlock, nil
}
