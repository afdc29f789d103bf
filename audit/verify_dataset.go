package audit

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/splitter-dev/splitter/table"
)

// ErrDatasetInput reports VerifyOptions.Input given for a manifest whose
// input is a dataset of several files.
var ErrDatasetInput = errors.New("the input was a dataset of several files: --input names one")

// datasetInput checks the files of a dataset input against the manifest
// at path: a directory or glob lists the same files again, in the same
// order, and every file is unchanged. It returns the files to re-read.
// Reports name files and hashes, never their bytes.
func datasetInput(ctx context.Context, path string, m *Manifest, o VerifyOptions) ([]string, error) {
	if o.Input != "" {
		return nil, fmt.Errorf("%s: %w", SafeName(path), ErrDatasetInput)
	}
	files := make([]string, len(m.Files))
	sums := make([]string, len(m.Files))
	for i, f := range m.Files {
		var err error
		if files[i], err = ResolveField(path, m, fmt.Sprintf("files[%d].path", i), f.Path, o.AllowAbsolute); err != nil {
			return nil, err
		}
		if !isHex256(f.SHA256) {
			return nil, fmt.Errorf("%s: %w: files[%d] needs a path and a sha256", SafeName(path), ErrManifest, i)
		}
		sums[i] = strings.ToLower(f.SHA256)
	}
	if !strings.EqualFold(DatasetSHA256(sums), m.Input.SHA256) {
		return nil, differs("%s: its files' SHA-256s do not make the input's (the manifest was edited)", SafeName(path))
	}
	if err := sameListing(path, m, o, files); err != nil {
		return nil, err
	}
	for i, f := range files {
		sum, err := HashFileContext(ctx, f)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, differs("%s: a file of the input is missing (%s lists it)", SafeName(f), SafeName(path))
		}
		if err != nil {
			return nil, err
		}
		if sum != sums[i] {
			return nil, differs("%s: the input changed since %s was written (its SHA-256 differs from the recorded one)", SafeName(f), SafeName(path))
		}
	}
	return files, nil
}

// sameListing checks that a directory or glob input lists the manifest's
// files again, in order: none added, removed or reordered. A list of files
// is the manifest's own.
func sameListing(path string, m *Manifest, o VerifyOptions, files []string) error {
	in, err := ResolveField(path, m, "input.path", m.Input.Path, o.AllowAbsolute)
	if err != nil {
		return err
	}
	pattern := in
	if st, err := os.Stat(in); err != nil || !st.IsDir() {
		if err == nil || !strings.ContainsAny(m.Input.Path, "*?[") {
			return nil // a list: its first file
		}
		if !filepath.IsAbs(m.Input.Path) { // the manifest's folder taken literally
			pattern = filepath.Join(table.GlobEscape(filepath.Dir(path)), m.Input.Path)
		}
	}
	now, err := table.Files([]string{pattern})
	if err != nil && !errors.Is(err, table.ErrNoFiles) {
		return err
	}
	for i := range max(len(now), len(files)) {
		switch {
		case i >= len(now):
			return differs("%s: a file of the input is missing (%s lists it)", SafeName(files[i]), SafeName(path))
		case i >= len(files):
			return differs("%s: a file was added to the input %s since %s was written", SafeName(now[i]), SafeName(m.Input.Path), SafeName(path))
		case filepath.Clean(now[i]) != filepath.Clean(files[i]):
			return listingDiff(path, m, now, files, i)
		}
	}
	return nil
}

// listingDiff names the first difference of the files a directory or
// glob lists now from those the manifest records, at position i.
func listingDiff(path string, m *Manifest, now, files []string, i int) error {
	has := func(list []string, f string) bool {
		for _, g := range list {
			if filepath.Clean(g) == filepath.Clean(f) {
				return true
			}
		}
		return false
	}
	switch {
	case !has(now, files[i]):
		return differs("%s: a file of the input is missing (%s lists it)", SafeName(files[i]), SafeName(path))
	case !has(files, now[i]):
		return differs("%s: a file was added to the input %s since %s was written", SafeName(now[i]), SafeName(m.Input.Path), SafeName(path))
	}
	return differs("%s: the input %s lists its files in another order than %s records", SafeName(now[i]), SafeName(m.Input.Path), SafeName(path))
}
