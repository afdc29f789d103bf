package rows

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

const pandasJSONScript = `
import sys, json, struct, warnings
warnings.simplefilter("ignore")
import numpy as np, pandas as pd
def encv(v):
    if v is None: return ['nan']
    if isinstance(v, (bool, np.bool_)): return ['b', bool(v)]
    if isinstance(v, (int, np.integer)): return ['i', str(int(v))]
    if isinstance(v, (float, np.floating)):
        if v != v: return ['nan']
        return ['f', str(struct.unpack('<Q', struct.pack('<d', float(v)))[0])]
    if isinstance(v, str): return ['s', v]
    return ['?', repr(v)]
def read(path):
    try:
        df = pd.read_json(path, lines=True)
    except Exception as e:
        return {'err': 'other', 'msg': type(e).__name__ + ': ' + str(e)}
    cols = {str(c): {'dtype': str(df[c].dtype), 'values': [encv(v) for v in df[c].tolist()]} for c in df.columns}
    return {'names': [str(c) for c in df.columns], 'rows': len(df), 'index': 0, 'cols': cols}
out = []
for case in json.load(sys.stdin):
    res = read(case['path'])
    if 'err' not in res:
        rev = read(case['rev'])
        res['revok'] = rev.get('rows') == res['rows'] and all(rev['cols'][c]['values'] == res['cols'][c]['values'][::-1] for c in res['names']) if 'err' not in rev else False
        res['revmsg'] = json.dumps(rev)[:300]
    if 'err' not in res and case.get('folds'):
        folds = read(case['folds'])
        want = [None if i % 6 == 0 else i % 6 - 1 for i in range(res['rows'])]
        res['foldsok'] = 'err' not in folds and 'fold' in folds['cols'] and [c for c in folds['names'] if c != 'fold'] == res['names'] and all(folds['cols'][c]['values'] == res['cols'][c]['values'] for c in res['names']) and [None if v[0] == 'nan' else int(v[1]) if v[0] == 'i' else struct.unpack('<d', struct.pack('<Q', int(v[1])))[0] for v in folds['cols']['fold']['values']] == want
        res['foldsmsg'] = json.dumps(folds)[:300]
    out.append(res)
json.dump(out, sys.stdout)
`

var genJSONVals = []string{`1`, `-3`, `0`, `42`, `9223372036854775807`, `9223372036854775808`, `-9223372036854775808`, `1.5`, `-0.0`,
	`2.5e23`, `1e-5`, `3.0`, `1E+2`, `true`, `false`, `null`, `"x"`, `"1"`, `" 2 "`, `"1_0"`, `"nan"`, `"inf"`, `"a b"`, `"é"`, `""`, `"1e3"`, `"0x10"`,
	`"\u001c1"`, `"1\u001f"`, `"\u00a04"`, `"\u000b5"`, `" \u001d6"`}

