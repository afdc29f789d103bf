"""Oracle for the split package: runs scikit-learn 1.2 splitters, and the
Hugging Face datasets recipes rebuilt on numpy (datasets itself is not
installed; the recipes follow ../../docs/algorithms/split.md and the
datasets sources of arrow_dataset.py and utils/stratify.py), on cases given
as JSON. Used by the live tests (stdin: a JSON list of cases, stdout: a JSON
list of results) and by gen_split.py.
"""
import json
import math
import sys
import warnings

import numpy as np
import sklearn
from sklearn import model_selection as ms

warnings.simplefilter("ignore")


def versions():
    return {"numpy": np.__version__, "sklearn": sklearn.__version__,
            "python": sys.version.split()[0]}


def size(s):
    if s is None:
        return None
    kind, v = s
    if kind == "i":
        return int(v)
    return float(v)


def labels(d):
    if d is None:
        return None
    t, vals = d["dtype"], d["values"]
    if t == "int":
        return np.array(vals, dtype=np.int64)
    if t == "float":
        return np.array([float(v) for v in vals], dtype=np.float64)
    if t == "bool":
        return np.array(vals, dtype=bool)
    if t == "str":
        missing = d.get("missing") or [False] * len(vals)
        return np.array([float("nan") if m else v for v, m in zip(vals, missing)], dtype=object)
    raise ValueError(t)


# ---- Hugging Face datasets, rebuilt on numpy -------------------------------

def hf_approximate_mode(class_counts, n_draws, rng):
    continuous = n_draws * class_counts / class_counts.sum()
    floored = np.floor(continuous)
    need_to_add = int(n_draws - floored.sum())
    if need_to_add > 0:
        remainder = continuous - floored
        values = np.sort(np.unique(remainder))[::-1]
        for value in values:
            (inds,) = np.where(remainder == value)
            add_now = min(len(inds), need_to_add)
            inds = rng.choice(inds, size=add_now, replace=False)
            floored[inds] += 1
            need_to_add -= add_now
            if need_to_add == 0:
                break
    return floored.astype(np.int64)


def hf_stratified_indices(y, n_train, n_test, rng, n_splits=10):
    classes, y_indices = np.unique(y, return_inverse=True)
    n_classes = classes.shape[0]
    class_counts = np.bincount(y_indices)
    if np.min(class_counts) < 2:
        raise ValueError("Minimum class count error")
    if n_train < n_classes:
        raise ValueError("The train_size = %d should be greater or equal to the number of classes = %d" % (n_train, n_classes))
    if n_test < n_classes:
        raise ValueError("The test_size = %d should be greater or equal to the number of classes = %d" % (n_test, n_classes))
    class_indices = np.split(np.argsort(y_indices, kind="mergesort"), np.cumsum(class_counts)[:-1])
    for _ in range(n_splits):
        n_i = hf_approximate_mode(class_counts, n_train, rng)
        class_counts_remaining = class_counts - n_i
        t_i = hf_approximate_mode(class_counts_remaining, n_test, rng)
        train = []
        test = []
        for i in range(n_classes):
            permutation = rng.permutation(class_counts[i])
            perm_indices_class_i = class_indices[i].take(permutation, mode="clip")
            train.extend(perm_indices_class_i[: n_i[i]])
            test.extend(perm_indices_class_i[n_i[i]: n_i[i] + t_i[i]])
        train = rng.permutation(train)
        test = rng.permutation(test)
        yield train, test


