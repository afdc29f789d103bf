#!/usr/bin/python3
"""Start-up of splitter binaries side by side: size, `--version` wall time
(median of interleaved runs), page faults, and the sum of package
initializers GODEBUG=inittrace=1 reports (median), with the largest ones.

Usage: scripts/bench/startup.py [--runs N] REV_OR_BINARY...
  A git revision (or "." for the working tree) is built with CGO_ENABLED=0,
  as the README builds it; a path to an executable file is used as it is.
"""
import argparse, os, re, resource, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build(rev, work):
    if os.path.isfile(rev) and os.access(rev, os.X_OK):
        return rev
    out = os.path.join(work, "bin-%s" % re.sub(r"[^A-Za-z0-9]", "_", rev))
    env = dict(os.environ, CGO_ENABLED="0")
    if rev == ".":
        subprocess.run(["go", "build", "-o", out, "./cmd/splitter"], cwd=ROOT, env=env, check=True)
        return out
    src = os.path.join(work, "src-%s" % os.path.basename(out))
    subprocess.run(["git", "worktree", "add", "--detach", "-q", src, rev], cwd=ROOT, check=True)
    try:
        subprocess.run(["go", "build", "-o", out, "./cmd/splitter"], cwd=src, env=env, check=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", src], cwd=ROOT, check=False)
    return out


def once(binary):
    """Wall ms and major+minor page faults of one `binary --version`."""
    t = time.perf_counter()
    p = subprocess.Popen([binary, "--version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit("%s --version failed" % binary)
    return (time.perf_counter() - t) * 1000, ru.ru_minflt + ru.ru_majflt


def inittrace(binary):
    """Total initializer ms, package count, and {package: ms} of one run."""
    env = dict(os.environ, GODEBUG="inittrace=1")
    err = subprocess.run([binary, "--version"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=True).stderr
    per = {}
    for line in err.splitlines():
        m = re.match(r"init (\S+) @\S+ ms, ([0-9.]+) ms clock", line)
        if m:
            per[m.group(1)] = per.get(m.group(1), 0) + float(m.group(2))
    return sum(per.values()), len(per), per


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=41)
    ap.add_argument("revs", nargs="+")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        bins = [build(r, work) for r in a.revs]
        for b in bins:  # warm the page cache
            once(b)
        wall = {b: [] for b in bins}
        faults = {b: [] for b in bins}
        init = {b: [] for b in bins}
        for i in range(a.runs):
            for b in (bins if i % 2 == 0 else bins[::-1]):
                w, f = once(b)
                wall[b].append(w)
                faults[b].append(f)
                init[b].append(inittrace(b))
        for r, b in zip(a.revs, bins):
            total = statistics.median(x[0] for x in init[b])
            pkgs = init[b][0][1]
            top = {}
            for _, _, per in init[b]:
                for k, v in per.items():
                    top.setdefault(k, []).append(v)
            big = sorted(((statistics.median(v), k) for k, v in top.items()), reverse=True)[:5]
            print("%s: %.1f MB, --version %.1f ms (median of %d), %d page faults, "
                  "initializers %.2f ms over %d packages" % (
                      r, os.path.getsize(b) / 1e6, statistics.median(wall[b]), a.runs,
                      statistics.median(faults[b]), total, pkgs))
            print("  largest: " + ", ".join("%s %.2f" % (k, v) for v, k in big))


if __name__ == "__main__":
    main()
