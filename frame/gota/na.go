package gota

// NAValues returns the strings pandas 1.5's read_csv reads as missing by
// default (pandas._libs.parsers.STR_NA_VALUES, na_values with
// keep_default_na=True), the empty field among them. gota's own default is
// only "NA", "NaN" and "<nil>": it reads an empty field as the string "",
// where pandas reads NaN. Pass the list to gota to read missing values as
// pandas does:
//
//	df := dataframe.ReadCSV(r, dataframe.NaNValues(gota.NAValues()))
//
// A new slice each call: callers may change it.
func NAValues() []string {
	return []string{
		"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
		"1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null",
	}
}
