// Package rows is splitter's row engine: it numbers the rows of a CSV file
// exactly as pandas.read_csv(path) (pandas 1.5, C parser, default options)
// numbers them, reads single columns with pandas' type inference, and copies
// each record's bytes verbatim to outputs in any order.
//
// The engine works in two passes over a memory-mapped file. IndexFile scans
// the file once, quote-aware, and keeps each record's offset in 4 bytes (the
// low 32 bits, and a full offset every 65,536 rows; whatever the row width).
// The caller computes a permutation on row
// numbers; WriteRows then copies the records in that order with large
// buffered writes. Nothing else of the file is held in memory, so a file
// larger than RAM can be split: files of 16 MiB and more are read with
// drop-behind (the pages a sequential pass has read are released; they stay
// in the page cache), and WriteRows copies them in bounded memory:
//
//   - below 128 MiB, in windows of 3 to 32 MiB of output, each filled by one
//     front-to-back pass over the input (the window's rows bucketed by input
//     position): cheap while the input sits in the caches;
//   - from 128 MiB (SpillMin), spilled: one front-to-back pass over the
//     input appends each row to its 4 MiB output window's region of a
//     temporary file (unlinked at once; Options.TempDir), then each window
//     is read back, its rows sorted by input position (radix sort) and
//     written in output order. The input is read once per output, however
//     large (WritePartsContext: once for all parts). Orders that repeat a
//     row take the windowed copy.
//
// Resident memory is the offsets, the caller's permutation, one window with
// its row tables and a few MiB of the input.
//
// The mapping is read safely: a file that shrinks while it is read (a
// rewrite in place) makes the read return ErrInputChanged instead of
// crashing the process, and Unchanged tells, before outputs are
// committed, whether the file still has the size and modification time
// it had when opened. A .gz input is decompressed to a temporary file
// (IndexFileContext can be cancelled) that must leave max(1 GiB, 5%) of
// its filesystem free (ErrTempSpace). The offsets are reserved for the
// rows a file has (estimated from samples, grown as needed), and a
// reservation the system refuses is an error saying what it was for.
//
// Row numbering follows pandas: the first non-blank line is the header; blank
// lines and lines of only spaces or tabs are not rows; quoted fields may hold
// delimiters, doubled quotes and line ends; LF, CRLF and a lone CR end a line;
// a UTF-8 BOM is skipped; the last line may lack its line end. Rows shorter
// than the header are padded, longer rows are an error except where pandas
// accepts them (the first data row, whose extra leading fields become the
// index).
package rows
