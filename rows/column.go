package rows

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
)

// Kind is the type pandas infers for a column.
type Kind int

// Kinds of a Column. Bool and String columns with missing values are
// object columns in pandas (Python bools or strs with float NaN).
const (
	Int64   Kind = iota // dtype int64: Ints
	Uint64              // dtype uint64 (some value above 2**63-1): Uints
	Float64             // dtype float64: Floats, NaN where Null
	Bool                // dtype bool, or object when Null has a true entry: Bools
	String              // dtype object of str, NaN where Null: Strings
	Mixed               // dtype object of mixed Python types (low_memory chunks typed apart): Values
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case Int64:
		return "int64"
	case Uint64:
		return "uint64"
	case Float64:
		return "float64"
	case Bool:
		return "bool"
	case String:
		return "string"
	case Mixed:
		return "mixed"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Column is one column as pd.read_csv(path)[name] holds it.
type Column struct {
	Name    string
	Kind    Kind
	Ints    []int64
	Uints   []uint64
	Floats  []float64
	Bools   []bool
	Strings []string
	// Null marks missing values (NaN in pandas); nil when there are none.
	Null []bool
	// Values holds the elements of a Mixed column: int64, uint64, float64
	// (NaN for missing), bool or string, as the Python objects would be.
	Values []any
}

// Len returns the number of values.
func (c *Column) Len() int {
	switch c.Kind {
	case Int64:
		return len(c.Ints)
	case Uint64:
		return len(c.Uints)
	case Float64:
		return len(c.Floats)
	case Bool:
		return len(c.Bools)
	case String:
		return len(c.Strings)
	}
	return len(c.Values)
}

// HasNull reports whether any value is missing (NaN).
func (c *Column) HasNull() bool {
	for _, b := range c.Null {
		if b {
			return true
		}
	}
	if c.Kind == Mixed {
		for _, v := range c.Values {
			if f, ok := v.(float64); ok && math.IsNaN(f) {
				return true
			}
		}
	}
	return false
}

// Dtype returns the pandas dtype name: "int64", "uint64", "float64",
// "bool" or "object".
func (c *Column) Dtype() string {
	switch c.Kind {
	case Int64, Uint64, Float64:
		return c.Kind.String()
	case Bool:
		if c.HasNull() {
			return "object"
		}
		return "bool"
	}
	return "object"
}

// Value returns element i as the Python object pandas holds: int64,
// uint64, float64 (NaN when missing), bool or string.
func (c *Column) Value(i int) any {
	if c.Null != nil && c.Null[i] {
		return math.NaN()
	}
	switch c.Kind {
	case Int64:
		return c.Ints[i]
	case Uint64:
		return c.Uints[i]
	case Float64:
		return c.Floats[i]
	case Bool:
		return c.Bools[i]
	case String:
		return c.Strings[i]
	}
	return c.Values[i]
}

// Column reads the column called name with pandas' type inference:
// pd.read_csv(path)[name]. It makes one sequential pass over the file. A
// name the header does not have is a ParseError wrapping ErrNoColumn.
//
// A fault reading the mapped file (it shrank) is ErrInputChanged.
func (ix *Index) Column(name string) (col *Column, err error) {
	err = ix.guard(func() (err error) {
		col, err = ix.column(name)
		return err
	})
	return col, err
}

func (ix *Index) column(name string) (*Column, error) {
	if ix.jsonl {
		if !slices.Contains(ix.Names(), name) {
			return nil, &ParseError{File: ix.name, Err: fmt.Errorf("%w %q", ErrNoColumn, name)}
		}
		return ix.jsonlColumn(name)
	}
	j := -1
	for k, nm := range ix.names {
		if nm == name {
			j = k
			break
		}
	}
	if j < 0 {
		return nil, &ParseError{File: ix.name, Err: fmt.Errorf("%w %q", ErrNoColumn, name)}
	}
	col, err := ix.inferColumn(ix.leading+j, bufferLines(ix.hfields+ix.leading))
	if err != nil {
		return nil, err
	}
	col.Name = name
	return col, nil
}

// wordList is the raw field values of one column, in one arena.
type wordList struct {
	arena []byte
	offs  []int // len = rows+1
}

func (w *wordList) len() int        { return len(w.offs) - 1 }
func (w *wordList) at(i int) []byte { return w.arena[w.offs[i]:w.offs[i+1]] }

// words collects field f of rows lo..hi-1 (empty for short rows), each
// cut at its first NUL byte as pandas' C strings are, into wl's memory
// (reused from chunk to chunk: nothing keeps the words once typed).
func (ix *Index) words(f, lo, hi int, wl *wordList) *wordList {
	n := hi - lo
	wl.offs = append(wl.offs[:0], 0)
	wl.arena = wl.arena[:0]
	var scratch []byte
	// One front-to-back pass: a large mapped input (read with
	// drop-behind) is mapped ahead in one call and released behind, not
	// faulted in page by page.
	dr := newDropper(ix.data, int(ix.offs.at(lo)), ix.drop)
	defer dr.finish(int(ix.offs.at(hi)))
	// Size the arena from a sample of rows, so it is not regrown (and
	// copied) many times.
	sample := 0
	k := min(n, 256)
	for i := lo; i < lo+k; i++ {
		var v []byte
		v, _, scratch = fieldAt(ix.Record(i), ix.sep, f, scratch)
		sample += len(v)
	}
	if k > 0 {
		wl.arena = slices.Grow(wl.arena, sample*n/k+sample*n/k/8+64)
	}
	wl.offs = slices.Grow(wl.offs, n)
	for i := lo; i < hi; i++ {
		st, e := ix.bounds(i)
		dr.advance(st)
		var v []byte
		v, _, scratch = fieldAt(ix.data[st:e], ix.sep, f, scratch)
		wl.arena = append(wl.arena, cString(v)...)
		wl.offs = append(wl.offs, len(wl.arena))
	}
	return wl
}

// chunk kinds: the dtype pandas gives one low_memory chunk.
const (
	ckInt64 = iota
	ckUint64
	ckFloat64
	ckBool
	ckObject // strs (and NaN), or bools with NaN (objBool)
)

type chunkCol struct {
	kind    int
	ints    []int64
	uints   []uint64
	floats  []float64
	bools   []bool
	objBool bool // ckObject holding Python bools (a bool chunk with NaN)
	strs    []string
	null    []bool
}

// inferColumn types field f chunk by chunk (pandas' low_memory reader
// infers each chunk of buffer_lines rows on its own) and concatenates the
// chunks as np.concatenate would. Chunks are typed on two goroutines.
func (ix *Index) inferColumn(f, chunk int) (*Column, error) {
	n := ix.Len()
	if n == 0 {
		// An empty column is object dtype in pandas.
		return &Column{Kind: String, Strings: []string{}}, nil
	}
	nchunks := (n + chunk - 1) / chunk
	chunks := make([]chunkCol, nchunks)
	// The strings of object chunks go to their rows of one slice, made at
	// the first: a string column is that slice, not a copy of the chunks'.
	var mu sync.Mutex
	var all []string
	strs := func(lo, hi int) []string {
		mu.Lock()
		defer mu.Unlock()
		if all == nil {
			all = make([]string, n)
		}
		return all[lo:hi:hi]
	}
	workers := min(2, runtime.GOMAXPROCS(0), nchunks)
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			errs[w] = ix.guard(func() error {
				intern := map[string]string{}
				var wl wordList
				for c := w; c < nchunks; c += workers {
					lo, hi := c*chunk, min((c+1)*chunk, n)
					dst := func() []string { return strs(lo, hi) }
					chunks[c] = inferChunk(ix.words(f, lo, hi, &wl), 0, hi-lo, intern, dst)
				}
				return nil
			})
		}(w)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if len(chunks) == 1 {
		return chunks[0].column(), nil
	}
	return concatChunks(chunks, all), nil
}

