#!/usr/bin/env python3
"""torchhd side of the bench suite `hrr` (Level+Random MNIST encoding, OnlineHD, resonator).

Runs torchhd from a source checkout named by the environment variable TORCHHD_SRC (the
repository root of hyperdimensional-computing/torchhd; nothing of it is vendored here) on
/usr/bin/python3 with torch. Prints one JSON object; prints {"error": ...} and exits 2 when
torchhd or the MNIST file is unavailable, so the bench omits the reference fields.

  TORCHHD_SRC=/tmp/torchhd /usr/bin/python3 hrr_torchhd.py --mnist split.bin [--dim 10000]
      [--epochs 2] [--encode-samples 1000] [--quick]

split.bin: the project's fixed MNIST split as exported by the bench (float32 train images
[7996, 784], uint8 train labels, float32 test images [2004, 784], uint8 test labels).
"""
import argparse
import json
import os
import sys
import time
import types


def fail(msg):
    print(json.dumps({"error": msg}))
    sys.exit(2)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mnist", required=True)
    p.add_argument("--dim", type=int, default=10000)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--encode-samples", type=int, default=1000)
    p.add_argument("--resonator-dim", type=int, default=2000)
    p.add_argument("--resonator-items", type=int, default=100)
    p.add_argument("--resonator-trials", type=int, default=10)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--parts", default="encode,onlinehd,resonator", help="which of encode, onlinehd, resonator to run")
    p.add_argument("--classifiers", default="", help="comma list of torchhd.classifiers names to train and test (only these run)")
    p.add_argument("--clf-epochs", default="3", help="epochs of every classifier, or Name=n,Name=n (others: 3)")
    p.add_argument("--intrvfl-dim", type=int, default=1000, help="D of IntRVFL (its ridge read-out solves a D×D system)")
    a = p.parse_args()
    src = os.environ.get("TORCHHD_SRC")
    if not src or not os.path.isdir(os.path.join(src, "torchhd")):
        fail("TORCHHD_SRC is not set to a torchhd checkout")
    sys.path.insert(0, src)
    # torchhd.datasets imports pandas at import time; none of it is used here
    try:
        import pandas  # noqa: F401
    except ImportError:
        sys.modules["pandas"] = types.ModuleType("pandas")
    try:
        import numpy as np
        import torch
        import torchhd
        from torchhd import embeddings, functional
        from torchhd.classifiers import OnlineHD
    except Exception as e:  # noqa: BLE001
        fail(f"cannot import torchhd/torch: {e}")
    torch.manual_seed(0)
    torch.set_num_threads(1)
    raw = np.fromfile(a.mnist, dtype=np.uint8)
    ntr, nte, F = 7996, 2004, 784
    off = 0

    def take(count, dtype):
        nonlocal off
        size = count * np.dtype(dtype).itemsize
        out = raw[off : off + size].view(dtype)
        off += size
        return out

    xtr = torch.from_numpy(take(ntr * F, np.float32).reshape(ntr, F).copy())
    ytr = torch.from_numpy(take(ntr, np.uint8).astype(np.int64))
    xte = torch.from_numpy(take(nte * F, np.float32).reshape(nte, F).copy())
    yte = torch.from_numpy(take(nte, np.uint8).astype(np.int64))
    D = a.dim
    out = {"torch": torch.__version__, "torchhd": torchhd.__version__, "dim": D, "threads": 1}
    if a.classifiers:
        out["classifiers"] = train_classifiers(a, torch, xtr, ytr, xte, yte, F, D)
        print(json.dumps(out))
        return

    parts = set(a.parts.split(","))
    # 1. torchhd's MNIST example encoder: Random position keys, Level values (256 levels), MAP,
    #    hash_table (Σ key ⊙ level) then hard_quantize
    if "encode" in parts:
        encode_reference(a, out, xtr, F, D, embeddings, functional)
    if "onlinehd" in parts:
        onlinehd_reference(a, out, xtr, ytr, xte, yte, F, D, OnlineHD)
    if "resonator" in parts:
        resonator_reference(a, out, torch, torchhd)
    print(json.dumps(out))


def encode_reference(a, out, xtr, F, D, embeddings, functional):
    import torch

    ntr = len(xtr)
    position = embeddings.Random(F, D, vsa="MAP")
    value = embeddings.Level(256, D, vsa="MAP")
    n = min(a.encode_samples if not a.quick else 200, ntr)
    batch = max(1, (1 << 24) // (F * D))
    t = time.perf_counter()
    with torch.no_grad():
        for s in range(0, n, batch):
            x = xtr[s : s + batch]
            hv = functional.hash_table(position.weight, value(x))
            functional.hard_quantize(hv)
    out["encode_samples_per_s"] = n / (time.perf_counter() - t)
    out["encode_samples"] = n


def onlinehd_reference(a, out, xtr, ytr, xte, yte, F, D, OnlineHD):
    import torch

    # 2. OnlineHD (torchhd.classifiers.OnlineHD: Sinusoid encoder + Centroid.add_online) on unit-norm images
    def unit(x):
        return x / x.norm(dim=1, keepdim=True).clamp_min(1e-12)

    epochs = 1 if a.quick else a.epochs
    model = OnlineHD(F, D, 10, epochs=epochs)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(unit(xtr), ytr), batch_size=32, shuffle=True)
    t = time.perf_counter()
    with torch.no_grad():
        model.fit(loader)
    out["onlinehd_epoch_s"] = (time.perf_counter() - t) / epochs
    out["onlinehd_epochs"] = epochs
    with torch.no_grad():
        pred = model(unit(xte)).argmax(1)
    out["onlinehd_accuracy"] = float((pred == yte).float().mean())
    out["onlinehd_accuracy_pct"] = 100 * out["onlinehd_accuracy"]


