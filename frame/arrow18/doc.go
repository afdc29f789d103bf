// Package arrow18 applies index-level samples and splits to Arrow record
// batches of github.com/apache/arrow-go/v18 and reads their columns as
// pandas would: Take is df.take(positions), Groups and Weights feed
// sample.GroupBy and sample.Options.Weights, Labels is the stratify= or
// y= scikit-learn sees and ClassLabels is Hugging Face's
// class_encode_column. It imports neither gota nor Arrow 15 (use
// frame/arrow15 for github.com/apache/arrow/go/v15).
//
// An Arrow column is read as pandas reads the same values written to CSV
// (pd.read_csv): a null is NaN, an integer column with a null is
// float64, a boolean or string column with a null is an object column
// holding NaN, and a column of nothing but nulls is float64. (pyarrow's
// to_pandas holds None rather than NaN in object columns; scikit-learn
// treats the two differently.)
//
// Every file but this one is generated from frame/arrow15 (see
// frame/internal/arrowgen); edit arrow15 and run go generate here.
package arrow18

//go:generate go test -run TestGenerated -update .
