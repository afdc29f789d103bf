"""Times CPython's random.shuffle and random.sample for comparison with the Go
benchmarks of rng.PyRandom (BenchmarkPyRandomShuffle10M, BenchmarkPyRandomSample).

    /usr/bin/python3 bench_shuffle.py        # prints medians of 5 runs
    go test ./rng -run XXX -bench 'PyRandom(Shuffle10M|Sample)$' -count 5
"""
import random
import statistics
import sys
import time


def median_time(f, runs=5, clock=time.perf_counter):
    ts = []
    for _ in range(runs):
        t = clock()
        f()
        ts.append(clock() - t)
    return statistics.median(ts)


r = random.Random(12345)
x = list(range(10_000_000))
print(f"CPython {sys.version.split()[0]}")
print(f"shuffle(list of 10,000,000): median {median_time(lambda: r.shuffle(x)):.3f} s")
print(f"sample(range(10_000_000), 1_000_000): median {median_time(lambda: r.sample(range(10_000_000), 1_000_000)):.3f} s")
# CPU time is less disturbed by other processes on a busy machine
print(f"shuffle(list of 10,000,000): median CPU {median_time(lambda: r.shuffle(x), 3, time.process_time):.3f} s")
