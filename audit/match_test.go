package audit

import (
	"errors"
	"slices"
	"testing"

	"github.com/splitter-dev/splitter/rows"
)

func indexOf(t *testing.T, name, text string) *rows.Index {
	t.Helper()
	ix, err := rows.IndexBytes(name, []byte(text), rows.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func match(t *testing.T, data string, opts MatchOptions, parts ...string) (*Matched, error) {
	t.Helper()
	var ts []Table
	names := []string{"data"}
	for _, p := range parts {
		ts = append(ts, indexOf(t, "part", p))
		names = append(names, "part")
	}
	return MatchTables(names, indexOf(t, "data", data), ts, opts)
}

func TestMatchTablesValues(t *testing.T) {
	const data = "a,b,c\n1,14.50,x\n2,0.031660,\"y, z\"\n3,,w\r\n2,0.031660,\"y, z\"\n"
	for _, tc := range []struct {
		name, part string
		want       []int // data row of each part row; -1: not a data row
	}{
		{"pandas floats and quoting", "a,b,c\n2,0.03166,\"y, z\"\n1,14.5,x\n", []int{1, 0}},
		{"reordered and dropped", "c,a\nw,3\nx,1\n", []int{2, 0}},
		{"NaN equals NaN", "a,b,c\n3,NaN,w\n", []int{2}},
		{"int read as float", "a,b,c\n1.0,14.5,x\n", []int{0}},
		{"other value", "a,b,c\n1,14.51,x\n", []int{-1}},
		{"index column", ",a,b,c\n2,3,,w\n0,1,14.5,x\n", []int{2, 0}},
		{"named index", "row,a,b,c\n0,1,14.5,x\n", []int{0}},
	} {
		m, err := match(t, data, MatchOptions{}, tc.part)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for r, pos := range tc.want {
			got, want := m.Parts[0][r], int32(-1)
			if pos >= 0 {
				want = m.Data[pos]
			}
			if got != want {
				t.Errorf("%s: row %d: id %d, want %d", tc.name, r+1, got, want)
			}
		}
	}
}

func TestMatchTablesDuplicates(t *testing.T) {
	m, err := match(t, "a,b\n1,2\n1,2\n3,4\n1,2.0\n", MatchOptions{}, "a,b\n1,2\n")
	if err != nil {
		t.Fatal(err)
	}
	if m.Duplicates != 2 || m.ByIndex || m.Count[m.Data[0]] != 3 {
		t.Errorf("duplicates %d, by index %v, count %d; want 2, false, 3", m.Duplicates, m.ByIndex, m.Count[m.Data[0]])
	}
	// The index column tells the duplicates apart.
	m, err = match(t, "a,b\n1,2\n1,2\n3,4\n", MatchOptions{}, ",a,b\n1,1,2\n", ",a,b\n0,1,2\n2,3,4\n")
	if err != nil {
		t.Fatal(err)
	}
	if !m.ByIndex || m.Duplicates != 0 || !slices.Equal(m.Parts[0], []int32{1}) || !slices.Equal(m.Parts[1], []int32{0, 2}) {
		t.Errorf("by index %v, duplicates %d, parts %v", m.ByIndex, m.Duplicates, m.Parts)
	}
}

func TestMatchTablesErrors(t *testing.T) {
	if _, err := match(t, "a,b\n1,2\n3,4\n", MatchOptions{}, ",a,b\n0,3,4\n"); !errors.Is(err, ErrIndexDisagrees) {
		t.Errorf("index naming another row: %v", err)
	}
	if _, err := match(t, "a,b\n1,2\n", MatchOptions{}, "c\n1\n"); !errors.Is(err, ErrNoCommonColumns) {
		t.Errorf("no shared column: %v", err)
	}
	if _, err := match(t, "a,b\n1,2\n", MatchOptions{Key: "id"}, "a,b\n1,2\n"); !errors.Is(err, ErrKeyColumn) {
		t.Errorf("missing key: %v", err)
	}
	m, err := match(t, "id,b\n7,2\n8,2\n", MatchOptions{Key: "id"}, "id,b\n8,5\n")
	if err != nil || m.Parts[0][0] != m.Data[1] {
		t.Errorf("key: %v %v", m, err)
	}
}

func TestIDLists(t *testing.T) {
	data := indexOf(t, "data", "id,x\n007,a\nq,b\n12,c\n")
	for _, tc := range []struct {
		text, key string
		want      []int
	}{
		{"2\n\n 0 \n", "", []int{2, 0}},
		{"[1, 2]", "", []int{1, 2}},
		{`["7", "q"]`, "id", []int{0, 1}},
		{"12\n7\n", "id", []int{2, 0}},
	} {
		ids, err := ReadIDList("ids", []byte(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		got, err := IDPositions("ids", data, tc.key, ids)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%q key %q: %v %v, want %v", tc.text, tc.key, got, err, tc.want)
		}
	}
	for _, bad := range []struct{ text, key string }{{"3\n", ""}, {"-1", ""}, {"x", ""}, {"99", "id"}, {"[1,", ""}} {
		ids, err := ReadIDList("ids", []byte(bad.text))
		if err == nil {
			_, err = IDPositions("ids", data, bad.key, ids)
		}
		if !errors.Is(err, ErrIDList) {
			t.Errorf("%q: %v", bad.text, err)
		}
	}
}

func TestSplitParts(t *testing.T) {
	ix := indexOf(t, "f", "s,t,n,bad\nTrain,True,0,x\ntest,False,1,train\nVAL,True,1,test\n")
	for col, want := range map[string][]string{
		"s": {PartTrain, PartTest, PartVal},
		"t": {PartTest, PartTrain, PartTest},
		"n": {PartTrain, PartTest, PartTest},
	} {
		c, err := ix.Column(col)
		if err != nil {
			t.Fatal(err)
		}
		got, err := SplitParts("f", c)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%s: %v %v, want %v", col, got, err, want)
		}
	}
	c, _ := ix.Column("bad")
	if _, err := SplitParts("f", c); !errors.Is(err, ErrSplitValue) {
		t.Errorf("bad: %v", err)
	}
}

// TestMembershipPartition: a recipe matches a membership partition when it
// picks the same rows in any order, stratified ones included.
func TestMembershipPartition(t *testing.T) {
	codes := make([]int, 60)
	for i := range codes {
		codes[i] = i % 3
	}
	r := Recipe{Kind: Sklearn, N: 60, Train: 40, Test: 20}
	train, test, err := r.Indices(99)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(train)
	slices.Reverse(test)
	p := MembershipPartition(60, train, test)
	if !r.Check(p, 99) || r.Check(p, 98) {
		t.Errorf("check: seed 99 %v, seed 98 %v", r.Check(p, 99), r.Check(p, 98))
	}
	if tr, te, ok := partClassCounts(p, codes, 3); !ok || tr[0]+tr[1]+tr[2] != 40 || te[0]+te[1]+te[2] != 20 {
		t.Errorf("class counts %v %v %v", tr, te, ok)
	}
	if q := MembershipPartition(60, []int{1, 1}, []int{2}); q.selectable() {
		t.Error("a row named twice is selectable")
	}
}
