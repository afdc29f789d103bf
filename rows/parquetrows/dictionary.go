package parquetrows

import "github.com/apache/arrow/go/v15/parquet/metadata"

// keepsDictionary reports whether leaf column c is written dictionary
// encoded: when the input wrote it so and its dictionary pages hold less
// than half of its bytes. A dictionary of mostly distinct values (ids,
// measurements) makes the column larger than plain values, and building
// it (a hash table lookup per value) was most of the cost of a write.
// The encoding changes no value: pd.read_parquet reads the same frame.
func keepsDictionary(md *metadata.FileMetaData, c int) bool {
	var dict, total int64
	for g := 0; g < len(md.RowGroups); g++ {
		cc, err := md.RowGroup(g).ColumnChunk(c)
		if err != nil {
			return true
		}
		if !cc.HasDictionaryPage() {
			return false
		}
		from, to := cc.DictionaryPageOffset(), cc.DataPageOffset()
		if from <= 0 || to <= from {
			return true // no measure: Arrow's default
		}
		dict += to - from
		total += cc.TotalCompressedSize()
	}
	return dict*2 < total
}
