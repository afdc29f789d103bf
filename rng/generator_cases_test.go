package rng

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
)

// genCase is one case of testdata/rng-generator/gen_generator.py: the same
// JSON is evaluated by numpy (golden file, live oracle) and by genRunCase.
type genCase struct {
	Kind     string          `json:"kind"`
	Entropy  json.RawMessage `json:"entropy"` // "123" or ["1", "2"]
	SpawnKey []string        `json:"spawn_key,omitempty"`
	PoolSize int             `json:"pool_size,omitempty"`
	Path     []int           `json:"path,omitempty"`
	N        int             `json:"n,omitempty"`
	Spawn    int             `json:"spawn,omitempty"`
	Raw      int             `json:"raw,omitempty"`
	Half     bool            `json:"half,omitempty"`
	Advance  *string         `json:"advance,omitempty"`
	Jumps    *string         `json:"jumps,omitempty"`
	Ops      []genOp         `json:"ops,omitempty"`
	SetState *genState       `json:"set_state,omitempty"`
}

// genState is PCG64.state in the JSON of gen_generator.py.
type genState struct {
	State     string `json:"state"`
	Inc       string `json:"inc"`
	HasUint32 int    `json:"has_uint32"`
	Uinteger  uint32 `json:"uinteger"`
}

type genOp struct {
	F        string   `json:"f"`
	N        *int     `json:"n"`
	Low      string   `json:"low,omitempty"`
	High     string   `json:"high,omitempty"`
	DType    string   `json:"dtype,omitempty"`
	Endpoint bool     `json:"endpoint"`
	Shape    []int    `json:"shape,omitempty"`
	Axis     *int     `json:"axis"`
	Pop      int      `json:"pop"`
	Replace  bool     `json:"replace"`
	P        []string `json:"p,omitempty"`
	Shuffle  bool     `json:"shuffle"`
	Array    bool     `json:"array,omitempty"`
}

func genIntp(n int) *int { return &n }

func genBigOf(t testing.TB, s string) *big.Int {
	t.Helper()
	x, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("bad integer %q in case", s)
	}
	return x
}

func genFloatOf(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("bad float %q in case: %v", s, err)
	}
	return v
}

// genCaseSeedSeq builds the case's SeedSequence (and follows its spawn path).
func genCaseSeedSeq(t testing.TB, c *genCase) (*SeedSequence, error) {
	var ent []*big.Int
	isInt := false
	var one string
	if err := json.Unmarshal(c.Entropy, &one); err == nil {
		ent, isInt = []*big.Int{genBigOf(t, one)}, true
	} else {
		var many []string
		if err := json.Unmarshal(c.Entropy, &many); err != nil {
			t.Fatalf("bad entropy %s", c.Entropy)
		}
		for _, s := range many {
			ent = append(ent, genBigOf(t, s))
		}
	}
	var key []uint64
	for _, s := range c.SpawnKey {
		key = append(key, genBigOf(t, s).Uint64())
	}
	pool := c.PoolSize
	if pool == 0 {
		pool = GeneratorPoolSize
	}
	ss, err := NewSeedSequenceFull(ent, isInt, key, pool, 0)
	if err != nil {
		return nil, err
	}
	for _, k := range c.Path {
		ss = ss.Spawn(k + 1)[k]
	}
	return ss, nil
}

func genStateJSON(p *PCG64) map[string]any {
	s := p.State()
	return map[string]any{"state": s.State.String(), "inc": s.Inc.String(), "has_uint32": s.HasUint32, "uinteger": s.Uinteger}
}

func genErrJSON(err error) map[string]any { return map[string]any{"error": err.Error()} }

const genBig = 1000

func genInts(v []int64) map[string]any {
	if len(v) > genBig {
		b := make([]byte, 8*len(v))
		for i, x := range v {
			binary.LittleEndian.PutUint64(b[8*i:], uint64(x))
		}
		h := sha256.Sum256(b)
		return map[string]any{"sha256": hex.EncodeToString(h[:]), "len": len(v), "head": v[:20]}
	}
	if v == nil {
		v = []int64{}
	}
	return map[string]any{"i": v}
}

