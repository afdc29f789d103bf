package audit

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const hashA = "ed85fedd4729025628c6f71509158b181c4cd21b04a8b55e0e6010068a9edcba"

func TestParseManifest(t *testing.T) {
	good := Manifest{Splitter: "dev", Command: "split", Input: File{Path: "d.csv", SHA256: hashA, Rows: 3},
		Flags: map[string]string{"seed": "1"}, Seed: "1", Python: "x", Libraries: map[string]string{"numpy": "1.24.2"},
		Outputs: []File{{Name: "train", Path: "d.train.csv", SHA256: hashA, Rows: 2}, {Name: "test", Path: "d.test.csv", SHA256: hashA, Rows: 1}}}
	b, _ := json.Marshal(good)
	m, err := ParseManifest("m.json", b)
	if err != nil || !reflect.DeepEqual(*m, good) {
		t.Fatalf("round trip: %v, %+v", err, m)
	}
	bad := []string{
		`{`,
		`{"command": "", "input": {"path": "d.csv", "sha256": "` + hashA + `"}, "outputs": [{"path": "a", "sha256": "` + hashA + `"}]}`,
		`{"command": "split", "input": {"path": "d.csv", "sha256": "abc"}, "outputs": [{"path": "a", "sha256": "` + hashA + `"}]}`,
		`{"command": "split", "input": {"path": "d.csv", "sha256": "` + hashA + `"}, "outputs": []}`,
		`{"command": "split", "input": {"path": "d.csv", "sha256": "` + hashA + `"}, "outputs": [{"path": "", "sha256": "` + hashA + `"}]}`,
	}
	for _, s := range bad {
		if _, err := ParseManifest("m.json", []byte(s)); !errors.Is(err, ErrManifest) || !strings.HasPrefix(err.Error(), "m.json: ") {
			t.Errorf("%s: err %v, want ErrManifest", s, err)
		}
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(`{"command": "split", "input": {"path": "d.csv", "sha256": "` + hashA + `"}, "outputs": [{"path": "a", "sha256": "` + hashA + `"}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[1,2]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseManifest("m.json", b)
		if err != nil {
			if !errors.Is(err, ErrManifest) {
				t.Fatalf("error %v does not wrap ErrManifest", err)
			}
			return
		}
		if m.Command == "" || len(m.Outputs) == 0 || !isHex256(m.Input.SHA256) {
			t.Fatalf("accepted %+v", m)
		}
	})
}

func TestHashes(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "a.csv")
	os.WriteFile(plain, []byte("x\n1\n"), 0o666)
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte("x\n1\n"))
	w.Close()
	packed := filepath.Join(dir, "a.csv.GZ")
	os.WriteFile(packed, gz.Bytes(), 0o666)
	h1, err1 := HashFile(plain)
	h2, err2 := HashContent(packed)
	h3, _ := HashFile(packed)
	if err1 != nil || err2 != nil || h1 != h2 || h1 != HashBytes([]byte("x\n1\n")) || h3 == h1 {
		t.Errorf("hashes %s %s %s (%v %v)", h1, h2, h3, err1, err2)
	}
	if _, err := HashFile(filepath.Join(dir, "nope")); err == nil {
		t.Error("missing file: no error")
	}
	if got := Resolve(filepath.Join(dir, "m.json"), "a.csv"); got != plain {
		t.Errorf("Resolve = %s, want %s", got, plain)
	}
}

// TestParseManifestQuotesNothing: an error about a file given as a
// manifest names where it fails, never its bytes.
func TestParseManifestQuotesNothing(t *testing.T) {
	for _, s := range []string{"user:$6$secret", `{"command": 7}`, `{"outputs": "secret"}`, `{"input": {"path": "x", "sha256": "secret`, "\x00secret"} {
		_, err := ParseManifest("m.json", []byte(s))
		if err == nil || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "'u'") {
			t.Errorf("%q: %v", s, err)
		}
	}
}
