#!/usr/bin/env python3
"""PyTorch (CPU, float32, one thread) reference for the `eqprop` bench suite: the same EP training step
as packages/bench/references/eqprop.py and @neurite/eqprop (784-500-10, batch 20, Scellier & Bengio 2017
settings: 20 free + 4 nudged projected-Euler steps, ε = 0.5, β = 1, α = 0.1/0.05, hard sigmoid, MSE) on the
same synthetic batches, and a 20-step free phase at batch 256. Prints one JSON object (absent torch: {}).
Usage: eqprop_torch.py [--quick]"""
import json
import sys
import time

try:
    import torch
except ImportError:
    print("{}")
    sys.exit(0)

torch.set_num_threads(1)
QUICK = "--quick" in sys.argv[1:]
REPEATS = 3 if QUICK else 7


def synthetic_batch(B, n, offset=0):
    b = torch.arange(B, dtype=torch.int64)[:, None] + offset
    i = torch.arange(n, dtype=torch.int64)[None, :]
    v = ((b * 104729 + i * 7919) % 1000).to(torch.float64) / 1000.0
    x = torch.where(v > 0.81, v, torch.zeros_like(v)).to(torch.float32)
    return x, (torch.arange(B) + offset) % 10


g = torch.Generator().manual_seed(0)
sizes = [784, 500, 10]
W = [(torch.rand(m, n, generator=g) * 2 - 1) * (6 / (m + n)) ** 0.5 for m, n in zip(sizes[:-1], sizes[1:])]
b = [torch.zeros(n) for n in sizes[1:]]


def relax(h, y, drive, target, beta, steps, eps=0.5):
    for _ in range(steps):
        uh = drive + y @ W[1].T
        uy = h @ W[1] + b[1]
        if beta != 0:
            uy = uy + beta * (target - y)
        h = torch.clamp(h + eps * (uh - h), 0, 1)
        y = torch.clamp(y + eps * (uy - y), 0, 1)
    return h, y


def train_step(x, labels, sign):
    B = x.shape[0]
    target = torch.nn.functional.one_hot(labels, 10).to(torch.float32)
    drive = x @ W[0] + b[0]
    h0, y0 = relax(torch.zeros(B, 500), torch.zeros(B, 10), drive, None, 0.0, 20)
    beta = sign * 1.0
    hb, yb = relax(h0, y0, drive, target, beta, 4)
    dh = (hb - h0) / beta
    W[0].add_(x.T @ dh, alpha=0.1 / B)
    b[0].add_(dh.sum(0), alpha=0.1 / B)
    W[1].add_((hb.T @ yb - h0.T @ y0) / beta, alpha=0.05 / B)
    b[1].add_((yb - y0).sum(0) / beta, alpha=0.05 / B)


with torch.no_grad():
    batches = [synthetic_batch(20, 784, 20 * j) for j in range(10)]
    for x, y in batches[:2]:
        train_step(x, y, 1)
    times, cpu = [], []
    for _ in range(REPEATS):
        t0, c0 = time.perf_counter(), time.process_time()
        for j, (x, y) in enumerate(batches):
            train_step(x, y, 1 if j % 2 == 0 else -1)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    times.sort()
    train_sps = 200 / times[len(times) // 2]
    train_cpu = 200 * REPEATS / sum(cpu)
    x, _ = synthetic_batch(256, 784)

    def free_phase():
        drive = x @ W[0] + b[0]
        h, y = torch.zeros(256, 500), torch.zeros(256, 10)
        for _ in range(20):
            uh = drive + y @ W[1].T
            uy = h @ W[1] + b[1]
            h = 0.5 * h + 0.5 * torch.clamp(uh, 0, 1)
            y = 0.5 * y + 0.5 * torch.clamp(uy, 0, 1)
        return y

    free_phase()
    ft = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        free_phase()
        ft.append(time.perf_counter() - t0)
    ft.sort()
print(json.dumps({"torch": torch.__version__, "train_samples_per_s_784_500_10_b20": train_sps,
                  "train_samples_per_cpu_s_784_500_10_b20": train_cpu,
                  "free_phase_us_784_500_10_b256_20steps": ft[len(ft) // 2] * 1e6}))
