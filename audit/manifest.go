package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// ErrManifest is a manifest that cannot be used (bad JSON, missing fields).
var ErrManifest = errors.New("bad manifest")

// Manifest is the record a command that writes rows leaves beside its
// outputs (STEM.split.json): enough to repeat the run and to check its
// outputs. docs/manifest.schema.json is its JSON Schema.
type Manifest struct {
	// Format is 3 for manifests that record the recipe; 2 for those
	// that recorded the flags, with paths relative to the manifest's own
	// folder (as 3); 0 (absent) for older ones, whose relative paths were
	// relative to the folder splitter ran in.
	Format   int    `json:"manifest_version,omitempty"`
	Splitter string `json:"splitter"` // splitter version
	Command  string `json:"command"`  // split, kfold, shuffle, sample
	Input    File   `json:"input"`    // the input file
	// Files are the files of a dataset input (a directory, a glob or
	// several files, read as one table), in the order they were
	// concatenated, each with its SHA-256 and rows. Input.Path is then
	// the directory or glob as given (a list's first file) and
	// Input.SHA256 their DatasetSHA256.
	Files  []File         `json:"files,omitempty"`
	Recipe *recipe.Recipe `json:"recipe,omitempty"`
	// Flags are the flags given, as typed (formats 0 and 2, which record
	// no recipe).
	Flags     map[string]string `json:"flags,omitempty"`
	Seed      string            `json:"seed,omitempty"`      // the seed used, drawn or given
	Drawn     bool              `json:"seed_drawn"`          // the seed was drawn from the OS
	Python    string            `json:"python"`              // the Python code the outputs equal
	Libraries map[string]string `json:"libraries,omitempty"` // Python library versions the outputs are known to equal
	Outputs   []File            `json:"outputs"`             // each output written, in order
	// ParquetWriter is the version of the rules the Parquet outputs were
	// written by (parquetrows.WriterVersion), recorded by every run that
	// writes Parquet; 0 (absent) is 1, the rules of the releases before
	// it was recorded. Verify writes again by the same rules.
	ParquetWriter int    `json:"parquet_writer,omitempty"`
	Note          string `json:"note,omitempty"` // e.g. how compressed outputs are hashed
}

// ParquetWriterVersion is the version of the rules m's Parquet outputs
// were written by: ParquetWriter, 1 when absent.
func (m *Manifest) ParquetWriterVersion() parquetrows.WriterVersion {
	if m.ParquetWriter == 0 {
		return parquetrows.WriterV1
	}
	return parquetrows.WriterVersion(m.ParquetWriter)
}

// File is one file of a manifest and its SHA-256 (hex). A .gz output is
// hashed on its uncompressed content.
type File struct {
	Name   string `json:"name,omitempty"` // part name: train, test, val, folds, ...
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
}

// maxManifest bounds the size of a manifest read (a real one is a few
// kilobytes; a larger file is not one).
const maxManifest = 64 << 20

// ReadManifest reads and checks the manifest at path, a regular file (a
// FIFO or a device is refused without blocking).
func ReadManifest(path string) (*Manifest, error) {
	f, err := rows.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxManifest+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxManifest {
		return nil, fmt.Errorf("%s: %w: larger than %d MiB", path, ErrManifest, maxManifest>>20)
	}
	return ParseManifest(path, b)
}

// ParseManifest decodes and checks a manifest; name is used in errors.
func ParseManifest(name string, b []byte) (*Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w: %s", name, ErrManifest, jsonProblem(err))
	}
	switch {
	case m.Command == "":
		return nil, fmt.Errorf("%s: %w: no command", name, ErrManifest)
	case m.Input.Path == "" || !isHex256(m.Input.SHA256):
		return nil, fmt.Errorf("%s: %w: the input needs a path and a sha256", name, ErrManifest)
	case len(m.Outputs) == 0:
		return nil, fmt.Errorf("%s: %w: no outputs", name, ErrManifest)
	case m.Format >= 3 && m.Recipe == nil:
		return nil, fmt.Errorf("%s: %w: no recipe", name, ErrManifest)
	case m.Recipe != nil && m.Recipe.Command() != m.Command && !assignOf(m.Command, m.Recipe.Command()):
		return nil, fmt.Errorf("%s: %w: the recipe is not a %s recipe", name, ErrManifest, m.Command)
	}
	for _, f := range m.Outputs {
		if f.Path == "" || !isHex256(f.SHA256) {
			return nil, fmt.Errorf("%s: %w: output %q needs a path and a sha256", name, ErrManifest, f.Path)
		}
	}
	return &m, nil
}

// jsonProblem describes a decoding error without quoting the file (the
// file given as a manifest may be anything): encoding/json's messages
// quote the offending character or value.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("not JSON (at byte %d)", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("field %q is not a JSON %s (at byte %d)", typ.Field, typ.Type, typ.Offset)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "not JSON (it ends early)"
	}
	return "not a manifest"
}

