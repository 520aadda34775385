#!/usr/bin/env python3
"""Independent numpy reference of equilibrium propagation with any number of hidden layers, written from
Scellier & Bengio 2017 ("Equilibrium Propagation: Bridging the Gap between Energy-Based Models and
Backpropagation", Frontiers in Computational Neuroscience 11:24, sections 2-4 and the hyperparameters of its
784-500-500-10 network) to check @neurite/eqprop's multi-layer path. Not derived from packages/eqprop/src.

Model (s_0 = x clamped, s_1 ... s_L free, rho(s) = clip(s, 0, 1), rho' = 1 on the closed box):
  E(s)  = 1/2 sum_{l>=1} |rho(s_l)|^2 - sum_{l=0}^{L-1} rho(s_l)^T W_l rho(s_{l+1}) - sum_{l>=1} b_{l-1}^T rho(s_l)
  C(s)  = c |s_L - y|^2        (c = 1 in the paper; c = 1/2 with --half-cost, the kernel's convention)
  F     = E + beta C
  step  s_l <- clip(s_l - eps dF/ds_l, 0, 1)  for every l >= 1 at once (synchronous projected Euler),
        -dF/ds_l = rho'(s_l) (rho(s_{l-1}) W_{l-1} + rho(s_{l+1}) W_l^T + b_{l-1} - rho(s_l)) + [l = L] 2 c beta (y - s_L)
  update (batch mean, states of the nudged phase s^beta and of the free phase s^0):
        W_l <- W_l + (alpha_l / beta) mean_b (rho(s_l^beta)^T rho(s_{l+1}^beta) - rho(s_l^0)^T rho(s_{l+1}^0))
        b_l <- b_l + (alpha_l / beta) mean_b (rho(s_{l+1}^beta) - rho(s_{l+1}^0))
  beta's sign drawn at random per minibatch; persistent particles: each example's free phase starts from its
  own last free fixed point (zeros at first); the nudged phase starts from the free fixed point.

Usage (data written by packages/eqprop/scripts/mnist-export.mjs):
  eqprop_deep.py train DATA_DIR [--hidden 500,500] [--epochs 1] [--free 100] [--nudged 6] [--beta 1]
                 [--alphas 0.4,0.1,0.01] [--eps 0.5] [--seed 0] [--half-cost] [--fixed-sign]
      one JSON line per epoch: train error (running, at the free phase before each update), test error
      (free phase from zeros, --free steps), seconds.
  eqprop_deep.py step CASE.json OUT.json
      one training step from the weights, batch, particles and sign in CASE.json (written by
      packages/eqprop/scripts/deep-compare.mjs); writes the free and nudged states after every step and the new
      weights and biases, for a step-by-step comparison with the kernel."""
import json
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

F32 = np.float32


def rho(s):
    return np.clip(s, F32(0), F32(1))


def rho_prime(s):
    return ((s >= 0) & (s <= 1)).astype(F32)


def dynamics_step(x, states, W, b, eps, beta, y, c):
    """One synchronous projected-Euler step of every free layer; returns the new states."""
    L = len(states)
    new = []
    for l in range(L):
        below = x if l == 0 else rho(states[l - 1])
        force = below @ W[l] + b[l] - rho(states[l])
        if l + 1 < L:
            force = force + rho(states[l + 1]) @ W[l + 1].T
        force = rho_prime(states[l]) * force
        if beta != 0 and l == L - 1:
            force = force + F32(2 * c * beta) * (y - states[l])
        new.append(np.clip(states[l] + F32(eps) * force, F32(0), F32(1)).astype(F32))
    return new


def relax(x, states, W, b, eps, beta, y, c, n, record=None):
    for _ in range(n):
        states = dynamics_step(x, states, W, b, eps, beta, y, c)
        if record is not None:
            record.append([s.copy() for s in states])
    return states


def ep_update(x, free, nudged, W, b, alphas, beta):
    B = x.shape[0]
    lay_f = [x] + [rho(s) for s in free]
    lay_n = [x] + [rho(s) for s in nudged]
    for l in range(len(W)):
        a = F32(alphas[l] / beta / B)
        dW = lay_n[l].T @ lay_n[l + 1] - lay_f[l].T @ lay_f[l + 1]
        db = (lay_n[l + 1] - lay_f[l + 1]).sum(axis=0)
        W[l] = (W[l] + a * dW).astype(F32)
        b[l] = (b[l] + a * db).astype(F32)


def glorot(rng, sizes):
    return [rng.uniform(-np.sqrt(6 / (m + n)), np.sqrt(6 / (m + n)), (m, n)).astype(F32) for m, n in zip(sizes[:-1], sizes[1:])]


def load(data_dir, side):
    x = np.fromfile(os.path.join(data_dir, f"{side}-images.f32"), dtype="<f4").reshape(-1, 784)
    y = np.fromfile(os.path.join(data_dir, f"{side}-labels.u8"), dtype=np.uint8).astype(np.int64)
    return x, y


def one_hot(labels, n=10):
    t = np.zeros((len(labels), n), dtype=F32)
    t[np.arange(len(labels)), labels] = 1
    return t


def test_error(x, y, W, b, eps, n, c, chunk=500):
    sizes = [w.shape[1] for w in W]
    wrong = 0
    for i in range(0, len(y), chunk):
        xb = x[i : i + chunk]
        st = [np.zeros((len(xb), m), dtype=F32) for m in sizes]
        st = relax(xb, st, W, b, eps, 0, None, c, n)
        wrong += int((st[-1].argmax(axis=1) != y[i : i + chunk]).sum())
    return wrong / len(y)