def hf_train_test_split(n, test_size=None, train_size=None, shuffle=True, stratify=None, col="label", seed=None,
                        generator=None):
    if n == 0:
        return np.arange(0), np.arange(0)
    if seed is not None and generator is not None:
        raise ValueError("Both `seed` and `generator` were provided. Please specify just one of them.")
    if shuffle and generator is None:
        generator = np.random.default_rng(seed)
    n_samples = n
    if test_size is None and train_size is None:
        test_size = 0.25
    test_size_type = type(test_size)
    train_size_type = type(train_size)
    if (isinstance(test_size, int) and (test_size >= n_samples or test_size <= 0)
            or isinstance(test_size, float) and (test_size <= 0 or test_size >= 1)):
        raise ValueError(f"test_size={test_size} should be either positive and smaller "
                         f"than the number of samples {n_samples} or a float in the (0, 1) range")
    if (isinstance(train_size, int) and (train_size >= n_samples or train_size <= 0)
            or isinstance(train_size, float) and (train_size <= 0 or train_size >= 1)):
        raise ValueError(f"train_size={train_size} should be either positive and smaller "
                         f"than the number of samples {n_samples} or a float in the (0, 1) range")
    if train_size is not None and not isinstance(train_size, (int, float)):
        raise ValueError(f"Invalid value for train_size: {train_size} of type {type(train_size)}")
    if test_size is not None and not isinstance(test_size, (int, float)):
        raise ValueError(f"Invalid value for test_size: {test_size} of type {type(test_size)}")
    if isinstance(train_size, float) and isinstance(test_size, float) and train_size + test_size > 1:
        raise ValueError(f"The sum of test_size and train_size = {train_size + test_size}, should be in the (0, 1)"
                         " range. Reduce test_size and/or train_size.")
    if isinstance(test_size, float):
        n_test = math.ceil(test_size * n_samples)
    elif isinstance(test_size, int):
        n_test = float(test_size)
    if isinstance(train_size, float):
        n_train = math.floor(train_size * n_samples)
    elif isinstance(train_size, int):
        n_train = float(train_size)
    if train_size is None:
        n_train = n_samples - n_test
    elif test_size is None:
        n_test = n_samples - n_train
    if n_train + n_test > n_samples:
        raise ValueError(f"The sum of train_size and test_size = {n_train + n_test}, "
                         "should be smaller than the number of "
                         f"samples {n_samples}. Reduce test_size and/or "
                         "train_size.")
    n_train, n_test = int(n_train), int(n_test)
    if n_train == 0:
        raise ValueError(f"With n_samples={n_samples}, test_size={test_size} and train_size={train_size}, the "
                         "resulting train set will be empty. Adjust any of the aforementioned parameters.")
    if not shuffle:
        if stratify is not None:
            raise ValueError("Stratified train/test split is not implemented for `shuffle=False`")
        return np.arange(n_train), np.arange(n_train, n_train + n_test)
    if stratify is not None:
        try:
            train, test = next(hf_stratified_indices(stratify, n_train, n_test, rng=generator))
        except Exception as error:
            if str(error) == "Minimum class count error":
                raise ValueError(f"The least populated class in {col} column has only 1"
                                 " member, which is too few. The minimum"
                                 " number of groups for any class cannot"
                                 " be less than 2.")
            raise
        return train, test
    permutation = generator.permutation(n)
    return permutation[n_test:(n_test + n_train)], permutation[:n_test]


def hf_class_encode(values):
    """class_encode_column: class names are the values as strings, sorted."""
    names = sorted(set(str(v) for v in values))
    idx = {s: i for i, s in enumerate(names)}
    return np.array([idx[str(v)] for v in values], dtype=np.int64)


# ---- cases -----------------------------------------------------------------

def rs(c):
    s = c.get("seed")
    if c.get("shared"):
        return np.random.RandomState(s)
    return s


def folds(it):
    return [[np.asarray(tr).tolist(), np.asarray(te).tolist()] for tr, te in it]