func isHex256(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// ErrAbsolutePath is an absolute path in a manifest, which verify follows
// only when told to (a manifest may come from someone else).
var ErrAbsolutePath = errors.New("an absolute path")

// ManifestVersion is the newest manifest format this package reads.
const ManifestVersion = 3

// Resolve finds a file an older manifest (format 0) at manifestPath
// records: a relative path is taken from the current folder (where the
// command ran) and, failing that, from the manifest's folder. An absolute
// path is returned as is. ResolveField applies each format's rule.
func Resolve(manifestPath, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	alt := filepath.Join(filepath.Dir(manifestPath), p)
	if _, err := os.Stat(p); err == nil {
		return p
	}
	if _, err := os.Stat(alt); err == nil {
		return alt
	}
	return p
}

// ResolveField finds the file the manifest m at manifestPath records in
// its field (such as "input.path") as p: with format 2 a relative path is
// taken from the manifest's folder, with an older format as Resolve does.
// An absolute path is refused with ErrAbsolutePath unless allowAbsolute;
// the error names the manifest and the field.
func ResolveField(manifestPath string, m *Manifest, field, p string, allowAbsolute bool) (string, error) {
	if m.Format > ManifestVersion {
		return "", fmt.Errorf("%s: %w: manifest_version %d is newer than this splitter reads (%d)", manifestPath, ErrManifest, m.Format, ManifestVersion)
	}
	if filepath.IsAbs(p) && !allowAbsolute {
		return "", fmt.Errorf("%s: %s %s is %w (pass --allow-absolute to follow it)", manifestPath, field, p, ErrAbsolutePath)
	}
	if m.Format >= 2 && !filepath.IsAbs(p) {
		return filepath.Join(filepath.Dir(manifestPath), p), nil
	}
	return Resolve(manifestPath, p), nil
}

// HashFile returns the hex SHA-256 of the file's bytes (what `sha256sum`
// prints). Only a regular file is read: a FIFO or a device is refused
// without blocking.
func HashFile(path string) (string, error) {
	return HashFileContext(context.Background(), path)
}

// HashFileContext is HashFile, stopped with ctx.Err() when ctx is done.
func HashFileContext(ctx context.Context, path string) (string, error) {
	f, err := rows.OpenRegular(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	return hashReader(ctx, path, f, hashBuf(f))
}

// hashBuf is how much of f HashFileContext reads at a time: 256 KiB (as
// fast as larger reads, and fewer pages to fault in), or a smaller file
// whole (4 KiB at least).
func hashBuf(f *os.File) int {
	st, err := f.Stat()
	if err != nil || st.Size() >= 256<<10 {
		return 256 << 10
	}
	return max(4<<10, int(st.Size())+1)
}

func hashReader(ctx context.Context, path string, r io.Reader, size int) (string, error) {
	h := sha256.New()
	buf := make([]byte, size)
	for {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		n, err := r.Read(buf)
		h.Write(buf[:n])
		if err == io.EOF {
			return hex.EncodeToString(h.Sum(nil)), nil
		}
		if err != nil {
			return "", fmt.Errorf("%s: %w", path, err)
		}
	}
}

// HashContent returns the hex SHA-256 of a file's content as a manifest
// records an output: decompressed (as a stream) when path ends in .gz
// (any case).
func HashContent(path string) (string, error) {
	f, r, gz, err := openContent(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sum, err := hashReader(context.Background(), path, r, chunkOf(f, gz))
	if err == nil && gz != nil {
		if err = gz.Close(); err != nil {
			err = fmt.Errorf("%s: %w", path, err)
		}
	}
	return sum, err
}

// ReadContent reads a file, decompressing it when path ends in .gz. Only a
// regular file is read.
func ReadContent(path string) ([]byte, error) {
	f, r, _, err := openContent(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// HashBytes returns the hex SHA-256 of b.
func HashBytes(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// assignOf reports whether a manifest of command (assign's) may hold a
// recipe of kind: assign writes the assignment of a split or a fold
// recipe.
func assignOf(command, kind string) bool {
	return command == "assign" && (kind == "split" || kind == "kfold")
}

// MarshalJSON writes m with "seed": null for a run that draws no random
// number (as the CLI contract's manifests and summaries say it), and
// without HTML escaping (">=2.3.0", not "\u003e=2.3.0").
func (m Manifest) MarshalJSON() ([]byte, error) {
	type plain Manifest
	aux := struct {
		plain
		Seed *string `json:"seed"`
	}{plain: plain(m)}
	if m.Seed != "" {
		aux.Seed = &m.Seed
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(aux); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
