package recipe

// Libraries names the Python libraries, with versions, whose behaviour the
// recipe reproduces (what a manifest records beside the code).
func (r *Recipe) Libraries() map[string]string {
	switch r.Call {
	case DatasetsTrainTestSplit, DatasetsShuffle:
		return map[string]string{"numpy": "1.24.2", "pandas": "1.5.3", "datasets": ">=2.3.0 (from its source; not installed for tests)"}
	case RandomSplit, TorchShuffle, TorchPermutation:
		return map[string]string{"torch": "1.13", "pandas": "1.5.3"}
	case PythonShuffle, PythonSample, PythonPermutation, PythonShuffleSplit, PythonSampleSplit:
		return map[string]string{"python": "3.11.2", "pandas": "1.5.3"}
	case HashSplit:
		return map[string]string{"python": "3.11.2 (zlib)", "numpy": "1.24.2", "pandas": "1.5.3"}
	case PandasShuffle, PandasSample, PandasSampleSplit, NumpyPermutation, GeneratorPermutation:
		return map[string]string{"numpy": "1.24.2", "pandas": "1.5.3"}
	}
	return map[string]string{"numpy": "1.24.2", "scikit-learn": r.version().String(), "pandas": "1.5.3"}
}
