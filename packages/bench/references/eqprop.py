#!/usr/bin/env python3
"""numpy reference of @neurite/eqprop's equilibrium propagation (the same algorithm, written
independently from the equations in packages/eqprop/src): layered energy network, free and
nudged relaxations ('laborieux' damped fixed point, 'scellier' projected Euler, 'async' odd/even),
one-sided / symmetric estimators, MSE or cross-entropy readout, spectral bound by power iteration.

As a script: times training steps of 784-500-10 (batch 20, 20 free + 4 nudged Scellier steps,
Scellier & Bengio 2017 Table 2 settings) and a free-phase sweep of batch 256 with `Scellier1`, a
specialised float32 in-place version (checked against `Kernel` first); prints one JSON object.
Usage: eqprop.py [--quick]
Imported by packages/eqprop/scripts/make-fixtures.py to write the test fixtures."""
import json
import os
import sys
import time

# one BLAS thread: the JavaScript kernel runs on one thread too (set before numpy loads its BLAS)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

F = np.float32


def hard_sigmoid(u):
    return np.clip(u, 0.0, 1.0)


def sigmoid(u):
    return (1.0 / (1.0 + np.exp(-u.astype(np.float64)))).astype(F)


class Net:
    """W[l]: [n_l, n_{l+1}], b[l]: [n_{l+1}] (float32)."""

    def __init__(self, weights, biases):
        self.W = [np.array(w, dtype=F) for w in weights]
        self.b = [np.array(b, dtype=F) for b in biases]
        self.sizes = [self.W[0].shape[0]] + [w.shape[1] for w in self.W]


def softmax(z):
    z = z.astype(np.float64)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(F)


def n_states(net, cost):
    return len(net.sizes) - 1 if cost == "mse" else len(net.sizes) - 2


def drive_of(net, l, states, drive, target, beta, cost):
    """u_l = ∂Φ/∂s_l − β ∂C/∂s_l (l is 1-based)."""
    S = len(states)
    if l == 1:
        u = drive.copy()
    else:
        u = states[l - 2] @ net.W[l - 1] + net.b[l - 1]
    if l < S:
        u = u + states[l] @ net.W[l].T
    if beta != 0 and l == S:
        s = states[S - 1]
        if cost == "mse":
            u = u + F(beta) * (target - s)
        else:
            L = len(net.sizes) - 1
            yhat = softmax(s @ net.W[L - 1] + net.b[L - 1])
            u = u + (F(beta) * (target - yhat)) @ net.W[L - 1].T
    return u.astype(F)


def relax(net, states, drive, target, beta, cfg, max_steps):
    """In place; returns (steps, residual)."""
    S = len(states)
    layers = list(range(1, S + 1))
    groups = [[l for l in layers if l % 2 == 1], [l for l in layers if l % 2 == 0]] if cfg["dynamics"] == "async" else [layers]
    g = F(cfg["gamma"])
    res = np.inf
    steps = 0
    for t in range(1, max_steps + 1):
        res2 = np.zeros(drive.shape[0])
        for group in groups:
            if not group:
                continue
            us = {l: drive_of(net, l, states, drive, target, beta, cfg["cost"]) for l in group}
            for l in group:
                old = states[l - 1]
                u = us[l]
                if cfg["dynamics"] == "scellier":
                    new = np.clip(old + F(cfg["step_size"]) * (u - old), 0, 1).astype(F)
                else:
                    r = hard_sigmoid(u) if cfg["activation"] == "hard-sigmoid" else sigmoid(u)
                    new = ((F(1) - g) * old + g * r).astype(F)
                d = (new - old).astype(np.float64)
                res2 += (d * d).sum(axis=1)
                states[l - 1] = new
        res = float(np.sqrt(res2.max()))
        steps = t
        th = 2 * cfg["epsilon"] if (cfg["adaptive"] and t > 5) else cfg["epsilon"]
        if res < th:
            break
    return steps, res


def power_iteration(w, u, iters):
    w64 = w.astype(np.float64)
    if not np.any(u):
        u[:] = 1 / np.sqrt(w.shape[0])
    sigma = 0.0
    for _ in range(iters):
        v = w64.T @ u
        v /= np.linalg.norm(v)
        wu = w64 @ v
        sigma = float(np.linalg.norm(wu))
        u[:] = wu / sigma
    return sigma


