package sample

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func ptr[T any](v T) *T { return &v }

func TestSize(t *testing.T) {
	tests := []struct {
		rows int
		opt  Options
		want int
		err  error
	}{
		{10, Options{}, 1, nil},
		{10, Options{N: ptr(0)}, 0, nil},
		{10, Options{N: ptr(12)}, 12, nil}, // numpy rejects it later
		{10, Options{Frac: ptr(0.25)}, 2, nil},
		{10, Options{Frac: ptr(0.35)}, 4, nil},
		{10, Options{Frac: ptr(0.15)}, 2, nil}, // 0.15*10 = 1.5000000000000002
		{5, Options{Frac: ptr(0.5)}, 2, nil},
		{7, Options{Frac: ptr(1.5), Replace: true}, 10, nil},
		{10, Options{N: ptr(1), Frac: ptr(0.5)}, 0, ErrNAndFrac},
		{10, Options{N: ptr(-1)}, 0, ErrNegativeN},
		{10, Options{Frac: ptr(1.01)}, 0, ErrUpsample},
		{10, Options{Frac: ptr(-0.1)}, 0, ErrNegativeFrac},
		{10, Options{Frac: ptr(-0.1), Replace: true}, 0, ErrNegativeFrac},
		{10, Options{Frac: ptr(math.NaN())}, 0, ErrFracNaN},
		{10, Options{Frac: ptr(math.Inf(1)), Replace: true}, 0, ErrFracInf},
		{10, Options{Frac: ptr(1e300), Replace: true}, 0, ErrSizeTooLarge},
	}
	for _, tt := range tests {
		got, err := Size(tt.rows, tt.opt)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("Size(%d, n=%v frac=%v) = %d, %v; want %d, %v", tt.rows, tt.opt.N, tt.opt.Frac, got, err, tt.want, tt.err)
		}
	}
}

func TestCheckN(t *testing.T) {
	tests := []struct {
		n    float64
		want int
		err  error
	}{
		{2, 2, nil}, {0, 0, nil}, {2.5, 0, ErrNotIntegerN}, {-1, 0, ErrNegativeN},
		{-1.5, 0, ErrNegativeN}, {math.NaN(), 0, ErrNotIntegerN}, {math.Inf(1), 0, ErrNotIntegerN},
	}
	for _, tt := range tests {
		got, err := CheckN(tt.n)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("CheckN(%v) = %d, %v; want %d, %v", tt.n, got, err, tt.want, tt.err)
		}
	}
	if got := floatNErr(2).Error(); !strings.HasSuffix(got, "got '2.0'") {
		t.Errorf("floatNErr(2) = %q", got)
	}
}

func TestPreprocessWeights(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		w    []float64
		rows int
		want []float64
		err  error
	}{
		{[]float64{1, nan, 0}, 3, []float64{1, 0, 0}, nil},
		{[]float64{1, 2}, 3, nil, ErrWeightsLength},
		{[]float64{-1, inf, 1}, 3, nil, ErrWeightsInf}, // inf is checked before sign
		{[]float64{-inf, 1, 1}, 3, nil, ErrWeightsInf},
		{[]float64{1, -1e-300, 1}, 3, nil, ErrWeightsNegative},
		{[]float64{}, 0, []float64{}, nil},
	}
	for _, tt := range tests {
		got, err := PreprocessWeights(tt.w, tt.rows)
		if !errors.Is(err, tt.err) || len(got) != len(tt.want) {
			t.Errorf("PreprocessWeights(%v) = %v, %v; want %v, %v", tt.w, got, err, tt.want, tt.err)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("PreprocessWeights(%v) = %v; want %v", tt.w, got, tt.want)
			}
		}
	}
	in := []float64{nan}
	PreprocessWeights(in, 1)
	if !math.IsNaN(in[0]) {
		t.Error("PreprocessWeights modified its input")
	}
}

func TestGroups(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		g    Groups
		want [][]int
	}{
		{"float", GroupsFloat64([]float64{0, math.Copysign(0, -1), nan, 1.5, -2, nan}), [][]int{{4}, {0, 1}, {3}}},
		{"int", GroupsInt64([]int64{3, -2, 3, 10}), [][]int{{1}, {0, 2}, {3}}},
		{"string", GroupsString([]string{"b", "a", "", "B", "é", "a"}, []bool{true, true, false, true, true, true}), [][]int{{3}, {1, 5}, {0}, {4}}},
		{"string empty key", GroupsString([]string{"b", ""}, nil), [][]int{{1}, {0}}},
		{"bool", GroupsBool([]bool{true, false, false}, []bool{true, true, false}), [][]int{{1}, {0}}},
		{"codes", GroupsCodes([]int{1, -1, 0, 1}), [][]int{{2}, {0, 3}}},
		{"empty", GroupsInt64(nil), nil},
	}
	for _, tt := range tests {
		if len(tt.g.Members) != len(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, tt.g.Members, tt.want)
			continue
		}
		for i := range tt.want {
			if len(tt.g.Members[i]) != len(tt.want[i]) {
				t.Errorf("%s: %v, want %v", tt.name, tt.g.Members, tt.want)
				break
			}
			for j := range tt.want[i] {
				if tt.g.Members[i][j] != tt.want[i][j] {
					t.Errorf("%s: %v, want %v", tt.name, tt.g.Members, tt.want)
				}
			}
		}
	}
}

func TestNilRandomState(t *testing.T) {
	if _, err := Frame(3, Options{}); !errors.Is(err, ErrNoRandomState) {
		t.Errorf("Frame without random_state: %v", err)
	}
	if _, err := GroupBy(GroupsCodes([]int{0}), Options{}); !errors.Is(err, ErrNoRandomState) {
		t.Errorf("GroupBy without random_state: %v", err)
	}
}