def resonator_reference(a, out, torch, torchhd):
    # 3. resonator: 3 factors × M items, MAP, D = resonator_dim; iterate torchhd.resonator (its parallel
    #    update) until the state is a fixed point or the decoded indices rest for 20 iterations, cap 1000;
    #    decode by the largest |similarity| (negating two factors leaves the composite unchanged)
    Dr, M = a.resonator_dim, a.resonator_items
    trials = 2 if a.quick else a.resonator_trials
    g = torch.Generator().manual_seed(1)
    solved, iters, secs = 0, 0, 0.0
    for trial in range(trials):
        books = torchhd.random(3 * M, Dr, "MAP", generator=g).reshape(3, M, Dr)
        truth = torch.randint(0, M, (3,), generator=g)
        s = torchhd.bind(torchhd.bind(books[0, truth[0]], books[1, truth[1]]), books[2, truth[2]])
        est = torchhd.normalize(torchhd.multiset(books))
        t = time.perf_counter()
        prev = None
        stable = 0
        for it in range(1000):
            new = torchhd.resonator(s, est, books)
            fixed = torch.equal(new, est)
            est = new
            idx = torchhd.dot_similarity(est.unsqueeze(-2), books).squeeze(-2).abs().argmax(-1)
            stable = stable + 1 if prev is not None and torch.equal(idx, prev) else 0
            prev = idx
            if fixed or stable >= 20:
                break
        secs += time.perf_counter() - t
        iters += it + 1
        solved += int(torch.equal(prev, truth))
    out["resonator_ms"] = 1000 * secs / trials
    out["resonator_iterations"] = iters / trials
    out["resonator_accuracy"] = solved / trials
    out["resonator_trials"] = trials


# torchhd.classifiers whose encoder is the fixed hash_table(Random keys, Level values).sign(): their
# encodings are computed once with the classifier's own `encoder` and fed to its own `fit`/`predict`
# (the encoder replaced by the identity), instead of re-encoding [batch, 784, D] every epoch
FIXED_ENCODER = {"Vanilla", "AdaptHD", "SparseHD", "QuantHD", "CompHD", "LeHDC"}
# classifiers with torchhd's Sinusoid encoder get unit-norm images (as the project's side does)
SINUSOID = {"OnlineHD", "NeuralHD", "DistHD"}


def train_classifiers(a, torch, xtr, ytr, xte, yte, F, D):
    """torchhd.classifiers with their default hyperparameters except the epoch count (`--clf-epochs`:
    one number, or Name=n pairs), on the same split; one result each (also printed to stderr as it
    finishes, so a long run keeps what it got)."""
    import inspect

    from torchhd import classifiers as C

    epochs = {}
    for part in str(a.clf_epochs).split(","):
        if "=" in part:
            k, v = part.split("=")
            epochs[k] = int(v)
        elif part:
            epochs["*"] = int(part)

    def unit(x):
        return x / x.norm(dim=1, keepdim=True).clamp_min(1e-12)

    cache = []  # (keys, levels, encoded train, encoded test)

    def encoded(model):
        keys = getattr(model, "keys", None) or getattr(model, "feat_keys")
        for k, lv, etr, ete in cache:
            if torch.equal(k, keys.weight) and torch.equal(lv, model.levels.weight):
                return etr, ete, 0.0
        t = time.perf_counter()
        with torch.no_grad():
            etr = torch.cat([model.encoder(xtr[s : s + 32]) for s in range(0, len(xtr), 32)])
            ete = torch.cat([model.encoder(xte[s : s + 32]) for s in range(0, len(xte), 32)])
        cache.append((keys.weight.clone(), model.levels.weight.clone(), etr, ete))
        return etr, ete, time.perf_counter() - t

    res = {}
    for name in a.classifiers.split(","):
        cls = getattr(C, name)
        kw = {}
        if "epochs" in inspect.signature(cls.__init__).parameters:
            kw["epochs"] = epochs.get(name, epochs.get("*", 3))
        dim = a.intrvfl_dim if name == "IntRVFL" else D
        try:
            torch.manual_seed(0)
            model = cls(F, dim, 10, **kw)
            tr, te, enc_s = (unit(xtr), unit(xte), 0.0) if name in SINUSOID else (xtr, xte, 0.0)
            if name == "IntRVFL":
                # its fit encodes the whole training set in one call ([n, 784, D] at once); the same
                # encoding in chunks of 64 samples keeps the memory bounded
                whole = model.model.encode
                model.model.encode = lambda s: torch.cat([whole(s[i : i + 64]) for i in range(0, len(s), 64)])
            if name in FIXED_ENCODER:
                tr, te, enc_s = encoded(model)
                model.encoder = lambda s: s
            loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(tr, ytr), batch_size=32, shuffle=True)
            t = time.perf_counter()
            model.fit(loader)
            fit_s = time.perf_counter() - t
            model.eval()  # dropout (LeHDC) is a training-time operation
            with torch.no_grad():
                acc = float((torch.cat([model.predict(te[s : s + 256]) for s in range(0, len(te), 256)]) == yte).float().mean())
            res[name] = {"accuracy": acc, "fit_s": fit_s, "encode_s": enc_s, "dim": dim, **kw}
        except Exception as e:  # noqa: BLE001
            res[name] = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps({name: res[name]}), file=sys.stderr, flush=True)
    return res


if __name__ == "__main__":
    main()
