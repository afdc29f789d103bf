package rows

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestPandasChunks checks the low_memory chunk rules on files of more than
// buffer_lines rows: the first row of each chunk may be longer, and a
// column typed differently in two chunks is an object column of mixed
// values.
func TestPandasChunks(t *testing.T) {
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	dir := t.TempDir()
	b := bufferLines(2)
	type variant struct {
		long    int    // row given a third field, -1 for none
		other   string // value put in column a at row at
		at      int
		letters bool // column a is strings in every chunk
	}
	vs := []variant{
		{long: b, at: -1},
		{long: b - 1 + r.IntN(3)*2, at: -1}, // b-1 or b+1: errors
		{long: 2 * b, at: -1},
		{long: -1, other: "x", at: b + 1},
		{long: -1, other: "1.5", at: b - 1},
		{long: -1, other: "", at: b + 5},
		{long: -1, other: "True", at: b + 7},
		{long: -1, at: -1, letters: true},
	}
	var cases []pandasCase
	var datas [][]byte
	for i, v := range vs {
		var sb strings.Builder
		sb.WriteString("a,b\n")
		n := 2*b + 10
		for k := 0; k < n; k++ {
			a := fmt.Sprint(k % 7)
			if v.letters {
				a = fmt.Sprint("s", k%11)
			}
			if k == v.at {
				a = v.other
			}
			fmt.Fprintf(&sb, "%s,%d", a, k%3)
			if k == v.long {
				sb.WriteString(",9")
			}
			sb.WriteByte('\n')
		}
		data := []byte(sb.String())
		p := filepath.Join(dir, fmt.Sprintf("big%d.csv", i))
		os.WriteFile(p, data, 0o644)
		cases = append(cases, pandasCase{Path: p, Sep: ","})
		datas = append(datas, data)
	}
	var got []struct {
		Err    string   `json:"err"`
		Rows   int      `json:"rows"`
		Dtype  string   `json:"dtype"`
		Index  int      `json:"index"`
		Values [][]any  `json:"values"`
		Types  []string `json:"types"`
	}
	oracle.RunJSON(t, pandasChunkScript, map[string]any{"cases": cases, "at": probes(b)}, &got)
	for i, want := range got {
		ix, err := IndexBytes("big.csv", datas[i], Options{})
		if want.Err != "" {
			if errKind(err) != want.Err {
				t.Errorf("variant %+v: pandas %s, Go %v", vs[i], want.Err, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("variant %+v: %v", vs[i], err)
			continue
		}
		col, err := ix.Column("a")
		if err != nil {
			t.Fatal(err)
		}
		var vals [][]any
		for _, k := range probes(b) {
			vals = append(vals, encodeValue(col.Value(k)))
		}
		if ix.Len() != want.Rows || col.Dtype() != want.Dtype || jsonString(vals) != jsonString(want.Values) {
			t.Errorf("variant %+v: Go %d rows %s %s; pandas %d %s %s", vs[i], ix.Len(), col.Dtype(), jsonString(vals), want.Rows, want.Dtype, jsonString(want.Values))
		}
	}
}

// probes are the rows compared: around the chunk boundaries.
func probes(b int) []int {
	return []int{0, 1, b - 1, b, b + 1, b + 5, b + 7, 2*b - 1, 2 * b, 2*b + 9}
}

const pandasChunkScript = `
import sys, json, struct, warnings
warnings.simplefilter("ignore")
import numpy as np, pandas as pd
def encv(v):
    if isinstance(v, (bool, np.bool_)): return ['b', bool(v)]
    if isinstance(v, (int, np.integer)): return ['i', str(int(v))]
    if isinstance(v, (float, np.floating)):
        if v != v: return ['nan']
        return ['f', str(struct.unpack('<Q', struct.pack('<d', float(v)))[0])]
    if isinstance(v, str): return ['s', v]
    return ['?', repr(v)]
inp = json.load(sys.stdin)
out = []
for case in inp['cases']:
    try:
        df = pd.read_csv(case['path'])
    except Exception as e:
        m = str(e)
        out.append({'err': 'fields' if 'Expected' in m else 'other'})
        continue
    a = df['a']
    out.append({'rows': len(df), 'dtype': str(a.dtype), 'values': [encv(a.iloc[k]) for k in inp['at']]})
json.dump(out, sys.stdout)
`
