package job

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// writeManifest stages the manifest: the input's and every output's path
// (relative to the manifest's folder) and SHA-256, the recipe, the seed,
// the Python code and library versions it equals.
func (p *run) writeManifest(sums []hash.Hash) error {
	mpath, r := p.res.ManifestPath, p.res.Recipe
	files := make([]audit.File, len(p.res.Outputs))
	for i, f := range p.res.Outputs {
		files[i] = audit.File{Name: f.Name, Path: relToManifest(mpath, f.Path), SHA256: hexSum(sums[i]), Rows: f.Rows}
	}
	kind := r.Command()
	if p.kind != "" {
		kind = p.kind
	}
	m := newManifest(r, p.res.Python, p.o.Splitter, kind, files)
	hr := <-p.input
	if hr.err != nil {
		return fmt.Errorf("hashing the input: %w", hr.err)
	}
	m.Input = audit.File{Path: relToManifest(mpath, p.o.Input), SHA256: hr.sum, Rows: p.res.Rows}
	m.Files = p.files
	b, err := MarshalManifest(m)
	if err != nil {
		return err
	}
	w, err := p.set.Create(mpath)
	if err == nil {
		_, err = w.Write(b)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", mpath, err)
	}
	p.res.Manifest = m
	return nil
}

// newManifest is a manifest's fields but the input's: the recipe, the
// seed, the Python (with its imports) and library versions, the outputs
// and, when one is Parquet, the Parquet writer version.
func newManifest(r *recipe.Recipe, python, splitter, kind string, outputs []audit.File) *audit.Manifest {
	if splitter == "" {
		splitter = "(library)"
	}
	m := &audit.Manifest{
		Format:    audit.ManifestVersion,
		Splitter:  splitter,
		Command:   kind,
		Recipe:    r,
		Python:    recipe.Imports(python) + python,
		Libraries: r.Libraries(),
		Outputs:   outputs,
	}
	if r.Seeded() {
		m.Seed, m.Drawn = r.Seed, r.SeedDrawn
	}
	for _, f := range outputs {
		if rows.IsCompressedPath(f.Path) {
			m.Note = "the sha256 of a compressed output is that of its uncompressed content"
		}
		if parquetrows.IsParquetPath(f.Path) {
			// Runs write by the newest rules (table.Open's default).
			m.ParquetWriter = int(parquetrows.LatestWriter)
		}
	}
	return m
}

// MarshalManifest is m as splitter writes it: indented JSON, one line
// end, without HTML escaping (">=2.3.0", not "\u003e=2.3.0").
func MarshalManifest(m *audit.Manifest) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
