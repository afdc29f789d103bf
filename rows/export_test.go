package rows

// Plans forced in tests: the thresholds of stdLimits moved so that small
// inputs take the copies large ones do.

// spillAll are the thresholds with every mapped input spilled.
func spillAll() limits {
	lim := stdLimits()
	lim.spillMin = 0
	return lim
}

// spillInGroups are the thresholds with every mapped input spilled, its
// windows cut exactly and staged group at a time (several passes over
// the input).
func spillInGroups(group int) limits {
	return limits{spillMin: 0, group: group, exact: true}
}

// kindOf is how WriteRows copies order.
func (ix *Index) kindOf(order []int) copyKind {
	return ix.plan([][]int{order}, stdLimits()).outs[0].kind
}
