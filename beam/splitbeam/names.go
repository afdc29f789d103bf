package splitbeam

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// Names say where a pipeline's files go, as splitter's CLI names them for
// a sharded input: STEM.PART.EXT in OutDir, STEM.PART-00000-of-0000K.EXT
// when sharded, the manifest STEM.KIND.json (or Manifest).
type Names struct {
	// Input is the input as given (a directory, a glob), as the manifest
	// records it.
	Input string
	// Stem and Ext name the outputs: the directory's name or the first
	// shard's stem; the first shard's format extensions (".csv").
	Stem, Ext string
	OutDir    string
	// Manifest is the manifest's path ("" for STEM.KIND.json in OutDir).
	Manifest string
	// Splitter is the version the manifest records.
	Splitter string
}

// base is the path the outputs are named after: OutDir/STEM.EXT.
func (n Names) base() string { return filepath.Join(n.OutDir, n.Stem+n.Ext) }

// path is where output o goes.
func (n Names) path(o recipe.Output) string {
	p := job.OutputPath(n.base(), n.OutDir, o.Name)
	if o.Of > 0 {
		p = job.ShardPath(p, o.Shard, o.Of)
	}
	return p
}

// manifestPath is where the manifest of a run of r goes.
func (n Names) manifestPath(r *recipe.Recipe) string {
	if n.Manifest != "" {
		return n.Manifest
	}
	return job.ManifestPath(n.base(), n.OutDir, r.Command())
}

// sharded is a manifest of a run on shards: audit.Manifest, whose input
// SHA-256 is that of the Files list as sha256sum prints it, and Files,
// every shard's path, SHA-256 and rows in order.
type sharded struct {
	*audit.Manifest
	Files []audit.File `json:"files"`
}

// draft is the manifest of the run, its outputs' SHA-256 yet empty.
func (n Names) draft(r *recipe.Recipe, d *dataset, outs []recipe.Output, paths []string) ([]byte, error) {
	mpath := n.manifestPath(r)
	m := &audit.Manifest{
		Format:    audit.ManifestVersion,
		Splitter:  n.Splitter,
		Command:   r.Command(),
		Recipe:    r,
		Python:    n.python(r, d),
		Libraries: r.Libraries(),
		Note:      "input.sha256 is the SHA-256 of the files' list as sha256sum prints it (one \"SHA256  PATH\" line each, in order)",
	}
	m.Python = recipe.Imports(m.Python) + m.Python
	if r.Seeded() {
		m.Seed, m.Drawn = r.Seed, r.SeedDrawn
	}
	var list strings.Builder
	s := sharded{Manifest: m}
	for _, in := range d.infos {
		p := rel(mpath, in.Path)
		s.Files = append(s.Files, audit.File{Path: p, SHA256: in.SHA256, Rows: int(in.Rows)})
		fmt.Fprintf(&list, "%s  %s\n", in.SHA256, p)
	}
	sum := sha256.Sum256([]byte(list.String()))
	m.Input = audit.File{Path: rel(mpath, n.Input), SHA256: hex.EncodeToString(sum[:]), Rows: d.Len()}
	for i, o := range outs {
		m.Outputs = append(m.Outputs, audit.File{Name: o.Name, Path: rel(mpath, paths[i]), Rows: o.Len})
	}
	return s.encode()
}

// encode is the manifest's JSON as splitter writes it: indented, without
// HTML escaping (">=2.3.0", not "\u003e=2.3.0"), files last.
func (s sharded) encode() ([]byte, error) {
	m, err := json.Marshal(s.Manifest) // audit.Manifest's own encoding
	if err != nil {
		return nil, err
	}
	var files bytes.Buffer
	enc := json.NewEncoder(&files)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s.Files); err != nil {
		return nil, err
	}
	whole := append(bytes.TrimSuffix(m, []byte("}")), `,"files":`...)
	whole = append(append(whole, bytes.TrimSpace(files.Bytes())...), '}')
	var out bytes.Buffer
	if err := json.Indent(&out, whole, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// python is the code the outputs equal: the recipe's call on the
// concatenated shards, pd.concat([pd.read_csv(f) for f in files],
// ignore_index=True).
func (n Names) python(r *recipe.Recipe, d *dataset) string {
	first := d.infos[0].Path
	code := r.Python(first, d.Len())
	pin := ""
	if strings.HasPrefix(code, "#") { // a pinned scikit-learn release
		pin, code, _ = strings.Cut(code, "\n")
		pin += "\n"
	}
	read, rest, _ := strings.Cut(code, "\n")
	files := make([]string, len(d.infos))
	for i, in := range d.infos {
		files[i] = py.Repr(in.Path)
	}
	read = strings.Replace(strings.TrimPrefix(read, "df = "), py.Repr(first), "f", 1)
	return pin + "files = [" + strings.Join(files, ", ") + "]\ndf = pd.concat([" + read + " for f in files], ignore_index=True)\n" + rest
}

// rel is path relative to the manifest's folder (absolute when it cannot
// be).
func rel(mpath, path string) string {
	mdir, err1 := filepath.Abs(filepath.Dir(mpath))
	abs, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return path
	}
	r, err := filepath.Rel(mdir, abs)
	if err != nil {
		return abs
	}
	return filepath.ToSlash(r)
}
