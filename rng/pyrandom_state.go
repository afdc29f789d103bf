package rng

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
)

// PyState is the state of random.getstate(): version 3, the tuple of 624
// key words plus the position, and gauss_next (nil for None).
//
// Its JSON form is that of json.dumps(random.getstate()):
// [3, [w0, ..., w623, pos], gauss_next or null].
type PyState struct {
	Key       [mtN]uint32
	Pos       int
	GaussNext *float64
}

// GetState is random.getstate().
func (p *PyRandom) GetState() PyState {
	var s PyState
	s.Key, s.Pos = p.mt.State()
	if p.hasGaussNext {
		g := p.gaussNext
		s.GaussNext = &g
	}
	return s
}

// SetState is random.setstate(state) for a version-3 state. A position
// outside 0..624 is ErrPyState ("invalid state"), as in CPython.
func (p *PyRandom) SetState(s PyState) error {
	if s.Pos < 0 || s.Pos > mtN {
		return fmt.Errorf("%w: position %d not in 0..624", ErrPyState, s.Pos)
	}
	p.mt.SetState(s.Key, s.Pos)
	p.hasGaussNext = s.GaussNext != nil
	p.gaussNext = 0
	if s.GaussNext != nil {
		p.gaussNext = *s.GaussNext
	}
	return nil
}

// MarshalJSON writes the state as json.dumps(random.getstate()) does.
func (s PyState) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("[3, [")
	for _, w := range s.Key {
		fmt.Fprintf(&b, "%d, ", w)
	}
	fmt.Fprintf(&b, "%d], ", s.Pos)
	if s.GaussNext == nil {
		b.WriteString("null]")
	} else {
		g, err := json.Marshal(*s.GaussNext)
		if err != nil {
			return nil, err
		}
		b.Write(g)
		b.WriteString("]")
	}
	return b.Bytes(), nil
}

// UnmarshalJSON reads json.dumps(random.getstate()) and applies
// random.setstate's rules: version 3 words must be in 0..2**64-1 and are
// truncated to 32 bits as CPython does; version 2 words may be negative
// and are taken modulo 2**32; 625 entries; position in 0..624.
func (s *PyState) UnmarshalJSON(data []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("%w: %v", ErrPyState, err)
	}
	if len(raw) != 3 {
		return fmt.Errorf("%w: getstate() is a 3-tuple, got %d items", ErrPyState, len(raw))
	}
	var version int
	if err := json.Unmarshal(raw[0], &version); err != nil {
		return fmt.Errorf("%w: version: %v", ErrPyState, err)
	}
	if version != 2 && version != 3 {
		return fmt.Errorf("%w: state with version %d passed to Random.setstate() of version 3", ErrPyState, version)
	}
	var words []json.Number
	dec := json.NewDecoder(bytes.NewReader(raw[1]))
	dec.UseNumber()
	if err := dec.Decode(&words); err != nil {
		return fmt.Errorf("%w: %v", ErrPyState, err)
	}
	if len(words) != mtN+1 {
		return fmt.Errorf("%w: state vector is the wrong size", ErrPyState)
	}
	two32 := new(big.Int).Lsh(big.NewInt(1), 32)
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	var out PyState
	for i, w := range words[:mtN] {
		v, ok := new(big.Int).SetString(string(w), 10)
		if !ok {
			return fmt.Errorf("%w: word %d is not an integer: %s", ErrPyState, i, w)
		}
		if version == 2 {
			v.Mod(v, two32)
		} else if v.Sign() < 0 || v.Cmp(two64) >= 0 {
			return fmt.Errorf("%w: word %d out of range: %s", ErrPyState, i, w)
		}
		out.Key[i] = uint32(v.Uint64())
	}
	pos, ok := new(big.Int).SetString(string(words[mtN]), 10)
	if ok && version == 2 {
		pos.Mod(pos, two32)
	}
	if !ok || !pos.IsInt64() || pos.Int64() < 0 || pos.Int64() > mtN {
		return fmt.Errorf("%w: position %s not in 0..624", ErrPyState, words[mtN])
	}
	out.Pos = int(pos.Int64())
	if string(bytes.TrimSpace(raw[2])) != "null" {
		var g float64
		if err := json.Unmarshal(raw[2], &g); err != nil {
			return fmt.Errorf("%w: gauss_next: %v", ErrPyState, err)
		}
		out.GaussNext = &g
	}
	*s = out
	return nil
}
