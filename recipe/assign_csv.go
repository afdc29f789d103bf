package recipe

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// AssignColumns are the columns of an assignment file, in order.
var AssignColumns = [3]string{"row", "part", "position"}

// ErrAssignOutput reports an assignment file named neither FILE.parquet
// nor FILE.csv.
var ErrAssignOutput = errors.New("want -o FILE.parquet or FILE.csv")

// AssignFormat is the format of the assignment file path: "parquet" or
// "csv".
func AssignFormat(path string) (string, error) {
	low := strings.ToLower(path)
	switch {
	case path == "" || path == "-":
	case strings.HasSuffix(low, ".parquet") && len(low) > len(".parquet"):
		return "parquet", nil
	case strings.HasSuffix(low, ".csv") && len(low) > len(".csv"):
		return "csv", nil
	}
	return "", fmt.Errorf("-o %q: %w", path, ErrAssignOutput)
}

// Write writes a in format "csv" or "parquet".
func (a *Assignment) Write(ctx context.Context, w io.Writer, format string) error {
	switch format {
	case "csv":
		return a.WriteCSV(w)
	case "parquet":
		return a.WriteParquet(ctx, w)
	}
	return fmt.Errorf("no assignment format %q", format)
}

// WriteCSV writes a as CSV: row,part,position, both empty for a
// row in no part. Part names are plain (no comma, quote or line end:
// checkNames), fold numbers digits.
func (a *Assignment) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(strings.Join(AssignColumns[:], ",") + "\n")
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
