package gota

import (
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/splitter-dev/splitter/frame"
)

// Take returns the rows of df at positions, in that order (pandas'
// df.take(positions)); repeats are allowed, and a negative position counts
// from the end as in pandas (-1 is the last row). An error in df, or a
// position out of range, comes back as the error.
func Take(df dataframe.DataFrame, positions []int) (dataframe.DataFrame, error) {
	if df.Err != nil {
		return df, df.Err
	}
	positions, err := frame.ResolvePositions(positions, df.Nrow())
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
