#!/usr/bin/env python3
"""Writes packages/eqprop/test/fixtures/published-deep.json with Debian's /usr/bin/python3 (numpy 1.24): training steps
of packages/bench/references/eqprop_deep.py, the independent numpy version of Scellier & Bengio 2017's published model
(cost ‖s_L − y‖², β and α in the paper's units), for a 12-10-8-4 network with 100 free / 6 nudged steps, both signs
of β, starting from given persistent particles. test/scellier-preset.test.ts checks scellierPreset's kernel against it.
Run from the repository root: /usr/bin/python3 packages/eqprop/scripts/make-deep-fixture.py"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench", "references"))
import eqprop_deep as ref  # noqa: E402

F = np.float32
rng = np.random.default_rng(2017)
sizes = [12, 10, 8, 4]
B = 5
cases = []
for sign in (1, -1):
    W = ref.glorot(rng, sizes)
    b = [rng.uniform(-0.1, 0.1, n).astype(F) for n in sizes[1:]]
    x = np.where(rng.uniform(size=(B, sizes[0])) < 0.4, 0, rng.uniform(size=(B, sizes[0]))).astype(F)
    labels = rng.integers(0, sizes[-1], B)
    particles = [rng.uniform(0, 1, (B, n)).astype(F) for n in sizes[1:]]
    init = dict(weights=[w.ravel().tolist() for w in W], biases=[v.tolist() for v in b])
    beta, alphas = sign * 1.0, [0.4, 0.1, 0.01]
    free = ref.relax(x, [p.copy() for p in particles], W, b, 0.5, 0, None, 1.0, 100)
    nudged = ref.relax(x, free, W, b, 0.5, beta, ref.one_hot(labels, sizes[-1]), 1.0, 6)
    ref.ep_update(x, free, nudged, W, b, alphas, beta)
    cases.append(dict(sign=sign, sizes=sizes, init=init, x=x.ravel().tolist(), labels=labels.tolist(),
                      particles=[p.ravel().tolist() for p in particles], free=[s.ravel().tolist() for s in free],
                      nudged=[s.ravel().tolist() for s in nudged], weights=[w.ravel().tolist() for w in W],
                      biases=[v.tolist() for v in b]))
out = os.path.join(HERE, "..", "test", "fixtures", "published-deep.json")
with open(out, "w") as f:
    json.dump({"source": "packages/eqprop/scripts/make-deep-fixture.py", "cases": cases}, f)
print("wrote", out)
