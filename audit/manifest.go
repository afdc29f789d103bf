package audit

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/splitter-dev/splitter/rows"
)

// ErrManifest is a manifest that cannot be used (bad JSON, missing fields).
var ErrManifest = errors.New("bad manifest")

// Manifest is the record a command that writes rows leaves beside its
// outputs (STEM.split.json): enough to repeat the run and to check its
// outputs. docs/manifest.schema.json is its JSON Schema.
type Manifest struct {
	// Format is 2 for manifests whose paths are relative to the
	// manifest's own folder; 0 (absent) for older ones, whose relative
	// paths were relative to the folder splitter ran in.
	Format    int               `json:"manifest_version,omitempty"`
	Splitter  string            `json:"splitter"`            // splitter version
	Command   string            `json:"command"`             // split, kfold, shuffle, sample
	Input     File              `json:"input"`               // the input file
	Flags     map[string]string `json:"flags"`               // the flags given, as typed
	Seed      string            `json:"seed,omitempty"`      // the seed used, drawn or given
	Drawn     bool              `json:"seed_drawn"`          // the seed was drawn from the OS
	Python    string            `json:"python"`              // the Python code the outputs equal
	Libraries map[string]string `json:"libraries,omitempty"` // Python library versions the outputs are known to equal
	Outputs   []File            `json:"outputs"`             // each output written, in order
	Note      string            `json:"note,omitempty"`      // e.g. how compressed outputs are hashed
}

// File is one file of a manifest and its SHA-256 (hex). A .gz output is
// hashed on its uncompressed content.
type File struct {
	Name   string `json:"name,omitempty"` // part name: train, test, val, folds, ...
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
}

// ReadManifest reads and checks the manifest at path.
func ReadManifest(path string) (*Manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseManifest(path, b)
}

// ParseManifest decodes and checks a manifest; name is used in errors.
func ParseManifest(name string, b []byte) (*Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrManifest, err)
	}
	switch {
	case m.Command == "":
		return nil, fmt.Errorf("%s: %w: no command", name, ErrManifest)
	case m.Input.Path == "" || !isHex256(m.Input.SHA256):
		return nil, fmt.Errorf("%s: %w: the input needs a path and a sha256", name, ErrManifest)
	case len(m.Outputs) == 0:
		return nil, fmt.Errorf("%s: %w: no outputs", name, ErrManifest)
	}
	for _, f := range m.Outputs {
		if f.Path == "" || !isHex256(f.SHA256) {
			return nil, fmt.Errorf("%s: %w: output %q needs a path and a sha256", name, ErrManifest, f.Path)
		}
	}
	return &m, nil
}

func isHex256(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// Resolve finds a file a manifest at manifestPath records: a relative path
// is taken from the current folder (where the command ran) and, failing
// that, from the manifest's folder.
func Resolve(manifestPath, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	if _, err := os.Stat(p); err == nil {
		return p
	}
	alt := filepath.Join(filepath.Dir(manifestPath), p)
	if _, err := os.Stat(alt); err == nil {
		return alt
	}
	return p
}

// HashFile returns the hex SHA-256 of the file's bytes (what `sha256sum`
// prints).
func HashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// HashContent returns the hex SHA-256 of a file's content as a manifest
// records an output: decompressed when path ends in .gz (any case).
func HashContent(path string) (string, error) {
	if !rows.IsGzipPath(path) {
		return HashFile(path)
	}
	b, err := ReadContent(path)
	if err != nil {
		return "", err
	}
	return HashBytes(b), nil
}

// ReadContent reads a file, decompressing it when path ends in .gz.
func ReadContent(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil || !rows.IsGzipPath(path) {
		return b, err
	}
	gz, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer gz.Close()
	out, err := io.ReadAll(gz)
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
