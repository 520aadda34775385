"""numpy references for the `tensor` bench suite (neurite-bench tensor).

Prints one JSON object of median timings measured on this machine:
  rfft_irfft_us: {"1024": us, "10000": us}   np.fft.irfft(np.fft.rfft(x), n), batch 1, float64
  normals_s:     seconds for 1e7 standard normals (np.random.default_rng(0).standard_normal, float64)
  bind_us:       np.fft.irfft(np.fft.rfft(a) * np.fft.rfft(b), n), D = 10000, float64
  bundle_us:     x.sum(axis=0) of a float32 [1000, 1024] array
  cleanup_ms:    100 float32 queries x 1000 items x D = 10000: cosine scores (q @ items.T / norms) + argmax
Usage: python3 tensor.py [--quick] [--only fft,normals,bind,bundle,cleanup]
  --only: time just these cases (the suite alternates them with its own timings, so that the
  load on a shared machine falls on both sides alike); cleanup is timed unless --quick.
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
    argv = sys.argv[1:]
    quick = "--quick" in argv
    only = set(argv[argv.index("--only") + 1].split(",")) if "--only" in argv else {"fft", "normals", "bind", "bundle", "cleanup"}
    warmup, repeats = (1, 5) if quick else (3, 15)
    rng = np.random.default_rng(0)
    out = {"numpy": np.__version__}
    if "fft" in only:
        fft = {}
        for n in (1024, 10000):
            x = rng.standard_normal(n)
            fft[str(n)] = 1e6 * median_time(lambda: np.fft.irfft(np.fft.rfft(x), n), warmup, repeats, inner=100 if n <= 1024 else 20)
        out["rfft_irfft_us"] = fft
    if "normals" in only:
        gen = np.random.default_rng(1)
        out["normals_s"] = median_time(lambda: gen.standard_normal(10_000_000), 1, 3 if quick else 7)
    d = 10000
    if "bind" in only:
        a = rng.standard_normal(d)
        b = rng.standard_normal(d)
        out["bind_us"] = 1e6 * median_time(lambda: np.fft.irfft(np.fft.rfft(a) * np.fft.rfft(b), d), warmup, repeats, inner=20)
    if "bundle" in only:
        x = rng.standard_normal((1000, 1024)).astype(np.float32)
        out["bundle_us"] = 1e6 * median_time(lambda: x.sum(axis=0), warmup, repeats, inner=5)
    if "cleanup" in only and not quick:
        q = rng.standard_normal((100, d)).astype(np.float32)
        items = rng.standard_normal((1000, d)).astype(np.float32)

        def cleanup():
            s = (q @ items.T) / np.outer(np.linalg.norm(q, axis=1), np.linalg.norm(items, axis=1))
            return s.argmax(axis=1)

        out["cleanup_ms"] = 1e3 * median_time(cleanup, 1, 7)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
