package pqreader

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

const corpusDir = "../../rows/parquetrows/testdata/fuzz/FuzzParquet"

// loadCorpus parses the files of a `go test fuzz v1` corpus holding one
// []byte each.
func loadCorpus(t *testing.T, dir string) [][]byte {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if !strings.HasPrefix(line, "[]byte(") {
				continue
			}
			s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(line, "[]byte("), ")"))
			if err != nil {
				t.Fatalf("%s: %v", e.Name(), err)
			}
			out = append(out, []byte(s))
		}
	}
	return out
}

// bounded refuses, by a panic, allocations that damaged page headers ask
// for, as splitter's reader does.
type bounded struct{ memory.Allocator }

func (b bounded) Allocate(n int) []byte {
	if n > 64<<20 {
		panic(fmt.Sprintf("allocation of %d bytes refused", n))
	}
	return b.Allocator.Allocate(n)
}

func (b bounded) Reallocate(n int, old []byte) []byte {
	if n > 64<<20 {
		panic(fmt.Sprintf("allocation of %d bytes refused", n))
	}
	return b.Allocator.Reallocate(n, old)
}

// side is one reader's view of a damaged file: Schema(), the manifest's
// field count, and each field read with each batch size.
type side struct {
	opened   bool
	schema   string
	fields   int
	outcomes []outcome
}

var damagedBatches = []int64{7, 1 << 16}

func openParquet(data []byte) (pr *file.Reader, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	props := parquet.NewReaderProperties(bounded{memory.NewGoAllocator()})
	return file.NewParquetReader(bytes.NewReader(data), file.WithReadProps(props))
}

// readSide reads every field of data through open (either reader).
func readSide(data []byte, open func(*file.Reader) (fieldReader, error)) side {
	var s side
	pr, err := openParquet(data)
	if err != nil {
		return s
	}
	var fr fieldReader
	if err := recoverErr(func() (err error) { fr, err = open(pr); return err }); err != nil {
		return s
	}
	s.opened = true
	if sc, err := fr.schema(); err == nil {
		s.schema = sc.String()
	}
	s.fields = fr.numFields()
	groups := randomGroups(rand.New(rand.NewSource(int64(len(data)))), pr.NumRowGroups())
	var rows int64
	for _, g := range groups {
		rows += max(0, pr.MetaData().RowGroup(g).NumRows())
	}
	leaves := map[int]bool{}
	for c := 0; c < pr.MetaData().Schema.NumColumns(); c++ {
		leaves[c] = true
	}
	for i := 0; i < s.fields; i++ {
		for _, batch := range damagedBatches {
			s.outcomes = append(s.outcomes, readAll(func() (func(int64) (*arrow.Chunked, error), func(), error) {
				return fr.field(i, leaves, groups)
			}, batch, int(min(rows/batch+3, 3000))))
		}
	}
	return s
}

// fieldReader is what readSide needs of either reader.
type fieldReader interface {
	schema() (*arrow.Schema, error)
	numFields() int
	field(i int, leaves map[int]bool, groups []int) (func(int64) (*arrow.Chunked, error), func(), error)
}

type pqarrowSide struct{ *pqarrow.FileReader }

func (p pqarrowSide) schema() (*arrow.Schema, error) { return p.Schema() }
func (p pqarrowSide) numFields() int                 { return len(p.Manifest.Fields) }
func (p pqarrowSide) field(i int, leaves map[int]bool, groups []int) (func(int64) (*arrow.Chunked, error), func(), error) {
	cr, err := p.GetFieldReader(context.Background(), i, leaves, groups)
	if err != nil || cr == nil {
		return nil, nil, fmt.Errorf("no reader: %v", err)
	}
	return cr.NextBatch, cr.Release, nil
}

type oursSide struct{ *FileReader }

func (o oursSide) schema() (*arrow.Schema, error) { return o.Schema() }
func (o oursSide) numFields() int                 { return len(o.Manifest.Fields) }
func (o oursSide) field(i int, leaves map[int]bool, groups []int) (func(int64) (*arrow.Chunked, error), func(), error) {
	cr, err := o.GetFieldReader(context.Background(), i, leaves, groups)
	if err != nil || cr == nil {
		return nil, nil, fmt.Errorf("no reader: %v", err)
	}
	return cr.NextBatch, cr.Release, nil
}