def run(c):
    k = c["kind"]
    n = c.get("n", 0)
    X = np.zeros(n)
    y = labels(c.get("y"))
    g = labels(c.get("groups"))
    if k == "tts":
        tr, te = ms.train_test_split(np.arange(n), test_size=size(c.get("test")), train_size=size(c.get("train")),
                                     random_state=rs(c), shuffle=c.get("shuffle", True), stratify=y)
        return [[tr.tolist(), te.tolist()]]
    if k == "ss":
        sp = ms.ShuffleSplit(c["n_splits"], test_size=size(c.get("test")), train_size=size(c.get("train")), random_state=rs(c))
        return folds(sp.split(X))
    if k == "sss":
        sp = ms.StratifiedShuffleSplit(c["n_splits"], test_size=size(c.get("test")), train_size=size(c.get("train")), random_state=rs(c))
        return folds(sp.split(np.zeros(len(y)), y))
    if k == "gss":
        sp = ms.GroupShuffleSplit(c["n_splits"], test_size=size(c.get("test")), train_size=size(c.get("train")), random_state=rs(c))
        return folds(sp.split(np.zeros(len(g)), groups=g))
    if k == "kfold":
        return folds(ms.KFold(c["n_splits"], shuffle=c["shuffle"], random_state=rs(c)).split(X))
    if k == "skf":
        return folds(ms.StratifiedKFold(c["n_splits"], shuffle=c["shuffle"], random_state=rs(c)).split(np.zeros(len(y)), y))
    if k == "gkf":
        return folds(ms.GroupKFold(c["n_splits"]).split(np.zeros(len(g)), groups=g))
    if k == "sgkf":
        return folds(ms.StratifiedGroupKFold(c["n_splits"], shuffle=c["shuffle"], random_state=rs(c)).split(np.zeros(len(y)), y, g))
    if k == "rkf":
        return folds(ms.RepeatedKFold(n_splits=c["n_splits"], n_repeats=c["n_repeats"], random_state=rs(c)).split(X))
    if k == "rskf":
        return folds(ms.RepeatedStratifiedKFold(n_splits=c["n_splits"], n_repeats=c["n_repeats"], random_state=rs(c)).split(np.zeros(len(y)), y))
    if k == "loo":
        return folds(ms.LeaveOneOut().split(X))
    if k == "lpo":
        return folds(ms.LeavePOut(c["p"]).split(X))
    if k == "tss":
        return folds(ms.TimeSeriesSplit(c["n_splits"], max_train_size=c.get("max_train_size"),
                                        test_size=c.get("test_size"), gap=c.get("gap", 0)).split(X))
    if k == "ps":
        return folds(ms.PredefinedSplit(c["test_fold"]).split())
    if k == "hf":
        strat = None
        if c.get("y") is not None:
            strat = hf_class_encode(labels(c["y"]).tolist())
        tr, te = hf_train_test_split(n, size(c.get("test")), size(c.get("train")), c.get("shuffle", True), strat,
                                     c.get("col", "label"), c.get("seed"))
        return [[np.asarray(tr).tolist(), np.asarray(te).tolist()]]
    if k == "hfgen":
        # one numpy Generator passed to two calls: the second continues the stream
        gen = np.random.default_rng(c["seed"])
        out = []
        for _ in range(2):
            tr, te = hf_train_test_split(n, size(c.get("test")), size(c.get("train")), True, None, generator=gen)
            out.append([np.asarray(tr).tolist(), np.asarray(te).tolist()])
        out.append([gen.permutation(n).tolist(), []])
        return out
    if k == "hfglobal":
        # np.random.seed(s); then seedless Dataset.shuffle() calls (datasets >= 2.x seed derivation)
        np.random.seed(c["seed"])
        out = []
        for _ in range(3):
            _, key, pos, *_ = np.random.get_state()
            seed = key[pos] if pos < 624 else key[0]
            _ = np.random.random()
            out.append([np.random.default_rng(seed).permutation(n).tolist(), []])
        return out
    if k == "hfshuffle":
        return [[np.random.default_rng(c["seed"]).permutation(n).tolist(), []]]
    raise ValueError("unknown kind " + k)


def run_case(c):
    try:
        return {"folds": run(c)}
    except Exception as e:  # the message is what the Go side compares
        return {"error": type(e).__name__ + ": " + str(e)}


def main():
    cases = json.load(sys.stdin)
    json.dump([run_case(c) for c in cases], sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main()
