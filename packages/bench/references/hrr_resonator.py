#!/usr/bin/env python3
"""Resonator network of Frady, Kent, Olshausen & Sommer (2020, "Resonator networks, 1") in numpy:
the reference for @neurite/hrr's `resonator` on MAP (bipolar) codebooks.

Sequential outer-product update, factor i using the already updated factors of this iteration:
    x_i <- sign(X_i X_i^T (s * prod_{j != i} x_j)),  x_i(0) = sign(sum_m X_i[m]) (ties broken at random)
run to a fixed point of the state (or --max-iterations). Reports the accuracy of two decodings of
the final state: argmax_m <x_i, X_i[m]> (signed) and argmax_m |<x_i, X_i[m]>| (the sign-flipped
factorisations (-x, -y, z) are fixed points too, and they compose the same s).

  /usr/bin/python3 hrr_resonator.py [--dim 2000] [--items 100] [--factors 3] [--trials 40] [--max-iterations 3000] [--seed 1] [--parallel]
Prints one JSON object.
"""
import argparse
import json
import time

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dim", type=int, default=2000)
    p.add_argument("--items", type=int, default=100)
    p.add_argument("--factors", type=int, default=3)
    p.add_argument("--trials", type=int, default=40)
    p.add_argument("--max-iterations", type=int, default=3000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--parallel",
        action="store_true",
        help="update every factor from the previous iteration's estimates (torchhd.resonator's update) instead of in turn",
    )
    a = p.parse_args()
    D, M, F = a.dim, a.items, a.factors
    rng = np.random.default_rng(a.seed)
    signed = absolute = fixed = 0
    iterations = []
    t = time.perf_counter()
    for _ in range(a.trials):
        books = [rng.choice([-1.0, 1.0], size=(M, D)) for _ in range(F)]
        truth = rng.integers(0, M, F)
        s = np.prod([books[i][truth[i]] for i in range(F)], axis=0)
        est = []
        for X in books:
            e = np.sign(X.sum(0))
            zero = e == 0
            e[zero] = rng.choice([-1.0, 1.0], size=int(zero.sum()))
            est.append(e)
        for it in range(a.max_iterations):
            before = [e.copy() for e in est]
            others = before if a.parallel else est
            for i in range(F):
                u = s.copy()
                for j in range(F):
                    if j != i:
                        u *= others[j]
                e = np.sign(books[i].T @ (books[i] @ u))
                e[e == 0] = 1.0
                est[i] = e
            if all((b == e).all() for b, e in zip(before, est)):
                fixed += 1
                break
        iterations.append(it + 1)
        sims = [books[i] @ est[i] for i in range(F)]
        signed += int(all(int(np.argmax(sims[i])) == truth[i] for i in range(F)))
        absolute += int(all(int(np.argmax(np.abs(sims[i]))) == truth[i] for i in range(F)))
    out = {
        "dim": D,
        "items": M,
        "factors": F,
        "update": "parallel" if a.parallel else "sequential",
        "trials": a.trials,
        "accuracy_signed_decode": signed / a.trials,
        "accuracy_abs_decode": absolute / a.trials,
        "fixed_points": fixed / a.trials,
        "iterations_mean": float(np.mean(iterations)),
        "iterations_median": float(np.median(iterations)),
        "ms_per_problem": 1000 * (time.perf_counter() - t) / a.trials,
        "numpy": np.__version__,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