func readPqarrow(data []byte) side {
	return readSide(data, func(pr *file.Reader) (fieldReader, error) {
		fr, err := pqarrow.NewFileReader(pr, pqarrow.ArrowReadProperties{BatchSize: 1 << 16}, memory.NewGoAllocator())
		return pqarrowSide{fr}, err
	})
}

func readOurs(data []byte) side {
	return readSide(data, func(pr *file.Reader) (fieldReader, error) {
		fr, err := NewFileReader(pr, memory.NewGoAllocator())
		return oursSide{fr}, err
	})
}

func recoverErr(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return f()
}

// compareSides: where pqarrow opens and reads, ours gives the same;
// where pqarrow fails or panics, ours fails or panics.
func compareSides(want, got side) error {
	if want.opened != got.opened || want.schema != got.schema || want.fields != got.fields {
		return fmt.Errorf("%w: opened %v/%v, %d/%d fields, schema\n%s\nours\n%s", errDiffers, want.opened, got.opened, want.fields, got.fields, want.schema, got.schema)
	}
	for k := range want.outcomes {
		if err := compareOutcomes(&want.outcomes[k], &got.outcomes[k]); err != nil {
			return fmt.Errorf("field %d batch %d: %w", k/len(damagedBatches), damagedBatches[k%len(damagedBatches)], err)
		}
	}
	return nil
}

// TestDamagedChild is the child process of TestFuzzCorpusAndDamage: it
// reads the inputs in PQREADER_DAMAGED from PQREADER_FROM on, printing
// "pqarrow i" once pqarrow has read input i and "done i RESULT" after ours.
// In mode "ours" it reads with ours only (pqarrow crashed on input i).
func TestDamagedChild(t *testing.T) {
	dir := os.Getenv("PQREADER_DAMAGED")
	if dir == "" {
		t.Skip("child of TestFuzzCorpusAndDamage")
	}
	from, _ := strconv.Atoi(os.Getenv("PQREADER_FROM"))
	for i := from; ; i++ {
		data, err := os.ReadFile(filepath.Join(dir, strconv.Itoa(i)))
		if err != nil {
			return
		}
		if os.Getenv("PQREADER_MODE") == "ours" {
			got := readOurs(data)
			fmt.Printf("done %d %v\n", i, got.opened && !anyFailed(got))
			return
		}
		want := readPqarrow(data)
		fmt.Printf("pqarrow %d\n", i)
		got := readOurs(data)
		result := "ok"
		if err := compareSides(want, got); err != nil {
			result = strings.ReplaceAll(err.Error(), "\n", " | ")
		}
		fmt.Printf("done %d %s\n", i, result)
	}
}

func anyFailed(s side) bool {
	for _, o := range s.outcomes {
		if o.failed() {
			return true
		}
	}
	return false
}

// mutate sets a few random bytes of a copy of data.
func mutate(r *rand.Rand, data []byte) []byte {
	out := bytes.Clone(data)
	for n := 1 + r.Intn(6); n > 0 && len(out) > 0; n-- {
		out[r.Intn(len(out))] = byte(r.Intn(256))
	}
	return out
}

// TestFuzzCorpusAndDamage runs both readers over the fuzz corpus of
// parquetrows, random files and random mutations of them, in a child
// process (pqarrow panics on goroutines of its own, and parquet/file's
// page reader, under both readers, loops forever on some damaged page
// headers, which splitter's page scan rejects before decoding). Where
// pqarrow reads, ours must read the same; where pqarrow fails or panics,
// ours must fail or panic; ours must never hang where pqarrow does not.
func TestFuzzCorpusAndDamage(t *testing.T) {
	if os.Getenv("PQREADER_DAMAGED") != "" {
		t.Skip("parent only")
	}
	r := rand.New(rand.NewSource(5))
	seeds := loadCorpus(t, corpusDir)
	corpus := len(seeds)
	for len(seeds) < 12 {
		if data, _ := randomFile(r, 1+r.Intn(40)); data != nil {
			seeds = append(seeds, data)
		}
	}
	dir := t.TempDir()
	n := 0
	for _, seed := range seeds {
		for m := 0; m < 12; m++ {
			data := seed
			if m > 0 {
				data = mutate(r, seed)
			}
			if err := os.WriteFile(filepath.Join(dir, strconv.Itoa(n)), data, 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	stats := runChildren(t, dir, n)
	t.Logf("%d corpus inputs, %d inputs in all: %v", corpus, n, stats)
}
