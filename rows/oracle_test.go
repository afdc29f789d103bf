package rows

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// pandasReadScript reads each CSV with pandas.read_csv and reports the
// columns (dtype and values), the index depth, or the error; then it reads
// the Go-written reversed copy and checks it holds the same rows reversed.
const pandasReadScript = `
import sys, json, struct
import numpy as np, pandas as pd
def encv(v):
    if v is None: return ['none']
    if isinstance(v, (bool, np.bool_)): return ['b', bool(v)]
    if isinstance(v, (int, np.integer)): return ['i', str(int(v))]
    if isinstance(v, (float, np.floating)):
        if v != v: return ['nan']
        return ['f', str(struct.unpack('<Q', struct.pack('<d', float(v)))[0])]
    if isinstance(v, str): return ['s', v]
    return ['?', repr(v)]
def read(path, sep, raw=False):
    try:
        df = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False) if raw else pd.read_csv(path, sep=sep)
    except Exception as e:
        m = str(e)
        kind = 'other'
        if type(e).__name__ == 'EmptyDataError': kind = 'empty'
        elif 'EOF inside string' in m: kind = 'quote'
        elif 'Expected' in m and 'fields' in m: kind = 'fields'
        return None, {'err': kind, 'msg': type(e).__name__ + ': ' + m}
    cols = {}
    for c in df.columns:
        s = df[c]
        cols[c] = {'dtype': str(s.dtype), 'values': [encv(v) for v in s.tolist()]}
    k = 0 if isinstance(df.index, pd.RangeIndex) else df.index.nlevels
    return df, {'names': [str(c) for c in df.columns], 'rows': len(df), 'index': k, 'cols': cols}
inp = json.load(sys.stdin)
out = []
for case in inp:
    df, res = read(case['path'], case['sep'])
    if df is not None and case.get('rev'):
        _, res0 = read(case['path'], case['sep'], True)
        for key, rev in (('id', False), ('rev', True)):
            rt, rres = read(case[key], case['sep'], True)
            ok = rt is not None and rres['names'] == res['names'] and rres['rows'] == res['rows']
            if ok:
                for c in res['names']:
                    want = res0['cols'][c]['values']
                    if rres['cols'][c]['values'] != (want[::-1] if rev else want):
                        ok = False
            res[key + 'ok'] = ok
            res[key + 'msg'] = '' if ok else json.dumps(rres)[:400]
        if case.get('folds'):
            rt, rres = read(case['folds'], case['sep'], True)
            ok = rt is not None and rres['names'] == res['names'] + ['fold'] and rres['rows'] == res['rows']
            if ok:
                for c in res['names']:
                    if rres['cols'][c]['values'] != res0['cols'][c]['values']:
                        ok = False
                if rres['cols']['fold']['values'] != [['s', str(i % 6 - 1) if i % 6 else ''] for i in range(res['rows'])]:
                    ok = False
            res['foldsok'] = ok
            res['foldsmsg'] = '' if ok else json.dumps(rres)[:400]
    out.append(res)
json.dump(out, sys.stdout)
`

type pandasCol struct {
	Dtype  string  `json:"dtype"`
	Values [][]any `json:"values"`
}

type pandasRead struct {
	Err      string               `json:"err"`
	Msg      string               `json:"msg"`
	Names    []string             `json:"names"`
	Rows     int                  `json:"rows"`
	Index    int                  `json:"index"`
	Cols     map[string]pandasCol `json:"cols"`
	IDOK     bool                 `json:"idok"`
	IDMsg    string               `json:"idmsg"`
	RevOK    bool                 `json:"revok"`
	RevMsg   string               `json:"revmsg"`
	FoldsOK  bool                 `json:"foldsok"`
	FoldsMsg string               `json:"foldsmsg"`
}

type pandasCase struct {
	Path  string `json:"path"`
	Sep   string `json:"sep"`
	Rev   string `json:"rev,omitempty"`
	ID    string `json:"id,omitempty"`
	Folds string `json:"folds,omitempty"`
}