func genIntsOf(v []int) map[string]any {
	w := make([]int64, len(v))
	for i, x := range v {
		w[i] = int64(x)
	}
	return genInts(w)
}

func genFloats(v []float64) map[string]any {
	bitsOf := func(v []float64) []uint64 {
		w := make([]uint64, len(v))
		for i, x := range v {
			w[i] = math.Float64bits(x)
		}
		return w
	}
	if len(v) > genBig {
		b := make([]byte, 8*len(v))
		for i, x := range v {
			binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(x))
		}
		h := sha256.Sum256(b)
		return map[string]any{"sha256": hex.EncodeToString(h[:]), "len": len(v), "head": bitsOf(v[:20])}
	}
	return map[string]any{"f": bitsOf(v)}
}

var genDTypes = map[string]DType{"int64": DTypeInt64, "int32": DTypeInt32, "int16": DTypeInt16, "int8": DTypeInt8,
	"uint64": DTypeUint64, "uint32": DTypeUint32, "uint16": DTypeUint16, "uint8": DTypeUint8, "bool": DTypeBool}

// genRunOp evaluates one Generator op in Go; skip reports bounds the Go API
// cannot express (the numpy answer must then be an out-of-bounds error).
func genRunOp(t testing.TB, g *Generator, op genOp) (out map[string]any, skip bool) {
	n, scalar := 1, op.N == nil
	if !scalar {
		n = *op.N
	}
	wrap := func(err error) map[string]any { return genErrJSON(err) }
	switch op.F {
	case "random":
		if n < 0 {
			return wrap(npNegativeSize()), false
		}
		if scalar {
			return genFloats([]float64{g.Random()}), false
		}
		return genFloats(g.Randoms(n)), false
	case "normal":
		if scalar {
			return genFloats([]float64{g.StandardNormal()}), false
		}
		v, err := g.StandardNormals(n)
		if err != nil {
			return wrap(err), false
		}
		return genFloats(v), false
	case "uniform":
		v, err := g.Uniforms(genFloatOf(t, op.Low), genFloatOf(t, op.High), n)
		if err != nil {
			return wrap(err), false
		}
		return genFloats(v), false
	case "permutation":
		return genIntsOf(g.Permutation(n)), false
	case "shuffle":
		x := make([]int, n)
		for i := range x {
			x[i] = i
		}
		g.Shuffle(n, func(i, j int) { x[i], x[j] = x[j], x[i] })
		return genIntsOf(x), false
	case "permutation_axis", "shuffle_axis":
		// numpy permutes the index along the axis: the draws of
		// Permutation(shape[axis]) / Shuffle(shape[axis], swap).
		shape, ax := op.Shape, *op.Axis
		n, _ := genShapeSize(shape)
		var p []int
		if op.F == "permutation_axis" {
			p = g.Permutation(shape[ax])
		} else if n == 0 {
			return genInts(nil), false // numpy: shuffling an empty array draws nothing
		} else {
			p = make([]int, shape[ax])
			for i := range p {
				p[i] = i
			}
			g.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
		}
		inner := 1
		for _, d := range shape[ax+1:] {
			inner *= d
		}
		out := make([]int, 0, n)
		for k := 0; k < n; k++ {
			o, rest := k/(shape[ax]*inner), k%(shape[ax]*inner)
			a, in := rest/inner, rest%inner
			out = append(out, (o*shape[ax]+p[a])*inner+in)
		}
		return genIntsOf(out), false
	case "permuted":
		var idx []int
		var err error
		if op.Axis == nil {
			idx, err = g.PermutedAll(op.Shape...)
		} else {
			idx, err = g.Permuted(*op.Axis, op.Shape...)
		}
		if err != nil {
			return wrap(err), false
		}
		return genIntsOf(idx), false
	case "choice":
		var p []float64
		if op.P != nil {
			p = make([]float64, len(op.P))
			for i, s := range op.P {
				p[i] = genFloatOf(t, s)
			}
		}
		var v []int
		var err error
		pop := op.Pop
		if op.Array && pop < 0 {
			pop = 0
		}
		if op.Array {
			v, err = g.ChoiceArray(pop, n, op.Replace, p, op.Shuffle)
		} else {
			v, err = g.Choice(pop, n, op.Replace, p, op.Shuffle)
		}
		if err != nil {
			return wrap(err), false
		}
		return genIntsOf(v), false
	case "integers":
		dt, ok := genDTypes[op.DType]
		if !ok {
			t.Fatalf("unknown dtype %q", op.DType)
		}
		lo, hi := genBigOf(t, op.Low), genBigOf(t, op.High)
		end := op.Endpoint
		if !scalar && n == 0 {
			return genInts(nil), false // numpy returns before checking the bounds
		}
		if dt == DTypeUint64 {
			if !end && hi.Sign() > 0 && !hi.IsUint64() {
				hi.Sub(hi, big.NewInt(1))
				end = true
			}
			if !lo.IsUint64() || !hi.IsUint64() {
				return nil, true
			}
			v, err := g.IntegersUint64(lo.Uint64(), hi.Uint64(), n, end)
			if err != nil {
				return wrap(err), false
			}
			w := make([]int64, len(v))
			for i, x := range v {
				w[i] = int64(x)
			}
			return genInts(w), false
		}
		if !end && !hi.IsInt64() && hi.Sign() > 0 {
			hi.Sub(hi, big.NewInt(1))
			end = true
		}
		if !lo.IsInt64() || !hi.IsInt64() {
			return nil, true
		}
		v, err := g.IntegersDType(lo.Int64(), hi.Int64(), n, dt, end)
		if err != nil {
			return wrap(err), false
		}
		return genInts(v), false
	}
	t.Fatalf("unknown op %q", op.F)
	return nil, false
}