func (c *chunkCol) column() *Column {
	switch c.kind {
	case ckInt64:
		return &Column{Kind: Int64, Ints: c.ints}
	case ckUint64:
		return &Column{Kind: Uint64, Uints: c.uints}
	case ckFloat64:
		return &Column{Kind: Float64, Floats: c.floats, Null: c.null}
	case ckBool:
		return &Column{Kind: Bool, Bools: c.bools}
	}
	if c.objBool {
		return &Column{Kind: Bool, Bools: c.bools, Null: c.null}
	}
	return &Column{Kind: String, Strings: c.strs, Null: c.null}
}

// inferChunk is pandas' TextReader._convert_tokens with no dtype: try
// int64 (uint64 on overflow), then float64, then bool, then object.
// An object chunk's strings go to dst() (hi-lo of them).
func inferChunk(wl *wordList, lo, hi int, intern map[string]string, dst func() []string) chunkCol {
	m := hi - lo
	// int64 (slices are allocated at the first value that parses, so a
	// string column costs no numeric arrays)
	var ints []int64
	var null []bool
	naCount := 0
	intErr := numOK
	for i := 0; i < m; i++ {
		w := wl.at(lo + i)
		if isNA(w) {
			if null == nil {
				null = make([]bool, m)
			}
			null[i] = true
			naCount++
			continue
		}
		v, e := strToInt64(w)
		if e != numOK {
			intErr = e
			break
		}
		if ints == nil {
			ints = make([]int64, m)
		}
		ints[i] = v
	}
	if intErr == numOK && ints == nil {
		ints = make([]int64, m)
	}
	switch intErr {
	case numOK:
		if naCount == 0 {
			return chunkCol{kind: ckInt64, ints: ints}
		}
		// _maybe_upcast: int64 with NA becomes float64, and the value
		// equal to its NA sentinel (INT64_MIN) becomes NaN too.
		fl := make([]float64, m)
		for i, v := range ints {
			if v == math.MinInt64 {
				null[i] = true
			}
			if null[i] {
				fl[i] = math.NaN()
			} else {
				fl[i] = float64(v)
			}
		}
		return chunkCol{kind: ckFloat64, floats: fl, null: null}
	case numOverflow:
		// _try_uint64
		var st uintState
		uints := make([]uint64, m)
		uerr := numOK
		for i := 0; i < m; i++ {
			w := wl.at(lo + i)
			if isNA(w) {
				st.seenNull = true
				continue
			}
			v, e := strToUint64(&st, w)
			if e != numOK {
				uerr = e
				break
			}
			uints[i] = v
		}
		switch {
		case uerr == numOverflow:
			return objectChunk(wl, lo, hi, true, intern, dst)
		case uerr != numOK:
			// not an integer column: fall through to float64
		case st.seenUint && (st.seenSint || st.seenNull):
			// ValueError: object without NA filtering.
			return objectChunk(wl, lo, hi, false, intern, dst)
		case st.seenSint:
			return objectChunk(wl, lo, hi, true, intern, dst)
		default:
			return chunkCol{kind: ckUint64, uints: uints}
		}
	}
	// float64
	var fl []float64
	null = nil
	ok := true
	for i := 0; i < m; i++ {
		w := wl.at(lo + i)
		v, good := math.NaN(), true
		if isNA(w) {
			if null == nil {
				null = make([]bool, m)
			}
			null[i] = true
		} else if v, good = parseDouble(w); !good {
			ok = false
			break
		}
		if fl == nil {
			fl = make([]float64, m)
			for k := 0; k < i; k++ {
				fl[k] = math.NaN() // earlier rows were all NA
			}
		}
		fl[i] = v
	}
	if ok && fl == nil {
		fl = make([]float64, m)
		for k := range fl {
			fl[k] = math.NaN()
		}
	}
	if ok {
		return chunkCol{kind: ckFloat64, floats: fl, null: null}
	}
	// bool
	var bs []bool
	null = nil
	ok = true
	for i := 0; i < m; i++ {
		w := wl.at(lo + i)
		if isNA(w) {
			if null == nil {
				null = make([]bool, m)
			}
			null[i] = true
			continue
		}
		v, good := parseBool(w)
		if !good {
			ok = false
			break
		}
		if bs == nil {
			bs = make([]bool, m)
		}
		bs[i] = v
	}
	if ok && bs == nil {
		bs = make([]bool, m)
	}
	if ok {
		if null == nil {
			return chunkCol{kind: ckBool, bools: bs}
		}
		return chunkCol{kind: ckObject, objBool: true, bools: bs, null: null}
	}
	return objectChunk(wl, lo, hi, true, intern, dst)
}

