package audit_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/split"
)

// Explain finds the seed behind a train_test_split(df, test_size=0.25,
// random_state=...) partition of eight rows.
func ExampleExplain() {
	data := [][]byte{[]byte("a,1"), []byte("b,2"), []byte("c,3"), []byte("d,4"), []byte("e,5"), []byte("f,6"), []byte("g,7"), []byte("h,8")}
	train, test, _ := split.TrainTestSplit(len(data), split.TrainTestOptions{TestSize: split.FloatSize(0.25), RandomState: split.Seed(2024)})
	pick := func(idx []int) [][]byte {
		var out [][]byte
		for _, i := range idx {
			out = append(out, data[i])
		}
		return out
	}
	p := audit.NewPartition(data, pick(train), pick(test))
	matches, _ := audit.Explain(context.Background(), p, audit.ExplainOptions{First: 2000, Last: 2030, Kinds: []audit.Kind{audit.Sklearn}})
	for _, m := range matches {
		fmt.Println(m.Seed, m.Recipe.Python("data.csv", m.Seed))
	}
	// Output:
	// 2024 df = pd.read_csv('data.csv'); train, test = train_test_split(df, test_size=0.25, random_state=2024)
}

// CompareRecords names the first row that differs and counts the rest.
func ExampleCompareRecords() {
	want := [][]byte{[]byte("1,a"), []byte("2,b"), []byte("3,c")}
	got := [][]byte{[]byte("1,a"), []byte("3,c"), []byte("2,b"), []byte("2,b")}
	d := audit.CompareRecords("train.csv", []byte("id,x"), []byte("id,x"), want, got, false)
	fmt.Println(d)
	// Output:
	// train.csv: row 2: expected "2,b", found "3,c" (0 missing, 1 extra, 2 misplaced rows)
}

// VerifyFiles asserts, in a pipeline, that train.csv and test.csv are
// train_test_split(pd.read_csv("data.csv"), test_size=0.25, random_state=7).
func ExampleVerifyFiles() {
	dir, _ := os.MkdirTemp("", "audit")
	defer os.RemoveAll(dir)
	data := "id,x\n0,a\n1,b\n2,c\n3,d\n4,e\n5,f\n6,g\n7,h\n"
	os.WriteFile(filepath.Join(dir, "data.csv"), []byte(data), 0o666)
	lines := strings.SplitAfter(data, "\n")
	train, test, _ := split.TrainTestSplit(8, split.TrainTestOptions{TestSize: split.FloatSize(0.25), RandomState: split.Seed(7)})
	write := func(name string, idx []int) {
		s := lines[0]
		for _, i := range idx {
			s += lines[1+i]
		}
		os.WriteFile(filepath.Join(dir, name), []byte(s), 0o666)
	}
	write("train.csv", train)
	write("test.csv", test)
	r := audit.Recipe{Kind: audit.Sklearn, Train: 6, Test: 2}
	p := func(name string) string { return filepath.Join(dir, name) }
	fmt.Println(audit.VerifyFiles(p("data.csv"), p("train.csv"), p("test.csv"), r, 7, rows.Options{}, false))
	err := audit.VerifyFiles(p("data.csv"), p("train.csv"), p("test.csv"), r, 8, rows.Options{}, false)
	fmt.Println(errors.Is(err, audit.ErrMismatch))
	// Output:
	// <nil>
	// true
}
