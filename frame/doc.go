// Package frame applies index-level samples and splits to data frames:
// gota DataFrames (github.com/go-gota/gota/dataframe) and Arrow records
// (github.com/apache/arrow/go/v15/arrow). The positions come from packages
// sample and split; frame only moves rows, reads group keys and reads
// weight columns, so that those packages stay free of dependencies.
//
// Taking rows equals pandas' df.take(positions) (df.iloc[positions]): the
// rows in the given order, repeats allowed.
package frame
