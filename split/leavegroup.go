package split

import "slices"

// LeaveOneGroupOut is sklearn.model_selection.LeaveOneGroupOut(): one
// fold per group, the groups in np.unique order, each fold testing the
// rows of its group.
type LeaveOneGroupOut struct{}

// Split is LeaveOneGroupOut().split(X, groups=groups): as scikit-learn
// 1.2, groups holding NaN or None are refused (check_array), and fewer
// than two groups are an error.
func (l LeaveOneGroupOut) Split(groups Labels) ([]Fold, error) {
	assign, err := l.TestFolds(groups)
	if err != nil {
		return nil, err
	}
	return FoldsOf(assign, groups.NumClasses()), nil
}

// TestFolds is, for each sample, the fold whose test set holds it (its
// group's number in np.unique order): TestFolds(Split(groups), n),
// without building the folds' index sets.
func (LeaveOneGroupOut) TestFolds(groups Labels) ([]int, error) {
	if err := groups.checkFinite("groups"); err != nil {
		return nil, err
	}
	if groups.NumClasses() <= 1 {
		return nil, newErr(ErrNoGroups, "The groups parameter contains fewer than 2 unique groups. LeaveOneGroupOut expects at least 2.")
	}
	return slices.Clone(groups.codes), nil
}
