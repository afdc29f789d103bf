// Package rng reproduces, bit for bit, the random streams of numpy's legacy
// RandomState (MT19937), numpy's Generator (SeedSequence + PCG64), CPython's
// random module and PyTorch's CPU generator.
//
// Every exported function names, in its doc comment, the Python call it
// equals: same seed, same numbers, same order.
//
// These generators are predictable by design. Anyone who sees a few outputs,
// or knows the seed, can compute every other output. Never use them for keys,
// tokens, passwords, nonces or anything else that must stay secret (whatever
// some tutorials say about np.random.seed); use crypto/rand for that.
//
// There is no global state: create a *RandomState, *Generator, *PyRandom or
// *TorchGenerator and pass it explicitly.
package rng
