package gota

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/splitter-dev/splitter/frame"
	"github.com/splitter-dev/splitter/sample"
)

// Groups returns the groups of df.groupby(col).sample for a gota
// column: Int as int64, Float as float64 (NaN dropped), Bool, String
// (missing values dropped), as pandas groups the column it reads.
func Groups(df dataframe.DataFrame, col string) (sample.Groups, error) {
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
	return sample.Groups{}, fmt.Errorf("frame: group key of type %s: %w", s.Type(), frame.ErrColumnType)
}

// Weights returns a numeric (or bool: 1/0) gota column as float64 weights for
// sample.Options.Weights, missing values as NaN (pandas counts them as
// zero).
func Weights(df dataframe.DataFrame, col string) ([]float64, error) {
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
				return nil, fmt.Errorf("frame: weights row %d %q: %w", i, rec, frame.ErrColumnType)
			}
			w[i] = x
		}
		return w, nil
	default:
		return nil, fmt.Errorf("frame: weights of type %s: %w", s.Type(), frame.ErrColumnType)
	}
	w := s.Float()
	for i, m := range s.IsNaN() {
		if m {
			w[i] = math.NaN()
		}
	}
	return w, nil
}
