package job

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/recipe"
)

// ErrAssignOutput reports an assignment file named neither FILE.parquet
// nor FILE.csv.
var ErrAssignOutput = errors.New("want -o FILE.parquet or FILE.csv")

// AssignColumns are the columns of an assignment file, in order.
var assignColumns = [3]string{"row", "part", "position"}

// assignFormat is the format of the assignment file path: "parquet" or
// "csv".
func assignFormat(path string) (string, error) {
	low := strings.ToLower(path)
	switch {
	case path == "" || path == StdoutPath:
	case strings.HasSuffix(low, ".parquet") && len(low) > len(".parquet"):
		return "parquet", nil
	case strings.HasSuffix(low, ".csv") && len(low) > len(".csv"):
		return "csv", nil
	}
	return "", fmt.Errorf("-o %q: %w", path, ErrAssignOutput)
}

// planAssign replaces the run's outputs by its one assignment file.
func (p *run) planAssign(applied *recipe.Result) error {
	format, err := assignFormat(p.o.Output)
	if err != nil {
		return err
	}
	a, err := p.res.Recipe.Assignment(applied)
	if err != nil {
		return err
	}
	write := func(_ context.Context, w io.Writer) error { return writeAssignCSV(w, a) }
	if format == "parquet" {
		write = func(ctx context.Context, w io.Writer) error { return writeAssignParquet(ctx, w, a) }
	}
	p.kind = "assign"
	p.outs = []recipe.Output{{Name: "assign", Len: len(a.Part), Write: write}}
	p.res.Outputs = []File{{Name: "assign", Path: p.o.Output, Rows: len(a.Part)}}
	return nil
}

// writeAssignCSV writes a as CSV: row,part,position, both empty for a
// row in no part. Part names are plain (no comma, quote or line end:
// checkNames), fold numbers digits.
func writeAssignCSV(w io.Writer, a *recipe.Assignment) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(strings.Join(assignColumns[:], ",") + "\n")
	var buf []byte
	for i, part := range a.Part {
		buf = strconv.AppendInt(buf[:0], int64(i), 10)
		buf = append(buf, ',')
		if a.Position[i] >= 0 {
			buf = append(append(buf, csvField(part)...), ',')
			buf = strconv.AppendInt(buf, int64(a.Position[i]), 10)
		} else {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// csvField quotes s as pandas' to_csv does when it holds a delimiter, a
// quote or a line end.
func csvField(s string) string {
	if !strings.ContainsAny(s, ",\"\r\n") && s != "" {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
