package rng

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// ErrState is returned (wrapped, with numpy's message where numpy has one)
// for a state SetState or UnmarshalJSON cannot load.
var ErrState = errors.New("invalid RandomState state")

// LegacyState is the tuple RandomState.get_state() returns:
// ('MT19937', key, pos, has_gauss, cached_gaussian). Its JSON form is that
// tuple as Python's json.dumps writes it after key.tolist():
//
//	["MT19937", [k0, ..., k623], pos, has_gauss, cached_gaussian]
//
// so that a state saved in Python loads in Go and continues the same
// stream. UnmarshalJSON also accepts get_state(legacy=False)'s dict
// {"bit_generator": "MT19937", "state": {"key": [...], "pos": n},
// "has_gauss": h, "gauss": g} and the 3-element tuple set_state allows.
type LegacyState struct {
	Name           string // always "MT19937"
	Key            [624]uint32
	Pos            int // 0..624; 624 right after seeding
	HasGauss       int // 1 when CachedGaussian is the next standard_normal value
	CachedGaussian float64
}

// GetState equals RandomState.get_state() (legacy=True).
func (r *RandomState) GetState() LegacyState {
	s := LegacyState{Name: "MT19937", CachedGaussian: r.gauss}
	s.Key, s.Pos = r.mt.State()
	if r.hasGauss {
		s.HasGauss = 1
	}
	return s
}

// SetState equals RandomState.set_state(state). The name must be
// "MT19937" (numpy's message otherwise). A Pos outside 0..624 is refused
// (numpy would read past its key array).
func (r *RandomState) SetState(s LegacyState) error {
	if s.Name != "MT19937" {
		return npErr(ErrState, "set_state can only be used with legacy MT19937state instances.")
	}
	if s.Pos < 0 || s.Pos > mtN {
		return fmt.Errorf("%w: pos %d is outside 0..624", ErrState, s.Pos)
	}
	r.mt.SetState(s.Key, s.Pos)
	r.hasGauss = s.HasGauss != 0
	r.gauss = s.CachedGaussian
	return nil
}

// MarshalJSON writes the get_state() tuple as a JSON array.
func (s LegacyState) MarshalJSON() ([]byte, error) {
	return json.Marshal([]any{s.Name, s.Key[:], s.Pos, s.HasGauss, s.CachedGaussian})
}

// UnmarshalJSON reads a state written by MarshalJSON or by Python's
// json.dumps of get_state() (tuple or dict form; key as a list of ints).
func (s *LegacyState) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	var st LegacyState
	var key []int64
	if len(b) > 0 && b[0] == '{' {
		var d struct {
			BitGenerator string `json:"bit_generator"`
			State        struct {
				Key []int64 `json:"key"`
				Pos *int    `json:"pos"`
			} `json:"state"`
			HasGauss int     `json:"has_gauss"`
			Gauss    float64 `json:"gauss"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			return fmt.Errorf("%w: %w", ErrState, err)
		}
		if d.State.Pos == nil {
			return fmt.Errorf("%w: missing state.pos", ErrState)
		}
		st.Name, key, st.Pos, st.HasGauss, st.CachedGaussian = d.BitGenerator, d.State.Key, *d.State.Pos, d.HasGauss, d.Gauss
	} else {
		var t []json.RawMessage
		if err := json.Unmarshal(b, &t); err != nil {
			return fmt.Errorf("%w: %w", ErrState, err)
		}
		if len(t) != 3 && len(t) != 5 {
			return fmt.Errorf("%w: want a tuple of 3 or 5 items, got %d", ErrState, len(t))
		}
		fields := []any{&st.Name, &key, &st.Pos}
		if len(t) == 5 {
			fields = append(fields, &st.HasGauss, &st.CachedGaussian)
		}
		for i, f := range fields {
			if err := json.Unmarshal(t[i], f); err != nil {
				return fmt.Errorf("%w: item %d: %w", ErrState, i, err)
			}
		}
	}
	if st.Name != "MT19937" {
		return npErr(ErrState, "set_state can only be used with legacy MT19937state instances.")
	}
	if len(key) != mtN {
		return fmt.Errorf("%w: key has %d words, want 624", ErrState, len(key))
	}
	for i, k := range key {
		if k < 0 || k > 0xFFFFFFFF {
			return fmt.Errorf("%w: key[%d] = %d is not a uint32", ErrState, i, k)
		}
		st.Key[i] = uint32(k)
	}
	if st.Pos < 0 || st.Pos > mtN {
		return fmt.Errorf("%w: pos %d is outside 0..624", ErrState, st.Pos)
	}
	*s = st
	return nil
}