class Kernel:
    def __init__(self, net, cfg):
        self.net = net
        self.cfg = cfg
        self.u = [np.zeros(n) for n in net.sizes[:-1]]
        self.spectral(20, scale=False)

    def spectral(self, iters, scale=True):
        bound = self.cfg.get("spectral")
        if not bound:
            return
        for l in range(n_states(self.net, self.cfg["cost"])):
            sigma = power_iteration(self.net.W[l], self.u[l], iters)
            if scale and sigma > bound:
                self.net.W[l] = (self.net.W[l] * F(bound / sigma)).astype(F)

    def step(self, x, labels):
        cfg, net = self.cfg, self.net
        B = x.shape[0]
        L = len(net.sizes) - 1
        S = n_states(net, cfg["cost"])
        target = np.zeros((B, net.sizes[-1]), dtype=F)
        target[np.arange(B), labels] = 1
        drive = (x @ net.W[0] + net.b[0]).astype(F)
        free = [np.zeros((B, n), dtype=F) for n in net.sizes[1 : S + 1]]
        fsteps, fres = relax(net, free, drive, None, 0.0, cfg, cfg["max_steps"])
        gw = [np.zeros_like(w, dtype=np.float64) for w in net.W]
        gb = [np.zeros_like(b, dtype=np.float64) for b in net.b]

        def phi_grad(states, c):
            for l in range(S):
                pre = x if l == 0 else states[l - 1]
                gw[l] += c * (pre.astype(np.float64).T @ states[l])
                gb[l] += c * states[l].sum(axis=0)

        nsteps = 0
        beta = cfg["beta"]
        phases = [beta, -beta] if cfg["estimator"] == "symmetric" else [cfg.get("sign", 1) * beta]
        nudged = []
        for bt in phases:
            st = [f.copy() for f in free]
            nsteps += relax(net, st, drive, target, bt, cfg, cfg["nudged_steps"])[0]
            nudged.append(st)
        if cfg["estimator"] == "symmetric":
            phi_grad(nudged[0], 1 / (2 * beta))
            phi_grad(nudged[1], -1 / (2 * beta))
        else:
            phi_grad(nudged[0], 1 / phases[0])
            phi_grad(free, -1 / phases[0])
        if cfg["cost"] == "mse":
            out = free[S - 1]
            loss = float(0.5 * ((out - target).astype(np.float64) ** 2).sum() / B)
        else:
            out = softmax(free[S - 1] @ net.W[L - 1] + net.b[L - 1])
            loss = float(-np.log(np.maximum(out[np.arange(B), labels].astype(np.float64), 1e-30)).sum() / B)
            err = (target - out).astype(np.float64)
            gw[L - 1] += free[S - 1].astype(np.float64).T @ err
            gb[L - 1] += err.sum(axis=0)
        acc = float((out.argmax(axis=1) == labels).mean())
        for l in range(L):
            a = cfg["lr"][l] / B
            net.W[l] = (net.W[l] + (a * gw[l]).astype(F)).astype(F)
            net.b[l] = (net.b[l] + (a * gb[l]).astype(F)).astype(F)
        self.spectral(1)
        return {"loss": loss, "accuracy": acc, "freeSteps": fsteps, "nudgedSteps": nsteps, "residual": fres, "free": free}


def synthetic_batch(B, n, offset=0):
    """Inputs every implementation can rebuild exactly: x[b, i] = v if v > 0.81 else 0, v = ((b + offset)·104729 + i·7919 mod 1000)/1000
    (about 19% non-zero, like MNIST pixels); labels (b + offset) mod 10."""
    b = np.arange(B)[:, None] + offset
    i = np.arange(n)[None, :]
    v = ((b * 104729 + i * 7919) % 1000) / 1000.0
    x = np.where(v > 0.81, v, 0.0).astype(F)
    return x, ((np.arange(B) + offset) % 10).astype(np.int64)


