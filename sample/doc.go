// Package sample reproduces pandas' sampling and Python's random sampling at
// the index level: n rows in, the positions of the chosen rows out, in the
// order pandas (or Python) returns them.
//
//   - [Frame] equals DataFrame.sample(n=…, frac=…, replace=…, weights=…,
//     random_state=…) and [Shuffle] equals DataFrame.sample(frac=1, …);
//   - [GroupBy] equals df.groupby(key).sample(…) with the groups built as
//     pandas builds them ([GroupsInt64], [GroupsFloat64], [GroupsString], …);
//   - [PySample], [PyChoices] and [PyShuffle] equal random.sample,
//     random.choices and random.shuffle applied to the row positions;
//   - [Take] applies positions to any Go slice; package frame applies them
//     to gota DataFrames and Arrow records.
//
// pandas resolves random_state before anything else: an int becomes
// numpy.random.RandomState(int) ([Seed]), an integer array becomes
// RandomState(array) ([SeedArray]), and a RandomState or Generator is used
// as it is. pandas' random_state=None (numpy's hidden global state) has no
// equivalent here: every call takes an explicit [RandomState].
//
// Every pandas error case is reproduced with pandas' message; errors are
// comparable with errors.Is against the exported Err… variables.
package sample
