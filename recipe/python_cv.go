package recipe

import (
	"strconv"

	"github.com/splitter-dev/splitter/internal/py"
)

// SplitPython is the cross-validator's split call on df that a one-column
// fold recipe (KFold, StratifiedKFold, GroupKFold, StratifiedGroupKFold,
// LeaveOneGroupOut) equals, on one line: for example
// "StratifiedKFold(n_splits=5, shuffle=True, random_state=3).split(df,
// df['label'])". Row i's fold is the f whose test part holds i in
// enumerate(...split(...)). "" for other calls.
func (r *Recipe) SplitPython() string {
	cv, on := r.foldCV()
	if cv == "" {
		return ""
	}
	return cv + ".split(" + on + ")"
}

// foldCV is the cross-validator of a one-column fold recipe and the
// arguments of its split; "" for other calls.
func (r *Recipe) foldCV() (cv, on string) {
	k := "n_splits=" + strconv.Itoa(r.Folds)
	shuffle := ""
	if !r.NoShuffle {
		shuffle = "shuffle=True, random_state=" + r.seedLiteral()
	}
	switch r.Call {
	case LeaveOneGroupOut:
		return "LeaveOneGroupOut()", "df, groups=df[" + py.Repr(r.Group) + "]"
	case StratifiedGroupKFold:
		if r.NoShuffle {
			shuffle = "shuffle=False"
		}
		return "StratifiedGroupKFold(" + pyArgs(k, shuffle) + ")", "df, df[" + py.Repr(r.Stratify) + "], groups=df[" + py.Repr(r.Group) + "]"
	case GroupKFold:
		return "GroupKFold(" + pyArgs(k, shuffle) + ")", "df, groups=df[" + py.Repr(r.Group) + "]"
	case StratifiedKFold:
		return "StratifiedKFold(" + pyArgs(k, shuffle) + ")", "df, df[" + py.Repr(r.Stratify) + "]"
	case KFold:
		return "KFold(" + pyArgs(k, shuffle) + ")", "df"
	}
	return "", ""
}
