package split

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/rng"
)

type torchSplitCase struct {
	N       int      `json:"n"`
	Lengths []string `json:"lengths"`
	Seed    string   `json:"seed"`
	Parts   [][]int  `json:"parts"`
	Error   *struct {
		Type    string `json:"type"`
		Message string `json:"message"`
	} `json:"error"`
	Warnings []string `json:"warnings"`
}

// torchCheckSplit runs one random_split case and compares it with what
// torch returned. Where torch accepted negative int lengths splitter must
// refuse them with ErrTorchNegativeLength.
func torchCheckSplit(t *testing.T, c torchSplitCase) {
	t.Helper()
	lengths := make([]Length, len(c.Lengths))
	negative := false
	for i, s := range c.Lengths {
		l, err := ParseLength(s)
		if err != nil {
			t.Fatalf("ParseLength(%q): %v", s, err)
		}
		if l.String() != s {
			t.Errorf("Length %q prints as %q", s, l.String())
		}
		negative = negative || (!l.IsFraction() && l.Count() < 0)
		lengths[i] = l
	}
	seed, err := rng.ParseTorchSeed(c.Seed)
	if err != nil {
		t.Fatal(err)
	}
	what := "random_split(range(" + strconv.Itoa(c.N) + "), [" + strings.Join(c.Lengths, ", ") + "], seed " + c.Seed + ")"
	got, err := RandomSplit(c.N, lengths, rng.NewTorchGenerator(seed))
	_, warns, _ := RandomSplitLengths(c.N, lengths)
	switch {
	case c.Error != nil:
		var want error
		switch {
		case strings.HasPrefix(c.Error.Message, "Fraction at index"):
			want = ErrTorchFraction
		case strings.HasPrefix(c.Error.Message, "Sum of input lengths"):
			want = ErrTorchLengthSum
		case c.Error.Type == "TypeError":
			want = ErrTorchFloatLengths
		}
		if !errors.Is(err, want) || (want != ErrTorchFloatLengths && !strings.Contains(err.Error(), c.Error.Message)) {
			t.Errorf("%s: error %v, torch %s: %s", what, err, c.Error.Type, c.Error.Message)
		}
	case negative:
		if !errors.Is(err, ErrTorchNegativeLength) {
			t.Errorf("%s: error %v, want ErrTorchNegativeLength (torch returned %v)", what, err, c.Parts)
		}
	default:
		if err != nil {
			t.Errorf("%s: %v, torch returned %v", what, err, c.Parts)
			return
		}
		if len(got) != len(c.Parts) {
			t.Errorf("%s: %d parts, torch %d", what, len(got), len(c.Parts))
			return
		}
		for i := range got {
			if !slices.Equal(got[i], c.Parts[i]) && !(len(got[i]) == 0 && len(c.Parts[i]) == 0) {
				t.Errorf("%s: part %d = %v, torch %v", what, i, got[i], c.Parts[i])
			}
		}
	}
	if c.Error == nil || strings.HasPrefix(c.Error.Message, "Sum of input lengths") {
		if !slices.Equal(warns, c.Warnings) && !(len(warns) == 0 && len(c.Warnings) == 0) {
			t.Errorf("%s: warnings %q, torch %q", what, warns, c.Warnings)
		}
	}
}

func TestTorchRandomSplitGolden(t *testing.T) {
	b, err := os.ReadFile("../testdata/torch/random_split.json")
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Versions map[string]string `json:"versions"`
		Cases    []torchSplitCase  `json:"cases"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	t.Logf("golden from %v: %d cases", g.Versions, len(g.Cases))
	for _, c := range g.Cases {
		torchCheckSplit(t, c)
	}
}