func genJSONL(r *rand.Rand) []byte {
	var b bytes.Buffer
	keys := []string{"a", "b", "label", "x y"}[:1+r.IntN(4)]
	kinds := make([]int, len(keys))
	for i := range kinds {
		kinds[i] = r.IntN(5)
	}
	eol := []string{"\n", "\r\n"}[r.IntN(2)]
	for i, rows := 0, r.IntN(20); i < rows; i++ {
		if r.IntN(6) == 0 {
			b.WriteString([]string{"", "  ", "\t"}[r.IntN(3)] + eol)
		}
		b.WriteString("{")
		first := true
		for k, key := range keys {
			if r.IntN(10) == 0 {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			fmt.Fprintf(&b, "%q: %s", key, genJSONValue(r, kinds[k]))
		}
		b.WriteString("}")
		if i < rows-1 || r.IntN(3) > 0 {
			b.WriteString(eol)
		}
	}
	return b.Bytes()
}

func genJSONValue(r *rand.Rand, kind int) string {
	if r.IntN(8) == 0 {
		return genJSONVals[r.IntN(len(genJSONVals))]
	}
	switch kind {
	case 0:
		return fmt.Sprint(r.IntN(11) - 5)
	case 1:
		s := fmt.Sprintf("%d.%d", r.IntN(100000), r.IntN(1000000000))
		if r.IntN(2) == 0 {
			s += fmt.Sprintf("e%d", r.IntN(80)-40)
		}
		return s
	case 2:
		return []string{"true", "false"}[r.IntN(2)]
	case 3:
		return fmt.Sprintf("%q", []string{"x", "y", "z"}[r.IntN(3)])
	}
	return fmt.Sprintf("%q", fmt.Sprint(r.IntN(4)))
}

// TestPandasJSONLines compares JSON Lines row numbering, column typing and
// reversed copies with pandas.read_json(path, lines=True).
func TestPandasJSONLines(t *testing.T) {
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	dir := t.TempDir()
	const n = 150
	var cases []pandasCase
	var datas [][]byte
	for i := 0; i < n; i++ {
		data := genJSONL(r)
		p := filepath.Join(dir, fmt.Sprintf("j%d.jsonl", i))
		os.WriteFile(p, data, 0o644)
		c := pandasCase{Path: p, Rev: filepath.Join(dir, fmt.Sprintf("j%d.rev.jsonl", i)), Folds: filepath.Join(dir, fmt.Sprintf("j%d.folds.jsonl", i))}
		if r.IntN(5) == 0 {
			c.Path = p + ".gz"
			writeGzip(t, c.Path, data)
		}
		ix, err := IndexFile(c.Path, Options{})
		if err != nil {
			t.Fatalf("%q: %v", data, err)
		}
		order := make([]int, ix.Len())
		for k := range order {
			order[k] = k
		}
		slices.Reverse(order)
		writeRowsFile(t, ix, c.Rev, order)
		var fb bytes.Buffer
		if err := ix.WriteWithFolds(&fb, "fold", foldValues(ix.Len())); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(c.Folds, fb.Bytes(), 0o644)
		ix.Close()
		cases = append(cases, c)
		datas = append(datas, data)
	}
	var got []pandasRead
	oracle.RunJSON(t, pandasJSONScript, cases, &got)
	fails := 0
	for i, want := range got {
		msg := compareJSONL(datas[i], want)
		if msg == "" && want.Err == "" && want.Rows > 0 && !want.FoldsOK {
			msg = "the rows with folds (WriteWithFolds) do not read back as the rows plus a fold column: " + want.FoldsMsg
		}
		if msg != "" {
			fails++
			if fails <= 10 {
				t.Errorf("case %d %q:\n%s", i, datas[i], msg)
			}
		}
	}
	t.Logf("%d JSON Lines files compared with pandas.read_json(lines=True), %d mismatches", n, fails)
}

func compareJSONL(data []byte, want pandasRead) string {
	ix, err := IndexBytes("x.jsonl", data, Options{Format: JSONLines})
	if want.Err != "" {
		if err == nil && ix.Len() > 0 {
			return "pandas: " + want.Msg
		}
		return ""
	}
	if err != nil {
		return err.Error()
	}
	if ix.Len() != want.Rows || strings.Join(ix.Names(), "|") != strings.Join(want.Names, "|") {
		return fmt.Sprintf("rows %d names %q; pandas %d %q", ix.Len(), ix.Names(), want.Rows, want.Names)
	}
	for _, name := range want.Names {
		col, err := ix.Column(name)
		if err != nil {
			return err.Error()
		}
		pc := want.Cols[name]
		var vals [][]any
		for k := 0; k < col.Len(); k++ {
			vals = append(vals, encodeValue(col.Value(k)))
		}
		if col.Dtype() != pc.Dtype || jsonString(vals) != jsonString(pc.Values) {
			return fmt.Sprintf("column %q: Go %s %s\npandas %s %s", name, col.Dtype(), jsonString(vals), pc.Dtype, jsonString(pc.Values))
		}
	}
	if !want.RevOK {
		return "reversed copy: " + want.RevMsg
	}
	return ""
}
