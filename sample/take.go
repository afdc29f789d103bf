package sample

// Take returns the elements of s at positions idx, in that order, as
// pandas' DataFrame.take (iloc[idx]) does. It panics on an index out of
// range, like a slice expression.
func Take[S ~[]E, E any](s S, idx []int) S {
	out := make(S, len(idx))
	for i, p := range idx {
		out[i] = s[p]
	}
	return out
}
