package splitbeam

// Shard is one input file and its place in name order.
type Shard struct {
	Index int
	Path  string
}

// ShardInfo is what the count step learns of a shard.
type ShardInfo struct {
	Index int
	Path  string
	Rows  int64
	// SHA256 is the hex SHA-256 of the file's bytes.
	SHA256 string
	// Names are its columns as pandas reads them; Header its header line
	// as outputs copy it; FoldHeader the header with kfold's fold column.
	Names  []string
	Header []byte
	// IndexColumns is the number of index fields of its first row
	// (rows.Index.IndexColumns).
	IndexColumns int
	FoldHeader   []byte
	// Columns are the gob-encoded *rows.Column of each column the recipe
	// reads, in Split's order; Missing those the shard has not (their
	// Columns entry empty), reported by the plan step as the CLI reports
	// them.
	Columns [][]byte
	Missing []string
}

// Piece tells a shard where some of its rows go: local row Rows[i] is at
// position Pos[i] of output file Files[i]; and, for a fold column file,
// Folds are the fold of each of the shard's rows (-1: none) and Ranges the runs
// of rows copied with them.
type Piece struct {
	Shard  int
	Path   string
	Rows   []int32
	Files  []int32
	Pos    []int64
	Folds  []int
	Ranges []FoldRange
}

// FoldRange is the local rows [Lo, Hi) of a shard written with their fold
// at positions Pos.. of output file File.
type FoldRange struct {
	File   int32
	Lo, Hi int64
	Pos    int64
}

// Chunk is bytes of one output file: segments of rows, segment k at
// position Pos[k] holding Count[k] rows, its bytes ending at Ends[k] of
// Data. A file's one head chunk (Head set) carries its path, row count
// and header instead.
type Chunk struct {
	Pos   []int64
	Count []int32
	Ends  []int64
	Data  []byte
	Head  bool
	Path  string
	Rows  int64
}

// Written is one output file written under a temporary name.
type Written struct {
	File   int
	Temp   string
	SHA256 string
}

// Draft is the manifest before the outputs' hashes are known, and the
// outputs' final paths, in order.
type Draft struct {
	Manifest []byte
	Paths    []string
}
