package rows

import (
	"bytes"
	"testing"
)

// compressed is text compressed as an output named "x"+ext is.
func compressed(t testing.TB, ext string, text []byte) []byte {
	var b bytes.Buffer
	w, err := compressor(&b, "x"+ext)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(text)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// FuzzCodecs: any bytes named as a compressed file (raw), or a compressed
// file with one byte changed (flip > 0), read to the rows they hold or to
// an error naming the file; never a panic. Unchanged, they read back to
// the text compressed.
func FuzzCodecs(f *testing.F) {
	for i, s := range fuzzSeedsCSV[:6] {
		ext := codecExts[i%len(codecExts)]
		f.Add([]byte(s), uint8(i), uint16(0), false)
		f.Add(compressed(f, ext, []byte(s)), uint8(i), uint16(0), true)
	}
	defer func(f func(uint64) uint64) { tempReserve = f }(tempReserve)
	tempReserve = func(uint64) uint64 { return 0 }
	f.Fuzz(func(t *testing.T, data []byte, which uint8, flip uint16, raw bool) {
		ext := codecExts[int(which)%len(codecExts)]
		if raw {
			checkFile(t, "in.csv"+ext, data, nil)
			return
		}
		z := compressed(t, ext, data)
		if flip == 0 || len(z) == 0 {
			checkFile(t, "in.csv"+ext, z, data)
			return
		}
		i := int(flip) % len(z)
		z[i] ^= byte(flip>>8) | 1
		checkFile(t, "in.csv"+ext, z, nil)
	})
}

// FuzzCodecReaders: each decoder, on any bytes, returns data or an error,
// never panics (the fast half of FuzzCodecs: no files, at most 1 MiB
// decoded).
func FuzzCodecReaders(f *testing.F) {
	for i, s := range fuzzSeedsCSV[:6] {
		f.Add(compressed(f, codecExts[i%len(codecExts)], []byte(s)), uint8(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		c := codecOf("x" + codecExts[int(which)%len(codecExts)])
		r, err := c.open(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		defer r.Close()
		buf := make([]byte, 64<<10)
		for total := 0; total < 1<<20; {
			n, err := r.Read(buf)
			total += n
			if err != nil {
				return
			}
		}
	})
}
