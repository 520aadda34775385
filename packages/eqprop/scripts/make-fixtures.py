#!/usr/bin/env python3
"""Writes packages/eqprop/test/fixtures/*.json with Debian's /usr/bin/python3 (numpy 1.24):
- reference-steps.json: three training steps of packages/bench/references/eqprop.py (the project's
  independent numpy version of the algorithm) from given initial weights, for several settings;
- singular-values.json: random matrices and their exact singular values (numpy.linalg.svd);
- float16.json: float32 values and numpy's rounding of them to float16.
Run from the repository root: /usr/bin/python3 packages/eqprop/scripts/make-fixtures.py"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench", "references"))
import eqprop as ref  # noqa: E402

OUT = os.path.join(HERE, "..", "test", "fixtures")
os.makedirs(OUT, exist_ok=True)
F = np.float32


def tolist(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


rng = np.random.default_rng(2024)
sizes = [12, 10, 8, 4]
cases = []
settings = [
    dict(name="laborieux-hard-mse-one-sided", dynamics="laborieux", activation="hard-sigmoid", cost="mse", gamma=0.5, step_size=0.5,
         max_steps=30, nudged_steps=30, epsilon=1e-3, adaptive=True, beta=0.5, estimator="one-sided", lr=[0.2, 0.1, 0.05], spectral=0.25),
    dict(name="scellier-mse-one-sided-fixed-steps", dynamics="scellier", activation="hard-sigmoid", cost="mse", gamma=0.5, step_size=0.5,
         max_steps=20, nudged_steps=4, epsilon=0.0, adaptive=False, beta=1.0, estimator="one-sided", lr=[0.1, 0.05, 0.05], spectral=None),
    dict(name="async-sigmoid-ce-symmetric-spectral", dynamics="async", activation="sigmoid", cost="cross-entropy", gamma=0.8, step_size=0.5,
         max_steps=40, nudged_steps=40, epsilon=1e-4, adaptive=False, beta=0.3, estimator="symmetric", lr=[0.3, 0.2, 0.1], spectral=0.4),
]
for cfg in settings:
    weights = [rng.uniform(-0.6, 0.6, (m, n)).astype(F) for m, n in zip(sizes[:-1], sizes[1:])]
    biases = [rng.uniform(-0.2, 0.2, n).astype(F) for n in sizes[1:]]
    x = np.where(rng.uniform(size=(5, sizes[0])) > 0.3, rng.uniform(size=(5, sizes[0])), 0).astype(F)
    labels = rng.integers(0, sizes[-1], 5)
    init = dict(weights=[tolist(w) for w in weights], biases=[tolist(b) for b in biases])
    k = ref.Kernel(ref.Net(weights, biases), cfg)
    steps = []
    for t in range(3):
        r = k.step(x, labels)
        steps.append(dict(loss=r["loss"], accuracy=r["accuracy"], freeSteps=r["freeSteps"], nudgedSteps=r["nudgedSteps"],
                          free=[tolist(s) for s in r["free"]]))
    cases.append(dict(settings=cfg, sizes=sizes, init=init, x=tolist(x), labels=[int(v) for v in labels], steps=steps,
                      weights=[tolist(w) for w in k.net.W], biases=[tolist(b) for b in k.net.b]))
with open(os.path.join(OUT, "reference-steps.json"), "w") as f:
    json.dump({"source": "packages/bench/references/eqprop.py", "numpy": np.__version__, "cases": cases}, f)

mats = []
for m, n in [(20, 30), (50, 10), (64, 64)]:
    w = rng.normal(size=(m, n)).astype(F)
    mats.append(dict(rows=m, cols=n, data=tolist(w), singularValues=tolist(np.linalg.svd(w.astype(np.float64), compute_uv=False))))
with open(os.path.join(OUT, "singular-values.json"), "w") as f:
    json.dump({"source": "numpy.linalg.svd", "numpy": np.__version__, "matrices": mats}, f)

vals = np.concatenate([
    rng.normal(size=200) * 10.0 ** rng.integers(-9, 6, 200),
    np.array([65504, 65519.99, 65520, 1e6, 2.0 ** -24, 2.0 ** -25, 1.5 * 2.0 ** -25, 2.0 ** -14, 1 / 3, -1 / 3, 0.1, 2049, 2051, 0]),
]).astype(F)
with open(os.path.join(OUT, "float16.json"), "w") as f:
    json.dump({"source": "numpy float32 → float16", "numpy": np.__version__, "input": tolist(vals),
               "float16": [float(v) if np.isfinite(v) else ("Infinity" if v > 0 else "-Infinity") for v in vals.astype(np.float16).astype(np.float64)]}, f)
print("wrote", OUT)
