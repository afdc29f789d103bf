package rng

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"
	"testing"
)

type legacyGolden struct {
	Numpy      string       `json:"numpy"`
	Python     string       `json:"python"`
	Cases      []legacyCase `json:"cases"`
	SeedErrors []struct {
		Seed json.RawMessage `json:"seed"`
		Err  string          `json:"err"`
	} `json:"seed_errors"`
}

// TestLegacyGolden replays testdata/rng-legacy/legacy_golden.json, written
// by gen_legacy.py from numpy: every method, dtype, edge range and error.
func TestLegacyGolden(t *testing.T) {
	b, err := os.ReadFile("../testdata/rng-legacy/legacy_golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g legacyGolden
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&g); err != nil {
		t.Fatal(err)
	}
	if g.Numpy == "" || len(g.Cases) < 500 {
		t.Fatalf("golden file: numpy %q, %d cases", g.Numpy, len(g.Cases))
	}
	n := 0
	for i, c := range g.Cases {
		n += legacyCheck(t, fmt.Sprintf("golden case %d", i), c, *c.Result)
	}
	for _, se := range g.SeedErrors {
		s := strings.TrimSpace(string(se.Seed))
		var err error
		if strings.HasPrefix(s, "[") {
			var words []*big.Int
			if e := json.Unmarshal(se.Seed, &words); e != nil {
				t.Fatal(e)
			}
			w := make([]int64, len(words))
			for i, v := range words {
				if v.IsInt64() {
					w[i] = v.Int64()
				} else {
					w[i] = -1 // beyond int64: out of range all the same
				}
			}
			_, err = NewRandomStateArray(w)
		} else {
			_, err = ParseLegacySeed(s)
		}
		got := ""
		if err != nil {
			got = "ValueError: " + err.Error()
		}
		if got != se.Err {
			t.Errorf("seed %s: error %q, numpy %q", s, got, se.Err)
		}
		n++
	}
	t.Logf("numpy %s golden: %d cases, %d values compared", g.Numpy, len(g.Cases), n)
}

func TestLegacySeedErrorsAreSentinels(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want error
	}{
		{"-1", ErrSeedRange}, {"4294967296", ErrSeedRange}, {"99999999999999999999999", ErrSeedRange},
		{"", ErrSeedSyntax}, {"1.5", ErrSeedSyntax}, {"abc", ErrSeedSyntax}, {"1__0", ErrSeedSyntax}, {"_1", ErrSeedSyntax},
		{"0x10", ErrSeedSyntax}, {"--1", ErrSeedSyntax},
	} {
		if _, err := ParseLegacySeed(tc.s); !errors.Is(err, tc.want) {
			t.Errorf("ParseLegacySeed(%q) = %v, want %v", tc.s, err, tc.want)
		}
	}
	for _, tc := range []struct {
		s    string
		want uint32
	}{{"0", 0}, {"4294967295", 4294967295}, {" 42 ", 42}, {"+7", 7}, {"-0", 0}, {"1_000", 1000}, {"007", 7}} {
		if v, err := ParseLegacySeed(tc.s); err != nil || v != tc.want {
			t.Errorf("ParseLegacySeed(%q) = %d, %v; want %d", tc.s, v, err, tc.want)
		}
	}
}

// FuzzParseLegacySeed checks ParseLegacySeed against big.Int parsing:
// accepted strings are integers in range, and every in-range decimal is accepted.
func FuzzParseLegacySeed(f *testing.F) {
	for _, s := range []string{"0", "4294967295", "4294967296", "-1", "+5", "1_2", "abc", " 9 ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseLegacySeed(s)
		clean := strings.ReplaceAll(strings.TrimSpace(s), "_", "")
		b, ok := new(big.Int).SetString(clean, 10)
		if err == nil {
			if !ok || b.Cmp(big.NewInt(int64(v))) != 0 {
				t.Fatalf("ParseLegacySeed(%q) = %d, big.Int %v %v", s, v, b, ok)
			}
			return
		}
		if errors.Is(err, ErrSeedRange) && (!ok || (b.Sign() >= 0 && b.Cmp(big.NewInt(1<<32)) < 0)) {
			t.Fatalf("ParseLegacySeed(%q): range error for %v", s, b)
		}
	})
}
