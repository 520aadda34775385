"""numpy references for the `tensor` bench suite (neurite-bench tensor).

Prints one JSON object of median timings measured on this machine:
  rfft_irfft_us: {"1024": us, "10000": us}   np.fft.irfft(np.fft.rfft(x), n), batch 1, float64
  normals_s:     seconds for 1e7 standard normals (np.random.default_rng(0).standard_normal, float64)
Usage: python3 tensor.py [--quick]
"""
import json
import sys
import time

import numpy as np


def median_time(fn, warmup, repeats, inner=1):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t0) / inner)
    return float(np.median(times))


def main():
    quick = "--quick" in sys.argv[1:]
    warmup, repeats = (1, 5) if quick else (3, 15)
    rng = np.random.default_rng(0)
    fft = {}
    for n in (1024, 10000):
        x = rng.standard_normal(n)
        fft[str(n)] = 1e6 * median_time(lambda: np.fft.irfft(np.fft.rfft(x), n), warmup, repeats, inner=100 if n <= 1024 else 20)
    gen = np.random.default_rng(1)
    normals = median_time(lambda: gen.standard_normal(10_000_000), 1, 3 if quick else 7)
    print(json.dumps({"numpy": np.__version__, "rfft_irfft_us": fft, "normals_s": normals}))


if __name__ == "__main__":
    main()
