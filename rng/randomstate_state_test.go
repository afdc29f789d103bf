package rng

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestLegacyStateJSONErrors(t *testing.T) {
	key := strings.TrimSuffix(strings.Repeat("1,", 624), ",")
	for _, tc := range []struct{ name, in string }{
		{"wrong name", `["PCG64",[` + key + `],624,0,0.0]`},
		{"short key", `["MT19937",[1,2,3],624,0,0.0]`},
		{"negative word", `["MT19937",[-1` + key[1:] + `],624,0,0.0]`},
		{"word too big", `["MT19937",[4294967296` + key[1:] + `],624,0,0.0]`},
		{"pos too big", `["MT19937",[` + key + `],625,0,0.0]`},
		{"four items", `["MT19937",[` + key + `],624,0]`},
		{"dict without pos", `{"bit_generator":"MT19937","state":{"key":[` + key + `]},"has_gauss":0,"gauss":0}`},
	} {
		var s LegacyState
		if err := json.Unmarshal([]byte(tc.in), &s); !errors.Is(err, ErrState) {
			t.Errorf("%s: err = %v, want ErrState", tc.name, err)
		}
	}
	var s LegacyState
	if err := json.Unmarshal([]byte(`["MT19937",[`+key+`],5]`), &s); err != nil || s.Pos != 5 || s.HasGauss != 0 {
		t.Errorf("3-tuple: %v %+v", err, s.Pos)
	}
	if err := NewRandomState(0).SetState(LegacyState{Name: "x"}); !errors.Is(err, ErrState) {
		t.Errorf("SetState wrong name: %v", err)
	}
}

// FuzzLegacyStateJSON: UnmarshalJSON never panics, and what it accepts
// survives a MarshalJSON round trip and loads with SetState.
func FuzzLegacyStateJSON(f *testing.F) {
	b, _ := json.Marshal(NewRandomState(3).GetState())
	f.Add(string(b))
	f.Add(`{"bit_generator":"MT19937","state":{"key":[1,2],"pos":3},"has_gauss":1,"gauss":0.5}`)
	f.Add(`["MT19937",[],0]`)
	f.Fuzz(func(t *testing.T, in string) {
		var s LegacyState
		if err := json.Unmarshal([]byte(in), &s); err != nil {
			return
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back LegacyState
		if err := json.Unmarshal(out, &back); err != nil || back != s {
			t.Fatalf("round trip of %s: %v", out, err)
		}
		if err := NewRandomState(0).SetState(s); err != nil {
			t.Fatal(err)
		}
	})
}
