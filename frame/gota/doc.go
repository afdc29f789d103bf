// Package gota applies index-level samples and splits to gota DataFrames
// (github.com/go-gota/gota/dataframe) and reads their columns as pandas
// would: Take is df.take(positions), Groups and Weights feed
// sample.GroupBy and sample.Options.Weights, Labels is the stratify= or
// y= scikit-learn sees and ClassLabels is Hugging Face's
// class_encode_column. It does not import Arrow.
//
// # Reading a CSV as pandas does
//
// The functions see a gota column as pandas sees the column pd.read_csv
// makes of the same CSV text. That holds only where gota reads what
// pandas reads, and gota's defaults differ:
//
//   - Missing values: gota's default marks only "NA", "NaN" and "<nil>"
//     missing and reads an empty field as the string "". On
//     "id,city\n1,\n2,Oslo\n3,Lima" Groups then puts row 0 in a group ""
//     (df.groupby("city").sample(frac=1) would give positions [0 2 1])
//     where pandas drops the NaN row ([2 1]). Read with
//     dataframe.NaNValues(NAValues()), pandas' own list, to match.
//   - Bools: gota types only "true" and "false" as Bool; pandas also
//     reads True, TRUE, False and FALSE as bool. gota keeps those as
//     strings (Labels then orders "False" before "True" as pandas orders
//     False before True, but scikit-learn's dtype differs).
//   - Numbers: gota types a field strconv.Atoi or strconv.ParseFloat
//     rejects (" 3", with a space) as a string, where pandas reads 3, and
//     an integer beyond int64 as a float, where pandas reads uint64.
//   - Int columns with missing values stay Int in gota and a column of
//     nothing but missing values is String; pandas makes both float64.
//     Groups, Weights, Labels and ClassLabels follow pandas here.
//
// Use explicit types (dataframe.WithTypes) or package rows, which reads
// CSV with pandas' typing, where the data has such fields.
//
// # Writing exactly
//
// gota's WriteCSV prints floats with six decimals (0.0009683 becomes
// 0.000968, 1e-07 becomes 0.000000): the rows written are not the rows
// read. To write the rows Take selects exactly, write the rows at the same
// positions from the original file with package rows (Index.WriteRows
// copies each row's bytes); see the exactWrite example.
package gota
