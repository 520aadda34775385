#!/usr/bin/env python3
"""Reads test/fixtures/eqprop-small.nir (written by scripts/nir-fixture.mjs) with Python `nir` (1.0.7;
NIR_PYTHON=path to its source if it is not installed) and writes what nir.read saw to
test/fixtures/eqprop-small.python.json: node types, array fields, edges, graph and node metadata."""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.environ.get("NIR_PYTHON", "/work/shared/reference/nir-python"))
import nir  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "test", "fixtures")
g = nir.read(os.path.join(FIX, "eqprop-small.nir"))


def plain(v):
    if isinstance(v, np.ndarray):
        return {"shape": list(v.shape), "dtype": str(v.dtype), "data": [float(x) for x in v.ravel()]}
    if isinstance(v, (np.floating, np.integer)):
        return v.item()
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    return v


nodes = {}
for name, node in g.nodes.items():
    d = {"type": type(node).__name__, "metadata": plain(node.metadata)}
    for field in ("weight", "bias", "scale", "shape"):
        if hasattr(node, field) and field != "shape" or (field == "shape" and type(node).__name__ in ("Input", "Output")):
            d[field] = plain(getattr(node, field) if field != "shape" else node.input_type["input"] if type(node).__name__ == "Input" else node.output_type["output"])
    nodes[name] = d
out = {"nir": nir.__version__, "nodes": nodes, "edges": [list(e) for e in g.edges], "metadata": plain(g.metadata)}
with open(os.path.join(FIX, "eqprop-small.python.json"), "w") as f:
    json.dump(out, f, indent=1)
print("nodes", sorted(nodes), "edges", len(out["edges"]), "metadata", out["metadata"])