// genRunCase evaluates a case in Go, in the JSON shape gen_generator.py
// gives; skipped[i] marks ops the Go API cannot express.
func genRunCase(t testing.TB, c *genCase) (res map[string]any, skipped map[int]bool) {
	ss, err := genCaseSeedSeq(t, c)
	if err != nil {
		return genErrJSON(err), nil
	}
	switch c.Kind {
	case "seedseq":
		g64 := ss.GenerateState64(c.N)
		s64 := make([]string, len(g64))
		for i, v := range g64 {
			s64[i] = strconv.FormatUint(v, 10)
		}
		out := map[string]any{"pool": ss.Pool(), "gen32": ss.GenerateState(c.N), "gen64": s64,
			"n_children_spawned": ss.NChildrenSpawned()}
		kids := ss.Spawn(c.Spawn)
		pools, keys := [][]uint32{}, [][]uint64{}
		for _, k := range kids {
			pools = append(pools, k.Pool())
			keys = append(keys, k.SpawnKey())
		}
		out["children"], out["children_keys"] = pools, keys
		out["repr"] = ss.String()
		return out, nil
	case "pcg64":
		bg := NewPCG64(ss)
		out := map[string]any{"seeded": genStateJSON(bg)}
		for i := 0; i < c.Raw; i++ {
			bg.Uint64()
		}
		if c.Half {
			if _, err := NewGenerator(bg).IntegersDType(0, 10, 1, DTypeUint32, false); err != nil {
				t.Fatal(err)
			}
		}
		out["before"] = genStateJSON(bg)
		if c.Advance != nil {
			bg.Advance(genBigOf(t, *c.Advance))
			out["advanced"] = genStateJSON(bg)
			out["next"] = strconv.FormatUint(bg.Uint64(), 10)
		}
		if c.Jumps != nil {
			out["jumped"] = genStateJSON(bg.Jumped(genBigOf(t, *c.Jumps)))
			out["original"] = genStateJSON(bg)
		}
		return out, nil
	}
	bg := NewPCG64(ss)
	if st := c.SetState; st != nil {
		err := bg.SetState(PCG64State{State: genBigOf(t, st.State), Inc: genBigOf(t, st.Inc), HasUint32: st.HasUint32, Uinteger: st.Uinteger})
		if err != nil {
			t.Fatal(err)
		}
	}
	g := NewGenerator(bg)
	outs := []any{}
	skipped = map[int]bool{}
	for i, op := range c.Ops {
		o, skip := genRunOp(t, g, op)
		if skip {
			skipped[i] = true
		}
		outs = append(outs, o)
	}
	return map[string]any{"outs": outs, "state": genStateJSON(bg)}, skipped
}