// internMax bounds the words a column shares: past it (ids, free text)
// each word gets its own string.
const internMax = 1 << 14

// objectChunk is pandas' _string_box_utf8: the words as strings (into
// dst(), hi-lo of them), NA words as NaN when naFilter.
func objectChunk(wl *wordList, lo, hi int, naFilter bool, intern map[string]string, dst func() []string) chunkCol {
	m := hi - lo
	strs := dst()
	var null []bool
	for i := 0; i < m; i++ {
		w := wl.at(lo + i)
		if naFilter && isNA(w) {
			if null == nil {
				null = make([]bool, m)
			}
			null[i] = true
			continue
		}
		if len(intern) >= internMax {
			strs[i] = string(w) // many distinct words: interning would only cost
			continue
		}
		s, ok := intern[string(w)]
		if !ok {
			s = string(w)
			intern[s] = s
		}
		strs[i] = s
	}
	return chunkCol{kind: ckObject, strs: strs, null: null}
}

// concatChunks joins chunk arrays as np.concatenate does: numeric dtypes
// promote (bool < int64/uint64 < float64; int64 with uint64 gives float64),
// anything with an object chunk is object holding each chunk's Python values.
// all holds every object chunk's strings in their rows.
func concatChunks(chunks []chunkCol, all []string) *Column {
	total := 0
	for i := range chunks {
		c := &chunks[i]
		total += max(len(c.ints), len(c.uints), len(c.floats), len(c.bools), len(c.strs))
	}
	hasObj, allBoolish, allStr := false, true, true
	kinds := map[int]bool{}
	for i := range chunks {
		c := &chunks[i]
		kinds[c.kind] = true
		if c.kind == ckObject {
			hasObj = true
			if c.objBool {
				allStr = false
			} else {
				allBoolish = false
			}
		} else {
			allStr = false
			if c.kind != ckBool {
				allBoolish = false
			}
		}
	}
	if len(kinds) == 1 && !hasObj {
		out := chunks[0].column()
		// Room for every chunk's values at once, not regrown chunk by chunk.
		switch out.Kind {
		case Int64:
			out.Ints = slices.Grow(out.Ints, total-len(out.Ints))
		case Uint64:
			out.Uints = slices.Grow(out.Uints, total-len(out.Uints))
		case Float64:
			out.Floats = slices.Grow(out.Floats, total-len(out.Floats))
		case Bool:
			out.Bools = slices.Grow(out.Bools, total-len(out.Bools))
		}
		for _, c := range chunks[1:] {
			out.Ints = append(out.Ints, c.ints...)
			out.Uints = append(out.Uints, c.uints...)
			out.Floats = append(out.Floats, c.floats...)
			out.Bools = append(out.Bools, c.bools...)
		}
		out.Null = concatNull(chunks)
		return out
	}
	if hasObj {
		switch {
		case allStr: // every chunk's strings are in place in all
			return &Column{Kind: String, Strings: all, Null: concatNull(chunks)}
		case allBoolish:
			out := &Column{Kind: Bool}
			for _, c := range chunks {
				out.Bools = append(out.Bools, c.bools...)
			}
			out.Null = concatNull(chunks)
			return out
		}
		out := &Column{Kind: Mixed}
		for _, c := range chunks {
			cc := c.column()
			for i := 0; i < cc.Len(); i++ {
				out.Values = append(out.Values, cc.Value(i))
			}
		}
		return out
	}
	// numeric promotion
	var kind Kind
	switch {
	case kinds[ckFloat64] || (kinds[ckInt64] && kinds[ckUint64]):
		kind = Float64
	case kinds[ckUint64]:
		kind = Uint64
	default: // bool with int64
		kind = Int64
	}
	out := &Column{Kind: kind}
	for _, c := range chunks {
		cc := c.column()
		for i := 0; i < cc.Len(); i++ {
			var f float64
			var iv int64
			var uv uint64
			switch cc.Kind {
			case Int64:
				iv, f, uv = cc.Ints[i], float64(cc.Ints[i]), uint64(cc.Ints[i])
			case Uint64:
				uv, f = cc.Uints[i], float64(cc.Uints[i])
			case Float64:
				f = cc.Floats[i]
			case Bool:
				if cc.Bools[i] {
					iv, f, uv = 1, 1, 1
				}
			}
			switch kind {
			case Float64:
				out.Floats = append(out.Floats, f)
			case Uint64:
				out.Uints = append(out.Uints, uv)
			default:
				out.Ints = append(out.Ints, iv)
			}
		}
	}
	if kind == Float64 {
		out.Null = concatNull(chunks)
	}
	return out
}

func concatNull(chunks []chunkCol) []bool {
	any := false
	for _, c := range chunks {
		if c.null != nil {
			any = true
		}
	}
	if !any {
		return nil
	}
	var out []bool
	for _, c := range chunks {
		m := len(c.ints) + len(c.uints) + len(c.floats) + len(c.bools) + len(c.strs)
		if c.kind == ckObject && c.objBool {
			m = len(c.bools)
		}
		if c.null != nil {
			out = append(out, c.null...)
		} else {
			out = append(out, make([]bool, m)...)
		}
	}
	return out
}
