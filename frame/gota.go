package frame

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/splitter-dev/splitter/sample"
)

// TakeGota returns the rows of df at positions, in that order (pandas'
// df.take(positions)); repeats are allowed, and a negative position counts
// from the end as in pandas (-1 is the last row). An error in df, or a
// position out of range, comes back as the error.
func TakeGota(df dataframe.DataFrame, positions []int) (dataframe.DataFrame, error) {
	if df.Err != nil {
		return df, df.Err
	}
	positions, err := resolvePositions(positions, df.Nrow())
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	if len(positions) == 0 {
		// gota cannot subset to zero rows; keep the columns.
		out := df.Subset([]int{0})
		if df.Nrow() == 0 {
			return df, nil
		}
		cols := make([]series.Series, out.Ncol())
		for i, name := range out.Names() {
			cols[i] = series.New([]string{}, df.Col(name).Type(), name)
		}
		return dataframe.New(cols...), nil
	}
	out := df.Subset(positions)
	return out, out.Err
}

// GotaGroups returns the groups of df.groupby(col).sample for a gota
// column: Int as int64, Float as float64 (NaN dropped), Bool, String
// (missing values dropped), as pandas groups the column it reads.
func GotaGroups(df dataframe.DataFrame, col string) (sample.Groups, error) {
	s := df.Col(col)
	if s.Err != nil {
		return sample.Groups{}, fmt.Errorf("frame: %w", s.Err)
	}
	nan := s.IsNaN()
	valid := make([]bool, len(nan))
	for i, m := range nan {
		valid[i] = !m
	}
	switch s.Type() {
	case series.Int:
		if s.HasNaN() {
			return sample.GroupsFloat64(s.Float()), nil
		}
		v, err := s.Int()
		if err != nil {
			return sample.Groups{}, fmt.Errorf("frame: %w", err)
		}
		k := make([]int64, len(v))
		for i, x := range v {
			k[i] = int64(x)
		}
		return sample.GroupsInt64(k), nil
	case series.Float:
		return sample.GroupsFloat64(s.Float()), nil
	case series.Bool:
		k := make([]bool, s.Len())
		for i := range k {
			if valid[i] {
				b, err := s.Elem(i).Bool()
				if err != nil {
					return sample.Groups{}, fmt.Errorf("frame: %w", err)
				}
				k[i] = b
			}
		}
		return sample.GroupsBool(k, valid), nil
	case series.String:
		return sample.GroupsString(s.Records(), valid), nil
	}
	return sample.Groups{}, fmt.Errorf("frame: group key of type %s: %w", s.Type(), ErrColumnType)
}

// GotaWeights returns a numeric (or bool: 1/0) gota column as float64 weights for
// sample.Options.Weights, missing values as NaN (pandas counts them as
// zero).
func GotaWeights(df dataframe.DataFrame, col string) ([]float64, error) {
	if df.Err != nil {
		return nil, fmt.Errorf("frame: %w", df.Err)
	}
	if !slices.Contains(df.Names(), col) {
		return nil, fmt.Errorf("frame: weights %q: %w", col, sample.ErrWeightsColumn)
	}
	s := df.Col(col)
	if s.Err != nil {
		return nil, fmt.Errorf("frame: %w", s.Err)
	}
	switch s.Type() {
	case series.Int, series.Float, series.Bool:
	case series.String:
		// gota reads a column of only missing values as strings; pandas
		// converts weights with float(), as ParseFloat does here.
		w := make([]float64, s.Len())
		nan := s.IsNaN()
		for i, rec := range s.Records() {
			if nan[i] {
				w[i] = math.NaN()
				continue
			}
			x, err := strconv.ParseFloat(strings.TrimSpace(rec), 64)
			if err != nil {
				return nil, fmt.Errorf("frame: weights row %d %q: %w", i, rec, ErrColumnType)
			}
			w[i] = x
		}
		return w, nil
	default:
		return nil, fmt.Errorf("frame: weights of type %s: %w", s.Type(), ErrColumnType)
	}
	w := s.Float()
	for i, m := range s.IsNaN() {
		if m {
			w[i] = math.NaN()
		}
	}
	return w, nil
}

// ErrPosition is a position outside -n..n-1 for n rows (pandas' take
// raises IndexError "indices are out-of-bounds").
var ErrPosition = errors.New("indices are out-of-bounds")

// resolvePositions maps positions as pandas' take does: p in 0..n-1 is
// row p, p in -n..-1 is row n+p; anything else is ErrPosition. The input
// slice is left as it was.
func resolvePositions(positions []int, n int) ([]int, error) {
	out, copied := positions, false
	for i, p := range positions {
		if p < -n || p >= n {
			return nil, fmt.Errorf("frame: position %d for %d rows: %w", p, n, ErrPosition)
		}
		if p < 0 {
			if !copied {
				out, copied = append([]int(nil), positions...), true
			}
			out[i] = n + p
		}
	}
	return out, nil
}