def arg(name, default, cast=str):
    if name in sys.argv:
        return cast(sys.argv[sys.argv.index(name) + 1])
    return default


def train(data_dir):
    hidden = [int(v) for v in arg("--hidden", "500,500").split(",")]
    epochs = arg("--epochs", 1, int)
    n_free = arg("--free", 100, int)
    n_nudged = arg("--nudged", 6, int)
    beta0 = arg("--beta", 1.0, float)
    alphas = [float(v) for v in arg("--alphas", "0.4,0.1,0.01").split(",")]
    eps = arg("--eps", 0.5, float)
    seed = arg("--seed", 0, int)
    batch = arg("--batch", 20, int)
    c = 0.5 if "--half-cost" in sys.argv else 1.0
    random_sign = "--fixed-sign" not in sys.argv
    rng = np.random.default_rng(seed)
    xtr, ytr = load(data_dir, "train")
    xte, yte = load(data_dir, "test")
    sizes = [784] + hidden + [10]
    W = glorot(rng, sizes)
    b = [np.zeros(n, dtype=F32) for n in sizes[1:]]
    particles = [np.zeros((len(ytr), n), dtype=F32) for n in sizes[1:]]
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        order = rng.permutation(len(ytr))
        wrong = 0
        seen = 0
        for k in range(len(ytr) // batch):
            idx = order[k * batch : (k + 1) * batch]
            x = xtr[idx]
            y = one_hot(ytr[idx])
            free = relax(x, [p[idx] for p in particles], W, b, eps, 0, None, c, n_free)
            for p, s in zip(particles, free):
                p[idx] = s
            wrong += int((free[-1].argmax(axis=1) != ytr[idx]).sum())
            seen += batch
            beta = beta0 * (1 if not random_sign or rng.integers(2) == 1 else -1)
            nudged = relax(x, free, W, b, eps, beta, y, c, n_nudged)
            ep_update(x, free, nudged, W, b, alphas, beta)
        te = test_error(xte, yte, W, b, eps, n_free, c)
        out_mean = float(particles[-1].mean())
        print(json.dumps({"epoch": epoch, "trainError": wrong / seen, "testError": te, "seconds": time.time() - t0,
                          "meanOutput": out_mean}), flush=True)


def step_case(path, out_path):
    case = json.load(open(path))
    sizes = case["sizes"]
    W = [np.array(w, dtype=F32).reshape(m, n) for w, m, n in zip(case["weights"], sizes[:-1], sizes[1:])]
    b = [np.array(v, dtype=F32) for v in case["biases"]]
    B = len(case["labels"])
    x = np.array(case["x"], dtype=F32).reshape(B, sizes[0])
    y = one_hot(np.array(case["labels"]), sizes[-1])
    c = case.get("costFactor", 1.0)
    start = [np.array(p, dtype=F32).reshape(B, n) for p, n in zip(case["particles"], sizes[1:])]
    rec_free, rec_nudged = [], []
    free = relax(x, start, W, b, case["eps"], 0, None, c, case["free"], rec_free)
    nudged = relax(x, free, W, b, case["eps"], case["beta"], y, c, case["nudged"], rec_nudged)
    ep_update(x, free, nudged, W, b, case["alphas"], case["beta"])
    flat = lambda arrs: [[float(v) for v in a.ravel()] for a in arrs]  # noqa: E731
    json.dump({"free": [flat(s) for s in rec_free], "nudged": [flat(s) for s in rec_nudged],
               "weights": flat(W), "biases": flat(b)}, open(out_path, "w"))


def steps_case(path, out_path):
    """Several training steps with persistent particles: CASE.json as for `step`, plus "batches" (example ids per step,
    into "x"/"labels" given per example) and "signs" (the sign of beta per step)."""
    case = json.load(open(path))
    sizes = case["sizes"]
    W = [np.array(w, dtype=F32).reshape(m, n) for w, m, n in zip(case["weights"], sizes[:-1], sizes[1:])]
    b = [np.array(v, dtype=F32) for v in case["biases"]]
    n_ex = len(case["labels"])
    X = np.array(case["x"], dtype=F32).reshape(n_ex, sizes[0])
    labels = np.array(case["labels"])
    c = case.get("costFactor", 1.0)
    particles = [np.zeros((n_ex, n), dtype=F32) for n in sizes[1:]]
    for ids, sign in zip(case["batches"], case["signs"]):
        ids = np.array(ids)
        x = X[ids]
        free = relax(x, [p[ids] for p in particles], W, b, case["eps"], 0, None, c, case["free"])
        for p, st in zip(particles, free):
            p[ids] = st
        nudged = relax(x, free, W, b, case["eps"], sign * case["beta"], one_hot(labels[ids], sizes[-1]), c, case["nudged"])
        ep_update(x, free, nudged, W, b, case["alphas"], sign * case["beta"])
    flat = lambda arrs: [[float(v) for v in a.ravel()] for a in arrs]  # noqa: E731
    json.dump({"weights": flat(W), "biases": flat(b), "particles": flat(particles)}, open(out_path, "w"))


if __name__ == "__main__":
    if sys.argv[1] == "train":
        train(sys.argv[2])
    elif sys.argv[1] == "step":
        step_case(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "steps":
        steps_case(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)
