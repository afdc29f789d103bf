package rows

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
)

// ErrClobber is an output path that would replace one of the run's inputs
// or another of its outputs.
var ErrClobber = errors.New("would replace")

// Outputs writes a set of output files all or nothing, as a run that must
// never lose a byte needs:
//
//   - Protect names the run's inputs and Plan every destination before
//     anything is written; an output that is an input or another output
//     (the same path, or the same file by device and inode), or that is
//     not a regular file, is refused there.
//   - Create stages a file: on Linux an unnamed O_TMPFILE in the
//     destination's folder, which has no name to leave behind if the
//     process dies; elsewhere a hidden temporary name that a later run
//     can prove stale (it holds the dead writer's process id).
//   - Commit locks the destinations' folders (flock: concurrent runs onto
//     one set commit one after the other, so a manifest always describes
//     the files beside it), re-checks every destination, then puts each
//     file in place in order (the manifest last, when it was created
//     last). A failure during the commit restores the files it replaced;
//     a process killed during it leaves a journal that the next commit
//     into those folders (or Recover) completes or undoes, so the folders
//     end with the whole old set or the whole new one.
//   - Abort (or a failed Commit, or ctx cancelled before Commit) leaves
//     nothing: staged files vanish and folders the set created are
//     removed.
//
// Files get mode 0666 minus the umask, as cp and pandas give them. A path
// naming a compression (.gz, .bz2, .zip, .xz, .zst) is compressed, as
// pandas' to_csv compresses with compression="infer".
type Outputs struct {
	mu       sync.Mutex
	ctx      context.Context
	stop     func() bool
	done     bool
	protect  []fileID
	planned  []fileID
	explicit bool // Plan was called: Create takes planned paths only
	files    []*outFile
	madeDirs []string          // folders Create made, outermost first
	placing  func(i int) error // tests (export_test): called before placing file i
}

type outFile struct {
	path string
	st   *staged
	buf  *bufio.Writer
	zw   io.WriteCloser // the compressor, when the path names one
	w    io.Writer
}

// NewOutputs returns an empty set of outputs. When ctx is done before
// Commit, the outputs are aborted.
func NewOutputs(ctx context.Context) *Outputs {
	o := &Outputs{ctx: ctx}
	if ctx != nil {
		o.stop = context.AfterFunc(ctx, o.Abort)
	}
	return o
}

// Protect names files the set must never replace: the run's inputs.
func (o *Outputs) Protect(paths ...string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, p := range paths {
		id, err := identify(p)
		if err != nil {
			return err
		}
		o.protect = append(o.protect, id)
	}
	return nil
}

// Plan checks every destination before anything is written: no
// destination is a protected input or another destination, each is a
// regular file or absent, and each folder exists or can be made. Create
// accepts only planned paths once Plan was called (without Plan, Create
// plans each path itself).
func (o *Outputs) Plan(paths ...string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.explicit = true
	for _, p := range paths {
		if err := o.plan(p); err != nil {
			return err
		}
	}
	return nil
}

// plan checks one destination and records it.
func (o *Outputs) plan(path string) error {
	id, err := identify(path)
	if err != nil {
		return err
	}
	if err := o.checkDest(id); err != nil {
		return err
	}
	if err := checkFolder(path); err != nil {
		return err
	}
	if c := codecOf(path); c != nil {
		if err := c.supported(path); err != nil {
			return err
		}
	}
	o.planned = append(o.planned, id)
	return nil
}

// checkDest refuses a destination that is an input, a planned output, or
// not a regular file.
func (o *Outputs) checkDest(id fileID) error {
	for _, in := range o.protect {
		if id.same(in) {
			return errClobberInput(id.given, in.given)
		}
	}
	for _, out := range o.planned {
		if id.same(out) {
			return errClobberOutput(id.given, out.given)
		}
	}
	return CheckRegular(id.given)
}

// Create stages the output file path (its folder is made if missing) and
// returns the writer to fill.
func (o *Outputs) Create(path string) (io.Writer, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.done {
		return nil, o.closedErr()
	}
	if err := o.createCheck(path); err != nil {
		return nil, err
	}
	made, err := makeFolder(path)
	o.madeDirs = append(o.madeDirs, made...)
	if err != nil {
		return nil, err
	}
	st, err := stage(path)
	if err != nil {
		return nil, err
	}
	f := &outFile{path: path, st: st}
	f.buf = bufio.NewWriterSize(st.f, stageBuf)
	f.w = f.buf
	if f.zw, err = compressor(f.buf, path); err != nil {
		st.discard()
		return nil, err
	}
	if f.zw != nil {
		f.w = f.zw
	}
	o.files = append(o.files, f)
	return f.w, nil
}

// createCheck makes sure path was planned, or plans it now when Plan was
// never called (a set built one file at a time).
func (o *Outputs) createCheck(path string) error {
	if !o.explicit {
		return o.plan(path)
	}
	id, err := identify(path)
	if err != nil {
		return err
	}
	for _, p := range o.planned {
		if p.path == id.path {
			return nil
		}
	}
	return fmt.Errorf("rows: output %s was not planned", path)
}

// closedErr is the error of a Create or Commit after the outputs were
// committed or aborted: the context's error when its cancellation aborted
// them (a signal between a caller's ctx.Err check and the call is then
// reported as the interrupt it is, not as a misuse).
func (o *Outputs) closedErr() error {
	if o.ctx != nil && o.ctx.Err() != nil {
		return fmt.Errorf("rows: outputs aborted: %w", o.ctx.Err())
	}
	return errors.New("rows: outputs already committed or aborted")
}

// Abort removes every staged output and the folders the set made; nothing
// is left behind. The removal happens under the set's lock, so an Abort
// that finds another (the context's, in its own goroutine) under way
// returns only once that one is done: a caller that aborts and then exits
// never leaves a folder the set made.
func (o *Outputs) Abort() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.done {
		return
	}
	o.done = true
	o.discard()
}

// discard drops the staged files and removes the folders the set made
// (innermost first; only while empty).
func (o *Outputs) discard() {
	for _, f := range o.files {
		f.st.discard()
	}
	for i := len(o.madeDirs) - 1; i >= 0; i-- {
		os.Remove(o.madeDirs[i])
	}
}