// genCanon re-encodes JSON so that Go's and Python's encodings compare
// as strings (sorted keys, integers verbatim).
func genCanon(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		t.Fatal(err)
	}
	b, err = json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// genCompare checks Go's evaluation of c against numpy's answer want and
// returns the number of values compared.
func genCompare(t testing.TB, label string, c *genCase, want json.RawMessage) int {
	t.Helper()
	var w map[string]json.RawMessage
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("%s: bad expected JSON: %v", label, err)
	}
	got, skipped := genRunCase(t, c)
	cj, _ := json.Marshal(c)
	if e, ok := w["error"]; ok {
		var msg string
		_ = json.Unmarshal(e, &msg)
		ge, isErr := got["error"].(string)
		if !isErr || !strings.HasSuffix(ge, msg) {
			t.Errorf("%s: case %s: numpy raised %q, Go gave %.300s", label, cj, msg, genCanon(t, got))
		}
		return 1
	}
	if _, isErr := got["error"]; isErr {
		t.Errorf("%s: case %s: Go error %v, numpy %.300s", label, cj, got["error"], want)
		return 1
	}
	if c.Kind != "gen" {
		if g, wn := genCanon(t, got), genCanon(t, w); g != wn {
			t.Errorf("%s: case %s:\n Go    %.600s\n numpy %.600s", label, cj, g, wn)
		}
		return 1
	}
	var wouts []json.RawMessage
	_ = json.Unmarshal(w["outs"], &wouts)
	gouts := got["outs"].([]any)
	if len(wouts) != len(gouts) {
		t.Fatalf("%s: %d outputs from numpy, %d from Go", label, len(wouts), len(gouts))
	}
	compared := 0
	for i := range wouts {
		var wo map[string]any
		_ = json.Unmarshal(wouts[i], &wo)
		if skipped[i] {
			// Bounds the Go signature cannot hold (a negative uint64, an
			// int64 beyond 64 bits): numpy must refuse them too.
			if _, isErr := wo["error"].(string); !isErr {
				t.Errorf("%s: op %d %+v: not expressible in Go, yet numpy gave %.200s", label, i, c.Ops[i], wouts[i])
			}
			continue
		}
		compared++
		gs, ws := genCanon(t, gouts[i]), genCanon(t, wouts[i])
		if em, ok := wo["error"].(string); ok {
			gm, _ := gouts[i].(map[string]any)["error"].(string)
			if gm != em {
				t.Errorf("%s: op %d %+v (seed %s): numpy raised %q, Go gave %.300s", label, i, c.Ops[i], c.Entropy, em, gs)
			}
			continue
		}
		if gs != ws {
			t.Errorf("%s: op %d %+v (seed %s path %v):\n Go    %.600s\n numpy %.600s", label, i, c.Ops[i], c.Entropy, c.Path, gs, ws)
		}
	}
	if g, wn := genCanon(t, got["state"]), genCanon(t, w["state"]); g != wn {
		t.Errorf("%s: case %s: final state Go %s, numpy %s", label, fmt.Sprintf("%.300s", cj), g, wn)
	}
	return compared
}