class Scellier1:
    """The timed training step: one hidden layer, Scellier & Bengio 2017 settings (projected Euler, ε = 0.5,
    MSE, hard sigmoid, one-sided estimate with the sign given per batch), written as a numpy user would for
    speed: float32 throughout, in-place updates into preallocated buffers, the constant input drive x·W_0 + b_0
    computed once per batch, W_0's update as one product xᵀ(h^β − h^0), no residual (ε = 0 stops nothing).
    `Kernel` above is the general version (any layers and dynamics, float64 gradient sums) the fixtures use;
    `bench` checks that both give the same weights on a batch before timing this one."""

    def __init__(self, weights, biases, lr=(0.1, 0.05), eps=0.5, free_steps=20, nudged_steps=4):
        self.W = [np.array(w, dtype=F) for w in weights]
        self.b = [np.array(b, dtype=F) for b in biases]
        self.lr, self.eps, self.free_steps, self.nudged_steps = lr, F(eps), free_steps, nudged_steps

    def relax(self, h, y, drive, target, beta, steps, uh, uy):
        W1, W1T, b1, eps = self.W[1], self.W[1].T, self.b[1], self.eps
        for _ in range(steps):
            np.matmul(y, W1T, out=uh)
            uh += drive
            np.matmul(h, W1, out=uy)
            uy += b1
            if beta != 0:
                uy += F(beta) * (target - y)
            uh -= h
            uh *= eps
            h += uh
            np.clip(h, 0, 1, out=h)
            uy -= y
            uy *= eps
            y += uy
            np.clip(y, 0, 1, out=y)

    def step(self, x, labels, beta):
        W, b = self.W, self.b
        B, n1, n2 = x.shape[0], W[0].shape[1], W[1].shape[1]
        target = np.zeros((B, n2), dtype=F)
        target[np.arange(B), labels] = 1
        drive = x @ W[0]
        drive += b[0]
        uh, uy = np.empty((B, n1), dtype=F), np.empty((B, n2), dtype=F)
        h0, y0 = np.zeros((B, n1), dtype=F), np.zeros((B, n2), dtype=F)
        self.relax(h0, y0, drive, None, 0.0, self.free_steps, uh, uy)
        hb, yb = h0.copy(), y0.copy()
        self.relax(hb, yb, drive, target, beta, self.nudged_steps, uh, uy)
        dh = hb - h0
        c0, c1 = F(self.lr[0] / (B * beta)), F(self.lr[1] / (B * beta))
        W[0] += (x.T @ dh) * c0
        b[0] += dh.sum(axis=0) * c0
        W[1] += (hb.T @ yb - h0.T @ y0) * c1
        b[1] += (yb - y0).sum(axis=0) * c1
        return h0, y0

    def free_phase(self, x, steps, gamma=0.5):
        """'laborieux' damped fixed point from zero states (the bench's batch-256 sweep), in place."""
        W1, W1T, b1, g, keep = self.W[1], self.W[1].T, self.b[1], F(gamma), F(1 - gamma)
        B = x.shape[0]
        drive = x @ self.W[0]
        drive += self.b[0]
        h, y = np.zeros((B, W1.shape[0]), dtype=F), np.zeros((B, W1.shape[1]), dtype=F)
        uh, uy = np.empty_like(h), np.empty_like(y)
        for _ in range(steps):
            np.matmul(y, W1T, out=uh)
            uh += drive
            np.matmul(h, W1, out=uy)
            uy += b1
            np.clip(uh, 0, 1, out=uh)
            np.clip(uy, 0, 1, out=uy)
            h *= keep
            uh *= g
            h += uh
            y *= keep
            uy *= g
            y += uy
        return h, y


def bench(quick):
    repeats = 3 if quick else 7
    rng = np.random.default_rng(0)
    sizes = [784, 500, 10]
    weights = [rng.uniform(-1, 1, (m, n)).astype(F) * F(np.sqrt(6 / (m + n))) for m, n in zip(sizes[:-1], sizes[1:])]
    biases = [np.zeros(n, dtype=F) for n in sizes[1:]]
    batches = [synthetic_batch(20, 784, 20 * j) for j in range(10)]
    # the timed step = the general Kernel's step (same free states and weights after two batches, ±β);
    # float32 sums in another order (and Kernel's float64 gradient sums): 1e-5 bounds the difference
    cfg = dict(dynamics="scellier", activation="hard-sigmoid", cost="mse", gamma=0.5, step_size=0.5, max_steps=20, nudged_steps=4,
               epsilon=0.0, adaptive=False, beta=1.0, estimator="one-sided", lr=[0.1, 0.05], spectral=None)
    general, fast = Kernel(Net(weights, biases), cfg), Scellier1(weights, biases)
    for (x, y), sign in zip(batches[:2], (1.0, -1.0)):
        cfg["sign"] = sign
        free = general.step(x, y)["free"]
        h0, y0 = fast.step(x, y, sign)
        diffs = [np.abs(free[0] - h0).max(), np.abs(free[1] - y0).max()]
        diffs += [np.abs(a - c).max() for a, c in zip(general.net.W + general.net.b, fast.W + fast.b)]
        if max(diffs) > 1e-5:
            raise SystemExit(f"eqprop.py: the timed step differs from Kernel.step by {max(diffs):.2e}")
    k = Scellier1(weights, biases)
    for x, y in batches[:2]:
        k.step(x, y, 1.0)
    times, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        for j, (x, y) in enumerate(batches):
            k.step(x, y, 1.0 if j % 2 == 0 else -1.0)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    train_sps = 200 / float(np.median(times))
    # the same per CPU second of this process (what other processes on a busy machine do not change much)
    train_cpu = 200 * repeats / float(np.sum(cpu))
    # free phase, batch 256, 'laborieux' damped fixed point (γ = 0.5), 20 steps (no early stop)
    x, _ = synthetic_batch(256, 784)
    k.free_phase(x, 20)
    ft = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        k.free_phase(x, 20)
        ft.append(time.perf_counter() - t0)
    return {"train_samples_per_s_784_500_10_b20": train_sps, "train_samples_per_cpu_s_784_500_10_b20": train_cpu,
            "free_phase_us_784_500_10_b256_20steps": float(np.median(ft)) * 1e6}


if __name__ == "__main__":
    print(json.dumps(bench("--quick" in sys.argv[1:])))
