#!/usr/bin/env python3
"""numpy reference for the `hrr` bench suite: the same computations as packages/hrr, timed with
numpy.fft (median microseconds per call, after warm-up). Prints one JSON object.
Usage: hrr.py [--quick]"""
import json
import sys
import time

import numpy as np

QUICK = "--quick" in sys.argv[1:]
REPEATS = 5 if QUICK else 15


def median_us(fn, inner=1, warmup=None):
    for _ in range(warmup if warmup is not None else (1 if QUICK else 3)):
        fn()
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t0) * 1e6 / inner)
    return float(np.median(times))


rng = np.random.default_rng(0)


def vectors(n, d):
    return rng.normal(0.0, 1.0 / np.sqrt(d), size=(n, d)).astype(np.float32)


def bind(a, b):
    d = a.shape[-1]
    return np.fft.irfft(np.fft.rfft(a) * np.fft.rfft(b), n=d).astype(np.float32)


def unbind(c, a):
    d = a.shape[-1]
    return np.fft.irfft(np.conj(np.fft.rfft(a)) * np.fft.rfft(c), n=d).astype(np.float32)


out = {}
for d in (1024, 10000):
    a, b = vectors(1, d)[0], vectors(1, d)[0]
    out[f"bind_{d}"] = median_us(lambda: bind(a, b), inner=50 if d == 1024 else 10)

a, b = vectors(1, 512)[0], vectors(1, 512)[0]
out["bind_unbind_512"] = median_us(lambda: unbind(bind(a, b), a), inner=50)

for n in (1, 10, 100, 1000):
    A, B = vectors(n, 1024), vectors(n, 1024)
    out[f"batch_bind_{n}x1024"] = median_us(lambda: bind(A, B), inner=max(1, 100 // n))

V = vectors(1000, 1024)
out["bundle_1000x1024"] = median_us(lambda: V.sum(axis=0, dtype=np.float32), inner=5)

items = vectors(1000, 10000)
items_n = items / np.linalg.norm(items, axis=1, keepdims=True)
Q = vectors(100, 10000)


def cleanup(q, k=1):
    qn = q / np.linalg.norm(q, axis=-1, keepdims=True)
    s = qn @ items_n.T
    idx = np.argpartition(-s, k - 1, axis=-1)[..., :k]
    return idx, np.take_along_axis(s, idx, axis=-1)


out["cleanup_batched_per_query"] = median_us(lambda: cleanup(Q)) / Q.shape[0]
out["cleanup_single"] = median_us(lambda: cleanup(Q[:1]), inner=5)
out["numpy"] = np.__version__
print(json.dumps(out))