// encodeValue encodes a Column value as the Python script does.
func encodeValue(v any) []any {
	switch x := v.(type) {
	case bool:
		return []any{"b", x}
	case int64:
		return []any{"i", strconv.FormatInt(x, 10)}
	case uint64:
		return []any{"i", strconv.FormatUint(x, 10)}
	case float64:
		if math.IsNaN(x) {
			return []any{"nan"}
		}
		return []any{"f", strconv.FormatUint(math.Float64bits(x), 10)}
	case string:
		return []any{"s", x}
	}
	return []any{"?", fmt.Sprint(v)}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// errKind maps a Go error to the Python script's error kinds.
func errKind(err error) string {
	switch {
	case errors.Is(err, ErrEmpty):
		return "empty"
	case errors.Is(err, ErrQuote):
		return "quote"
	case errors.Is(err, ErrFieldCount):
		return "fields"
	}
	return "other"
}

// TestPandasDifferential draws fresh tricky CSVs each run and compares row
// numbering, names, index columns, every column's dtype and values, errors,
// and the rows WriteRows copies, with pandas.read_csv.
func TestPandasDifferential(t *testing.T) {
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	dir := t.TempDir()
	const n = 200
	var cases []pandasCase
	var datas [][]byte
	var seps []byte
	for i := 0; i < n; i++ {
		data := genCSV(r)
		if r.IntN(30) == 0 && len(data) > 0 {
			// not UTF-8: pandas raises UnicodeDecodeError
			k := r.IntN(len(data))
			data = append(data[:k:k], append([]byte{0xff}, data[k:]...)...)
		}
		sep := byte(',')
		ext := ".csv"
		switch r.IntN(8) {
		case 0, 1:
			sep, ext = '\t', ".tsv"
		case 2:
			sep, ext = ';', ".txt"
		case 3:
			sep, ext = ' ', ".txt"
		}
		if sep != ',' {
			data = bytes.ReplaceAll(data, []byte(","), []byte{sep})
		}
		p := filepath.Join(dir, fmt.Sprintf("c%d%s", i, ext))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c := pandasCase{Path: p, Sep: string(sep)}
		if r.IntN(5) == 0 {
			// gzip input: pandas infers the compression from .gz, as IndexFile.
			c.Path = p + ".gz"
			writeGzip(t, c.Path, data)
		}
		ix, err := IndexBytes(p, data, Options{Sep: sep})
		fx, ferr := IndexFile(c.Path, Options{Sep: sep})
		if (err == nil) != (ferr == nil) || (err == nil && (fx.Len() != ix.Len() || !slices.Equal(fx.Names(), ix.Names()))) {
			t.Fatalf("IndexFile(%s) = %v, IndexBytes = %v", c.Path, ferr, err)
		}
		if ferr == nil {
			fx.Close()
		}
		if err == nil {
			order := make([]int, ix.Len())
			for k := range order {
				order[k] = k
			}
			c.ID = filepath.Join(dir, fmt.Sprintf("c%d.id%s", i, ext))
			writeRowsFile(t, ix, c.ID, order)
			slices.Reverse(order)
			c.Rev = filepath.Join(dir, fmt.Sprintf("c%d.rev%s", i, ext))
			writeRowsFile(t, ix, c.Rev, order)
			c.Folds = filepath.Join(dir, fmt.Sprintf("c%d.folds%s", i, ext))
			var fb bytes.Buffer
			if err := ix.WriteWithFolds(&fb, "fold", foldValues(ix.Len())); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(c.Folds, fb.Bytes(), 0o644)
		}
		cases = append(cases, c)
		datas = append(datas, data)
		seps = append(seps, sep)
	}
	var got []pandasRead
	oracle.RunJSON(t, pandasReadScript, cases, &got)
	fails := 0
	for i, want := range got {
		data := datas[i]
		if msg := comparePandasSep(data, seps[i], want, true); msg != "" {
			fails++
			if fails <= 10 {
				t.Errorf("case %d %q:\n%s", i, data, msg)
			}
		}
	}
	t.Logf("%d CSVs compared with pandas.read_csv, %d mismatches", n, fails)
}

// comparePandasSep compares the engine on data with what pandas read;
// copies checks the copies WriteRows made (IDOK, RevOK).
func comparePandasSep(data []byte, sep byte, want pandasRead, copies bool) string {
	ix, err := IndexBytes("x.csv", data, Options{Sep: sep})
	if errors.Is(err, ErrCRSpace) {
		// pandas garbles such files or raises "Buffer overflow caught".
		return ""
	}
	if want.Err != "" {
		if err == nil {
			return fmt.Sprintf("pandas raised %s, Go read %d rows", want.Msg, ix.Len())
		}
		if errKind(err) != want.Err {
			return fmt.Sprintf("pandas raised %s, Go: %v", want.Msg, err)
		}
		return ""
	}
	if err != nil {
		return fmt.Sprintf("pandas read %d rows, Go: %v", want.Rows, err)
	}
	if ix.Len() != want.Rows {
		return fmt.Sprintf("rows: Go %d pandas %d", ix.Len(), want.Rows)
	}
	if jsonString(ix.Names()) != jsonString(want.Names) {
		return fmt.Sprintf("names: Go %q pandas %q", ix.Names(), want.Names)
	}
	if ix.IndexColumns() != want.Index && ix.Len() > 0 {
		return fmt.Sprintf("index columns: Go %d pandas %d", ix.IndexColumns(), want.Index)
	}
	for _, name := range want.Names {
		col, err := ix.Column(name)
		if err != nil {
			return fmt.Sprintf("column %q: %v", name, err)
		}
		pc := want.Cols[name]
		if col.Dtype() != pc.Dtype {
			return fmt.Sprintf("column %q dtype: Go %s (%v) pandas %s %v", name, col.Dtype(), col, pc.Dtype, pc.Values)
		}
		var vals [][]any
		for k := 0; k < col.Len(); k++ {
			vals = append(vals, encodeValue(col.Value(k)))
		}
		if g, w := jsonString(vals), jsonString(pc.Values); g != w && !(len(vals) == 0 && len(pc.Values) == 0) {
			return fmt.Sprintf("column %q values:\nGo     %s\npandas %s", name, g, w)
		}
	}
	if !copies {
		return ""
	}
	if !want.FoldsOK {
		var fb bytes.Buffer
		ix.WriteWithFolds(&fb, "fold", foldValues(ix.Len()))
		if fx, err := IndexBytes("folds.csv", fb.Bytes(), Options{Sep: sep}); err == nil && fx.IndexColumns() == ix.IndexColumns() && !strings.Contains(want.FoldsMsg, `"err"`) {
			return "WriteWithFolds output does not read back as the rows plus a fold column: " + want.FoldsMsg
		}
	}
	// A copy that splitter itself accepts must read back in pandas as the
	// same rows (reversed for the reversed copy). Copies it refuses are
	// files pandas misreads too: dropping blank lines can put a line that
	// starts with a space right after a lone CR; reversing can put a longer
	// or a short row first.
	for _, rev := range []bool{false, true} {
		ok, msg := want.IDOK, want.IDMsg
		order := make([]int, ix.Len())
		for k := range order {
			order[k] = k
		}
		if rev {
			ok, msg = want.RevOK, want.RevMsg
			slices.Reverse(order)
		}
		if ok {
			continue
		}
		var buf bytes.Buffer
		ix.WriteRows(&buf, order)
		rx, err := IndexBytes("copy.csv", buf.Bytes(), Options{Sep: sep})
		if err == nil && rx.IndexColumns() == ix.IndexColumns() && !strings.Contains(msg, `"err"`) {
			return fmt.Sprintf("copy (reversed %v) written by WriteRows does not read back as the same rows: %s", rev, msg)
		}
		if err == nil && rx.IndexColumns() == ix.IndexColumns() && !rev {
			return fmt.Sprintf("copy written by WriteRows accepted by splitter, pandas: %s", msg)
		}
	}
	return ""
}

func writeRowsFile(t *testing.T, ix *Index, path string, order []int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.WriteRows(f, order); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func writeGzip(t *testing.T, path string, data []byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// foldValues are the folds the fold files of the oracle tests are written
// with: 0..4, and every sixth row in none (-1, an empty field).
func foldValues(n int) []int {
	v := make([]int, n)
	for i := range v {
		v[i] = i%6 - 1
	}
	return v
}
